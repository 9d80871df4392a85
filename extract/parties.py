"""Party status and membership: which state is party to, has ratified, acceded to or signed
which instrument, and which actor is a member of which body, sentence by sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dutygraph.extract.ir import MembershipFact, Mention, PartyFact, Sentence, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.subjects import INHERIT, resolve_subject

if TYPE_CHECKING:
    from dutygraph.extract.relations import Context, _Found


def party_facts(ctx: Context, sentence: Sentence, found: _Found) -> None:
    """The party-status facts ``sentence`` states, appended to ``found.parties``."""
    hits = [
        (match, cue)
        for cue in lexicon().party_cues()
        for match in cue.regex.finditer(ctx.text, sentence.span.start, sentence.span.end)
    ]
    # in text order: a later verb may share the subject or the instrument of an earlier one
    for match, cue in sorted(hits, key=lambda hit: hit[0].start()):
        _party_fact(ctx, sentence, match, cue.act, found)


def _party_fact(
    ctx: Context, sentence: Sentence, match: re.Match[str], act: str, found: _Found
) -> None:
    clause_start = _clause_floor(ctx.text, sentence.span.start, match.start())
    if _is_conditional(ctx.text, Span(clause_start, match.start())):
        return
    if _is_denied(ctx.text, clause_start, match):
        return
    states = _party_states(ctx, sentence, clause_start, match, found)
    instruments = instruments_after(ctx, match.end(), sentence.span.end)
    date_from = instruments[-1].span.end if instruments else match.end()
    instruments = (
        instruments
        or _relative_instrument(ctx, sentence, match.start())
        or _pronoun_instrument(ctx, sentence, match.end(), found)
    )
    if not states or not instruments:
        return
    dates = _dates_of(ctx.text, instruments, date_from, sentence.span.end)
    for state in states:
        for instrument, date in zip(instruments, dates, strict=True):
            found.parties.append(PartyFact(sentence.span, state, instrument.key, act, date))


def _dates_of(text: str, instruments: list[Mention], last_end: int, limit: int) -> list[str | None]:
    """Each instrument's own date (``X in 1981 and its Protocol in 1990``); a date after the
    whole list (``X and its Protocol in 1982``) is every instrument's."""
    own = []
    for index, mention in enumerate(instruments):
        stop = instruments[index + 1].span.start if index + 1 < len(instruments) else limit
        own.append(_date_after(text, mention.span.end, stop))
    if len([d for d in own if d]) <= 1 and own[-1]:
        return [own[-1]] * len(instruments)
    if not any(own):
        common = _date_after(text, last_end, limit)
        return [common] * len(instruments)
    return own


def _relative_instrument(ctx: Context, sentence: Sentence, position: int) -> list[Mention]:
    """``the Convention against Torture, which Freedonia ratified in 1997``."""
    before = [
        m
        for m in ctx.mentions_in(Span(sentence.span.start, position))
        if m.category == "instrument"
    ]
    if not before:
        return []
    gap = ctx.text[before[-1].span.end : position]
    return [before[-1]] if re.fullmatch(r"\s*,?\s*(?:which|that)\s+[^,;]{1,60}", gap) else []


def _pronoun_instrument(
    ctx: Context, sentence: Sentence, position: int, found: _Found
) -> list[Mention]:
    """``Freedonia signed X in 1990 and ratified it in 1995``: the instrument of the fact just
    found in the same sentence."""
    pronoun = re.match(r"\s+(it)\b", ctx.text[position : position + 4])
    earlier = _facts_of(found, sentence)
    if pronoun is None or not earlier:
        return []
    span = Span(position + pronoun.start(1), position + pronoun.end(1))
    return [Mention(span, earlier[-1].instrument, "instrument", "it", "reference")]


def _facts_of(found: _Found, sentence: Sentence) -> list[PartyFact]:
    """The party facts found so far in ``sentence``."""
    return [p for p in found.parties if p.span == sentence.span]


def _is_denied(text: str, floor: int, match: re.Match[str]) -> bool:
    """``has not ratified``, ``has never signed``: no fact."""
    words = re.findall(r"[a-z]+", text[max(floor, match.start() - 16) : match.start()].lower())
    inside = re.findall(r"[a-z]+", match.group().lower())
    negators = lexicon().lower_words("negators")
    return any(w in negators for w in words[-2:]) or ("not" in inside and "only" not in inside)


def _clause_floor(text: str, floor: int, position: int) -> int:
    segment = text[floor:position]
    cut = max(segment.rfind(";"), segment.rfind(", but"), segment.rfind(": "))
    return floor + cut + 1 if cut >= 0 else floor


def _party_states(
    ctx: Context, sentence: Sentence, clause_start: int, match: re.Match[str], found: _Found
) -> tuple[str, ...]:
    before = [
        m for m in ctx.mentions_in(Span(clause_start, match.start())) if m.category == "state"
    ]
    if match.group().startswith(",") or "obligations" in match.group():
        return (before[-1].key,) if before else ()
    if re.search(r"(?:,|\band)\s*$", ctx.text[clause_start : match.start()]):
        # "X acceded to A in 1995 and ratified B": the verbs share the subject of the first
        same = _facts_of(found, sentence)
        if same:
            return (same[-1].state,)
    subject = Span(clause_start, match.start())
    keys = resolve_subject(ctx.text, subject, ctx.mentions_in(subject), ctx.groups)
    if keys == INHERIT:
        return _last_state(found)
    states = tuple(k for k in keys if k.startswith("http") and "/state/" in k)
    if states:
        return states
    return (before[0].key,) if before and match.group().lower().startswith("as ") else ()


def _last_state(found: _Found) -> tuple[str, ...]:
    if found.parties:
        return (found.parties[-1].state,)
    return ()


def _date_after(text: str, start: int, limit: int) -> str | None:
    window = text[start : min(limit, start + 80)]
    for pattern in lexicon().date_patterns():
        match = pattern.search(window)
        if match is not None:
            return _iso_date(match.groupdict())
    return None


_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}


def _iso_date(parts: dict[str, str | None]) -> str:
    year, month, day = parts.get("year"), parts.get("month"), parts.get("day")
    if month and day:
        return f"{year}-{_MONTHS[month.lower()]:02d}-{int(day):02d}"
    if month:
        return f"{year}-{_MONTHS[month.lower()]:02d}"
    return str(year)


def memberships(ctx: Context, sentence: Sentence, found: _Found) -> None:
    """The memberships ``sentence`` states (``X is a member of Y``), appended to
    ``found.memberships``."""
    pattern = lexicon().pattern("membership")
    for match in pattern.finditer(ctx.text, sentence.span.start, sentence.span.end):
        clause_start = _clause_floor(ctx.text, sentence.span.start, match.start())
        clause_start = max(
            clause_start,
            ctx.text.rfind(",", sentence.span.start, match.start()) + 1
            if not match.group().startswith(",")
            else clause_start,
        )
        subject = Span(clause_start, match.start())
        keys = resolve_subject(ctx.text, subject, ctx.mentions_in(subject), ctx.groups)
        if keys == INHERIT:
            keys = _last_state(found)
        after = [
            m
            for m in ctx.mentions_in(Span(match.end(), sentence.span.end))
            if m.category in {"body", "organization"}
        ]
        if keys and after and after[0].span.start - match.end() <= 6:
            for key in keys:
                found.memberships.append(MembershipFact(sentence.span, key, after[0].key))


def instruments_after(ctx: Context, start: int, limit: int) -> list[Mention]:
    """Instrument mentions from ``start`` on, while they are joined by ``and``/``,``/``both``."""
    result: list[Mention] = []
    position = start
    for mention in sorted(ctx.mentions_in(Span(start, limit)), key=lambda m: m.span):
        if mention.span.start < position:
            continue
        gap = ctx.text[position : mention.span.start]
        if not _joins(gap, first=not result):
            break
        if mention.category == "instrument":
            if all(m.key != mention.key for m in result):
                result.append(mention)
            position = mention.span.end
    return result


_JOINING_WORDS = frozenset(
    {"and", "its", "the", "both", "as", "well", "of", "u.n.", "un", "in", "on", "since"}
)


def _joins(gap: str, first: bool) -> bool:
    """Instruments of one list: ``X and its Protocol``, ``X in 1981 and its Protocol in 1990``."""
    cleaned = re.sub(r"\([^)]*\)", " ", gap)
    cleaned = _DATE_WORDS.sub(" ", cleaned)
    words = re.findall(r"[\w'\u2019.]+", cleaned.lower())
    if first:
        return len(words) <= 4
    return all(w in _JOINING_WORDS or w.isdigit() for w in words) and "," not in cleaned.replace(
        ", and", ""
    )


_DATE_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)


def _is_conditional(text: str, clause: Span) -> bool:
    """``If Freedonia ratified X, ...``: a clause opened by a conditional states no fact."""
    words = re.findall(r"[A-Za-z]+", clause.of(text))
    return bool(words) and words[0].lower() in lexicon().lower_words("conditional_openers")
