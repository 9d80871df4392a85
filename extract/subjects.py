"""Subjects: which actor (or actors) a noun phrase before a modal names.

``resolve_subject`` returns the bearer keys, ``INHERIT`` when the clause has no subject of its
own (``..., and should allow``) or begins with a pronoun, or ``()`` when the subject is no actor
(a thing, a person, the author).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from dutygraph.extract.ir import Entity, Mention, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.titles import local_key

INHERIT = ("<inherit>",)
# after a relative "that": the verb of the clause, not a new subject
_RELATIVE_VERB = re.compile(
    r"(?:have|has|had|are|is|were|was|do|does|did|can|could|will|would|may|might|remain|remains)"
    r"\b",
    re.IGNORECASE,
)
_ACTOR_CATEGORIES = frozenset({"state", "body", "organization", "group"})
_WORD = re.compile(r"[\w'\u2019.-]+")
_STOP_WORDS = frozenset(
    {
        "with",
        "in",
        "of",
        "by",
        "for",
        "from",
        "that",
        "which",
        "who",
        "whose",
        "to",
        "at",
        "on",
        "including",
        "especially",
        "such",
        "as",
        "engaged",
        "affected",
        "involved",
        "concerned",
    }
)


@dataclass
class Groups:
    """Group entities found while resolving subjects, keyed by their local key."""

    entities: dict[str, Entity] = field(default_factory=dict)

    def add(self, label: str, span: Span, members: tuple[str, ...] = ()) -> str:
        key = local_key("group", label)
        if key not in self.entities:
            self.entities[key] = Entity(key, "group", label, "ActorGroup", span, members)
        elif members and not self.entities[key].members:
            old = self.entities[key]
            self.entities[key] = Entity(key, "group", old.label, "ActorGroup", old.span, members)
        return key


def resolve_subject(
    text: str, span: Span, mentions: Sequence[Mention], groups: Groups
) -> tuple[str, ...]:
    span = _after_complementiser(text, _trim(text, span))
    if len(span) == 0:
        return INHERIT
    words = [w.lower() for w in _WORD.findall(span.of(text))]
    lex = lexicon()
    if words[0] in lex.lower_words("first_person"):
        return ()
    if len(words) == 1 and words[0] in lex.lower_words("pronouns"):
        return INHERIT
    inside = [m for m in mentions if span.contains(m.span)]
    for candidate in _candidates(text, span):
        before = dict(groups.entities)
        bearers = _resolve_phrase(text, candidate, inside, groups)
        if bearers:
            return bearers
        groups.entities = before  # a failed reading leaves no group behind
    return ()


def _trim(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)'\u2019"):
        end -= 1
    while start < end:
        match = re.match(
            r"(?:and|but|or|then|also|so|thus|further|moreover|furthermore|"
            r"in\s+particular|in\s+addition|as\s+well|instead|which|who|whom|that)\b[\s,]*",
            text[start:end],
            re.IGNORECASE,
        )
        if match is None or match.end() == 0:
            break
        start += match.end()
    return Span(start, end)


def _after_complementiser(text: str, span: Span) -> Span:
    """``It is the sense of the Parliament that Freedonia`` -> ``Freedonia``; a relative
    ``that`` (``States that have not yet done so``) stays in its noun phrase."""
    last = None
    for match in re.finditer(r"\bthat\b[\s\u2014-]*", span.of(text)):
        if not _RELATIVE_VERB.match(span.of(text), match.end()):
            last = match
    if last is None or span.start + last.end() >= span.end:
        return span
    return _trim(text, Span(span.start + last.end(), span.end))


def _candidates(text: str, span: Span) -> list[Span]:
    """The whole phrase, then its comma-separated parts: the last (after an opener such as
    ``As an interim step,``), the first (before a parenthetical ``, in order to ...,``), then
    the middle ones; unless the commas belong to an ``including`` list."""
    phrase = span.of(text)
    quote = max(phrase.rfind(":"), phrase.rfind('"'), phrase.rfind("\u201c"))
    if quote >= 0:
        span = _trim(text, Span(span.start + quote + 1, span.end))
        phrase = span.of(text)
    result = [span]
    if "including" in phrase.lower():
        return result
    parts: list[Span] = []
    start = span.start
    for match in re.finditer(r",", phrase):
        parts.append(_trim(text, Span(start, span.start + match.start())))
        start = span.start + match.end()
    parts.append(_trim(text, Span(start, span.end)))
    if len(parts) > 1:
        result.extend([parts[-1], parts[0], *reversed(parts[1:-1])])
    return [p for p in result if len(p) > 0 and not _is_appositive(text, p)]


_GOVERNMENT_NAME = re.compile(r"of\s+(?:[A-Z][\w'\u2019-]*)(?:\s+(?:[A-Z][\w'\u2019-]*|and|of))*")


def _resolve_phrase(
    text: str, span: Span, inside: list[Mention], groups: Groups
) -> tuple[str, ...]:
    head_span, members = _split_including(text, span, inside)
    items = _coordinated_items(text, head_span, inside)
    described = [item for item in items if not _is_appositive(text, item)]
    if len(described) == 1 < len(items):
        head_span = described[0]  # "Freedonia, a party to the Convention,": Freedonia
    items = described
    if len(items) > 1 and not members:
        before = dict(groups.entities)
        keys = [_resolve_single(text, item, inside, groups, ()) for item in items]
        if all(keys):
            return tuple(dict.fromkeys(k for k in keys if k))
        groups.entities = before
    single = _resolve_single(text, head_span, inside, groups, members)
    return (single,) if single else ()


def _split_including(text: str, span: Span, inside: list[Mention]) -> tuple[Span, tuple[str, ...]]:
    match = re.search(r",?\s*\b(?:including|such as|among them|notably)\b", span.of(text))
    if match is None:
        return span, ()
    head = _trim(text, Span(span.start, span.start + match.start()))
    listed = Span(span.start + match.end(), span.end)
    return head, _listed_members(text, listed, inside)


def _listed_members(text: str, listed: Span, inside: list[Mention]) -> tuple[str, ...]:
    """The names that open an ``including`` list, while only separators stand between them:
    ``including A, B, and C`` gives three; ``including countries in the region and A`` none."""
    members: list[str] = []
    position = listed.start
    for mention in sorted((m for m in inside if listed.contains(m.span)), key=lambda m: m.span):
        if mention.span.start < position:
            continue
        gap = text[position : mention.span.start]
        if re.fullmatch(r"[\s,]*(?:(?:and|or|the)\s+)*", gap) is None:
            break
        if mention.category not in {"state", "organization", "body"}:
            break
        members.append(mention.key)
        position = mention.span.end
    return tuple(dict.fromkeys(members))


def _is_appositive(text: str, item: Span) -> bool:
    """``Freedonia, a party to the Convention,``: a description of the name before it."""
    return re.match(r"(?:a|an)\s", item.of(text), re.IGNORECASE) is not None


def _coordinated_items(text: str, span: Span, inside: list[Mention]) -> list[Span]:
    """``A, B, and C`` cut at separators that lie outside every name."""
    items: list[Span] = []
    start = span.start
    for match in re.finditer(r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+)", span.of(text)):
        at = Span(span.start + match.start(), span.start + match.end())
        if any(m.span.overlaps(at) for m in inside):
            continue
        items.append(_trim(text, Span(start, span.start + match.start())))
        start = span.start + match.end()
    items.append(_trim(text, Span(start, span.end)))
    return [i for i in items if len(i) > 0]


def _resolve_single(
    text: str, span: Span, inside: list[Mention], groups: Groups, members: tuple[str, ...]
) -> str | None:
    lex = lexicon()
    start = _skip_determiners(text, span)
    rest = Span(start, span.end)
    # a name starts after "the"; a reference ("the Committee") starts with it
    first = next(
        (
            m
            for m in inside
            if m.span.start in (start, span.start) and m.category in _ACTOR_CATEGORIES
        ),
        None,
    )
    if first is not None:
        tail = _without_parenthesis(text[first.span.end : span.end])
        tail_words = [w.lower() for w in _WORD.findall(tail)]
        if not tail_words or (
            tail_words[0] in lex.lower_words("state_organ_nouns") and len(tail_words) == 1
        ):
            return first.key
        if tail.startswith(("'s", "\u2019s")) and len(tail_words) >= 1:
            return _group(text, span, groups, members)
        if _named_government(first, tail):
            return first.key
    organ_of = _organ_of(text, rest, inside) or _office_of(text, rest, inside)
    if organ_of is not None:
        return organ_of
    if _head_word(text, rest) in lex.lower_words("group_heads"):
        return _group(text, span, groups, members)
    return None


def _named_government(first: Mention, tail: str) -> bool:
    """``the Fictish Government of National Accord``: a state's government under its own
    capitalised name is that state."""
    organ = first.label.rsplit(None, 1)[-1].lower()
    return (
        first.category == "state"
        and organ in lexicon().lower_words("state_organ_nouns")
        and _GOVERNMENT_NAME.fullmatch(tail) is not None
    )


def _skip_determiners(text: str, span: Span) -> int:
    determiners = lexicon().lower_words("determiners")
    position = span.start
    for match in _WORD.finditer(text, span.start, span.end):
        if match.group().lower() not in determiners:
            return match.start()
        position = match.end()
    return position


def _organ_of(text: str, span: Span, inside: list[Mention]) -> str | None:
    """``the Government of Freedonia`` -> Freedonia."""
    organs = "|".join(sorted(lexicon().lower_words("state_organ_nouns")))
    return _named_after(text, span, inside, rf"(?:{organs})\s+of\s+(?:the\s+)?", {"state"})


def _office_of(text: str, span: Span, inside: list[Mention]) -> str | None:
    """``the Office of the Committee on Sylvanian Rights (CSR)`` -> that body."""
    return _named_after(text, span, inside, r"office\s+of\s+(?:the\s+)?", {"body", "organization"})


def _named_after(
    text: str, span: Span, inside: list[Mention], lead: str, categories: set[str]
) -> str | None:
    """The actor named right after ``lead`` when nothing but an acronym follows it."""
    match = re.match(lead, span.of(text), re.IGNORECASE)
    if match is None:
        return None
    position = span.start + match.end()
    named = next((m for m in inside if m.span.start == position and m.category in categories), None)
    if named is None or _without_parenthesis(text[named.span.end : span.end]):
        return None
    return named.key


def _without_parenthesis(tail: str) -> str:
    """A tail with a closing parenthesis (an acronym, ``(CSR)``) taken off."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", tail).strip()


def _head_word(text: str, span: Span) -> str:
    """The last word before the first stop word, comma or participle: the phrase's head noun."""
    head = ""
    for match in _WORD.finditer(text, span.start, span.end):
        word = match.group().lower()
        if word in _STOP_WORDS or (head and word.endswith(("ed", "ing")) and len(word) > 4):
            break
        head = word
        if text[match.end() : match.end() + 1] == ",":
            break
    return head


def _group(text: str, span: Span, groups: Groups, members: tuple[str, ...]) -> str:
    match = re.match(r"(?:(?:the|each|every|any|no|and|or|but|also)\s+)*", span.of(text), re.I)
    start = span.start + (match.end() if match else 0)
    label = text[start : span.end].strip(" ,")
    label = re.sub(r"\s+", " ", label)
    if label == "States" and start == span.start:
        label = "all States"  # a bare generic plural: states in general
    return groups.add(label, Span(start, start + len(text[start : span.end].rstrip(" ,"))), members)
