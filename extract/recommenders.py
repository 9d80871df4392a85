"""Recommending states: ``116.12 Ratify the Convention (Sylvania) (Ruritania);``.

A Universal Periodic Review lists each recommendation with the states that made it in
parentheses at its end; the recommendation is addressed to the state under review. A matrix
of recommendations gives each one a row of labelled lines instead (``Recommending State: X``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dutygraph.extract.ir import Mention, Span
from dutygraph.extract.lexicon import lexicon

# "(Sylvania)", "(Sylvania, Ruritania)", "(Sylvania and Ruritania)", "(Sylvania; Ruritania)"
_GROUP = re.compile(r"\(([^()]{2,200})\)")
_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b|/)\s*")


@dataclass(frozen=True)
class Recommenders:
    """Where the parenthesised states start, and the states, in order."""

    start: int
    states: tuple[str, ...]


def trailing_recommenders(
    text: str, block: Span, mentions: Sequence[Mention]
) -> Recommenders | None:
    """The run of parenthesised groups at the end of ``block`` that hold only state names."""
    end = block.end
    while end > block.start and text[end - 1] in " \t\n;.,":
        end -= 1
    states: list[str] = []
    start = end
    while True:
        group = _last_group(text, block.start, start)
        if group is None:
            break
        keys = _only_states(text, group, mentions)
        if keys is None:
            break
        states[:0] = keys
        start = group.start
    if not states:
        return None
    return Recommenders(start, tuple(dict.fromkeys(states)))


def _last_group(text: str, floor: int, end: int) -> Span | None:
    """The parenthesised group that ends at ``end`` (spaces before ``end`` allowed)."""
    stop = end
    while stop > floor and text[stop - 1].isspace():
        stop -= 1
    if stop <= floor or text[stop - 1] != ")":
        return None
    opening = text.rfind("(", floor, stop)
    match = _GROUP.fullmatch(text, opening, stop) if opening >= 0 else None
    return Span(opening, stop) if match else None


def _only_states(text: str, group: Span, mentions: Sequence[Mention]) -> list[str] | None:
    """The states of ``(A, B and C)`` when nothing but state names and separators is inside."""
    inside = Span(group.start + 1, group.end - 1)
    states = sorted(
        (m for m in mentions if m.category == "state" and inside.contains(m.span)),
        key=lambda m: m.span.start,
    )
    if not states:
        return None
    rest = text[inside.start : inside.end]
    for mention in reversed(states):
        a, b = mention.span.start - inside.start, mention.span.end - inside.start
        rest = rest[:a] + "," + rest[b:]
    if _SEPARATOR.sub("", rest).strip():
        return None
    return [m.key for m in states]


@dataclass(frozen=True)
class MatrixRow:
    """One row of a matrix of recommendations: the recommendation's text and who made it."""

    body: Span
    recommenders: Recommenders | None


def matrix_row(text: str, sentence: Span, mentions: Sequence[Mention]) -> MatrixRow | None:
    """``Recommendation: 41.12 Ratify X`` then labelled lines (``Source of position: ...``,
    ``Recommending State: Sylvania``): the text after the label, up to the first labelled line."""
    label = lexicon().pattern("matrix_item_label").match(sentence.of(text))
    if label is None:
        return None
    start = sentence.start + label.end()
    field = lexicon().pattern("matrix_field").search(text, start, sentence.end)
    body = Span(start, field.start() if field else sentence.end)
    named = lexicon().pattern("matrix_recommenders").search(text, body.end, sentence.end)
    if named is None:
        return MatrixRow(body, trailing_recommenders(text, body, mentions))
    who = Span(named.start("who"), named.end("who"))
    states = [m.key for m in mentions if m.category == "state" and who.contains(m.span)]
    listed = Recommenders(body.end, tuple(dict.fromkeys(states))) if states else None
    return MatrixRow(body, listed)
