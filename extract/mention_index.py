"""Mentions by position: the mentions inside or across a span without scanning all of them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from dutygraph.extract.ir import Mention, Span


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
