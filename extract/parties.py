"""Party status and membership: which state is party to, has ratified, acceded to or signed
which instrument, and which actor is a member of which body, sentence by sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dutygraph.extract.context import is_conditional
from dutygraph.extract.dates import date_after
from dutygraph.extract.ir import MembershipFact, Mention, PartyFact, Sentence, Span
from dutygraph.extract.lexicon import PartyCue, lexicon
from dutygraph.extract.list_leads import lead_in_sentence
from dutygraph.extract.party_states import affirmed, facts_of, last_state, party_states
from dutygraph.extract.subjects import INHERIT, resolve_subject

if TYPE_CHECKING:
    from dutygraph.extract.context import Context, Found


def party_facts(ctx: Context, sentence: Sentence, found: Found) -> None:
    """The party-status facts ``sentence`` states, appended to ``found.parties``: what a state
    has done (``ratified``, ``is a party to``) and what it has not (``has yet to ratify``), never
    what it is asked or expected to do (``should accede to``)."""
    span = sentence.span
    hits = [
        (match, cue)
        for cue in ctx.candidates(lexicon().party_cues(), span)
        for match in ctx.finditer(cue.regex, span)  # most sentences state no party status
    ]
    if not hits:
        _listed_facts(ctx, sentence, found)
        return
    # in text order: a later verb may share the subject or the instrument of an earlier one
    ordered = [
        hit
        for hit in sorted(hits, key=lambda hit: hit[0].start())
        if hit[1].instruments != "previous" or _follows_passive(hit[0], hits)
    ]
    starts = [match.start() for match, _ in ordered]
    for match, cue in ordered:
        _party_fact(ctx, sentence, match, cue, found, starts)


def _follows_passive(match: re.Match[str], hits: list[tuple[re.Match[str], PartyCue]]) -> bool:
    """``ratified by X in 2002 and by Y``: the cue that ends last before ``match`` names its
    state after ``by``."""
    before = [hit for hit in hits if hit[0].end() <= match.start()]
    return bool(before) and max(before, key=lambda hit: hit[0].end())[1].state == "by"


def _listed_facts(ctx: Context, sentence: Sentence, found: Found) -> None:
    """``The Committee welcomes the ratification by Freedonia of the following instruments:``
    then ``(a) The Convention ..., in 2008;``: an item's instruments and date, with the act and
    the state of its lead-in's cue."""
    lead = lead_in_sentence(ctx, sentence)
    if lead is None:
        return
    span = lead.span
    for cue in ctx.candidates(lexicon().party_cues(), span):
        for match in ctx.finditer(cue.regex, span):
            rest = ctx.text[match.end() : span.end]
            if cue.instruments == "after" and lexicon().pattern("party_list_lead").match(rest):
                _party_fact(ctx, lead, match, cue, found, [], item=sentence.span)


def _party_fact(
    ctx: Context,
    sentence: Sentence,
    match: re.Match[str],
    cue: PartyCue,
    found: Found,
    cue_starts: list[int],
    item: Span | None = None,
) -> None:
    """The facts of one cue's ``match`` in ``sentence``; with ``item``, a list item under the
    sentence, whose instruments and dates the facts take."""
    clause_start = _clause_floor(ctx.text, sentence.span.start, match.start())
    if is_conditional(ctx.text, Span(clause_start, match.start())):
        return
    if _is_hypothetical(ctx.text, clause_start, match, cue):
        return
    negated = cue.negated or _is_denied(ctx.text, clause_start, match)
    if cue.only_negated and not negated:
        return
    if item is not None:
        instruments = instruments_after(ctx, item.start, item.end)
        date_from = instruments[-1].span.end if instruments else item.end
    elif cue.instruments == "before":
        instruments = _instruments_before(ctx, clause_start, match.start())
        date_from = match.end()
    elif cue.instruments == "previous":  # "... by X in 2002 and by Y in 1990": X's instrument
        instruments = _previous_instrument(found, sentence, match)
        date_from = match.end()
    else:
        instruments = instruments_after(ctx, match.end(), sentence.span.end)
        date_from = instruments[-1].span.end if instruments else match.end()
        instruments = (
            instruments
            or _relative_instrument(ctx, sentence, match.start())
            or _pronoun_instrument(ctx, sentence, match.end(), found)
        )
    if not instruments or _asked_for(ctx.text, match, cue, instruments, sentence):
        return
    states = party_states(ctx, sentence, clause_start, match, cue, instruments, found)
    if not states:
        return
    # a date belongs to the nearest cue before it: "X is not a party to A but ratified B in
    # 1997" dates B only
    end = item.end if item is not None else sentence.span.end
    date_limit = next((s for s in cue_starts if s >= date_from), end)
    if cue.instruments in {"before", "previous"}:
        # "CRS - ratified 1990": a table row's bare year, captured by the cue itself
        date = match.groupdict().get("year") or date_after(ctx.text, date_from, date_limit)
        dates = [date] * len(instruments)
    else:
        dates = _dates_of(ctx, instruments, date_from, date_limit)
        if not any(dates) and item is None:  # "X's accession in 1999 to A": inside the cue
            dates = [date_after(ctx.text, match.start(), match.end())] * len(instruments)
    act = cue.act_of(match)
    if cue.state == "previous":  # "has ratified X but not Y": the act of X, denied
        act = affirmed(found, sentence)[-1].act
    if cue.instruments == "previous":
        act = facts_of(found, sentence)[-1].act
    evidence = sentence.span if item is None else Span(sentence.span.start, item.end)
    respective = _respective_years(ctx.text, date_from, date_limit, states, instruments)
    for index, state in enumerate(states):
        own = [respective[index]] * len(instruments) if respective else dates
        for instrument, date in zip(instruments, own, strict=True):
            found.parties.append(PartyFact(evidence, state, instrument.key, act, date, negated))


def _respective_years(
    text: str, start: int, limit: int, states: tuple[str, ...], instruments: list[Mention]
) -> list[str]:
    """``the accession of X and Y to A in 2021 and 2013 respectively``: one year per state, in
    order; none unless there are as many years as states."""
    if len(states) < 2 or len(instruments) != 1:
        return []
    match = lexicon().pattern("party_respectively").match(text, start, limit)
    if match is None:
        return []
    years = re.findall(r"\d{4}", match.group("years"))
    return years if len(years) == len(states) else []


def _dates_of(
    ctx: Context, instruments: list[Mention], last_end: int, limit: int
) -> list[str | None]:
    """Each instrument's own date (``X in 1981 and its Protocol in 1990``, ``X (1992), Y
    (1996)``); a date after the whole list (``X and its Protocol in 1982``) is every
    instrument's."""
    own = []
    for index, mention in enumerate(instruments):
        stop = instruments[index + 1].span.start if index + 1 < len(instruments) else limit
        own.append(date_after(ctx.text, mention.span.end, stop) or _bracketed_year(ctx, mention))
    if len([d for d in own if d]) <= 1 and own[-1]:
        return [own[-1]] * len(instruments)
    if not any(own):
        common = date_after(ctx.text, last_end, limit)
        return [common] * len(instruments)
    return own


def _bracketed_year(ctx: Context, mention: Mention) -> str | None:
    """``party to X (1992)``: the year in brackets right after X, when it is later than the
    year X was adopted (``the Convention (1951)`` names the treaty's own year)."""
    match = lexicon().pattern("party_year_in_brackets").match(ctx.text, mention.span.end)
    adopted = ctx.adopted.get(mention.key)
    if match is None or adopted is None or match.group("year") <= adopted:
        return None
    return match.group("year")


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


def _previous_instrument(found: Found, sentence: Sentence, match: re.Match[str]) -> list[Mention]:
    """The instrument of the sentence's last fact, as a reference at ``match``."""
    earlier = facts_of(found, sentence)
    if not earlier:
        return []
    span = Span(match.start(), match.end())
    return [Mention(span, earlier[-1].instrument, "instrument", match.group(), "reference")]


def _pronoun_instrument(
    ctx: Context, sentence: Sentence, position: int, found: Found
) -> list[Mention]:
    """``Freedonia signed X in 1990 and ratified it in 1995``: the instrument of the fact just
    found in the same sentence."""
    pronoun = re.match(r"\s+(it)\b", ctx.text[position : position + 4])
    earlier = facts_of(found, sentence)
    if pronoun is None or not earlier:
        return []
    span = Span(position + pronoun.start(1), position + pronoun.end(1))
    return [Mention(span, earlier[-1].instrument, "instrument", "it", "reference")]


def _is_denied(text: str, floor: int, match: re.Match[str]) -> bool:
    """``has not ratified``, ``has never signed``, ``is not a party to``: a negative fact;
    ``is not only a party to`` is none."""
    words = re.findall(r"[a-z]+", text[max(floor, match.start() - 16) : match.start()].lower())
    inside = re.findall(r"[a-z]+", match.group().lower())
    negators = lexicon().lower_words("negators")
    if words[-2:] == ["not", "only"]:
        return False
    return any(w in negators for w in words[-2:]) or (
        bool({"not", "never"} & set(inside)) and "only" not in inside
    )


def _is_hypothetical(text: str, floor: int, match: re.Match[str], cue: PartyCue) -> bool:
    """``should have ratified``, ``urged to become a party to``, ``will become a party to``: a
    wish or an expectation, no fact either way."""
    words = re.findall(r"[a-z]+", text[max(floor, match.start() - 24) : match.start()].lower())
    modals = lexicon().lower_words("party_modals")
    near = words[-2:] if cue.state != "possessive" else []
    return any(w in modals for w in near) and words[-2:] != ["not", "only"]


def _asked_for(
    text: str, match: re.Match[str], cue: PartyCue, instruments: list[Mention], sentence: Sentence
) -> bool:
    """``calls for Freedonia's accession to X``, ``Freedonia's ratification of X would ...``: an
    act named as a noun is a fact only when the sentence neither asks for it nor supposes it."""
    if not (cue.state == "possessive" or cue.noun) or cue.negated:
        return False
    before = re.findall(
        r"[a-z]+", text[max(sentence.span.start, match.start() - 40) : match.start()].lower()
    )
    modals = lexicon().lower_words("party_modals") - {"to"}
    if any(w in lexicon().lower_words("party_requests") for w in before[-4:]):
        return True
    if cue.noun and any(w in modals for w in before[-4:]):  # "would welcome the accession"
        return True
    after = text[instruments[-1].span.end : sentence.span.end]
    words = re.findall(r"[a-z]+", re.sub(r"\([^)]*\)", " ", after).lower())
    return any(w in modals for w in words[:5])


def _clause_floor(text: str, floor: int, position: int) -> int:
    segment = text[floor:position]
    cut = max(segment.rfind(";"), segment.rfind(", but"), segment.rfind(": "))
    return floor + cut + 1 if cut >= 0 else floor


def memberships(ctx: Context, sentence: Sentence, found: Found) -> None:
    """The memberships ``sentence`` states (``X is a member of Y``), appended to
    ``found.memberships``."""
    for match in ctx.finditer(lexicon().pattern("membership"), sentence.span):
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
            keys = last_state(found)
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


def _instruments_before(ctx: Context, floor: int, position: int) -> list[Mention]:
    """``X and Y, both ratified by``, ``X, which was ratified by``: the instruments that end
    right before the cue, while they are joined by ``and``/``,``; in text order."""
    result: list[Mention] = []
    end = position
    mentions = sorted(ctx.mentions_in(Span(floor, position)), key=lambda m: m.span, reverse=True)
    for mention in mentions:
        if mention.span.end > end:
            continue
        gap = ctx.text[mention.span.end : end]
        allowed = r"\s*(?:,?\s*(?:which|that)\s*)?" if not result else None
        if allowed is not None and re.fullmatch(allowed, gap) is None:
            break
        if result and not _joins(gap, first=False):
            break
        if mention.category != "instrument":
            break
        if all(m.key != mention.key for m in result):
            result.append(mention)
        end = mention.span.start
    return result[::-1]


def _joins(gap: str, first: bool) -> bool:
    """Instruments of one list: ``X and its Protocol``, ``X in 1981 and its Protocol in 1990``,
    ``X, Y(,) and Z``, ``X or Y``."""
    cleaned = re.sub(r"\([^)]*\)", " ", gap)
    cleaned = _DATE_WORDS.sub(" ", cleaned)
    words = re.findall(r"[\w'\u2019.]+", cleaned.lower())
    if first:
        return len(words) <= 4
    joiners = lexicon().lower_words("party_list_joiners")
    return all(w in joiners or w.isdigit() for w in words)


_DATE_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
