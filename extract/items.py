"""List items and addressees: ``To Freedonia:`` and ``The Council urges Freedonia to:``
name who the items below owe; ``Release all detainees.`` under them is a recommendation to it,
and ``urge X to grant Y`` makes X owe ``grant Y``."""

from __future__ import annotations

import re
from dataclasses import replace

from dutygraph.extract.context import (
    ACTORS,
    Context,
    Found,
    bases_of,
    cut_action,
    recommendation_of,
)
from dutygraph.extract.ir import (
    Sentence,
    Span,
    Statement,
)
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.recommenders import matrix_row, trailing_recommenders
from dutygraph.extract.subjects import INHERIT, resolve_subject

# "urged X to stop", and "urged X “to stop ...”" with the quotation opening before "to"
_TO = re.compile(r"\s[“\"‘]?(?:to|should|must|shall)\s")


# a lowercase -ly word after the addressee's name: "urges Freedonia publicly to"
_TRAILING_ADVERB = re.compile(r"(?<=\w)\s+(?:also\s+)?[a-z]{2,}ly$")
_NESTING = 4  # list levels a lead-in's addressee reaches down
_MEANS_LEAD_IN = re.compile(r"\b(?:by|through)\s*:\s*$")

_HEADING_ADDRESSEE = re.compile(
    r"^\s*(?:(?:Key\s+|Specific\s+|Our\s+)?Recommendations?\s+(?:to|for)|To)\s+(?P<who>.+?)\s*:?\s*$",
    re.I,
)


def bearer_after_cue(ctx: Context, rest: Span) -> tuple[tuple[str, ...], Span | None]:
    """``it is essential that Freedonia cease ...``, ``urging Freedonia to halt ...``."""
    segment = rest.of(ctx.text)
    # "urges States to uphold X, ..., to identify Y": the first "to" ends the addressee unless
    # a comma list of addressees ends in ", to" ("Calls upon A, B and C, to ...")
    plain, comma = _TO.search(segment), re.search(r",\s+to\s", segment)
    order = (plain, comma) if plain and "," not in segment[: plain.start()] else (comma, plain)
    for to in order:
        if to is None:
            continue
        noun = Span(rest.start, rest.start + to.start())
        action = cut_action(ctx.text, rest.start + to.end(), rest.end)
        bearers = _addressee(ctx, noun)
        if bearers and bearers != INHERIT:
            return bearers, action
    verb = _first_base_verb(ctx.text, rest)
    if verb is not None:
        noun = Span(rest.start, verb)
        bearers = resolve_subject(ctx.text, noun, ctx.mentions_in(noun), ctx.groups)
        if bearers and bearers != INHERIT:
            return bearers, cut_action(ctx.text, verb, rest.end)
    first = next((m for m in ctx.mentions_in(rest) if m.span.start == rest.start), None)
    if first is None or first.category not in ACTORS:
        return (), None
    action = cut_action(ctx.text, first.span.end, rest.end)
    if action is not None and action.of(ctx.text) == "to":
        return (), None  # "Calls upon Freedonia to:": the items below hold the actions
    return (first.key,), action


def _addressee(ctx: Context, noun: Span) -> tuple[str, ...]:
    """Who the words before ``to`` name; else those words without a trailing adverb (``press
    Freedonia publicly to end ...``), tried second so that ``its ally`` stays a noun."""
    bearers = resolve_subject(ctx.text, noun, ctx.mentions_in(noun), ctx.groups)
    adverb = _TRAILING_ADVERB.search(ctx.text, noun.start, noun.end)
    if (bearers and bearers != INHERIT) or adverb is None:
        return bearers
    bare = Span(noun.start, adverb.start())
    return resolve_subject(ctx.text, bare, ctx.mentions_in(bare), ctx.groups)


def _first_base_verb(text: str, rest: Span) -> int | None:
    """``the State party adopt legislation``: where the subjunctive verb starts."""
    verbs = lexicon().lower_words("imperative_verbs")
    words = list(re.finditer(r"[A-Za-z-]+", text[rest.start : rest.end]))
    for match in words[1:12]:
        if match.group().lower() in verbs and match.group()[:1].islower():
            return rest.start + match.start()
    return None


def heading_addressee(ctx: Context, sentence: Sentence) -> tuple[str, ...]:
    """Whom the list's lead-in addresses, else whom the section heading addresses."""
    block = ctx.block_of(sentence)
    for index in (*_lead_in_chain(ctx, block.lead_in), block.heading):
        if index is not None:
            bearers = _addressee_of(ctx, ctx.layout.blocks[index].span)
            if bearers:
                return bearers
    return ()


def _lead_in_chain(ctx: Context, index: int | None) -> list[int]:
    """The lead-in of an item, then the lead-ins above it when that lead-in is itself an item
    (``(c) Cooperate ..., including by:`` under ``Calls upon States to:``)."""
    chain: list[int] = []
    while index is not None and index not in chain and len(chain) < _NESTING:
        chain.append(index)
        index = ctx.layout.blocks[index].lead_in
    return chain


def _addressee_of(ctx: Context, heading: Span) -> tuple[str, ...]:
    """``To Freedonia:``, ``Recommendations to the Government of Freedonia``, ``Freedonia
    should:`` or ``We urge the Government of Freedonia to:`` name who the items below address."""
    text = heading.of(ctx.text)
    match = (
        _HEADING_ADDRESSEE.match(text)
        or re.match(r"(?P<who>.+?)\s+(?:should|must|shall)(?:\s+\w+ly)?\s*:\s*$", text)
        or re.search(
            r"\b(?:urges?|calls?\s+(?:up)?on|requests?|encourages?|invites?|recommends?\s+that)"
            r"\s+(?P<who>.+?)"
            r"(?:\s+to)?\s*:\s*$",
            text,
            re.I,
        )
    )
    if match is None:
        return ()
    who = Span(heading.start + match.start("who"), heading.start + match.end("who"))
    bearers = resolve_subject(ctx.text, who, ctx.mentions_in(who), ctx.groups)
    return () if bearers == INHERIT else bearers


def addressed_directive(ctx: Context, sentence: Sentence) -> bool:
    """``Request the Office to report ...`` under ``To the Council:``: the item is the
    addressee's imperative, and the one it asks owes the nested action."""
    opening = re.match(r"\s*(?P<verb>[A-Z][a-z]+(?:\s+(?:up)?on)?)\b", sentence.span.of(ctx.text))
    if opening is None or ctx.block_of(sentence).kind != "bullet":
        return False
    verb = opening.group("verb").lower()
    if verb not in lexicon().lower_words("directive_verbs"):
        return False
    return bool(heading_addressee(ctx, sentence))


def imperative(ctx: Context, sentence: Sentence, found: Found) -> None:
    """Under an addressee heading or lead-in, ``Release all detainees.`` (or a lowercase item
    ``(a) release all detainees;``) is a recommendation to it; an item that ends with the
    recommending states in parentheses is addressed to the state under review."""
    block = ctx.block_of(sentence)
    if block.kind not in {"bullet", "paragraph"}:
        return
    row = matrix_row(ctx.text, sentence.span, ctx.mentions)
    span = row.body if row is not None else sentence.span
    opening = re.match(
        r"\s*(?:(?:and|\w+ly),?\s+)*(?P<to>to\s+)?(?P<verb>[A-Za-z-]+)\b",
        span.of(ctx.text),
        re.I,
    )
    verbs = lexicon().lower_words("imperative_verbs")
    if opening is None or (opening.group("to") and block.lead_in is None):
        return  # "(a) To prevent ..." continues a lead-in's "Calls upon X:"
    word = opening.group("verb").lower()
    if word not in verbs and not (_means_item(ctx, block.lead_in) and _gerund_of(word, verbs)):
        return
    listed = block.kind == "bullet" and (block.lead_in is not None or block.heading is not None)
    if not span.of(ctx.text)[:1].isupper() and not listed:
        return
    if row is not None:
        recommenders = row.recommenders
    else:
        recommenders = trailing_recommenders(ctx.text, block.span, ctx.mentions)
    bearers = heading_addressee(ctx, sentence)
    reviewed = recommenders is not None or row is not None
    if not bearers and reviewed and ctx.subject_state is not None:
        bearers = (ctx.subject_state,)
    end = span.end
    if recommenders is not None and span.start < recommenders.start < end:
        end = recommenders.start
    if not bearers:
        return
    start = span.start + opening.start("verb") if opening.group("to") else span.start
    for piece in _imperative_pieces(ctx.text, Span(start, end)):
        action = cut_action(ctx.text, piece.start, piece.end)
        if action is None:
            continue
        statement = recommendation_of(
            ctx, sentence.span, bearers, action, "(imperative)", bases_of(ctx, sentence.span)
        )
        if recommenders is not None:
            statement = replace(
                statement, issuer=recommenders.states[0], co_issuers=recommenders.states[1:]
            )
        found.statements.append(statement)
        nested(ctx, found.statements[-1], len(found.statements) - 1, found)


def _means_item(ctx: Context, lead_in: int | None) -> bool:
    """An item under ``..., including by:``: it names a means, opening with a gerund."""
    if lead_in is None:
        return False
    return _MEANS_LEAD_IN.search(ctx.layout.blocks[lead_in].span.of(ctx.text)) is not None


def _gerund_of(word: str, verbs: frozenset[str]) -> bool:
    """``ensuring``, ``refraining``, ``stopping``: the -ing form of an imperative verb."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    doubled = stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem
    return any(form in verbs for form in (stem, stem + "e", doubled))


def _imperative_pieces(text: str, span: Span) -> list[Span]:
    """``Ensure X, and investigate Y``: one action per imperative verb after ``, and``."""
    verbs = lexicon().lower_words("imperative_verbs")
    cuts = [
        match
        for match in re.finditer(r",\s+and\s+(?P<verb>[a-z-]+)\b", text[span.start : span.end])
        if match.group("verb") in verbs
    ]
    pieces, start = [], span.start
    for cut in cuts:
        pieces.append(Span(start, span.start + cut.start()))
        start = span.start + cut.start("verb")
    pieces.append(Span(start, span.end))
    return pieces


def nested(ctx: Context, outer: Statement, index: int, found: Found) -> None:
    """``urge Freedonia to grant X``: Freedonia owes ``grant X``, urged by the outer statement."""
    verbs = "|".join(sorted(lexicon().lower_words("directive_verbs"), key=len, reverse=True))
    head = re.match(
        rf"(?:(?:also|further|continue\s+to|collectively|strongly|\w+ly)\s+)*(?:{verbs})\s+",
        outer.action,
        re.I,
    )
    if head is None:
        return
    rest = Span(outer.action_span.start + head.end(), outer.action_span.end)
    bearers, action = bearer_after_cue(ctx, rest)
    if not bearers or action is None:
        return
    found.statements[index] = replace(outer, concerns=bearers)
    found.statements.append(
        recommendation_of(
            ctx, outer.span, bearers, action, head.group().strip(), outer.bases, index
        )
    )
