"""A Word document (DOCX) -> its text: paragraphs, headings, list items with their numbers as
Word shows them, tables row by row, and the footnotes after the body.

Numbers are rebuilt from the numbering definitions (``numbering.xml``): each list level's
format (decimal, letters, roman numerals, bullet) and text (``%1.``, ``(%2)``). Footnote
references become the note's number, glued to the word before as in print. Pages are known
only where the file records them (explicit page breaks, or the breaks Word rendered when it
last saved); otherwise the text has no pages.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from dutygraph.extract.errors import InputError
from dutygraph.extract.ir import Page, Span
from dutygraph.extract.pagetext import normalise

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVEL_TEXT = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def _python_docx(label: str) -> Any:
    try:
        import docx
    except ImportError:
        raise InputError(
            f"{label} is a Word file: reading it needs python-docx (pip install 'dutygraph[docx]')"
        ) from None
    return docx


def read_docx(data: bytes, label: str) -> tuple[str, tuple[Page, ...]]:
    docx = _python_docx(label)
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = _Numbering(_numbering_root(document))
        notes = _footnotes(document)
    except Exception:  # python-docx raises many kinds for a damaged package
        raise InputError(f"{label} is not a readable Word document (damaged or not DOCX)") from None
    writer = _Blocks()
    cited: list[int] = []
    for element in body.iterchildren():
        if element.tag == f"{W}p":
            marker = numbering.marker(element, document)
            writer.add(marker + _paragraph_text(element, notes, cited, writer))
        elif element.tag == f"{W}tbl":
            for row in element.iter(f"{W}tr"):
                cells = [_paragraph_text(c, notes, cited, writer) for c in row.iter(f"{W}tc")]
                writer.add("\t".join(cell.strip() for cell in cells))
    for number, note_id in enumerate(cited, start=1):
        writer.add(f"{number} {notes[note_id]}")
    return writer.finish()


class _Blocks:
    """Blocks separated by blank lines, and the page each starts on."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page = 1
        self.breaks: list[int] = []  # offsets where a new page starts

    def add(self, text: str) -> None:
        text = normalise(text.replace("\n", "\x00")).replace("\x00", "\n").strip()
        if not text:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.parts.append(text)
        self.length += len(text)

    def page_break(self, pending: str) -> None:
        self.breaks.append(self.length + (2 if self.parts else 0) + len(pending.lstrip()))

    def finish(self) -> tuple[str, tuple[Page, ...]]:
        text = "".join(self.parts) + "\n"
        if not self.breaks:
            return text, ()
        starts = [0, *sorted(set(self.breaks))]
        ends = [*starts[1:], len(text) - 1]
        pages = tuple(
            Page(number, Span(start, end))
            for number, (start, end) in enumerate(zip(starts, ends, strict=True), start=1)
            if end > start
        )
        return text, pages


def _paragraph_text(element: Any, notes: dict[int, str], cited: list[int], writer: _Blocks) -> str:
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif (
            tag == f"{W}br" and node.get(f"{W}type") == "page"
        ) or tag == f"{W}lastRenderedPageBreak":
            writer.page_break("".join(parts))
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}footnoteReference":
            note_id = int(node.get(f"{W}id", "0"))
            if note_id in notes:
                cited.append(note_id)
                parts.append(str(len(cited)))
        elif tag == f"{W}p" and parts and element.tag == f"{W}tc":
            parts.append(" ")
    return "".join(parts)


def _numbering_root(document: Any) -> Any:
    try:
        return document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return None


def _footnotes(document: Any) -> dict[int, str]:
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            return {
                int(note.get(f"{W}id")): "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
                for note in root.iter(f"{W}footnote")
                if note.get(f"{W}type") in (None, "normal")
            }
    return {}


class _Numbering:
    """Counts list items per list and level, and writes their numbers as Word shows them."""

    def __init__(self, root: Any) -> None:
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {a.get(f"{W}abstractNumId"): a for a in root.iter(f"{W}abstractNum")}
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            definition = abstract.get(ref.get(f"{W}val")) if ref is not None else None
            for level in definition.iter(f"{W}lvl") if definition is not None else ():
                self.levels[(num.get(f"{W}numId"), int(level.get(f"{W}ilvl", "0")))] = (
                    _val(level, "numFmt") or "decimal",
                    _val(level, "lvlText") or "",
                    int(_val(level, "start") or "1"),
                )

    def marker(self, paragraph: Any, document: Any) -> str:
        num_id, level = _list_of(paragraph, document)
        if num_id is None or (num_id, level) not in self.levels:
            return ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        number_format, text, _ = self.levels[(num_id, level)]
        if number_format == "bullet":
            return "• "
        if number_format == "none":
            return ""

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            fmt, _, start = self.levels.get((num_id, at), ("decimal", "", 1))
            return _format(max(counts[at], 1) + start - 1, fmt)

        return _LEVEL_TEXT.sub(number, text).strip() + " "


def _val(node: Any, name: str) -> str | None:
    child = node.find(f"{W}{name}")
    return None if child is None else child.get(f"{W}val")


def _list_of(paragraph: Any, document: Any) -> tuple[str | None, int]:
    """The paragraph's list and level: its own numPr, else its style's (and their bases')."""
    for props in _num_props(paragraph, document):
        num_id = _val(props, "numId")
        if num_id is not None:
            return (None if num_id == "0" else num_id), int(_val(props, "ilvl") or "0")
    return None, 0


def _num_props(paragraph: Any, document: Any) -> Iterator[Any]:
    ppr = paragraph.find(f"{W}pPr")
    if ppr is not None and ppr.find(f"{W}numPr") is not None:
        yield ppr.find(f"{W}numPr")
    style_id = _val(ppr, "pStyle") if ppr is not None else None
    seen: set[str] = set()
    while style_id and style_id not in seen:
        seen.add(style_id)
        style = document.styles.element.get_by_id(style_id)
        if style is None:
            return
        style_ppr = style.find(f"{W}pPr")
        if style_ppr is not None and style_ppr.find(f"{W}numPr") is not None:
            yield style_ppr.find(f"{W}numPr")
        style_id = _val(style, "basedOn")


def _format(value: int, number_format: str) -> str:
    if number_format in ("lowerLetter", "upperLetter"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters if number_format == "lowerLetter" else letters.upper()
    if number_format in ("lowerRoman", "upperRoman"):
        roman = ""
        for amount, numeral in _ROMAN:
            while value >= amount:
                roman, value = roman + numeral, value - amount
        return roman if number_format == "lowerRoman" else roman.upper()
    return str(value)
