"""Drafting: who owes a duty in the drafting of a treaty or a statute.

Legal texts speak of their actors by office (``the Minister shall notify the Registrar``), of
the people they regulate by role (``An applicant shall inform ...``) and often name no bearer
at all (``No one shall be subjected to torture``, ``Everyone who is arrested shall be
informed ...``): such a duty is owed by the parties of a treaty or by the State of a statute.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dutygraph.extract.context import PASSIVE
from dutygraph.extract.ir import Entity, Sentence, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.list_leads import lead_in_blocks
from dutygraph.extract.subjects import INHERIT, resolve_subject
from dutygraph.extract.titles import local_key

if TYPE_CHECKING:
    from dutygraph.extract.context import Context

_MARKER = re.compile(r"\s*(?:(?:\d+(?:\.\d+)*\.?|\(\w{1,4}\)|[a-z]\))\s*)+")
_DETERMINERS = re.compile(r"(?:(?:the|a|an|each|every|any|such|that|this|no)\s+)+", re.I)
_PHRASE_END = re.compile(r",|\s(?:who|whom|whose|which|that|where|when|if|in|under|to)\b|\(")
# "The official responsible for the place of detention": the head keeps its adjective
_RESPONSIBLE = re.compile(r"\s+responsible(?=\s+for\b)")
_STATE_KEY = "local:state:the-state"
_ITEM_JOINER = re.compile(r"[\s,;.]*(?:\b(?:and|or)\b)?[\s,;.]*$")


def clause_subject(ctx: Context, subject: Span) -> Span:
    """The subject without a title line above it (``Prohibition of torture`` then ``No one
    shall ...``) and without the section or list marker that opens it (``16. (1)``)."""
    if not ctx.legal_text:
        return subject
    text = subject.of(ctx.text)
    cut = text.rfind("\n")
    start = subject.start + cut + 1 if cut >= 0 and _is_title_line(text[:cut]) else subject.start
    marker = _MARKER.match(ctx.text, start, subject.end)
    after = marker.end() if marker is not None else start
    if after > subject.start and not ctx.text[after : after + 1].isupper():
        return subject  # a wrapped line of one phrase, not a title above the subject
    return Span(after, subject.end)


def _is_title_line(line: str) -> bool:
    """A line with no closing punctuation and no dangling function word: a heading."""
    last = line.rstrip().rsplit(None, 1)[-1:] or [""]
    ends_open = last[0].lower() in {"of", "the", "and", "or", "to", "in", "a", "an", "for"}
    return bool(line.strip()) and not ends_open and line.rstrip()[-1:] not in {",", ";", "-"}


def legal_bearers(ctx: Context, subject: Span, rest: Span) -> tuple[str, ...] | None:
    """The bearers legal drafting fixes before the general subject reading: ``()`` for a saving
    clause, the parties or the State for a bearerless or passive duty, the agent of a passive
    (``shall be given, by or on behalf of the Minister, ...``); ``None`` when the general reading
    applies."""
    if not ctx.legal_text:
        return None
    lex = lexicon()
    phrase = subject.of(ctx.text)
    if lex.pattern("saving_subject").match(phrase) or lex.pattern("preamble_clause").search(phrase):
        return ()
    if lex.pattern("bearerless_subject").match(phrase):
        return None if _forbidden_act(phrase, rest.of(ctx.text)) else implied_bearers(ctx, subject)
    parties = _parties_named(ctx, subject)
    if parties:
        return parties
    if not PASSIVE.match(rest.of(ctx.text)):
        return None
    agent = _passive_agent(ctx, rest)
    if agent:
        return agent
    # "A person shall not be expelled": the person is protected, the State owes; a thing's
    # passive ("The report shall be provided ...") names no one
    persons = lex.lower_words("legal_person_heads")
    for part in _comma_parts(ctx.text, subject):
        phrase_part = _noun_phrase(ctx.text, part)
        if phrase_part is not None and _ends_with(phrase_part.of(ctx.text).lower(), persons):
            return implied_bearers(ctx, subject)
    return None


def _forbidden_act(subject: str, rest: str) -> bool:
    """``No person shall disclose ...``: the person is the one forbidden to act, so the duty is
    theirs; ``No person shall be expelled`` protects the person and binds the State. ``No one``
    names no group that could owe, so it keeps the parties' or the State's reading."""
    return re.match(r"\s*no\s+(?!one\b)\w", subject, re.I) is not None and bool(
        lexicon().pattern("own_act").match(rest)
    )


def _passive_agent(ctx: Context, rest: Span) -> tuple[str, ...]:
    match = lexicon().pattern("passive_agent").match(rest.of(ctx.text))
    if match is None:
        return ()
    agent = Span(rest.start + match.start("agent"), rest.start + match.end("agent"))
    named = resolve_subject(ctx.text, agent, ctx.mentions_in(agent), ctx.groups)
    if named and named != INHERIT:
        return named
    return office_or_role(ctx, agent)


def implied_bearers(ctx: Context, at: Span) -> tuple[str, ...]:
    """Who owes a duty the text states without a bearer: a treaty's parties (named as the text
    names them: ``the High Contracting Parties``), or the State a statute is the law of."""
    if ctx.statute:
        ctx.groups.entities.setdefault(
            _STATE_KEY, Entity(_STATE_KEY, "state", "the State", "State", at)
        )
        return (_STATE_KEY,)
    names = [
        (_plural_parties(m.group()), Span(m.start(), m.end()))
        for m in ctx.finditer(lexicon().pattern("party_group"), Span(0, len(ctx.text)))
    ]
    if not names:
        return (ctx.groups.add("States Parties", at),)
    # the name the text mostly uses ("Contracting States", though its preamble opens with
    # "The High Contracting Parties")
    counts = Counter(label for label, _ in names)
    label = max(counts, key=lambda name: counts[name])
    return (ctx.groups.add(label, next(span for name, span in names if name == label)),)


def _parties_named(ctx: Context, subject: Span) -> tuple[str, ...]:
    """``The High Contracting Parties``, ``Each State Party``, ``Any Contracting State
    availing itself of ...``: the group of the treaty's parties."""
    determiners = _DETERMINERS.match(ctx.text, subject.start, subject.end)
    start = determiners.end() if determiners else subject.start
    named = lexicon().pattern("party_group").match(ctx.text, start, subject.end)
    if named is None or re.search(r"\bthat\b|,\s*[A-Z]", ctx.text[named.end() : subject.end]):
        return ()  # "The Parties, Considering that X ...": X is the subject, not the Parties
    return (ctx.groups.add(_plural_parties(named.group()), Span(named.start(), named.end())),)


def _plural_parties(label: str) -> str:
    label = re.sub(r"\s+", " ", label)
    label = re.sub(r"Party$", "Parties", label)
    label = re.sub(r"^State Parties$", "States Parties", label)
    return re.sub(r"State$", "States", label)


def office_or_role(ctx: Context, subject: Span) -> tuple[str, ...]:
    """``the Minister``, ``an immigration officer``: a body of the text; ``An applicant``,
    ``A person``: the group of the people a statute regulates."""
    if not ctx.legal_text:
        return ()
    for part in _comma_parts(ctx.text, subject):
        found = _office_or_role(ctx, part)
        if found:
            return found
    return ()


def _comma_parts(text: str, subject: Span) -> list[Span]:
    """The whole subject, then the part after its last comma (``Subject to subsection (6), an
    applicant``), then the part before its first (``The Minister, in giving ...,``)."""
    phrase = subject.of(text).rstrip(" ,")
    first, last = phrase.find(","), phrase.rfind(",")
    parts = [Span(subject.start, subject.start + len(phrase))]
    if last >= 0:
        parts.append(Span(subject.start + last + 1, subject.start + len(phrase)))
        parts.append(Span(subject.start, subject.start + first))
    return parts


def _office_or_role(ctx: Context, subject: Span) -> tuple[str, ...]:
    phrase = _noun_phrase(ctx.text, subject)
    if phrase is None:
        return ()
    label = re.sub(r"\s+", " ", phrase.of(ctx.text))
    lower = label.lower().removesuffix(" responsible")  # its head noun decides
    lex = lexicon()
    if _ends_with(lower, lex.lower_words("office_heads")):
        key = local_key("body", label)
        ctx.groups.entities.setdefault(key, Entity(key, "body", label, "Body", phrase))
        return (key,)
    if _ends_with(lower, lex.lower_words("legal_person_heads")):
        return (ctx.groups.add(label, phrase),)
    return ()


def _noun_phrase(text: str, subject: Span) -> Span | None:
    """The subject's head phrase: determiners off, up to a comma, relative or complement."""
    phrase = subject.of(text)
    lead = len(phrase) - len(phrase.lstrip())
    subject = Span(subject.start + lead, subject.end)
    phrase = phrase.lstrip()
    end = _PHRASE_END.search(phrase)
    head = phrase[: end.start()] if end else phrase
    responsible = _RESPONSIBLE.search(head)
    head = head[: responsible.end()] if responsible else head
    determiners = _DETERMINERS.match(head)
    start = determiners.end() if determiners else 0
    head = head.rstrip()
    if len(head[start:].split()) > 4 or start >= len(head):
        return None
    return Span(subject.start + start, subject.start + len(head))


def _ends_with(phrase: str, heads: frozenset[str]) -> bool:
    words = phrase.split()
    return any(" ".join(words[-n:]) in heads for n in (1, 2, 3, 4) if n <= len(words))


def legal_bases(ctx: Context, bases: tuple[str, ...]) -> tuple[str, ...]:
    """A treaty's or statute's own duty rests on the text itself when nothing nearer is cited."""
    if bases or not ctx.legal_text or ctx.own_instrument is None:
        return bases
    return (ctx.own_instrument,)


@dataclass(frozen=True)
class ListItem:
    """An item of a list whose lead-in states the duty: ``an applicant shall—`` then ``(a) not
    leave the State ...``; or ``the Minister shall have regard to:`` then ``(a) the ...``."""

    subject: Span
    modal: Span
    tail: Span | None  # the lead-in's words after the modal, opening each item's action
    item: Span


def list_item(ctx: Context, sentence: Sentence) -> ListItem | None:
    """The item ``sentence`` opens, when its block is an item under a duty's lead-in."""
    if not ctx.legal_text:
        return None
    block = ctx.block_of(sentence)
    if sentence.span.start > block.span.start + 8:
        return None
    pattern = lexicon().pattern("list_lead_in")
    leads = [ctx.layout.blocks[i].span for i in lead_in_blocks(ctx, sentence)]
    found = [(span, m) for span in leads if (m := pattern.match(span.of(ctx.text)))]
    marker = _MARKER.match(ctx.text, sentence.span.start, sentence.span.end)
    start = marker.end() if marker else sentence.span.start
    if not found or not ctx.text[start : start + 1].isalpha():
        return None
    lead_span, match = found[0]
    joiner = _ITEM_JOINER.search(ctx.text, start, sentence.span.end)
    item = Span(start, joiner.start() if joiner else sentence.span.end)
    tail = Span(lead_span.start + match.start("tail"), lead_span.start + match.end("tail"))
    return ListItem(
        Span(lead_span.start + match.start("subject"), lead_span.start + match.end("subject")),
        Span(lead_span.start + match.start("modal"), lead_span.start + match.end("modal")),
        _stripped(ctx.text, tail),
        item,
    )


def _stripped(text: str, span: Span) -> Span | None:
    words = span.of(text).strip()
    if not words:
        return None
    start = span.start + span.of(text).index(words)
    return Span(start, start + len(words))


# modifiers that describe an office without being part of its name ("a specified officer")
_NOT_NAME = frozenset(
    {"specified", "relevant", "competent", "appropriate", "such", "other", "same", "said",
     "that", "this", "any", "every", "each", "the", "a", "an", "of", "or", "and", "to", "by"}
)  # fmt: skip


def office_actors(ctx: Context) -> None:
    """Every office a legal text names (``notify the Registrar``, ``by an immigration officer``)
    is an actor of it, as a subject or not."""
    if not ctx.legal_text:
        return
    taken = [m.span for m in ctx.mentions]
    for match in ctx.finditer(_office_pattern(), Span(0, len(ctx.text))):
        words = match.group("name").split()
        while len(words) > 1 and words[0].lower() in _NOT_NAME:
            words = words[1:]
        start = match.end("name") - len(" ".join(words))
        span = Span(start, match.end("name"))
        if span.of(ctx.text) != " ".join(words) or any(span.overlaps(t) for t in taken):
            continue
        label = span.of(ctx.text)
        key = local_key("body", label)
        ctx.groups.entities.setdefault(key, Entity(key, "body", label, "Body", span))


@lru_cache(maxsize=1)
def _office_pattern() -> re.Pattern[str]:
    heads = sorted(lexicon().lower_words("office_heads"), key=len, reverse=True)
    alternatives = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    return re.compile(
        rf"\b(?:the|an?|each|any)\s+(?P<name>(?:[A-Za-z\u00C0-\u024F-]+\s+){{0,2}}?(?:{alternatives}))\b",
        re.IGNORECASE,
    )
