"""Joined actions: one call with two distinct actions is two duties.

``Urges States to uphold X, to identify Y, and to ensure Z``: the addressee owes each of the
three actions, joined by ``, to`` / ``, and to`` / ``; and to`` before a verb of duty.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dutygraph.extract.ir import Span, Statement
from dutygraph.extract.lexicon import lexicon

_JOINT = re.compile(r"(?:[,;]\s*(?:and\s+)?|;\s*and\s+)to\s+(?P<verb>[a-z][\w-]*)\b")


def split_joined(text: str, statements: list[Statement]) -> list[Statement]:
    """Each recommendation whose action joins several ``to V`` actions, cut into one statement
    per action; the first keeps its place (other statements point to it by index)."""
    result = list(statements)
    for index, statement in enumerate(statements):
        if statement.type != "Recommendation" or statement.action_lead is not None:
            continue
        pieces = _pieces(text, statement.action_span)
        if len(pieces) < 2:
            continue
        result[index] = replace(statement, action_span=pieces[0], action=pieces[0].of(text))
        result.extend(replace(statement, action_span=p, action=p.of(text)) for p in pieces[1:])
    return result


def _pieces(text: str, action: Span) -> list[Span]:
    verbs = lexicon().lower_words("imperative_verbs")
    cuts = [
        m
        for m in _JOINT.finditer(text, action.start, action.end)
        if m.group("verb") in verbs and "(" not in text[action.start : m.start()][-40:]
    ]
    pieces: list[Span] = []
    start = action.start
    for cut in cuts:
        pieces.append(Span(start, cut.start()))
        start = cut.start("verb")
    pieces.append(Span(start, action.end))
    return [p for p in pieces if len(p.of(text).strip()) > 2]
