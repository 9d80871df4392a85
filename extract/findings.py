"""Judgments and views: findings of violation, the obligations and orders the body states.

A finding that a state violated a provision says the state did not perform a binding duty
under it: an ``Obligation`` marked ``finding``, borne by the state, issued by the court or
committee. What the adjudicating body says a state must do, or orders it to do, binds too. A
party's complaint or argument, a finding of no violation and a question are no duties.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from dutygraph.extract.context import cut_action
from dutygraph.extract.ir import Entity, Mention, Sentence, Span, Statement
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.sentences import trim_space
from dutygraph.extract.subjects import INHERIT, resolve_subject

if TYPE_CHECKING:
    from dutygraph.extract.context import Context

_BASES = frozenset({"provision", "instrument"})
_ACTORS = frozenset({"state", "body", "organization", "group"})
_RESPONDENT = re.compile(r"^\s*(?:the\s+)?(?:state\s+party|respondent\s+state)\s*$", re.I)


def decisions(ctx: Context, statements: Sequence[Statement]) -> list[Statement]:
    """``statements`` with what a judgment or views decides: findings of violation, the
    body's obligations and orders (replacing the plain reading of those sentences)."""
    found: list[Statement] = []
    for sentence in ctx.sentences:
        if ctx.block_of(sentence).kind != "heading":
            found.extend(_sentence_decisions(ctx, sentence))
    if not found:
        return list(statements)
    issuer = found[0].issuer
    found.extend(_bare_obligations(ctx, statements, found, issuer))
    taken = [s.span for s in found]
    dropped = {
        i
        for i, s in enumerate(statements)
        if any(s.span.overlaps(t) for t in taken) or _party_case(ctx, s)
    }
    return [*_without(statements, dropped), *found]


def _without(statements: Sequence[Statement], dropped: set[int]) -> list[Statement]:
    """``statements`` but the ``dropped`` ones, their ``urged_by`` indices kept right."""
    index: dict[int, int] = {}
    kept: list[Statement] = []
    for old, statement in enumerate(statements):
        if old in dropped:
            continue
        index[old] = len(kept)
        outer = statement.urged_by
        kept.append(replace(statement, urged_by=None if outer is None else index.get(outer)))
    return kept


def _sentence_decisions(ctx: Context, sentence: Sentence) -> list[Statement]:
    span = sentence.span
    made: list[Statement] = []
    findings, leads = lexicon().pattern("violation_finding"), lexicon().pattern("decision_lead")
    for match in ctx.finditer(findings, span):  # few sentences decide anything
        body = _adjudicator(ctx, sentence, match.start())
        if body is not None:
            made.extend(_violations(ctx, sentence, match, body))
    for lead in ctx.finditer(leads, span):
        body = _adjudicator(ctx, sentence, lead.start())
        if body is None:
            continue
        made.extend(_obligations(ctx, sentence, lead.end(), body))
        made.extend(_orders(ctx, sentence, lead.start(), body))
    return made


def _adjudicator(ctx: Context, sentence: Sentence, verb: int) -> str | None:
    """The court or committee that is the subject of the finding verb at ``verb``; None when
    the subject is a party or something else, or a party's submission comes first."""
    before = Span(sentence.span.start, verb)
    if next(ctx.finditer(lexicon().pattern("party_submission"), before), None) is not None:
        return None
    clause = ctx.text[before.start : before.end]
    actors = [m for m in ctx.mentions_in(before) if m.category in _ACTORS]
    heads = _head_matches(clause)
    last_head = heads[-1] if heads else None
    if actors and (last_head is None or before.start + last_head.start() <= actors[-1].span.start):
        body = actors[-1]
        return body.key if body.category in {"body", "organization"} else None
    if last_head is None:
        return None
    start = before.start + last_head.start("head")
    return _named_adjudicator(ctx, Span(start, before.start + last_head.end("head")))


def _head_matches(clause: str) -> list[re.Match[str]]:
    heads = sorted(lexicon().words("adjudicator_heads"), key=len, reverse=True)
    pattern = r"\b(?:the|The)\s+(?P<head>" + "|".join(map(re.escape, heads)) + r")\b(?!\s+on\b)"
    # "the Committee (Freedonia) ..." is a quoted name, not the speaker
    return [m for m in re.finditer(pattern, clause) if clause[m.end() :].strip(" ,")[:1] != "("]


def _named_adjudicator(ctx: Context, head: Span) -> str:
    """``the Court``: the one body of the text whose name has that head noun, else a body of
    the document by that name."""
    noun = head.of(ctx.text)
    named = {
        m.key
        for m in ctx.mentions
        if m.category == "body" and re.search(rf"\b{re.escape(noun)}\b", m.label)
    }
    if len(named) == 1:
        return named.pop()
    key = "local:body:" + re.sub(r"\W+", "-", noun.lower())
    ctx.groups.entities.setdefault(key, Entity(key, "body", f"the {noun}", "Body", head))
    return key


def _violations(
    ctx: Context, sentence: Sentence, match: re.Match[str], body: str
) -> list[Statement]:
    who = _group_span(match, "who", "by")
    bearers = _bearers(ctx, who) if who is not None else _respondent(ctx)
    end = _clause_end(ctx.text, match.end(), sentence.span.end)
    bases = [m for m in ctx.mentions_in(Span(match.end(), end)) if m.category in _BASES]
    provisions = [m for m in bases if m.category == "provision"] or bases
    if not bearers or not provisions:
        return []
    start = next(match.start(g) for g in ("verb", "noun", "noun2", "noun3") if match.group(g))
    action = Span(start, max(m.span.end for m in bases))
    keys = list(dict.fromkeys(m.key for m in provisions))
    return [
        _statement(ctx, sentence, bearers, action, match.group(0).split()[-1], key, body, True)
        for key in keys
    ]


def _group_span(match: re.Match[str], *names: str) -> Span | None:
    for name in names:
        if match.group(name):
            return Span(match.start(name), match.end(name))
    return None


def _obligations(ctx: Context, sentence: Sentence, lead_end: int, body: str) -> list[Statement]:
    """``The Committee considers that the State party is under an obligation to X``."""
    end = sentence.span.end
    that = re.match(
        r"\s*(?:(?:therefore|also|further|unanimously)\s+)?that\s+", ctx.text[lead_end:end]
    )
    if that is None:
        return []
    start = lead_end + that.end()
    cue = lexicon().pattern("decision_obligation").search(ctx.text, start, end)
    if cue is None:  # "held that Fictland was to pay": the operative provision as reported
        cue = lexicon().pattern("held_obligation").search(ctx.text, start, end)
    if cue is None:
        return []
    return _obligation_at(ctx, sentence, Span(start, cue.start()), cue, body)


def _obligation_at(
    ctx: Context, sentence: Sentence, subject: Span, cue: re.Match[str], body: str
) -> list[Statement]:
    bearers = _bearers(ctx, subject)
    action = cut_action(ctx.text, cue.end(), _clause_end(ctx.text, cue.end(), sentence.span.end))
    if not bearers or action is None:
        return []
    trigger = re.sub(r"\s+", " ", cue.group()).strip()
    made = _statement(ctx, sentence, bearers, action, trigger, None, body, False)
    negation = re.match(r"\s*not\b", ctx.text[cue.end() : action.end])
    if negation is None:
        return [made]
    # "States must not remove ...": the court states a prohibition
    kept = Span(cue.end() + negation.end() - len("not"), action.end)
    return [replace(made, type="Prohibition", action=kept.of(ctx.text), action_span=kept)]


def _orders(ctx: Context, sentence: Sentence, verb: int, body: str) -> list[Statement]:
    order = lexicon().pattern("decision_order").match(ctx.text, verb, sentence.span.end)
    if order is None:
        return []
    bearers = _bearers(ctx, Span(order.start("who"), order.end("who")))
    action = cut_action(
        ctx.text, order.end(), _clause_end(ctx.text, order.end(), sentence.span.end)
    )
    if not bearers or action is None:
        return []
    trigger = order.group().split()[0]
    return [_statement(ctx, sentence, bearers, action, trigger, None, body, False)]


def _bare_obligations(
    ctx: Context, statements: Sequence[Statement], found: Sequence[Statement], issuer: str | None
) -> list[Statement]:
    """In a judgment or views, ``Fictland must pay X`` and ``The State party is under an
    obligation to X`` state the body's decision: binding, with the body as issuer."""
    if issuer is None:
        return []
    made: list[Statement] = []
    cue_pattern = lexicon().pattern("decision_obligation")
    for sentence in ctx.sentences:
        span = trim_space(ctx.text, sentence.span)
        if ctx.block_of(sentence).kind == "heading" or any(s.span == span for s in found):
            continue
        start = _after_connective(ctx.text, sentence.span)
        cue = cue_pattern.search(ctx.text, start, sentence.span.end)
        if cue is None or re.search(r"\bthat\b|[,;:]", ctx.text[start : cue.start()]):
            continue
        if re.match(r"\s+not\b", ctx.text[cue.end() : cue.end() + 5]):
            continue
        subject = Span(start, cue.start())
        made.extend(_obligation_at(ctx, sentence, subject, cue, issuer))
    return made


def _after_connective(text: str, span: Span) -> int:
    """Where the clause starts after an opening connective (``Furthermore, Fictland must``)."""
    opener = lexicon().pattern("decision_connective").match(text, span.start, span.end)
    return opener.end() if opener is not None else span.start


def _party_case(ctx: Context, statement: Statement) -> bool:
    """A party's submission (``The applicant argued that Fictland must ...``) in a decision."""
    head = ctx.text[statement.span.start : statement.action_span.start]
    return lexicon().pattern("party_submission").search(head) is not None


def _bearers(ctx: Context, subject: Span) -> tuple[str, ...]:
    if _RESPONDENT.match(subject.of(ctx.text)):
        return _respondent(ctx) or _resolved(ctx, subject)
    return _resolved(ctx, subject)


def _resolved(ctx: Context, subject: Span) -> tuple[str, ...]:
    bearers = resolve_subject(ctx.text, subject, ctx.mentions_in(subject), ctx.groups)
    return () if bearers == INHERIT else bearers


def _respondent(ctx: Context) -> tuple[str, ...]:
    """The state a judgment or views is against: the document's subject state, else the one
    state it names most."""
    if ctx.subject_state is not None:
        return (ctx.subject_state,)
    counts = Counter(m.key for m in ctx.mentions if m.category == "state")
    ranked = counts.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return (ranked[0][0],)
    return ()


def _statement(
    ctx: Context,
    sentence: Sentence,
    bearers: tuple[str, ...],
    action: Span,
    trigger: str,
    basis: str | None,
    body: str,
    finding: bool,
) -> Statement:
    bases = (basis,) if basis else _sentence_bases(ctx.mentions_in(sentence.span))
    return Statement(
        span=trim_space(ctx.text, sentence.span),
        type="Obligation",
        bearers=bearers,
        action=action.of(ctx.text),
        action_span=action,
        trigger=trigger,
        force="Binding",
        bases=bases,
        issuer=body,
        finding=finding,
    )


def _sentence_bases(mentions: Sequence[Mention]) -> tuple[str, ...]:
    keys = [m.key for m in mentions if m.category in _BASES]
    covered = {k.split("#", 1)[0] for k in keys if "#" in k}
    return tuple(dict.fromkeys(k for k in keys if k not in covered))


def _clause_end(text: str, start: int, end: int) -> int:
    stop = re.search(r";", text[start:end])
    return start + stop.start() if stop else end


__all__ = ["decisions"]
