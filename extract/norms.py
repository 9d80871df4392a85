"""Norms stated as such: a party's obligations under a treaty, customary rules that bind all
States, and what soft law asks of States."""

from __future__ import annotations

import re

from dutygraph.extract.context import (
    ACTORS,
    Context,
    Found,
    bases_of,
    beneficiaries_of,
    cut_action,
    trimmed_span,
)
from dutygraph.extract.ir import (
    Entity,
    Sentence,
    Span,
    Statement,
)
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.parties import instruments_after


def obligation_phrases(ctx: Context, sentence: Sentence, found: Found) -> None:
    """``Freedonia's obligations as a party to the Convention``: a binding duty of Freedonia."""
    for match in ctx.finditer(lexicon().pattern("obligation_phrase"), sentence.span):
        holder = _holder(ctx, sentence, match.start())
        instruments = instruments_after(ctx, match.end(), sentence.span.end)
        if not holder or not instruments:
            continue
        start = match.start() + len(match.group()) - len(match.group().lstrip("'\u2019s "))
        words = re.search(r"obligations", match.group())
        start = match.start() + (words.start() if words else 0)
        end = max(m.span.end for m in instruments)
        action = Span(start, end)
        found.statements.append(
            Statement(
                span=Span(min(sentence.span.start, start), sentence.span.end),
                type="Obligation",
                bearers=holder,
                action=action.of(ctx.text),
                action_span=action,
                trigger="obligations",
                force="Binding",
                bases=tuple(dict.fromkeys(m.key for m in instruments)),
            )
        )


def _holder(ctx: Context, sentence: Sentence, position: int) -> tuple[str, ...]:
    before = [
        m for m in ctx.mentions_in(Span(sentence.span.start, position)) if m.category in ACTORS
    ]
    if not before:
        return ()
    last = before[-1]
    if ctx.text[last.span.end : position].strip() in {"'s", "\u2019s", ""}:
        return (last.key,)
    states = [m.key for m in before if m.category == "state"]
    return (states[0],) if states else ()


def customary(ctx: Context, sentence: Sentence, found: Found) -> None:
    """A norm stated as customary law binds all states: one statement with bearer all States."""
    lex = lexicon()
    span = sentence.span
    customs = list(ctx.finditer(lex.pattern("customary"), span))
    if not customs:
        return
    custom = customs[-1]
    norm = _customary_norm(ctx.text, span, customs)
    if norm is None:
        return
    stop = re.search(
        r",|\s(?:is|are|has|have)\s(?:articulated|recognized|recognised|become|a)\b",
        ctx.text[norm.end() : span.end],
    )
    end = norm.end() + stop.start() if stop else span.end
    action = cut_action(ctx.text, norm.end(), end)
    if action is None:
        return
    negative = (
        re.match(r"(?:never|not|no)\b", action.of(ctx.text), re.I) or "against" in norm.group()
    )
    rule_key = "local:rule:" + re.sub(r"\W+", "-", action.of(ctx.text).lower()).strip("-")[:60]
    ctx.groups.entities.setdefault(
        rule_key,
        Entity(
            rule_key, "instrument", _rule_label(ctx.text, sentence, action), "CustomaryRule", action
        ),
    )
    bases = (rule_key, *bases_of(ctx, span))
    found.statements.append(
        Statement(
            span=Span(span.start, custom.end()),
            type="Prohibition" if negative else "Obligation",
            bearers=("dg:AllStates",),
            action=action.of(ctx.text),
            action_span=action,
            trigger=norm.group().strip(),
            force="Binding",
            bases=tuple(dict.fromkeys(bases)),
            beneficiaries=beneficiaries_of(ctx, action),
            customary=True,
        )
    )


# ", which is binding on all states" / ", a norm of customary international law": the clause
# after the norm says the norm itself is customary.
_CUSTOMARY_CLAUSE = re.compile(
    r",\s*(?:(?:which|that)\s+(?:is|are|has|have|forms?|constitutes?|remains?)\b"
    r"|(?:itself\s+)?an?\s+(?:rule|norm|principle)\b)[^;,]*$",
    re.I,
)


def _customary_norm(
    text: str, sentence: Span, customs: list[re.Match[str]]
) -> re.Match[str] | None:
    """The norm a customary cue speaks of: the sentence's subject (``The principle of X is
    customary law``), a norm the cue's own clause describes (``..., the principle of X, which
    is binding on all states``) or one the cue qualifies (``the customary law principle of X``)."""
    custom = customs[-1]
    for norm in lexicon().pattern("norm_subject").finditer(text, sentence.start, sentence.end):
        if norm.start() - sentence.start <= 40:
            return norm
        if norm.end() < custom.start() and _CUSTOMARY_CLAUSE.search(
            text, norm.end(), custom.start()
        ):
            return norm
        if any(
            not text[c.end() : norm.start()].strip() for c in customs if c.end() <= norm.start()
        ):
            return norm
    return None


_SOFT_LAW_KEYS = ("local:conclusion:", "local:general_comment:")


def soft_law(ctx: Context, sentence: Sentence, found: Found) -> None:
    """``Conclusion No. 22 addresses the need to protect X, as does No. 85``: what soft law asks
    of states, with persuasive authority only; one statement whose bases are all the instruments
    named."""
    verbs = lexicon().pattern("soft_law_verbs")
    if not ctx.may_match(verbs, sentence.span):
        return  # no clause of the sentence has a verb
    start = sentence.span.start
    for piece in re.split(r"(;)", sentence.span.of(ctx.text)):
        clause = Span(start, start + len(piece))
        start = clause.end
        verb = next(ctx.finditer(verbs, clause), None)
        if verb is None:
            continue
        subjects = [
            m
            for m in ctx.mentions_in(Span(clause.start, verb.start()))
            if m.key.startswith(_SOFT_LAW_KEYS)
        ]
        tail = re.search(r",\s+as\s+(?:do|does)\b", ctx.text[verb.end() : clause.end])
        end = verb.end() + tail.start() if tail else clause.end
        if tail:
            also = Span(verb.end() + tail.end(), clause.end)
            subjects += [m for m in ctx.mentions_in(also) if m.key.startswith(_SOFT_LAW_KEYS)]
        action = cut_action(ctx.text, verb.end(), end)
        if not subjects or action is None:
            continue
        # "General Comment No. 8 calls on States to X" is also read as a call to States: the
        # soft-law reading takes that statement's place instead of repeating it
        same = [i for i in found.with_action(action) if clause.contains(found.statements[i].span)]
        statement = Statement(
            span=trimmed_span(ctx.text, clause),
            type="Obligation",
            bearers=("dg:AllStates",),
            action=action.of(ctx.text),
            action_span=action,
            trigger=verb.group().strip(),
            force="PersuasiveAuthority",
            bases=tuple(dict.fromkeys(subject.key for subject in subjects)),
            beneficiaries=beneficiaries_of(ctx, action),
        )
        if same:
            found.statements[same[0]] = statement
        else:
            found.statements.append(statement)


def _rule_label(text: str, sentence: Sentence, action: Span) -> str:
    known = re.search(r"known\s+as\s+(?:the\s+)?([^,;]+?)(?:,|\s+is\b)", sentence.span.of(text))
    return known.group(1).strip() if known else action.of(text)


_PROHIBITING = frozenset({"prohibits", "forbids", "bans", "outlaws", "proscribes"})


def stated_norms(ctx: Context, sentence: Sentence, found: Found) -> None:
    """``Article 3 of that Convention prohibits returning ...`` binds the instrument's parties;
    ``International law prohibits ...`` binds all States."""
    for match in ctx.finditer(lexicon().pattern("norm_statement"), sentence.span):
        clause = max(
            ctx.text.rfind(";", sentence.span.start, match.start()) + 1, sentence.span.start
        )
        subject = Span(clause, match.start())
        bearers, basis = _norm_holder(ctx, subject)
        end = ctx.text.find(";", match.end(), sentence.span.end)
        action = cut_action(ctx.text, match.end(), end if end >= 0 else sentence.span.end)
        if not bearers or action is None:
            continue
        negative = match.group("verb").lower() in _PROHIBITING
        found.statements.append(
            Statement(
                span=trimmed_span(ctx.text, Span(subject.start, action.end)),
                type="Prohibition" if negative else "Obligation",
                bearers=bearers,
                action=action.of(ctx.text),
                action_span=action,
                trigger=match.group("verb"),
                force="Binding",
                bases=basis,
                beneficiaries=beneficiaries_of(ctx, action),
                customary=bearers == ("dg:AllStates",),
            )
        )


def _norm_holder(ctx: Context, subject: Span) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Who a stated norm binds, and its basis: the parties of the instrument (or of the
    provision's instrument) that ends the subject, or all States for general international law."""
    if lexicon().pattern("general_law_subject").match(subject.of(ctx.text)):
        return ("dg:AllStates",), ()
    laws = [
        m
        for m in ctx.mentions_in(subject)
        if m.category in {"instrument", "provision"}
        and not ctx.text[m.span.end : subject.end].strip(" ,")
    ]
    if not laws:
        return (), ()
    law = laws[-1]
    instrument = law.key.split("#", 1)[0]
    label = next(
        (m.label for m in ctx.mentions if m.key == instrument and m.category == "instrument"),
        None,
    )
    provisions = [
        m.key
        for m in ctx.mentions_in(subject)
        if m.category == "provision" and m.key.startswith(f"{instrument}#")
    ]
    group = ctx.groups.add(f"States Parties to {label or 'the instrument'}", law.span)
    return (group,), (provisions[-1] if provisions else law.key,)
