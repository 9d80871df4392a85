"""References: ``the covenant``, ``its Protocol``, ``this Convention``, ``the Committee``,
``the High Commissioner``.

Each resolves to the most recent earlier mention whose label has the same head noun; ``its
Protocol`` to the protocol of the treaty just named; ``this Convention`` to the document's own
instrument. When the nearest sentence with candidates names two different ones, the reference
is left unresolved. ``the State party`` and a bare ``the Government`` resolve to the one state
whose report the document reviews (``the fifth periodic report of Freedonia``) or that its
author visited (``his visit to Freedonia``).
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from dutygraph.extract.ir import Mention, Sentence, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.literals import LiteralIndex, screened_finditer, shared_index
from dutygraph.extract.mention_index import MentionIndex, SentenceIndex

_REFERENCE = re.compile(
    r"\b(?P<det>the\s+present|the|this|that|its|their)\s+(?:(?P<year>1[89]\d\d|20\d\d)\s+)?"
    r"(?:U\.N\.\s+|UN\s+)?(?P<qualifier>(?:optional|additional)\s+)?"
    r"(?P<head>covenant|convention|protocol|treaty|agreement|charter|committee|declaration|"
    r"commission|council|high\s+commissioner|special\s+rapporteur)s?\b"
    r"(?!\s+(?:on|of|relating|against|for)\s+[A-Z])",
    re.IGNORECASE,
)
_ANY_INSTRUMENT_HEADS = frozenset({"treaty"})
_ACTOR_HEADS = frozenset({"committee", "high commissioner", "special rapporteur"})


def find_references(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[Mention],
    protocols: dict[str, str],
    own_instrument: str | None,
    labels: dict[str, str] | None = None,
    monitored: dict[str, tuple[str, ...]] | None = None,
) -> tuple[Mention, ...]:
    """Mentions for resolvable references. ``protocols`` maps a treaty key to its protocol key;
    ``labels`` gives each vocabulary key its preferred label (an acronym names a covenant too);
    ``monitored`` maps a treaty body to the treaties it monitors."""
    names = labels or {}
    # a fallback title inside a reference (``its Optional Protocol``) gives way to it
    taken = MentionIndex(m for m in mentions if m.via != "fallback")
    titles = MentionIndex(m for m in mentions if m.via == "fallback")
    monitoring = _monitored_treaties(mentions, monitored or {})
    earlier = _Earlier(mentions, names)
    in_sentences = SentenceIndex(sentences)
    found: list[Mention] = []
    for match in screened_finditer(_REFERENCE, text):
        span = Span(match.start(), match.end())
        if taken.overlapping(span):
            continue
        if any(not span.contains(t.span) for t in titles.overlapping(span)):
            continue
        if match.group("qualifier") and match.group("det").lower() not in {"its", "their"}:
            continue  # "its Optional Protocol" only: "the Optional Protocol" may be any one
        target = _resolve(match, in_sentences, earlier, protocols, own_instrument)
        if target is None and _is_bare(match):
            target = _monitored_by_named_body(match, monitoring, names)
        if target is not None:
            reference = Mention(span, target.key, target.category, match.group(), "reference")
            found.append(reference)
            earlier.add(reference)
    return tuple(found)


def _resolve(
    match: re.Match[str],
    sentences: SentenceIndex,
    earlier: _Earlier,
    protocols: dict[str, str],
    own_instrument: str | None,
) -> Mention | None:
    det = match.group("det").lower()
    head = _head_of(match)
    position = match.start()
    if det in {"this", "the present"} and own_instrument is not None and head not in _ACTOR_HEADS:
        return _with_key(earlier.latest_first(position), own_instrument, match)
    if det in {"its", "their"} and head == "protocol":
        latest = earlier.latest_first(position)
        treaty = next((m for m in latest if m.key in protocols), None)
        if treaty is None:
            return None
        return Mention(treaty.span, protocols[treaty.key], "instrument", treaty.label, "reference")
    return _nearest_unambiguous(earlier.latest_with_head(head, position), sentences)


class _Earlier:
    """The mentions that end before a position, latest (by span) first, without sorting or
    scanning all of them for every reference: the document's mentions sorted once, the
    references found so far (in text order, each before the next match), and per head noun the
    mentions that carry it."""

    def __init__(self, mentions: Sequence[Mention], names: dict[str, str]) -> None:
        self._names = names
        self._sorted = sorted(mentions, key=lambda m: m.span)
        self._starts = [m.span.start for m in self._sorted]
        self._found: list[Mention] = []
        self._by_head: dict[str, tuple[list[Mention], list[int], list[Mention]]] = {}

    def add(self, reference: Mention) -> None:
        self._found.append(reference)
        for head, (_, _, found) in self._by_head.items():
            if self._has(reference, head):
                found.append(reference)

    def latest_first(self, position: int) -> Iterator[Mention]:
        return self._merged(self._sorted, self._starts, self._found, position)

    def latest_with_head(self, head: str, position: int) -> Iterator[Mention]:
        if head not in self._by_head:
            mentions = [m for m in self._sorted if self._has(m, head)]
            found = [m for m in self._found if self._has(m, head)]
            self._by_head[head] = (mentions, [m.span.start for m in mentions], found)
        mentions, starts, found = self._by_head[head]
        return self._merged(mentions, starts, found, position)

    def _has(self, mention: Mention, head: str) -> bool:
        return _has_head(mention, head, self._names.get(mention.key, ""))

    @staticmethod
    def _merged(
        mentions: Sequence[Mention], starts: Sequence[int], found: Sequence[Mention], position: int
    ) -> Iterator[Mention]:
        # equal spans: a reference after the mention, as in one stable sort of both lists
        before = (
            mentions[i]
            for i in range(bisect_left(starts, position) - 1, -1, -1)
            if mentions[i].span.end <= position
        )
        return heapq.merge(reversed(found), before, key=lambda m: m.span, reverse=True)


def _monitored_treaties(
    mentions: Sequence[Mention], monitored: dict[str, tuple[str, ...]]
) -> tuple[str, ...]:
    """The treaties monitored by the treaty bodies the document names."""
    bodies = dict.fromkeys(m.key for m in mentions if m.category == "body")
    return tuple(dict.fromkeys(t for body in bodies for t in monitored.get(body, ())))


def monitored_treaty(
    mentions: Sequence[Mention], monitored: dict[str, tuple[str, ...]]
) -> str | None:
    """The one treaty monitored by the treaty bodies the document names, if only one."""
    treaties = _monitored_treaties(mentions, monitored)
    return treaties[0] if len(treaties) == 1 else None


def _is_bare(match: re.Match[str]) -> bool:
    return match.group("det").lower() == "the" and match.group("year") is None


def _monitored_by_named_body(
    match: re.Match[str], treaties: tuple[str, ...], names: dict[str, str]
) -> Mention | None:
    """``the Convention`` in a document that names no convention but names the body that
    monitors exactly one: that body's convention."""
    head = _head_of(match)
    if head in _ACTOR_HEADS:
        return None
    fitting = [t for t in treaties if re.search(rf"\b{head}", names.get(t, ""), re.IGNORECASE)]
    if len(fitting) != 1:
        return None
    span = Span(match.start(), match.end())
    return Mention(span, fitting[0], "instrument", match.group(), "reference")


def _head_of(match: re.Match[str]) -> str:
    return re.sub(r"\s+", " ", match.group("head").lower())


def _has_head(mention: Mention, head: str, name: str) -> bool:
    if head in _ANY_INSTRUMENT_HEADS:
        return mention.category == "instrument"
    if head in _ACTOR_HEADS and mention.category not in {"body", "organization"}:
        return False
    return _head_pattern(head).search(f"{mention.label} {name}") is not None


@lru_cache(maxsize=64)
def _head_pattern(head: str) -> re.Pattern[str]:
    return re.compile(rf"\b{head}", re.IGNORECASE)


def _with_key(earlier: Iterator[Mention], key: str, match: re.Match[str]) -> Mention:
    for mention in earlier:
        if mention.key == key:
            return mention
    return Mention(Span(match.start(), match.end()), key, "instrument", match.group(), "reference")


def _nearest_unambiguous(candidates: Iterator[Mention], sentences: SentenceIndex) -> Mention | None:
    """The latest candidate, unless its sentence holds a candidate of another key too."""
    last = next(candidates, None)
    if last is None:
        return None
    sentence = sentences.holding(last.span) or last.span
    for other in candidates:
        if other.span.start < sentence.start:
            break
        if other.key != last.key and sentence.contains(other.span):
            return None
    return last


def find_subject_state_references(
    text: str, mentions: Sequence[Mention], subject: str | None
) -> tuple[Mention, ...]:
    """``the State party`` and a bare ``the Government`` as mentions of ``subject``, the state
    the document is about (``subject_state``); none when there is no such state."""
    if subject is None:
        return ()
    taken = MentionIndex(mentions)
    found = []
    for match in screened_finditer(lexicon().pattern("subject_state_phrase"), text):
        span = Span(match.start("name"), match.end("name"))
        if not taken.overlapping(span):
            found.append(Mention(span, subject, "state", match.group("name"), "reference"))
    return tuple(found)


def subject_state(text: str, mentions: Sequence[Mention]) -> str | None:
    """The one state whose report the document reviews, that its author visited, or that a
    Universal Periodic Review examines; None when there is none or several."""
    cues = [
        lexicon().pattern(name)
        for name in ("reviewed_report", "country_visit", "state_under_review")
    ]
    literals = shared_index(text)  # most mentions have no cue's word before them
    states = {
        m.key
        for m in mentions
        if m.category == "state" and any(_cued(text, literals, cue, m.span.start) for cue in cues)
    }
    return states.pop() if len(states) == 1 else None


def _cued(text: str, literals: LiteralIndex | None, cue: re.Pattern[str], end: int) -> bool:
    start = max(0, end - 80)
    if literals is not None and not literals.may_match(cue, start, end):
        return False
    return cue.search(text, start, end) is not None


# How far back a passage's states are counted, and how often the most salient one must appear.
SALIENCE_WINDOW = 1500
MIN_SALIENT_MENTIONS = 2


def find_salient_state_references(text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """``the country``, ``the authorities``: the state the passage before is about, when one
    state is named there more often than any other (and at least twice)."""
    states = MentionIndex(m for m in mentions if m.category == "state")
    taken = MentionIndex(mentions)
    found = []
    for match in screened_finditer(lexicon().pattern("salient_state_phrase"), text):
        span = Span(match.start("name"), match.end("name"))
        if taken.overlapping(span):
            continue
        key = _salient_state(states, match.start())
        if key is not None:
            found.append(Mention(span, key, "state", match.group("name"), "reference"))
    return tuple(found)


def _salient_state(states: MentionIndex, position: int) -> str | None:
    counts = Counter(m.key for m in states.starting_in(position - SALIENCE_WINDOW, position))
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_SALIENT_MENTIONS:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None
    return ranked[0][0]
