"""Periodic reports: which state's report to which body, due and submitted when.

A report phrase (``the fifth periodic report``, ``its next periodic report``) gives a fact
when the text says something about it: the body reviews it (``The Committee considered the
fifth periodic report of Freedonia``), asks for it by a date (``to submit its next periodic
report by 12 May 2027``), or gives its due or submission date right after it (``the initial
report, due in 1987, was submitted in 2001``). A bare ``the report`` counts only with such a
date, so ``the report of the Special Rapporteur`` gives nothing. The state is the one the
phrase names (``of Freedonia``), else the sentence's last state before it (``the State party
... its``), else the document's subject state; the body is the sentence's body, else the one
treaty body the document names. Dates are what the text says, no more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dutygraph.extract.dates import date_after
from dutygraph.extract.ir import Mention, ReportFact, Sentence, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.literals import screened_finditer
from dutygraph.extract.mention_index import MentionIndex

_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
# how far back the review or request words may stand before a report phrase
_LEAD = 60


@dataclass(frozen=True)
class _Dates:
    due: str | None = None
    submitted: str | None = None
    end: int = 0


def find_reports(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    monitored: dict[str, tuple[str, ...]],
    subject: str | None,
) -> tuple[ReportFact, ...]:
    """Every report fact of the text, one per report: a report named again (same state, body
    and number) adds the dates it gives to the first fact."""
    body = _document_body(mentions, monitored)
    found: list[ReportFact] = []
    index = MentionIndex(mentions)
    for sentence in sentences:
        found.extend(_in_sentence(text, sentence.span, index, subject, body))
    return _merged(found)


def _in_sentence(
    text: str,
    sentence: Span,
    mentions: MentionIndex,
    subject: str | None,
    body: str | None,
) -> list[ReportFact]:
    facts: list[ReportFact] = []
    phrase = lexicon().pattern("report_phrase")
    phrases = list(screened_finditer(phrase, text, sentence.start, sentence.end))
    if not phrases:
        return facts
    inside = mentions.inside(sentence)
    for match in phrases:
        fact = _fact(text, sentence, match, inside, subject, body)
        if fact is not None:
            facts.append(fact)
    return facts


def _fact(
    text: str,
    sentence: Span,
    match: re.Match[str],
    mentions: Sequence[Mention],
    subject: str | None,
    body: str | None,
) -> ReportFact | None:
    named = bool(match.group("ordinal") or match.group("periodic"))
    before = text[max(sentence.start, match.start() - _LEAD) : match.start()]
    reviewed = named and lexicon().pattern("report_reviewed").search(before) is not None
    requested = named and lexicon().pattern("report_submit_request").search(before) is not None
    state, end = _state_after(text, match.end(), mentions)
    end = _after_symbol(text, end, sentence.end)
    dates = _dates(text, end, sentence.end, requested)
    if not (reviewed or dates.due or dates.submitted):
        return None
    state = state or _state_before(match.start(), mentions) or subject
    if state is None:
        return None
    return ReportFact(
        sentence,
        state,
        _body_of(mentions) or body,
        re.sub(r"\s+", " ", match.group("label")),
        _ordinal(match),
        dates.due,
        dates.submitted,
    )


def _ordinal(match: re.Match[str]) -> str | None:
    ordinal = match.group("ordinal")
    return re.sub(r"\s+", " ", ordinal).lower() if ordinal else None


def _state_after(text: str, start: int, mentions: Sequence[Mention]) -> tuple[str | None, int]:
    """``... report of Freedonia``: the state and where its name ends."""
    lead = lexicon().pattern("report_state").match(text[start : start + 40])
    if lead is None:
        return None, start
    state = next(
        (m for m in mentions if m.category == "state" and m.span.start == start + lead.end()),
        None,
    )
    return (state.key, state.span.end) if state is not None else (None, start)


def _after_symbol(text: str, start: int, limit: int) -> int:
    symbol = lexicon().pattern("report_symbol").match(text[start:limit])
    return start + symbol.end() if symbol is not None else start


def _dates(text: str, start: int, limit: int, requested: bool) -> _Dates:
    """The due and submission clauses that follow one another from ``start``."""
    dates = _Dates(end=start)
    if requested:
        dates = _clause(text, dates, limit, "report_due_by", "due")
    while True:
        read = _clause(text, dates, limit, "report_due", "due")
        read = _clause(text, read, limit, "report_submitted", "submitted")
        if read.end == dates.end:
            return dates
        dates = read


def _clause(text: str, dates: _Dates, limit: int, pattern: str, field: str) -> _Dates:
    if getattr(dates, field) is not None:
        return dates
    match = lexicon().pattern(pattern).match(text[dates.end : limit])
    if match is None:
        return dates
    start, end = dates.end + match.start("when"), dates.end + match.end("when")
    value = date_after(text, start, end) or _bare_year(text[start:end])
    return replace(dates, end=dates.end + match.end(), **{field: value})


def _bare_year(when: str) -> str | None:
    """``by 2028``: a year after a preposition the date patterns do not read."""
    year = _YEAR.search(when)
    return year.group() if year is not None else None


def _state_before(position: int, mentions: Sequence[Mention]) -> str | None:
    states = [m for m in mentions if m.category == "state" and m.span.end <= position]
    return states[-1].key if states else None


def _body_of(mentions: Sequence[Mention]) -> str | None:
    keys = {m.key for m in mentions if m.category == "body" and m.organ_of is None}
    return keys.pop() if len(keys) == 1 else None


def _document_body(
    mentions: Sequence[Mention], monitored: dict[str, tuple[str, ...]]
) -> str | None:
    """The one treaty body the document names, if only one."""
    keys = {m.key for m in mentions if m.category == "body" and m.key in monitored}
    return keys.pop() if len(keys) == 1 else None


def _merged(facts: Sequence[ReportFact]) -> tuple[ReportFact, ...]:
    """A report named again is one report: a mention that adds no date is dropped, one that
    gives the dates an undated first mention lacked takes its place (its passage says them)."""
    first: dict[tuple[str, str | None, str], int] = {}
    result: list[ReportFact] = []
    for fact in facts:
        key = (fact.state, fact.body, fact.ordinal or "")
        index = first.get(key) if fact.ordinal not in {None, "next"} else None
        if index is None:
            first.setdefault(key, len(result))
            result.append(fact)
        elif not _dated(result[index]):
            result[index] = fact
        elif _dated(fact) and not _adds_nothing(result[index], fact):
            result.append(fact)
    return tuple(result)


def _dated(fact: ReportFact) -> bool:
    return fact.due is not None or fact.submitted is not None


def _adds_nothing(kept: ReportFact, fact: ReportFact) -> bool:
    return fact.due in {None, kept.due} and fact.submitted in {None, kept.submitted}
