"""The picture as one self-contained page, built from the shipped page.html, page.css, themes.js
and page.js.

The style and the script (``themes.js`` then ``page.js``, in one element) are inlined, nothing
is loaded from the network, and a content security policy allows only the page's own script;
the data sits in a JSON script element with ``<``, ``>`` and ``&`` escaped, and the script
inserts every label with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from rdflib import Dataset, Graph

from dutygraph import resources
from dutygraph.picture.data import picture_data

# One script element: the theme view first, then the page's script, which uses it.
SCRIPTS = ("themes.js", "page.js")


def picture_html(
    dataset: Dataset | Graph,
    bearer: str | None = None,
    kind: str | Sequence[str] | None = None,
    view: str = "duties",
) -> str:
    """The page, opening on ``view``; a control switches between the views."""
    data = picture_data(dataset, bearer, kind, view)
    script = "\n" + "".join(_page_file(name) for name in SCRIPTS)
    script_hash = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{script_hash}'"
    )
    return _page_file("page.html").format(
        policy=html.escape(policy, quote=False),
        title=html.escape(data["title"]),
        css=_element_text("page.css"),
        data=embedded_json(data),
        script=script,
    )


def _element_text(name: str) -> str:
    """A page file as its element's text, on lines of its own: what the script hash covers."""
    return "\n" + _page_file(name)


@cache
def _page_file(name: str) -> str:
    return resources.picture_file(name).read_text(encoding="utf-8")


def embedded_json(value: Any) -> str:
    """JSON safe inside a script element: no character can close it or start markup."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
