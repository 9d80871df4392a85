"""Stage ``layout``: a :class:`Document` cut into blocks, with note markers found and masked.

Blocks are separated by blank lines. Inside a blank-line block, lines that start with a bullet
glyph start a block of their own, and a first line such as ``To Freedonia:`` or a title-case
heading line is split off from the text under it; a block ending in a colon introduces the list
items that follow it. A run of numbered blocks at the end of the
text is the notes zone; in-text markers (the ``8`` of ``country,8``) are glued digits that form
an increasing sequence over the note numbers, and ``masked`` blanks them out, length-preserving.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from dutygraph.extract.ir import Block, BlockKind, Document, FootnoteMarker, Layout, Span
from dutygraph.extract.lists import ITEM_LINE, MARKER, LeadIns, is_elision, is_lead_in
from dutygraph.resources import extract_data

MAX_HEADING_WORDS = 12
MAX_COLON_HEADING_WORDS = 20
# A chunk of at least this many lines, this share of which end a sentence, is one paragraph a line.
MIN_PARAGRAPH_LINES = 3
PARAGRAPH_LINE_SHARE = 0.5
_SENTENCE_ENDS = frozenset('.!?:;"”’…')
# How many unnumbered blocks may sit between two notes (or after the last one).
MAX_CONTINUATIONS = 8

_NOTE_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("plain", re.compile(r"(\d{1,3})[ \t]+(?=\S)")),
    ("bracket", re.compile(r"\[(\d{1,3})\][ \t]*(?=\S)")),
    ("dotted", re.compile(r"(\d{1,3})\.[ \t]+(?=\S)")),
)
# A short line ending in one of these leads into what follows ("It is the sense of X that").
_LEAD_IN_ENDERS = frozenset(
    {
        "that", "are", "is", "the", "of", "to", "and", "or", "a", "an", "by", "for", "in", "with",
        "which", "who", "whom", "means", "shall", "include", "includes", "including", "as",
        "from", "on", "at",
    }
)  # fmt: skip
_MARKER_DIGITS = re.compile(r"(?<![\d\s])\d{1,3}(?!\d)")
_CLOSERS = ".,;:)]\"'’”"
_QUOTE_OR_PAREN = ")]\"'’”"
_MARKER_FOLLOWERS = ".,;:!?)]\"'’”"
_WORD_OPENERS = "(\"'“‘[-"


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The abbreviations of ``extract/data/abbreviations.json`` (with their final period)."""
    data = json.loads(extract_data("abbreviations.json").read_text(encoding="utf-8"))
    return frozenset(entry["text"] for entry in data["abbreviations"])


@dataclass(frozen=True)
class _Piece:
    """A run of non-blank lines, as trimmed ``(start, end)`` line spans."""

    lines: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.lines[0][0]

    @property
    def end(self) -> int:
        return self.lines[-1][1]

    def text(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class _Note:
    piece: int
    number: int
    content: int  # where the note's text starts, after its number


def layout(doc: Document) -> Layout:
    """Cut ``doc.text`` into blocks and find the note markers."""
    text = doc.text
    pieces = _pieces(text, text)
    notes, form = _notes_zone(text, pieces)
    markers = _find_markers(text, _classify(text, pieces, notes))
    if form == "dotted" and 2 * len(markers) < len(notes):
        # "1. ..." blocks at the end with hardly any markers are a numbered list, not notes.
        notes, markers = {}, []
    masked = _mask(text, markers)
    if markers:
        # Again on the masked text, so that "Body text.4" is not taken for a heading.
        pieces = _pieces(text, masked)
        notes, _ = _notes_zone(masked, pieces)
    blocks = _classify(masked, pieces, notes)
    return Layout(blocks=tuple(blocks), markers=tuple(markers), masked=masked)


# --- blocks ----------------------------------------------------------------------------------


def _trimmed_lines(text: str) -> list[tuple[int, int] | None]:
    """Each line's span without surrounding whitespace; None for a blank line."""
    lines: list[tuple[int, int] | None] = []
    pos = 0
    while True:
        newline = text.find("\n", pos)
        stop = len(text) if newline < 0 else newline
        line = text[pos:stop]
        start = pos + len(line) - len(line.lstrip())
        end = pos + len(line.rstrip())
        lines.append((start, end) if end > start else None)
        if newline < 0:
            return lines
        pos = newline + 1


def _pieces(text: str, judge: str) -> list[_Piece]:
    """Spans come from ``text``; what a line is, is judged on ``judge`` (the masked text)."""
    return [piece for chunk in _chunks(text) for piece in _split_chunk(judge, chunk)]


def _chunks(text: str) -> list[list[tuple[int, int]]]:
    chunks: list[list[tuple[int, int]]] = [[]]
    for line in _trimmed_lines(text):
        if line is None:
            if chunks[-1]:
                chunks.append([])
        else:
            chunks[-1].append(line)
    return [chunk for chunk in chunks if chunk]


def _split_chunk(text: str, chunk: list[tuple[int, int]]) -> list[_Piece]:
    groups: list[list[tuple[int, int]]] = [[chunk[0]]]
    one_per_line = _lines_are_paragraphs(text, chunk)
    for previous, line in pairwise(chunk):
        anew = _line(text, previous)[-1:] in _SENTENCE_ENDS or not text[line[0]].islower()
        ends = one_per_line and anew
        opens = ends or ITEM_LINE.match(text, line[0], line[1]) is not None
        if opens or is_elision(_line(text, line)) or is_elision(_line(text, previous)):
            groups.append([line])
        else:
            groups[-1].append(line)
    pieces: list[_Piece] = []
    for group in groups:
        if len(group) > 1 and _splits_off_heading(_line(text, group[0]), _line(text, group[1])):
            pieces.append(_Piece((group[0],)))
            group = group[1:]
        pieces.append(_Piece(tuple(group)))
    return pieces


def _lines_are_paragraphs(text: str, chunk: list[tuple[int, int]]) -> bool:
    """A text pasted with one paragraph per line and no blank lines between them (news copy, web
    pages): most lines end a sentence, where the lines of a wrapped paragraph seldom do."""
    if len(chunk) < MIN_PARAGRAPH_LINES:
        return False
    ended = sum(1 for line in chunk[:-1] if _line(text, line)[-1:] in _SENTENCE_ENDS)
    return ended >= PARAGRAPH_LINE_SHARE * (len(chunk) - 1)


def _line(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].strip()


def is_heading_line(line: str) -> bool:
    """A short line that names a section: ``To Freedonia:``, ``Article 4``, ``CHAPTER II``."""
    line = line.strip()
    words = line.split()
    if not words or not (line[0].isupper() or line[0] == "§"):
        return False
    if line.endswith(":"):
        return len(words) <= MAX_COLON_HEADING_WORDS
    if line[0] == "§":
        words = words[2:]  # the section label "§ 12." does not count
    if len(words) > MAX_HEADING_WORDS or line[-1] in ".;,":
        return False
    return not words or words[-1] not in _LEAD_IN_ENDERS


def _is_title_case(line: str) -> bool:
    words = [word.lstrip("(\"'“‘[") for word in line.split()]
    return all(word[:1].isupper() for word in words if sum(c.isalpha() for c in word) >= 4)


def _splits_off_heading(first: str, second: str) -> bool:
    if not is_heading_line(first):
        return False
    if first.endswith(":"):
        return True
    starts_anew = second[:1].isupper() or second[:1] in '"“§·•▪‣◦'
    return _is_title_case(first) and starts_anew


def _classify(text: str, pieces: list[_Piece], notes: dict[int, _Note]) -> list[Block]:
    blocks: list[Block] = []
    last_heading: int | None = None
    lead_ins = LeadIns()
    for index, piece in enumerate(pieces):
        kind, span, number = _kind_of(text, piece, notes.get(index))
        marker = text[piece.start : span.start] if kind == "bullet" else ""
        item_of = lead_ins.item(marker) if kind == "bullet" else None
        blocks.append(
            Block(span=span, kind=kind, heading=last_heading, note=number, lead_in=item_of)
        )
        if kind == "heading":
            last_heading = len(blocks) - 1
        if kind in {"paragraph", "bullet"} and is_lead_in(span.of(text)):
            lead_ins.opened(len(blocks) - 1, marker)
        elif kind != "bullet":
            lead_ins.close()
    return blocks


def _kind_of(text: str, piece: _Piece, note: _Note | None) -> tuple[BlockKind, Span, int | None]:
    if note is not None:
        return "footnote", Span(note.content, piece.end), note.number
    bullet = MARKER.match(text, piece.start, piece.end)
    if bullet and bullet.end() < piece.end:
        return "bullet", Span(bullet.end(), piece.end), None
    if len(piece.lines) == 1 and is_heading_line(piece.text(text)):
        return "heading", Span(piece.start, piece.end), None
    return "paragraph", Span(piece.start, piece.end), None


# --- the notes zone --------------------------------------------------------------------------


def _numbered(text: str, piece: _Piece, form: str | None = None) -> tuple[str, int, int] | None:
    """``(form, number, content start)`` when the piece starts like a note body."""
    for name, pattern in _NOTE_FORMS:
        if form is not None and name != form:
            continue
        match = pattern.match(text, piece.start, piece.end)
        if match:
            return name, int(match.group(1)), match.end()
    return None


def _notes_zone(text: str, pieces: list[_Piece]) -> tuple[dict[int, _Note], str | None]:
    """Map piece index -> note, for the numbered run at the end of the text (and its form)."""
    tail = len(pieces) - 1
    while tail >= 0 and len(pieces[tail].lines) == 1 and is_heading_line(pieces[tail].text(text)):
        tail -= 1  # navigation lines after the notes
    last = _last_numbered(text, pieces, tail)
    if last is None:
        return {}, None
    form, number, content = last[1]
    chain = [_Note(last[0], number, content)]
    while chain[-1].number > 1:
        previous = _previous_note(text, pieces, chain[-1], form)
        if previous is None:
            break
        chain.append(previous)
    chain.reverse()
    if chain[0].number != 1 and len(chain) < 3:
        return {}, None
    return _zone_with_continuations(pieces, chain, tail), form


def _last_numbered(
    text: str, pieces: list[_Piece], tail: int
) -> tuple[int, tuple[str, int, int]] | None:
    for index in range(tail, max(-1, tail - MAX_CONTINUATIONS - 1), -1):
        found = _numbered(text, pieces[index])
        if found:
            return index, found
    return None


def _previous_note(text: str, pieces: list[_Piece], note: _Note, form: str) -> _Note | None:
    for index in range(note.piece - 1, max(-1, note.piece - MAX_CONTINUATIONS - 2), -1):
        found = _numbered(text, pieces[index], form)
        if found and found[1] == note.number - 1:
            return _Note(index, found[1], found[2])
    return None


def _zone_with_continuations(
    pieces: list[_Piece], chain: list[_Note], tail: int
) -> dict[int, _Note]:
    """Every piece from the first note to ``tail``: unnumbered ones continue the note above."""
    zone: dict[int, _Note] = {}
    stops = [note.piece for note in chain[1:]] + [tail + 1]
    for note, stop in zip(chain, stops, strict=True):
        zone[note.piece] = note
        for index in range(note.piece + 1, stop):
            zone[index] = _Note(index, note.number, pieces[index].start)
    return zone


# --- markers ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    number: int
    after_punctuation: bool


def _find_markers(text: str, blocks: list[Block]) -> list[FootnoteMarker]:
    numbers = {block.note for block in blocks if block.note is not None}
    if not numbers:
        return []
    candidates = [
        candidate
        for block in blocks
        if block.kind != "footnote"
        for candidate in _candidates(text, block.span)
        if candidate.number in numbers
    ]
    chosen = _increasing(candidates, max(numbers))
    return [FootnoteMarker(Span(c.start, c.end), c.number) for c in chosen]


def _candidates(text: str, span: Span) -> list[_Candidate]:
    found = []
    for match in _MARKER_DIGITS.finditer(text, span.start, span.end):
        kind = _glue(text, span, match.start(), match.end())
        if kind is not None:
            found.append(_Candidate(match.start(), match.end(), int(match.group()), kind))
    return found


def _glue(text: str, span: Span, start: int, end: int) -> bool | None:
    """How digits at ``[start, end)`` are glued: True after punctuation, False to a word,
    None when they are not a marker (a symbol, an abbreviation, a number)."""
    if not _followed_well(text, end, span.end):
        return None
    run_start = start
    while run_start > span.start and start - run_start < 4 and text[run_start - 1] in _CLOSERS:
        run_start -= 1
    run = text[run_start:start]
    if run_start == span.start:
        return None
    if not run:
        return False if _glued_to_word(text, span.start, start) else None
    if run[0] == ".":
        return True if _word_ends_sentence(text, span.start, run_start) else None
    before = text[run_start - 1]
    if before.isalpha() or (before.isdigit() and any(c in _QUOTE_OR_PAREN for c in run)):
        return True
    return None


def _followed_well(text: str, end: int, block_end: int) -> bool:
    if end >= block_end:
        return True
    follow = text[end]
    if follow.isspace():
        return True
    if follow not in _MARKER_FOLLOWERS:
        return False
    return not (follow in ".," and end + 1 < block_end and text[end + 1].isdigit())


def _word_before(text: str, block_start: int, end: int) -> str | None:
    """The letters just before ``end``, or None when they belong to a longer symbol."""
    start = end
    while start > block_start and text[start - 1].isalpha():
        start -= 1
    if start > block_start and not (text[start - 1].isspace() or text[start - 1] in _WORD_OPENERS):
        return None
    return text[start:end]


def _glued_to_word(text: str, block_start: int, digits: int) -> bool:
    word = _word_before(text, block_start, digits)
    return word is not None and len(word) >= 3 and word[-1].islower()


def _word_ends_sentence(text: str, block_start: int, period: int) -> bool:
    word = _word_before(text, block_start, period)
    if word is None or len(word) < 2 or f"{word}." in abbreviations():
        return False
    # "No.", "Sub.", "Vol.": short capitalised words before a period are abbreviations.
    return not (word[0].isupper() and len(word) <= 3)


def _increasing(candidates: list[_Candidate], top: int) -> list[_Candidate]:
    """The longest run of candidates whose numbers strictly increase in text order.

    Ties prefer markers after punctuation. A Fenwick tree over note numbers keeps, for each
    prefix of numbers, the best chain so far: O(n log top).
    """
    tree: list[tuple[int, int, int]] = [(0, 0, -1)] * (top + 1)
    previous: list[int] = []
    best = (0, 0, -1)
    for index, candidate in enumerate(candidates):
        before = _prefix_best(tree, candidate.number - 1)
        mine = (before[0] + 1, before[1] + candidate.after_punctuation, index)
        previous.append(before[2])
        _raise(tree, candidate.number, mine)
        if mine[:2] > best[:2]:
            best = mine
    chosen: list[_Candidate] = []
    index = best[2]
    while index >= 0:
        chosen.append(candidates[index])
        index = previous[index]
    return chosen[::-1]


def _prefix_best(tree: list[tuple[int, int, int]], position: int) -> tuple[int, int, int]:
    best = (0, 0, -1)
    while position > 0:
        if tree[position][:2] > best[:2]:
            best = tree[position]
        position -= position & -position
    return best


def _raise(tree: list[tuple[int, int, int]], position: int, value: tuple[int, int, int]) -> None:
    while position < len(tree):
        if value[:2] > tree[position][:2]:
            tree[position] = value
        position += position & -position


def _mask(text: str, markers: list[FootnoteMarker]) -> str:
    parts: list[str] = []
    cursor = 0
    for marker in markers:
        parts.append(text[cursor : marker.span.start])
        parts.append(" " * len(marker.span))
        cursor = marker.span.end
    parts.append(text[cursor:])
    return "".join(parts)
