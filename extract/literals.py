"""A cheap, exact screen in front of an expensive regex, from the patterns' literal factors
(``factors.py``).

Finding a factor's words costs a fraction of one regex pass over the text, so a span in which
no word occurs is known to hold no match without running the regex, and a whole-text scan only
needs to try the regex where a word occurs. A pattern without a factor is simply run as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from operator import itemgetter

from dutygraph.extract.factors import Factor, factors, fold, min_width
from dutygraph.extract.wordscan import WordScan

# one match attempt costs about as much as a scan of this many characters
_TRIES_PER_SCAN = 16
# a pattern's words more frequent than one in this many characters screen out too little
_CHARACTERS_PER_WORD = 300


@dataclass(frozen=True)
class _Plan:
    """How one pattern is run over one text: where its words are (``screen`` None: no words
    known), and where its bounded factor's words are (``scan`` None: run the regex as is)."""

    screen: _Occurrences | None
    scan: _Occurrences | None
    first: int = 0
    last: int = 0


_KNOWN = WordScan()  # the words of the patterns screened so far in this process
_NOTHING: Iterator[re.Match[str]] = iter(())  # spent: every caller finds nothing in it


class LiteralIndex:
    """Where the factors of patterns occur in one text, each pattern's found on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        # by id, the pattern kept alive beside its plan: a pattern's own hash reads its whole
        # compiled code (microseconds for a long one), on every lookup
        self._plans: dict[int, tuple[re.Pattern[str], _Plan]] = {}
        self._words: dict[tuple[str, bool], list[int] | None] = {}  # None: too common
        self._scanned: set[bool] = set()  # the kinds of known word found in one pass
        # words more frequent than this screen out too little
        self._limit = len(text) // _CHARACTERS_PER_WORD + 16

    def may_match(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """False only when ``pattern`` has no match inside ``text[start:end]``."""
        screen = self._plan(pattern).screen
        return screen is None or screen.any_inside(start, end)

    def occurrences(self, pattern: re.Pattern[str]) -> list[tuple[int, int]] | None:
        """The spans of the words one of which every match holds, by start (None: not known)."""
        screen = self._plan(pattern).screen
        return None if screen is None else screen.spans()

    def finditer(
        self, pattern: re.Pattern[str], start: int = 0, end: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text, start, end)``, the regex tried only where a
        factor word puts a match start within reach (or run as is where that is no saving)."""
        stop = len(self.text) if end is None else min(end, len(self.text))
        plan = self._plan(pattern)
        if plan.screen is not None and not plan.screen.any_inside(start, stop):
            return _NOTHING
        candidates = None if plan.scan is None else _candidates(plan, plan.scan, start, stop)
        if candidates is None:
            return pattern.finditer(self.text, start, stop)
        return self._matches(pattern, candidates, stop)

    def _matches(
        self, pattern: re.Pattern[str], candidates: list[int], end: int
    ) -> Iterator[re.Match[str]]:
        reached = 0
        for position in candidates:
            if position < reached:
                continue
            match = pattern.match(self.text, position, end)
            if match is not None:
                reached = match.end()  # a match is never empty here: the scan goes on after it
                yield match

    def _plan(self, pattern: re.Pattern[str]) -> _Plan:
        known = self._plans.get(id(pattern))
        if known is not None and known[0] is pattern:
            return known[1]
        plan = self._new_plan(pattern)
        self._plans[id(pattern)] = (pattern, plan)
        return plan

    def _new_plan(self, pattern: re.Pattern[str]) -> _Plan:
        rarest, bounded, width = _facts(pattern)
        screen = None if rarest is None else self._find(rarest)
        if bounded is None or bounded.last is None or width == 0:
            return _Plan(screen, None)
        scan = screen if bounded == rarest else self._find(bounded)
        return _Plan(screen, scan, bounded.first, bounded.last)

    def _find(self, factor: Factor) -> _Occurrences | None:
        """The factor's words in the text; None when they are too common to screen anything."""
        spans: list[tuple[int, int]] = []
        for word in factor.words:
            positions = self._positions(word, factor.folded)
            if positions is None or len(spans) + len(positions) > self._limit:
                return None
            spans.extend(zip(positions, map(len(word).__add__, positions), strict=True))
        return _Occurrences(sorted(spans))

    def _positions(self, word: str, folded: bool) -> list[int] | None:
        """Where ``word`` starts in the text (in the folded text when ``folded``), None when it
        is too common; the same word serves many patterns."""
        key = (word, folded)
        if key not in self._words and folded not in self._scanned and _KNOWN.knows(word, folded):
            self._scan_known(folded)
        if key not in self._words:
            haystack = self._folded_text() if folded else self.text
            self._words[key] = _positions(haystack, word, self._limit)
            if self._words[key] is None:  # a common word would cost the pass more
                _KNOWN.forget(word, folded)
            else:
                _KNOWN.learn(word, folded)
        return self._words[key]

    def _scan_known(self, folded: bool) -> None:
        """Every word the patterns used before, of one kind, in one pass over the text: a
        text is screened by much the same patterns as the texts before it."""
        self._scanned.add(folded)
        haystack = self._folded_text() if folded else self.text
        for word, found in _KNOWN.positions(haystack, folded).items():
            self._words.setdefault((word, folded), found if len(found) <= self._limit else None)
            if len(found) > self._limit:
                _KNOWN.forget(word, folded)

    def _folded_text(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded


# the indexes of the extraction under way, by text (None: no extraction under way)
_SHARED: ContextVar[dict[str, LiteralIndex] | None] = ContextVar("literal_indexes", default=None)


@contextmanager
def sharing_indexes() -> Iterator[None]:
    """Within the block the stages share one index per text, so that each word is found once
    per extraction; none outlives the block."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


# a pattern's factors and least width, by id beside the pattern: the lru caches of the analysis
# hash the pattern, which reads its whole compiled code
_FACTS: dict[int, tuple[re.Pattern[str], Factor | None, Factor | None, int]] = {}
_MAX_FACTS = 512


def _facts(pattern: re.Pattern[str]) -> tuple[Factor | None, Factor | None, int]:
    known = _FACTS.get(id(pattern))
    if known is None or known[0] is not pattern:
        if len(_FACTS) >= _MAX_FACTS:  # patterns made on the fly must not pile up
            _FACTS.clear()
        rarest, bounded = factors(pattern)
        known = _FACTS[id(pattern)] = (pattern, rarest, bounded, min_width(pattern))
    return known[1], known[2], known[3]


def screened_finditer(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, through the shared index of ``text`` when an
    extraction is under way."""
    index = shared_index(text)
    if index is not None:
        return index.finditer(pattern, start, end)
    return pattern.finditer(text, start, len(text) if end is None else end)


def shared_index(text: str) -> LiteralIndex | None:
    """The index of ``text`` shared within ``sharing_indexes``; None outside it."""
    shared = _SHARED.get()
    if shared is None:
        return None
    index = shared.get(text)
    if index is None:
        index = shared[text] = LiteralIndex(text)
    return index


def _candidates(plan: _Plan, scan: _Occurrences, start: int, end: int) -> list[int] | None:
    """The positions where a match may start; None where the regex is better run as is."""
    candidates: set[int] = set()
    for word_start in scan.inside(start, end):
        candidates.update(range(max(start, word_start - plan.last), word_start - plan.first + 1))
        if len(candidates) * _TRIES_PER_SCAN > end - start:
            return None  # trying so many positions costs more than one scan
    return sorted(candidates)


class _Occurrences:
    """The spans of a factor's words in a text, by start."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = list(map(itemgetter(0), spans))
        self._ends = list(map(itemgetter(1), spans))

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self._starts, self._ends, strict=True))

    def any_inside(self, start: int, end: int) -> bool:
        index = bisect_left(self._starts, start)
        starts, ends = self._starts, self._ends
        while index < len(starts) and starts[index] < end:
            if ends[index] <= end:
                return True
            index += 1
        return False

    def inside(self, start: int, end: int) -> Iterator[int]:
        """The starts of the words that lie inside ``start``..``end``."""
        index = bisect_left(self._starts, start)
        while index < len(self._starts) and self._starts[index] < end:
            if self._ends[index] <= end:
                yield self._starts[index]
            index += 1


def _positions(haystack: str, word: str, limit: int) -> list[int] | None:
    """Where ``word`` starts in ``haystack``; None when more than ``limit`` times. One pass of
    ``find``: most words are rare, and a common one stops the pass at its ``limit``."""
    found: list[int] = []
    find = haystack.find
    position = find(word)
    while position >= 0:
        if len(found) == limit:
            return None
        found.append(position)
        position = find(word, position + 1)
    return found
