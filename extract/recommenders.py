"""Recommending states: ``116.12 Ratify the Convention (Sylvania) (Ruritania);``.

A Universal Periodic Review lists each recommendation with the states that made it in
parentheses at its end; the recommendation is addressed to the state under review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dutygraph.extract.ir import Mention, Span

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
