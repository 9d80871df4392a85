"""Mentions and sentences by position: those inside or across a span without scanning all."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from dutygraph.extract.ir import Mention, Sentence, Span


class MentionIndex:
    """The mentions ordered by start (a stable sort: mentions already in text order keep theirs)."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self._mentions = sorted(mentions, key=lambda m: m.span.start)
        self._starts = [m.span.start for m in self._mentions]
        self._widest = max((len(m.span) for m in self._mentions), default=0)

    def inside(self, span: Span) -> list[Mention]:
        """The mentions ``span`` contains, in order."""
        low = bisect_left(self._starts, span.start)
        high = bisect_right(self._starts, span.end, low)
        return [m for m in self._mentions[low:high] if m.span.end <= span.end]

    def overlapping(self, span: Span) -> list[Mention]:
        """The mentions sharing a code point with ``span``, in order."""
        # a mention that starts before the span reaches into it only if it is long enough
        low = bisect_left(self._starts, span.start - self._widest)
        high = bisect_left(self._starts, span.end, low)
        return [m for m in self._mentions[low:high] if m.span.overlaps(span)]

    def reaching(self, start: int, end: int) -> list[Mention]:
        """The mentions that end at or after ``start`` and begin before ``end``, in order (those
        overlapping ``[start, end)`` and those ending exactly at ``start``)."""
        low = bisect_left(self._starts, start - self._widest)
        high = bisect_left(self._starts, end, low)
        return [m for m in self._mentions[low:high] if m.span.end >= start]

    def starting_in(self, low: int, high: int) -> list[Mention]:
        """The mentions that start at or after ``low`` and before ``high``, in order."""
        return self._mentions[bisect_left(self._starts, low) : bisect_left(self._starts, high)]


class SentenceIndex:
    """The sentences in text order (they never overlap), for the one that holds a span."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self._spans = sorted(s.span for s in sentences)
        self._starts = [span.start for span in self._spans]

    def holding(self, span: Span) -> Span | None:
        index = bisect_right(self._starts, span.start) - 1
        if index >= 0 and self._spans[index].contains(span):
            return self._spans[index]
        return None
