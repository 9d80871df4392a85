"""Attribution in press releases and news: ``Fictland must act, the group said today``.

The attribution is not part of the action, and the actor it names says what the sentence
says: the issuer of a recommendation made there.
"""

from __future__ import annotations

from collections.abc import Sequence

from dutygraph.extract.ir import Mention, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.literals import shared_index

_SPEAKERS = frozenset({"state", "body", "organization"})


def attribution_start(text: str, start: int, end: int) -> int | None:
    """Where an attribution tail starts in ``text[start:end]``, if there is one."""
    tail = lexicon().pattern("attribution_tail")
    literals = shared_index(text)
    if literals is not None and not literals.may_match(tail, start, end):  # most have no tail
        return None
    match = tail.search(text, start, end)
    return match.start() if match is not None else None


def speaker(text: str, span: Span, mentions: Sequence[Mention]) -> str | None:
    """The actor an attribution in ``span`` names (``, Fictland Watch said``), if any."""
    start = attribution_start(text, span.start, span.end)
    if start is None:
        return None
    named = [m for m in mentions if m.category in _SPEAKERS and span.contains(m.span)]
    after = [m for m in named if m.span.start >= start]
    return after[0].key if after else None


def after_dateline(text: str, start: int, end: int) -> int:
    """Where the sentence proper starts, after a dateline (``GENEVA (3 May 2024) –``)."""
    match = lexicon().pattern("dateline").match(text, start, end)
    return match.end() if match is not None else start


def reported_subject(text: str, subject: Span) -> tuple[Span, Span | None]:
    """``The Committee said Fictland should ...``: the subject after the reporting verb, and the
    span before it that names who says so (None when the subject reports nobody)."""
    last = None
    for match in lexicon().pattern("reporting_verb").finditer(text, subject.start, subject.end):
        last = match
    if last is None:
        return subject, None
    return Span(last.end(), subject.end), Span(subject.start, last.start())
