"""Which of a list of cue patterns may match in each sentence, worked out once per document.

The stages try every cue of a list on every sentence, and most sentences hold none of a cue's
literal words. Placing each word occurrence in the sentence that holds it (one bisection per
occurrence) tells every sentence's candidate cues at once, instead of screening every cue in
every sentence; the cues left out are exactly those ``LiteralIndex.may_match`` rejects.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol, TypeVar

from dutygraph.extract.ir import Sentence, Span
from dutygraph.extract.literals import LiteralIndex


class _Cue(Protocol):
    @property
    def regex(self) -> re.Pattern[str]: ...


C = TypeVar("C", bound=_Cue)


class SentenceScreens:
    """The candidate cues of each sentence, per cue list (a list is known by its identity: the
    lexicon builds each once)."""

    def __init__(self, literals: LiteralIndex, sentences: Sequence[Sentence]) -> None:
        self._literals = literals
        spans = [s.span for s in sentences]
        self._starts = [s.start for s in spans]
        self._ends = [s.end for s in spans]
        # the bisection finds the one sentence holding a word only if they are in order, apart
        self._usable = all(a.start < b.start and a.end <= b.start for a, b in pairwise(spans))
        self._number = {span.start: index for index, span in enumerate(spans)}
        self._lists: dict[int, tuple[Sequence[_Cue], list[list[int]]]] = {}
        # by id, as the index keeps its plans (a pattern's hash reads its compiled code)
        self._held: dict[int, tuple[re.Pattern[str], frozenset[int] | None]] = {}

    def excludes(self, pattern: re.Pattern[str], span: Span) -> bool:
        """True only when ``span`` is a sentence in which ``pattern`` has no match."""
        index = self._number.get(span.start)
        if not self._usable or index is None or self._ends[index] != span.end:
            return False
        known = self._held.get(id(pattern))
        if known is None or known[0] is not pattern:
            words = self._literals.occurrences(pattern) is not None
            known = self._held[id(pattern)] = (
                pattern,
                frozenset(self._holding(pattern)) if words else None,  # None: held anywhere
            )
        return known[1] is not None and index not in known[1]

    def candidates(self, cues: Sequence[C], span: Span) -> Sequence[C]:
        """The cues, in their order, that may match inside ``span``."""
        index = self._number.get(span.start)
        if not self._usable or index is None or self._ends[index] != span.end:
            return [c for c in cues if self._literals.may_match(c.regex, span.start, span.end)]
        return [cues[i] for i in self._per_sentence(cues)[index]]

    def _per_sentence(self, cues: Sequence[_Cue]) -> list[list[int]]:
        known = self._lists.get(id(cues))
        if known is not None and known[0] is cues:
            return known[1]
        found: list[list[int]] = [[] for _ in self._starts]
        for number, cue in enumerate(cues):
            for index in self._holding(cue.regex):
                if not found[index] or found[index][-1] != number:
                    found[index].append(number)
        self._lists[id(cues)] = (cues, found)
        return found

    def _holding(self, pattern: re.Pattern[str]) -> list[int]:
        """The sentences that hold one of the pattern's words, in order (all: no words known)."""
        occurrences = self._literals.occurrences(pattern)
        if occurrences is None:
            return list(range(len(self._starts)))
        held = []
        for start, end in occurrences:
            index = bisect_right(self._starts, start) - 1
            if index >= 0 and end <= self._ends[index]:
                held.append(index)
        return held
