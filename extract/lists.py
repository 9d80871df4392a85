"""List items: the markers that open them and the lead-in each item belongs to.

An item starts with a bullet glyph, ``(a)``, ``a)``, ``(iv)``, ``(2)``, ``3.``, ``3)`` or a
sub-number (``116.12``), with or without a blank line before it. A block ending in a colon or a
dash (``urges Freedonia to:``, ``an applicant shall—``) introduces the items below it; items of
another marker style under an item that ends so are nested, and an item in the style of an
outer level closes the inner lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ITEM_LINE = re.compile(
    r"(?:[·•▪‣◦]|[-*–—](?=\s)"
    r"|\((?:[A-Za-z]|[ivxlc]{2,6}|[IVXLC]{2,6}|\d{1,3})\)(?=\s)"
    r"|[a-z]\)(?=\s)|\d{1,3}[.)](?=\s)|\d{1,3}(?:\.\d{1,3})+\.?(?=\s))"
)
_ONE_MARKER = (
    r"(?:[·•▪‣◦]|[-*–—](?=\s)"
    r"|\((?:[A-Za-z]|[ivxlc]{2,6}|[IVXLC]{2,6}|\d{1,3})\)"
    r"|[a-z]\)(?=\s)|\d{1,3}[.)](?=\s)|\d{1,3}(?:\.\d{1,3})+\.?(?=\s))[ \t]*"
)
# "16. (1) " is one item's marker: a section number and its first subsection
MARKER = re.compile(rf"(?:{_ONE_MARKER})+")
_LAST_MARKER = re.compile(rf"{_ONE_MARKER}$")
_LEAD_IN_END = re.compile(r"(?::|\s?[—–]|\s-)\s*$")
_ELISION = re.compile(r"\s*[\[(]?\s*(?:\.\s*){3,}[\])]?\s*|\s*[\[(]?\s*…\s*[\])]?\s*")
_ROMAN = re.compile(r"[ivxlc]+|[IVXLC]+")
# the letter before a one-letter Roman numeral, when that numeral is a letter of the alphabet
_LETTER_BEFORE = {"i": "h", "v": "u", "x": "w", "l": "k", "c": "b"}


def is_elision(line: str) -> bool:
    """A line that only marks omitted text (``[...]``, ``…``, ``(...)``): a block of its own."""
    return _ELISION.fullmatch(line) is not None


def is_lead_in(block_text: str) -> bool:
    """``The Committee urges the State party to:`` or ``an applicant shall—``."""
    # the mark ends the block but for spaces: a search from every position of it is not needed
    body = block_text.rstrip()
    return _LEAD_IN_END.search(body, max(0, len(body) - 2)) is not None


def marker_style(marker: str) -> str:
    """The family of a marker: ``(a)`` and ``(b)`` share one, ``(i)`` after ``(d)`` does not."""
    core = _last_marker(marker)
    if not core:
        return ""
    if core[0] in "·•▪‣◦-*–—":
        return f"glyph{core[0]}"
    inner = core.strip("().")
    shape = re.sub(r"[A-Za-z0-9]+", "x", core)
    if re.fullmatch(r"\d+(?:\.\d+)+\.?", core):
        return f"sub{core.rstrip('.').count('.')}"
    if inner.isdigit():
        return f"digit{shape}"
    if _ROMAN.fullmatch(inner) and len(inner) > 1:
        return f"roman{'upper' if inner.isupper() else 'lower'}{shape}"
    return f"letter{'upper' if inner.isupper() else 'lower'}{shape}"


@dataclass
class _Level:
    lead_in: int
    own_style: str  # the marker style of the lead-in itself ("" for a paragraph)
    item_style: str = ""
    last_marker: str = ""


class LeadIns:
    """The open lead-ins above the current block, innermost last."""

    def __init__(self) -> None:
        self._levels: list[_Level] = []

    def item(self, marker: str) -> int | None:
        """The lead-in of an item with ``marker``; closes the inner lists it ends."""
        style = _styled(marker, self._levels)
        for depth in range(len(self._levels) - 1, -1, -1):
            level = self._levels[depth]
            first_item = not level.item_style and depth == len(self._levels) - 1
            if level.item_style == style or first_item:
                del self._levels[depth + 1 :]
                level.item_style, level.last_marker = style, marker.strip()
                return level.lead_in
            if level.own_style == style:  # a sibling of this lead-in: its list is over
                del self._levels[depth:]
        self._levels.clear()  # a marker of no open list: the item of no lead-in
        return None

    def opened(self, index: int, marker: str) -> None:
        """Block ``index`` (an item with ``marker``, or a paragraph when empty) leads in."""
        style = _styled(marker, self._levels) if marker else ""
        if not marker:
            self._levels.clear()
        self._levels.append(_Level(index, style))

    def close(self) -> None:
        self._levels.clear()


def _styled(marker: str, levels: list[_Level]) -> str:
    """``marker_style``, reading ``(i)`` as a letter where it follows ``(h)`` at an open level."""
    style = marker_style(marker)
    inner = _last_marker(marker).strip("().")
    if len(inner) == 1 and inner.lower() in _LETTER_BEFORE:
        before = _LETTER_BEFORE[inner.lower()]
        follows = any(level.last_marker.strip("().").lower() == before for level in levels)
        if not follows and any(level.item_style.startswith("letter") for level in levels):
            return style.replace("letter", "roman", 1)
    return style


def _last_marker(marker: str) -> str:
    """``(1)`` of ``16. (1)``: the innermost of the markers that open an item."""
    last = _LAST_MARKER.search(marker.strip() + " ")
    return (last.group() if last else marker).strip()
