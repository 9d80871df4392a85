"""Relations: normative statements sentence by sentence, with party status and memberships
(``parties``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dutygraph.extract import drafting
from dutygraph.extract.attribution import (
    after_dateline,
    attribution_start,
    reported_subject,
    speaker,
)
from dutygraph.extract.context import (
    ACTORS,
    PASSIVE,
    Context,
    Found,
    bases_of,
    beneficiaries_of,
    cut_action,
    is_conditional,
    trimmed_span,
)
from dutygraph.extract.findings import decisions
from dutygraph.extract.ir import (
    MembershipFact,
    PartyFact,
    Sentence,
    Span,
    Statement,
)
from dutygraph.extract.items import (
    addressed_directive,
    bearer_after_cue,
    heading_addressee,
    imperative,
    nested,
)
from dutygraph.extract.joined import split_joined
from dutygraph.extract.lexicon import Cue, lexicon
from dutygraph.extract.norms import customary, obligation_phrases, soft_law, stated_norms
from dutygraph.extract.parties import memberships, party_facts
from dutygraph.extract.subjects import INHERIT, resolve_subject

_CONNECTOR = re.compile(
    r"(?:;|,\s*(?:and|but|or|while|whereas)\b|\band\b|\bor\b|\bthat\b)\s*", re.I
)
_CONTRAST = re.compile(r",\s*(?:but|yet)\s+", re.I)
# a concessive opener is a subordinate clause: the main clause starts after its last comma
_CONCESSION = re.compile(
    r"\s*(?:although|though|even\s+though|while|whilst|despite|notwithstanding)\b.*,", re.I | re.S
)


def relate(
    ctx: Context,
) -> tuple[tuple[Statement, ...], tuple[PartyFact, ...], tuple[MembershipFact, ...]]:
    found = Found()
    drafting.office_actors(ctx)
    for sentence in ctx.sentences:
        if ctx.block_of(sentence).kind == "heading":
            continue
        party_facts(ctx, sentence, found)
        memberships(ctx, sentence, found)
        before = len(found.statements)
        if addressed_directive(ctx, sentence):  # "To X:" then "Urge Y to V": X urges, Y owes V
            imperative(ctx, sentence, found)
        else:
            _statements(ctx, sentence, found)
        if len(found.statements) == before:
            _list_item(ctx, sentence, found)
        if len(found.statements) == before:
            imperative(ctx, sentence, found)
        obligation_phrases(ctx, sentence, found)
        customary(ctx, sentence, found)
        soft_law(ctx, sentence, found)
        stated_norms(ctx, sentence, found)
    statements = decisions(ctx, split_joined(ctx.text, found.statements))
    return tuple(statements), tuple(found.parties), tuple(found.memberships)


# --- normative statements ---------------------------------------------------------------


@dataclass(frozen=True)
class _CueHit:
    start: int
    end: int
    cue: Cue


def _cue_hits(ctx: Context, sentence: Sentence) -> list[_CueHit]:
    lex = lexicon()
    span = sentence.span
    hits = [
        _CueHit(m.start(), m.end(), cue)
        for cue in ctx.candidates(lex.cues(), span)
        for m in ctx.finditer(cue.regex, span)  # most sentences have no modal
    ]
    if not hits:
        return []
    blocked = [Span(m.start(), m.end()) for f in lex.filters() for m in ctx.finditer(f, span)]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_CueHit] = []
    for hit in hits:
        span = Span(hit.start, hit.end)
        if any(span.overlaps(Span(k.start, k.end)) for k in kept):
            continue
        if any(span.overlaps(b) for b in blocked):
            continue
        gap = ctx.text[kept[-1].end : hit.start] if kept else ""
        joined = bool(kept) and _only_adverbs(gap)
        if kept and _nested_directive(ctx.text, kept[-1], hit, gap):
            continue  # "should (continue to) urge X to": the nested directive of the action
        if joined and not ctx.text[kept[-1].end : hit.start].strip():
            kept[-1] = _CueHit(kept[-1].start, hit.end, kept[-1].cue)  # "shall undertake to"
            continue
        kept.append(hit)
    return [h for h in kept if not _inverted_conditional(ctx.text, sentence, h)]


def _nested_directive(text: str, previous: _CueHit, hit: _CueHit, gap: str) -> bool:
    """A directive in the action of the cue before it, with no comma or semicolon between;
    but ``urged X to A and called on Y to B``: a finite verb after ``and`` makes a call of its
    own, where a base form (``should urge X to A and call on Y``) is part of the action."""
    if hit.cue.name != "directive" or re.search(r"[;,]", gap):
        return False
    return lexicon().pattern("second_call").search(text, previous.end, hit.end) is None


def _only_adverbs(gap: str) -> bool:
    words = gap.split()
    return all(
        w.endswith("ly") or w in {"also", "further", "continue", "to", "still", "now"}
        for w in words
    )


def _inverted_conditional(text: str, sentence: Sentence, hit: _CueHit) -> bool:
    """``Should the Government of Freedonia begin ..., all countries should ...``: a modal that
    opens its clause, before its subject, states a condition."""
    before = text[sentence.span.start : hit.start]
    clause = re.split(r"[;:]", before)[-1]
    return re.fullmatch(r"\s*(?:\(\w{1,4}\)\s*)?", clause) is not None and hit.cue.name in {
        "should",
        "should-not",
    }


def _clause_bounds(
    ctx: Context, sentence: Sentence, hits: list[_CueHit], k: int
) -> tuple[int, int]:
    """Where the clause of cue ``k`` starts, and where the previous clause's action ends
    (before the connector ``, and``/``;`` that joins them)."""
    floor = hits[k - 1].end if k > 0 else _after_condition(ctx.text, sentence)
    segment = ctx.text[floor : hits[k].start]
    semicolon = segment.rfind(";")
    if k == 0:
        contrast = list(_CONTRAST.finditer(segment, semicolon + 1))
        if contrast:  # "X has not ratified Y, but it must ...": the clause after "but"
            return floor + contrast[-1].end(), floor + contrast[-1].start()
        concession = _CONCESSION.match(segment)
        if concession and semicolon < 0:  # "Although X is not a party to Y, it is bound ..."
            return floor + concession.end(), floor + concession.end()
        return (floor + semicolon + 1, floor + semicolon) if semicolon >= 0 else (floor, floor)
    said = attribution_start(ctx.text, floor, hits[k].start)
    if said is not None:  # "X must act, the expert said, urging Y to ...": the tail divides them
        return said, said
    last = None
    for match in _CONNECTOR.finditer(segment):
        last = match
    if last is None:
        return floor, floor
    return floor + last.end(), floor + last.start()


def _statements(ctx: Context, sentence: Sentence, found: Found) -> None:
    hits = _cue_hits(ctx, sentence)
    if hits and lexicon().pattern("recital").search(sentence.span.of(ctx.text)):
        return  # a resolution's preambular paragraph recites, it does not oblige
    bounds = [_clause_bounds(ctx, sentence, hits, k) for k in range(len(hits))]
    starts = [start for start, _ in bounds]
    previous: tuple[str, ...] = _previous_bearers(found, ctx, sentence)
    for k, hit in enumerate(hits):
        end = bounds[k + 1][1] if k + 1 < len(hits) else sentence.span.end
        action_span = cut_action(ctx.text, hit.end, end)
        if starts[k] > hit.start:
            continue  # the modal sits inside the opening condition: "If X should fail, ..."
        if action_span is None or is_conditional(ctx.text, Span(starts[k], hit.start)):
            continue
        subject = Span(starts[k], hit.start)
        shared = _shared_subject(ctx, subject, found, sentence)
        made = _statement_for(ctx, sentence, hit, subject, action_span, previous, shared)
        if made is None:
            continue
        index = len(found.statements)
        found.statements.append(made)
        previous = made.bearers
        nested(ctx, made, index, found)


def _shared_subject(ctx: Context, subject: Span, found: Found, sentence: Sentence) -> int | None:
    """``Under the Convention, Freedonia must A and must B``: a modal clause with no subject of
    its own shares the previous clause's, with its legal basis; where that clause starts."""
    if subject.of(ctx.text).strip() or not found.statements:
        return None
    last = found.statements[-1]
    return last.span.start if sentence.span.contains(last.span) else None


def _after_condition(text: str, sentence: Sentence) -> int:
    """Where the main clause starts when the sentence opens with an inverted conditional
    (``Should X ..., Y should ...``) or a conditional clause (``If X ..., Y should ...``)."""
    start = sentence.span.start
    head = text[start : sentence.span.end]
    opener = re.match(r"\s*(?:\(\w{1,4}\)\s*)?(?:should|if|unless|when|once|where)\b", head, re.I)
    if opener is None:
        return start
    comma = head.find(",", opener.end())
    return start + comma + 1 if comma >= 0 else start


def _previous_bearers(found: Found, ctx: Context, sentence: Sentence) -> tuple[str, ...]:
    for statement in reversed(found.statements):
        if statement.span.end <= sentence.span.start and statement.urged_by is None:
            gap = ctx.text[statement.span.end : sentence.span.start]
            return statement.bearers if gap.count("\n\n") <= 1 else ()
    return ()


def _statement_for(
    ctx: Context,
    sentence: Sentence,
    hit: _CueHit,
    subject: Span,
    rest: Span,
    previous: tuple[str, ...],
    shared: int | None = None,
) -> Statement | None:
    cue = hit.cue
    action: Span | None = rest
    subject = Span(after_dateline(ctx.text, subject.start, subject.end), subject.end)
    said_by: Span | None = None
    if cue.name in {"incumbent", "directive"}:
        bearers, action = bearer_after_cue(ctx, rest)
    else:
        subject, said_by = reported_subject(ctx.text, subject)
        subject = drafting.clause_subject(ctx, subject)
        bearers = _subject_bearers(ctx, sentence, subject, rest, previous, cue)
    if not bearers or action is None or _bound_by_whole_instrument(ctx, hit, action):
        return None
    issuer = _directive_issuer(ctx, subject) if cue.name == "directive" else None
    if said_by is not None:
        issuer = issuer or _directive_issuer(ctx, said_by)
    issuer = issuer or speaker(ctx.text, sentence.span, ctx.mentions)
    kind, force = cue.type, cue.force
    if kind == "Obligation" and re.match(r"\s*no\b", subject.of(ctx.text), re.I):
        kind = "Prohibition"
    span = Span(min(subject.start, hit.start), action.end)
    opening = Span(min(span.start, shared), span.end) if shared is not None else span
    bases = drafting.legal_bases(ctx, bases_of(ctx, opening))
    if cue.name == "directive":
        bases = tuple(dict.fromkeys((*bases, *_issuing_instruments(ctx, subject))))
    if _is_demand(ctx, hit, bases):
        kind, force = "Recommendation", "NonBinding"
    negation = re.search(r"\bnot\b", ctx.text[hit.start : hit.end])
    if kind == "Recommendation" and negation is not None:
        action = Span(hit.start + negation.start(), action.end)  # "should not X": keep the "not"
    return Statement(
        span=trimmed_span(ctx.text, span),
        type=kind,  # type: ignore[arg-type]
        bearers=bearers,
        action=action.of(ctx.text),
        action_span=action,
        trigger=re.sub(r"\s+", " ", ctx.text[hit.start : hit.end]).strip(),
        force=force,  # type: ignore[arg-type]
        bases=bases,
        beneficiaries=beneficiaries_of(ctx, action),
        issuer=issuer,
    )


_BOUND_DETERMINER = re.compile(r"\s*(?:(?:the|both|all|its|their|these)\s+)?", re.I)


def _bound_by_whole_instrument(ctx: Context, hit: _CueHit, action: Span) -> bool:
    """``Freedonia is bound by the Ruritanian Convention``: a party fact, whose action would
    be the treaty's name; ``bound by article 4`` or ``by the principle of X`` names a duty."""
    if hit.cue.name != "bound-by":
        return False
    lead = _BOUND_DETERMINER.match(ctx.text, action.start, action.end)
    start = lead.end() if lead is not None else action.start
    return any(
        m.category == "instrument" and m.span.start == start for m in ctx.mentions_in(action)
    )


def _subject_bearers(
    ctx: Context,
    sentence: Sentence,
    subject: Span,
    rest: Span,
    previous: tuple[str, ...],
    cue: Cue,
) -> tuple[str, ...]:
    # a right ("Everyone has the right to ...") is held by whom the subject names
    drafted = None if cue.type == "Right" else drafting.legal_bearers(ctx, subject, rest)
    if drafted is not None:
        return drafted
    bearers = resolve_subject(ctx.text, subject, ctx.mentions_in(subject), ctx.groups)
    if bearers == INHERIT:
        return _antecedent_in_sentence(ctx, sentence, subject) or previous
    if not bearers and PASSIVE.match(rest.of(ctx.text)):
        bearers = heading_addressee(ctx, sentence)
    return bearers or drafting.office_or_role(ctx, subject)


def _antecedent_in_sentence(ctx: Context, sentence: Sentence, subject: Span) -> tuple[str, ...]:
    """``Freedonia has not ratified X, but it is bound by Y``: the one actor named earlier in
    the sentence; none when there are several."""
    earlier = Span(sentence.span.start, subject.start)
    actors = {m.key for m in ctx.mentions_in(earlier) if m.category in ACTORS}
    return (actors.pop(),) if len(actors) == 1 else ()


def _issuing_instruments(ctx: Context, subject: Span) -> tuple[str, ...]:
    """``The Committee, in its Conclusion No. 8, called on States to ...``: the instrument in
    which the call is made is its basis."""
    return tuple(
        m.key
        for m in ctx.mentions_in(subject)
        if m.category == "instrument"
        and re.search(r"\bin\s+(?:its\s+|their\s+)?$", ctx.text[subject.start : m.span.start])
    )


def _directive_issuer(ctx: Context, subject: Span) -> str | None:
    """``The Parliament passed a resolution urging X to ...``: the Parliament urges; in ``X
    acted, which prompted the Rapporteur to urge ...`` the actor nearest the verb does."""
    actors = [m for m in ctx.mentions_in(subject) if m.category in ACTORS]
    return actors[-1].key if actors else None


def _is_demand(ctx: Context, hit: _CueHit, bases: tuple[str, ...]) -> bool:
    """A report's own "X must ..." with no legal basis is a demand of its author, not a binding
    duty the text establishes; a treaty's or statute's "must" binds."""
    word = ctx.text[hit.start : hit.end].lower()
    return "must" in word and not ctx.legal_text and not bases


def _list_item(ctx: Context, sentence: Sentence, found: Found) -> None:
    """``an applicant shall—`` then ``(a) not leave the State ...``: each item is a duty of the
    lead-in's bearer; an item that opens with ``not`` is a prohibition."""
    item = drafting.list_item(ctx, sentence)
    if item is None:
        return
    negative = re.search(r"\bnot\b", item.modal.of(ctx.text)) is not None
    name = "shall-not" if negative else "shall"
    cue = next(c for c in lexicon().cues() if c.name == name)
    hit = _CueHit(item.modal.start, item.modal.end, cue)
    previous = _previous_bearers(found, ctx, sentence)
    made = _statement_for(ctx, sentence, hit, item.subject, item.item, previous)
    if made is None:
        return
    if re.match(r"not\b", item.item.of(ctx.text)):
        made = replace(made, type="Prohibition")
    found.statements.append(
        replace(made, span=trimmed_span(ctx.text, sentence.span), action_lead=item.tail)
    )
