"""Relations: party status, memberships and normative statements, sentence by sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from dutygraph.extract import drafting
from dutygraph.extract.attribution import after_dateline, attribution_start, speaker
from dutygraph.extract.findings import decisions
from dutygraph.extract.ir import (
    Block,
    Entity,
    Layout,
    MembershipFact,
    Mention,
    PartyFact,
    Sentence,
    Span,
    Statement,
)
from dutygraph.extract.joined import split_joined
from dutygraph.extract.lexicon import Cue, lexicon
from dutygraph.extract.recommenders import trailing_recommenders
from dutygraph.extract.subjects import INHERIT, Groups, resolve_subject

_CONNECTOR = re.compile(
    r"(?:;|,\s*(?:and|but|or|while|whereas)\b|\band\b|\bor\b|\bthat\b)\s*", re.I
)
_CONTRAST = re.compile(r",\s*(?:but|yet)\s+", re.I)
_PASSIVE = re.compile(
    r"^(?:also\s+|further\s+|then\s+)?be\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|ld|nt)\b"
)
_TO = re.compile(r"\s(?:to|should|must|shall)\s")
_HEADING_ADDRESSEE = re.compile(
    r"^\s*(?:(?:Key\s+|Specific\s+|Our\s+)?Recommendations?\s+(?:to|for)|To)\s+(?P<who>.+?)\s*:?\s*$",
    re.I,
)
_TRAILING_JOINER = re.compile(r"\s*[;,]\s*(?:and|or)$")
_ACTORS = frozenset({"state", "body", "organization", "group"})


@dataclass
class Context:
    """What the relations stage reads: the masked text, its units and the mentions in it."""

    text: str
    layout: Layout
    sentences: Sequence[Sentence]
    mentions: Sequence[Mention]
    groups: Groups
    note_bases: dict[int, tuple[str, ...]]
    article_of_heading: dict[int, str] = field(default_factory=dict)  # heading line end -> article
    legal_text: bool = False  # a treaty or statute speaking for itself, not a report about one
    own_instrument: str | None = None
    statute: bool = False  # a state's own law (its bearerless duties are the State's)
    subject_state: str | None = None  # the one state the document is about, if any

    def mentions_in(self, span: Span) -> list[Mention]:
        return [m for m in self.mentions if span.contains(m.span)]

    def block_of(self, sentence: Sentence) -> Block:
        return self.layout.blocks[sentence.block]


@dataclass
class _Found:
    statements: list[Statement] = field(default_factory=list)
    parties: list[PartyFact] = field(default_factory=list)
    memberships: list[MembershipFact] = field(default_factory=list)


def relate(
    ctx: Context,
) -> tuple[tuple[Statement, ...], tuple[PartyFact, ...], tuple[MembershipFact, ...]]:
    found = _Found()
    for sentence in ctx.sentences:
        if ctx.block_of(sentence).kind == "heading":
            continue
        _party_facts(ctx, sentence, found)
        _memberships(ctx, sentence, found)
        before = len(found.statements)
        _statements(ctx, sentence, found)
        if len(found.statements) == before:
            _list_item(ctx, sentence, found)
        if len(found.statements) == before:
            _imperative(ctx, sentence, found)
        _obligation_phrases(ctx, sentence, found)
        _customary(ctx, sentence, found)
        _soft_law(ctx, sentence, found)
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
    hits = [
        _CueHit(m.start(), m.end(), cue)
        for cue in lex.cues()
        for m in cue.regex.finditer(ctx.text, sentence.span.start, sentence.span.end)
    ]
    blocked = [
        Span(m.start(), m.end())
        for f in lex.filters()
        for m in f.finditer(ctx.text, sentence.span.start, sentence.span.end)
    ]
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
        if kept and hit.cue.name == "directive" and not re.search(r"[;,]", gap):
            continue  # "should (continue to) urge X to": the nested directive of the action
        if joined and not ctx.text[kept[-1].end : hit.start].strip():
            kept[-1] = _CueHit(kept[-1].start, hit.end, kept[-1].cue)  # "shall undertake to"
            continue
        kept.append(hit)
    return [h for h in kept if not _inverted_conditional(ctx.text, sentence, h)]


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


def _statements(ctx: Context, sentence: Sentence, found: _Found) -> None:
    hits = _cue_hits(ctx, sentence)
    bounds = [_clause_bounds(ctx, sentence, hits, k) for k in range(len(hits))]
    starts = [start for start, _ in bounds]
    previous: tuple[str, ...] = _previous_bearers(found, ctx, sentence)
    for k, hit in enumerate(hits):
        end = bounds[k + 1][1] if k + 1 < len(hits) else sentence.span.end
        action_span = _action_span(ctx.text, hit.end, end)
        if starts[k] > hit.start:
            continue  # the modal sits inside the opening condition: "If X should fail, ..."
        if action_span is None or _is_conditional(ctx.text, Span(starts[k], hit.start)):
            continue
        made = _statement_for(ctx, sentence, hit, Span(starts[k], hit.start), action_span, previous)
        if made is None:
            continue
        index = len(found.statements)
        found.statements.append(made)
        previous = made.bearers
        _nested(ctx, made, index, found)


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


def _previous_bearers(found: _Found, ctx: Context, sentence: Sentence) -> tuple[str, ...]:
    for statement in reversed(found.statements):
        if statement.span.end <= sentence.span.start and statement.urged_by is None:
            gap = ctx.text[statement.span.end : sentence.span.start]
            return statement.bearers if gap.count("\n\n") <= 1 else ()
    return ()


def _is_conditional(text: str, subject: Span) -> bool:
    words = re.findall(r"[A-Za-z]+", subject.of(text))
    return bool(words) and words[0].lower() in lexicon().lower_words("conditional_openers")


def _action_span(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ";,.:-\u2014"):
        end -= 1
    said = attribution_start(text, start, end)
    if said is not None and said > start:  # "..., the group said today": no part of the action
        return _action_span(text, start, said)
    joiner = _TRAILING_JOINER.search(text, start, end)
    if joiner is not None:  # "(b) admit monitors; and": the list's joiner is no part of it
        end = joiner.start()
    return Span(start, end) if end - start >= 2 else None


def _statement_for(
    ctx: Context,
    sentence: Sentence,
    hit: _CueHit,
    subject: Span,
    rest: Span,
    previous: tuple[str, ...],
) -> Statement | None:
    cue = hit.cue
    action: Span | None = rest
    subject = Span(after_dateline(ctx.text, subject.start, subject.end), subject.end)
    if cue.name in {"incumbent", "directive"}:
        bearers, action = _bearer_after_cue(ctx, rest)
    else:
        subject = drafting.clause_subject(ctx, subject)
        bearers = _subject_bearers(ctx, sentence, subject, rest, previous, cue)
    if not bearers or action is None:
        return None
    issuer = _directive_issuer(ctx, subject) if cue.name == "directive" else None
    issuer = issuer or speaker(ctx.text, sentence.span, ctx.mentions)
    kind, force = cue.type, cue.force
    if kind == "Obligation" and re.match(r"\s*no\b", subject.of(ctx.text), re.I):
        kind = "Prohibition"
    span = Span(min(subject.start, hit.start), action.end)
    bases = drafting.legal_bases(ctx, _bases(ctx, span))
    if cue.name == "directive":
        bases = tuple(dict.fromkeys((*bases, *_issuing_instruments(ctx, subject))))
    if _is_demand(ctx, hit, bases):
        kind, force = "Recommendation", "NonBinding"
    negation = re.search(r"\bnot\b", ctx.text[hit.start : hit.end])
    if kind == "Recommendation" and negation is not None:
        action = Span(hit.start + negation.start(), action.end)  # "should not X": keep the "not"
    return Statement(
        span=_trimmed(ctx.text, span),
        type=kind,  # type: ignore[arg-type]
        bearers=bearers,
        action=action.of(ctx.text),
        action_span=action,
        trigger=re.sub(r"\s+", " ", ctx.text[hit.start : hit.end]).strip(),
        force=force,  # type: ignore[arg-type]
        bases=bases,
        beneficiaries=_beneficiaries(ctx, action),
        issuer=issuer,
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
    if not bearers and _PASSIVE.match(rest.of(ctx.text)):
        bearers = _heading_addressee(ctx, sentence)
    return bearers or drafting.office_or_role(ctx, subject)


def _antecedent_in_sentence(ctx: Context, sentence: Sentence, subject: Span) -> tuple[str, ...]:
    """``Freedonia has not ratified X, but it is bound by Y``: the one actor named earlier in
    the sentence; none when there are several."""
    earlier = Span(sentence.span.start, subject.start)
    actors = {m.key for m in ctx.mentions_in(earlier) if m.category in _ACTORS}
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
    actors = [m for m in ctx.mentions_in(subject) if m.category in _ACTORS]
    return actors[-1].key if actors else None


def _is_demand(ctx: Context, hit: _CueHit, bases: tuple[str, ...]) -> bool:
    """A report's own "X must ..." with no legal basis is a demand of its author, not a binding
    duty the text establishes; a treaty's or statute's "must" binds."""
    word = ctx.text[hit.start : hit.end].lower()
    return "must" in word and not ctx.legal_text and not bases


def _trimmed(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and not (text[start].isalnum() or text[start] in "\"'(\u201c"):
        start += 1
    return Span(start, end)


def _bearer_after_cue(ctx: Context, rest: Span) -> tuple[tuple[str, ...], Span | None]:
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
        action = _action_span(ctx.text, rest.start + to.end(), rest.end)
        bearers = resolve_subject(ctx.text, noun, ctx.mentions_in(noun), ctx.groups)
        if bearers and bearers != INHERIT:
            return bearers, action
    verb = _first_base_verb(ctx.text, rest)
    if verb is not None:
        noun = Span(rest.start, verb)
        bearers = resolve_subject(ctx.text, noun, ctx.mentions_in(noun), ctx.groups)
        if bearers and bearers != INHERIT:
            return bearers, _action_span(ctx.text, verb, rest.end)
    first = next((m for m in ctx.mentions_in(rest) if m.span.start == rest.start), None)
    if first is None or first.category not in _ACTORS:
        return (), None
    return (first.key,), _action_span(ctx.text, first.span.end, rest.end)


def _first_base_verb(text: str, rest: Span) -> int | None:
    """``the State party adopt legislation``: where the subjunctive verb starts."""
    verbs = lexicon().lower_words("imperative_verbs")
    words = list(re.finditer(r"[A-Za-z-]+", text[rest.start : rest.end]))
    for match in words[1:12]:
        if match.group().lower() in verbs and match.group()[:1].islower():
            return rest.start + match.start()
    return None


def _heading_addressee(ctx: Context, sentence: Sentence) -> tuple[str, ...]:
    """Whom the list's lead-in addresses, else whom the section heading addresses."""
    block = ctx.block_of(sentence)
    for index in (block.lead_in, block.heading):
        if index is not None:
            bearers = _addressee_of(ctx, ctx.layout.blocks[index].span)
            if bearers:
                return bearers
    return ()


def _addressee_of(ctx: Context, heading: Span) -> tuple[str, ...]:
    """``To Freedonia:``, ``Recommendations to the Government of Freedonia``, ``Freedonia
    should:`` or ``We urge the Government of Freedonia to:`` name who the items below address."""
    match = _HEADING_ADDRESSEE.match(heading.of(ctx.text))
    if match is not None:
        who = Span(heading.start + match.start("who"), heading.start + match.end("who"))
        bearers = resolve_subject(ctx.text, who, ctx.mentions_in(who), ctx.groups)
        return () if bearers == INHERIT else bearers
    lead_in = re.match(
        r"(?P<who>.+?)\s+(?:should|must|shall)(?:\s+\w+ly)?\s*:\s*$", heading.of(ctx.text)
    )
    if lead_in is not None:
        who = Span(heading.start, heading.start + lead_in.end("who"))
        bearers = resolve_subject(ctx.text, who, ctx.mentions_in(who), ctx.groups)
        return () if bearers == INHERIT else bearers
    directive = re.search(
        r"\b(?:urges?|calls?\s+(?:up)?on|recommends?\s+that)\s+(?P<who>.+?)"
        r"(?:\s+to)?\s*:\s*$",
        heading.of(ctx.text),
    )
    if directive is not None:
        who = Span(heading.start + directive.start("who"), heading.start + directive.end("who"))
        bearers = resolve_subject(ctx.text, who, ctx.mentions_in(who), ctx.groups)
        return () if bearers == INHERIT else bearers
    return ()


def _list_item(ctx: Context, sentence: Sentence, found: _Found) -> None:
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
        replace(made, span=_trimmed(ctx.text, sentence.span), action_lead=item.tail)
    )


def _imperative(ctx: Context, sentence: Sentence, found: _Found) -> None:
    """Under an addressee heading or lead-in, ``Release all detainees.`` (or a lowercase item
    ``(a) release all detainees;``) is a recommendation to it; an item that ends with the
    recommending states in parentheses is addressed to the state under review."""
    block = ctx.block_of(sentence)
    if block.kind not in {"bullet", "paragraph"}:
        return
    opening = re.match(
        r"\s*(?:(?:and|\w+ly)\s+)*(?P<verb>[A-Za-z-]+)\b", sentence.span.of(ctx.text)
    )
    verbs = lexicon().lower_words("imperative_verbs")
    if opening is None or opening.group("verb").lower() not in verbs:
        return
    listed = block.kind == "bullet" and (block.lead_in is not None or block.heading is not None)
    if not sentence.span.of(ctx.text)[:1].isupper() and not listed:
        return
    recommenders = trailing_recommenders(ctx.text, block.span, ctx.mentions)
    bearers = _heading_addressee(ctx, sentence)
    if not bearers and recommenders is not None and ctx.subject_state is not None:
        bearers = (ctx.subject_state,)
    end = sentence.span.end
    if recommenders is not None and sentence.span.start < recommenders.start < end:
        end = recommenders.start
    if not bearers:
        return
    for piece in _imperative_pieces(ctx.text, Span(sentence.span.start, end)):
        action = _action_span(ctx.text, piece.start, piece.end)
        if action is None:
            continue
        statement = _recommendation(
            ctx, sentence.span, bearers, action, "(imperative)", _bases(ctx, sentence.span)
        )
        if recommenders is not None:
            statement = replace(
                statement, issuer=recommenders.states[0], co_issuers=recommenders.states[1:]
            )
        found.statements.append(statement)
        _nested(ctx, found.statements[-1], len(found.statements) - 1, found)


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


def _recommendation(
    ctx: Context,
    span: Span,
    bearers: tuple[str, ...],
    action: Span,
    trigger: str,
    bases: tuple[str, ...],
    urged_by: int | None = None,
) -> Statement:
    return Statement(
        span=span,
        type="Recommendation",
        bearers=bearers,
        action=action.of(ctx.text),
        action_span=action,
        trigger=trigger,
        force="NonBinding",
        bases=bases,
        beneficiaries=_beneficiaries(ctx, action),
        urged_by=urged_by,
    )


def _nested(ctx: Context, outer: Statement, index: int, found: _Found) -> None:
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
    bearers, action = _bearer_after_cue(ctx, rest)
    if not bearers or action is None:
        return
    found.statements[index] = replace(outer, concerns=bearers)
    found.statements.append(
        _recommendation(ctx, outer.span, bearers, action, head.group().strip(), outer.bases, index)
    )


def _bases(ctx: Context, span: Span) -> tuple[str, ...]:
    keys: list[str] = []
    phrases = lexicon().pattern("basis_phrases")
    for match in phrases.finditer(ctx.text, span.start, span.end):
        window = Span(match.end(), min(span.end, match.end() + 160))
        keys.extend(
            m.key for m in ctx.mentions_in(window) if m.category in {"instrument", "provision"}
        )
    for marker in ctx.layout.markers:
        if span.start <= marker.span.start <= span.end + 3:
            keys.extend(ctx.note_bases.get(marker.number, ()))
    article = _article_heading(ctx, span)
    if article is not None:
        keys.append(article)
    covered = {k.split("#", 1)[0] for k in keys if "#" in k}
    return tuple(dict.fromkeys(k for k in keys if k not in covered))


def _article_heading(ctx: Context, span: Span) -> str | None:
    for end in sorted(ctx.article_of_heading, reverse=True):
        if end <= span.start:
            return ctx.article_of_heading[end]
    return None


def _beneficiaries(ctx: Context, action: Span) -> tuple[str, ...]:
    heads = sorted(lexicon().lower_words("beneficiary_heads"), key=len, reverse=True)
    pattern = re.compile(
        r"\b(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+ans\b|\b(?:" + "|".join(map(re.escape, heads)) + r")\b"
    )
    found = [m.group() for m in pattern.finditer(ctx.text, action.start, action.end)]
    return tuple(dict.fromkeys(found))


def _obligation_phrases(ctx: Context, sentence: Sentence, found: _Found) -> None:
    """``Freedonia's obligations as a party to the Convention``: a binding duty of Freedonia."""
    pattern = lexicon().pattern("obligation_phrase")
    for match in pattern.finditer(ctx.text, sentence.span.start, sentence.span.end):
        holder = _holder(ctx, sentence, match.start())
        instruments = _instruments_after(ctx, match.end(), sentence.span.end)
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
        m for m in ctx.mentions_in(Span(sentence.span.start, position)) if m.category in _ACTORS
    ]
    if not before:
        return ()
    last = before[-1]
    if ctx.text[last.span.end : position].strip() in {"'s", "\u2019s", ""}:
        return (last.key,)
    states = [m.key for m in before if m.category == "state"]
    return (states[0],) if states else ()


def _instruments_after(ctx: Context, start: int, limit: int) -> list[Mention]:
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


def _customary(ctx: Context, sentence: Sentence, found: _Found) -> None:
    """A norm stated as customary law binds all states: one statement with bearer all States."""
    lex = lexicon()
    span = sentence.span
    customs = list(lex.pattern("customary").finditer(ctx.text, span.start, span.end))
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
    action = _action_span(ctx.text, norm.end(), end)
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
    bases = (rule_key, *_bases(ctx, span))
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
            beneficiaries=_beneficiaries(ctx, action),
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


def _soft_law(ctx: Context, sentence: Sentence, found: _Found) -> None:
    """``Conclusion No. 22 addresses the need to protect X, as does No. 85``: what soft law asks
    of states, with persuasive authority only; one statement per instrument."""
    verbs = lexicon().pattern("soft_law_verbs")
    start = sentence.span.start
    for piece in re.split(r"(;)", sentence.span.of(ctx.text)):
        clause = Span(start, start + len(piece))
        start = clause.end
        verb = verbs.search(ctx.text, clause.start, clause.end)
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
        action = _action_span(ctx.text, verb.end(), end)
        if not subjects or action is None:
            continue
        # "General Comment No. 8 calls on States to X" is also read as a call to States: the
        # soft-law reading takes that statement's place instead of repeating it
        same = [
            i
            for i, s in enumerate(found.statements)
            if s.action_span == action and clause.contains(s.span)
        ]
        for index, subject in enumerate(subjects):
            statement = Statement(
                span=_trimmed(ctx.text, clause),
                type="Obligation",
                bearers=("dg:AllStates",),
                action=action.of(ctx.text),
                action_span=action,
                trigger=verb.group().strip(),
                force="PersuasiveAuthority",
                bases=(subject.key,),
                beneficiaries=_beneficiaries(ctx, action),
            )
            if index < len(same):
                found.statements[same[index]] = statement
            else:
                found.statements.append(statement)


def _rule_label(text: str, sentence: Sentence, action: Span) -> str:
    known = re.search(r"known\s+as\s+(?:the\s+)?([^,;]+?)(?:,|\s+is\b)", sentence.span.of(text))
    return known.group(1).strip() if known else action.of(text)


# --- party status and membership -------------------------------------------------------------


def _party_facts(ctx: Context, sentence: Sentence, found: _Found) -> None:
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
    instruments = _instruments_after(ctx, match.end(), sentence.span.end)
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


def _memberships(ctx: Context, sentence: Sentence, found: _Found) -> None:
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
