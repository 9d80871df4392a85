"""Stage ``sentences``: each block's masked text cut into sentences.

A sentence ends at ``.``, ``?`` or ``!`` (closing quotes and brackets stay with it) followed by
whitespace and a capital, a quote, a digit or ``§``; in a bullet item also at ``;`` (or
``; and``) at the end of a line. Not after an abbreviation of ``extract/data/abbreviations.json``
or a single capital initial, and not inside a matched pair of parentheses or brackets. Headings
are one sentence each; a block with no boundary is one sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from dutygraph.extract.ir import Block, Document, Layout, Sentence, Span
from dutygraph.extract.layout import abbreviations

_STOP = re.compile(r"(?P<stop>[.?!][)\]\"'’”]*)\s+")
_BULLET_STOP = re.compile(r"(?P<stop>;(?:[ \t]+(?:and|or))?)[ \t]*\n\s*")
_BRACKET = re.compile(r"[()\[\]]")
_TOKEN_OPENERS = "([\"'“‘"
_SENTENCE_OPENERS = "\"“'‘§"


def split_sentences(doc: Document, lay: Layout) -> tuple[Sentence, ...]:
    """The sentences of every block, in text order, with spans into ``doc.text``."""
    text = lay.masked
    sentences: list[Sentence] = []
    for index, block in enumerate(lay.blocks):
        spans = [block.span] if block.kind == "heading" else _pieces(text, block)
        for span in spans:
            trimmed = trim_space(text, span)
            if len(trimmed):
                sentences.append(Sentence(trimmed, index))
    return tuple(sentences)


def _pieces(text: str, block: Block) -> list[Span]:
    cuts = sorted(_boundaries(text, block))
    spans: list[Span] = []
    start = block.span.start
    for end, next_start in cuts:
        spans.append(Span(start, end))
        start = next_start
    spans.append(Span(start, block.span.end))
    return spans


def _boundaries(text: str, block: Block) -> list[tuple[int, int]]:
    """``(end of a sentence, start of the next)`` pairs inside the block."""
    start, end = block.span.start, block.span.end
    opens, closes = _bracket_pairs(text, start, end)
    cuts: list[tuple[int, int]] = []
    for match in _STOP.finditer(text, start, end):
        stop_end, next_start = match.end("stop"), match.end()
        if next_start >= end or not _opens_sentence(text, next_start, end):
            continue
        if bisect_left(opens, stop_end) - bisect_left(closes, stop_end) > 0:
            continue  # still inside ( ... ) or [ ... ]
        if text[match.start()] == "." and _is_abbreviation(text, start, match.start()):
            continue
        cuts.append((stop_end, next_start))
    if block.kind == "bullet":
        for match in _BULLET_STOP.finditer(text, start, end):
            if match.end() < end:
                cuts.append((match.end("stop"), match.end()))
    return cuts


def _bracket_pairs(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Sorted positions of matched openers and of their closers; unmatched ones are ignored."""
    stacks: dict[str, list[int]] = {"(": [], "[": []}
    partner = {")": "(", "]": "["}
    opens: list[int] = []
    closes: list[int] = []
    for match in _BRACKET.finditer(text, start, end):
        char = match.group()
        if char in stacks:
            stacks[char].append(match.start())
        elif stacks[partner[char]]:
            opens.append(stacks[partner[char]].pop())
            closes.append(match.start())
    opens.sort()
    closes.sort()
    return opens, closes


def _opens_sentence(text: str, pos: int, end: int) -> bool:
    char = text[pos]
    if char.isupper() or char.isdigit() or char in _SENTENCE_OPENERS:
        return True
    if char in "([" and pos + 1 < end:
        following = text[pos + 1]
        return following.isupper() or following in _SENTENCE_OPENERS
    return False


def _is_abbreviation(text: str, block_start: int, period: int) -> bool:
    """Is the word ending with the period at ``period`` an abbreviation or an initial?"""
    start = period
    while start > block_start and not text[start - 1].isspace():
        start -= 1
    token = text[start : period + 1].lstrip(_TOKEN_OPENERS)
    if token in abbreviations():
        return True
    last_part = token[:-1].rsplit(".", 1)[-1]
    return len(last_part) == 1 and last_part.isupper()


def trim_space(text: str, span: Span) -> Span:
    """``span`` without the white space at its ends."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
