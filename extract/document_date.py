"""The document's own date, where its opening states one: a date on a line of its own
(``23 June 2021``, ``Distr.: General 13 December 2019``) or in a dateline (``GENEVA (23 June
2021) –``), as ISO text of the precision written (``2021-06-23``, ``2002-11``).

Only the opening is read: a date further on, or inside a sentence, is an event the text
reports (a treaty's adoption, a visit), not the date of the document.
"""

from __future__ import annotations

import re

from dutygraph.extract.dates import date_after, iso_date
from dutygraph.extract.ir import Block, Layout
from dutygraph.extract.lexicon import lexicon

OPENING_BLOCKS = 12
OPENING_CHARS = 2_000


def document_date(text: str, lay: Layout) -> str | None:
    """The first date the opening gives as the document's own, or None."""
    standalone = lexicon().pattern("document_date")
    dateline = lexicon().pattern("dateline")
    for block in _opening(lay):
        found = _standalone_date(standalone, block.span.of(text)) or _dateline_date(
            dateline, text, block
        )
        if found:
            return found
    return None


def _opening(lay: Layout) -> list[Block]:
    return [b for b in lay.blocks[:OPENING_BLOCKS] if b.span.start < OPENING_CHARS]


def _standalone_date(pattern: re.Pattern[str], chunk: str) -> str | None:
    match = pattern.search(chunk)
    if match is None:
        return None
    parts = match.groupdict()
    return iso_date(
        {"year": parts["year"], "month": parts["month"], "day": parts["day"] or parts["day2"]}
    )


def _dateline_date(pattern: re.Pattern[str], text: str, block: Block) -> str | None:
    match = pattern.match(text, block.span.start, block.span.end)
    if match is None:
        return None
    return date_after(text, match.start(), match.end())
