"""Positioned lines of printed pages -> the text a reader sees, with each page's stretch of it.

Works on lines (text, horizontal extent, baseline, font size) in PDF coordinates (y grows
upwards), so it does not depend on the PDF library. Lines that repeat in the top or bottom
margin of many pages (running headers and footers) and bare page numbers there are dropped; a
page whose lines fall into two columns is read column by column; a run of small-print numbered
lines at the foot of a page is its footnotes, gathered after the body (where the note markers
are linked to them); lines of a paragraph are joined (a word hyphenated at a line end is
rejoined), and a paragraph continues across a column or page break unless its sentence ended.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from dutygraph.extract.ir import Page, Span
from dutygraph.extract.lists import ITEM_LINE

MARGIN_BAND = 0.1  # share of the page height at the top and at the bottom
SMALL_PRINT = 0.92  # a footnote's size, relative to the body's
SIZE_CHANGE = 0.12  # a line this much larger or smaller than the one before starts a block
PARAGRAPH_STEP = 1.3  # a baseline step this many times the usual one is a paragraph break
MIN_COLUMN_LINES = 3
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|seite|página)?\s*[-–—]?\s*#\s*[-–—]?(?:\s*(?:of|/)\s*#)?", re.IGNORECASE
)
_NOTE_START = re.compile(r"(\d{1,3})[\s.)]*(?=\S)")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*\d{0,3}$")  # a note marker may follow
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_HYPHENS = "-\u00ad\x02"
_DROPPED = frozenset("\u00ad\x7f\ufffe\uffff")


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float


@dataclass(frozen=True)
class PageLines:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class _Placed:
    """A body line in reading order: its page and column (a column is ``(region, side)``)."""

    line: Line
    page: int
    column: tuple[int, int]


def normalise(text: str) -> str:
    """Ligatures spelled out, soft hyphens and control characters dropped."""
    text = _LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return "".join(c for c in text if c == "\t" or (c >= " " and c not in _DROPPED))


def compose(pages: Sequence[PageLines]) -> tuple[str, tuple[Page, ...]]:
    """The document text (blank-line-separated blocks, the footnotes last) and its pages."""
    running = _running_keys(pages)
    kept = [replace(p, lines=tuple(ln for ln in p.lines if not _is_running(ln, p, running)))
            for p in pages]  # fmt: skip
    body_size = _body_size(kept)
    flow: list[_Placed] = []
    notes: list[tuple[int, list[Line]]] = []
    for page in kept:
        body, foot = _split_notes(page.lines, body_size)
        flow.extend(_reading_order(page, body))
        if foot:
            notes.append((page.number, foot))
    writer = _Writer()
    for block in _blocks(flow, _usual_step(flow, body_size)):
        writer.block([(placed.page, placed.line.text) for placed in block])
    for number, lines in notes:
        for note in _notes(lines):
            writer.block([(number, note)])
    return writer.finish()


# --- running headers and footers ------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text)).strip().lower()


def _in_margin(line: Line, page: PageLines) -> bool:
    band = page.height * MARGIN_BAND
    return line.baseline > page.height - band or line.baseline < band


def _running_keys(pages: Sequence[PageLines]) -> set[str]:
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(line.text) for line in page.lines if _in_margin(line, page)})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in seen.items() if count >= needed}


def _is_running(line: Line, page: PageLines, running: set[str]) -> bool:
    if not _in_margin(line, page):
        return False
    key = _key(line.text)
    return key in running or _PAGE_NUMBER.fullmatch(key) is not None


def _body_size(pages: Sequence[PageLines]) -> float:
    sizes = Counter[float]()
    for page in pages:
        for line in page.lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


# --- footnotes -------------------------------------------------------------------------------


def _split_notes(lines: Sequence[Line], body_size: float) -> tuple[list[Line], list[Line]]:
    """The page's body lines and its footnote lines: the small print at the foot of the page
    from the first line that starts with a note number."""
    ordered = sorted(lines, key=lambda line: (-line.baseline, line.x0))
    cut = len(ordered)
    while cut > 0 and ordered[cut - 1].size < body_size * SMALL_PRINT:
        cut -= 1
    for index in range(cut, len(ordered)):
        if _NOTE_START.match(ordered[index].text):
            return [ln for ln in lines if ln not in ordered[index:]], ordered[index:]
    return list(lines), []


def _notes(lines: Sequence[Line]) -> Iterator[str]:
    current = ""
    for line in lines:
        start = _NOTE_START.match(line.text)
        if start and current:
            yield current
            current = ""
        if start:
            current = f"{start.group(1)} {line.text[start.end() :].strip()}"
        else:
            current = _join(current, line.text) if current else line.text.strip()
    if current:
        yield current


# --- columns and reading order ---------------------------------------------------------------


def _reading_order(page: PageLines, lines: Sequence[Line]) -> list[_Placed]:
    ordered = _merge_same_baseline(sorted(lines, key=lambda ln: (-ln.baseline, ln.x0)))
    middle = page.width / 2
    left = [ln for ln in ordered if ln.x1 <= middle]
    right = [ln for ln in ordered if ln.x0 >= middle]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return [_Placed(line, page.number, (0, 0)) for line in ordered]
    placed: list[_Placed] = []
    region: list[Line] = []
    number = 0
    for line in [*ordered, None]:
        if line is None or (line.x0 < middle < line.x1):
            placed += [_Placed(ln, page.number, (number, 0)) for ln in region if ln.x1 <= middle]
            placed += [_Placed(ln, page.number, (number, 1)) for ln in region if ln.x1 > middle]
            region = []
            number += 1
            if line is not None:
                placed.append(_Placed(line, page.number, (number, 2)))
        else:
            region.append(line)
    return placed


def _merge_same_baseline(lines: list[Line]) -> list[Line]:
    """Pieces of one printed line (cells of a table row) as one line, left to right."""
    merged: list[Line] = []
    for line in lines:
        last = merged[-1] if merged else None
        if (
            last is not None
            and abs(last.baseline - line.baseline) < 0.3 * line.size
            and line.x0 >= last.x1
            and not (last.x1 <= line.x0 and _gutter_between(last, line))
        ):
            merged[-1] = Line(f"{last.text} {line.text}", last.x0, line.x1, last.baseline,
                              max(last.size, line.size))  # fmt: skip
        else:
            merged.append(line)
    return merged


def _gutter_between(left: Line, right: Line) -> bool:
    """Two lines side by side with a gap of several characters: neighbouring columns."""
    return right.x0 - left.x1 > 1.5 * max(left.size, right.size)


# --- blocks ----------------------------------------------------------------------------------


def _usual_step(flow: Sequence[_Placed], body_size: float) -> float:
    steps = [
        round(a.line.baseline - b.line.baseline, 1)
        for a, b in itertools.pairwise(flow)
        if a.page == b.page and a.column == b.column and a.line.baseline > b.line.baseline
    ]
    # a low quantile: in a report of short paragraphs, gaps may be as many as line steps
    return sorted(steps)[len(steps) // 5] if steps else body_size * 1.2


def _blocks(flow: Sequence[_Placed], step: float) -> Iterator[list[_Placed]]:
    block: list[_Placed] = []
    for placed in flow:
        if block and _breaks(block[-1], placed, step):
            yield block
            block = []
        block.append(placed)
    if block:
        yield block


def _breaks(previous: _Placed, current: _Placed, step: float) -> bool:
    a, b = previous.line, current.line
    if ITEM_LINE.match(b.text) or abs(a.size - b.size) > SIZE_CHANGE * max(a.size, b.size):
        return True
    if previous.page == current.page and previous.column == current.column:
        return a.baseline - b.baseline > step * PARAGRAPH_STEP or a.baseline < b.baseline
    return _SENTENCE_END.search(a.text.rstrip()) is not None


def _join(before: str, after: str) -> str:
    before, after = before.rstrip(), after.strip()
    if before[-1:] in _HYPHENS and before[-2:-1].isalpha() and after[:1].islower():
        return before[:-1] + after
    return f"{before} {after}"


class _Writer:
    """Appends blocks of ``(page, line)`` pieces and records where each page's pieces lie."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.stretches: list[tuple[int, int, int]] = []  # page, start, end

    def block(self, pieces: Sequence[tuple[int, str]]) -> None:
        if self.parts:
            self._put("\n\n")
        text = ""
        for page, line in pieces:
            text = _join(text, line) if text else line.strip()
            # the line's words are the tail of the block so far, whether or not a hyphen went
            self._mark(page, self.length + len(text) - len(line.strip()))
            self._extend(self.length + len(text))
        self._put(text)

    def _mark(self, page: int, start: int) -> None:
        if not self.stretches or self.stretches[-1][0] != page:
            if self.stretches:  # a rejoined hyphen may have taken the last character back
                number, begin, end = self.stretches[-1]
                self.stretches[-1] = (number, begin, min(end, start))
            self.stretches.append((page, start, start))

    def _extend(self, end: int) -> None:
        number, start, _ = self.stretches[-1]
        self.stretches[-1] = (number, start, end)

    def _put(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def finish(self) -> tuple[str, tuple[Page, ...]]:
        text = "".join(self.parts) + "\n"
        pages = tuple(Page(n, Span(s, e)) for n, s, e in self.stretches if e > s)
        return text, pages
