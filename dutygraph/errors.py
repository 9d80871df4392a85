"""User-facing errors: one line, exit status 2, never a traceback (the CLI's
``commands.options.user_errors`` prints them)."""

from __future__ import annotations

import re


class DutygraphError(Exception):
    """A problem with the user's input or arguments; ``str(error)`` is the one-line message."""


def one_line(error: BaseException) -> str:
    """An exception's message on one line, at most 200 characters (for a DutygraphError)."""
    return " ".join(str(error).split())[:200]


def masked(url: str) -> str:
    """``url`` as it may be shown: everything before the host's ``@`` becomes ``***``, even
    when a password holds a character that should have been escaped."""
    scheme, separator, rest = url.partition("://")
    address = re.split(r"[?#]", rest, maxsplit=1)[0]
    if not separator or "@" not in address:
        return url
    return f"{scheme}://***@{rest[address.rindex('@') + 1 :]}"
