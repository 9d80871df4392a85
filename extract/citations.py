"""The citations stage: table-driven citation patterns over the (masked) text.

The patterns live in ``extract/data/citations.json``; each carries examples. Three shapes:

* a plain pattern gives one citation per match, its named groups as fields;
* a list pattern (``item``) gives one citation per item of its ``items`` group, so
  ``Articles 31, 32, and 33`` yields three citations with their own spans;
* a follower pattern (``follows``) counts only shortly after a citation of the patterns it
  names, so a bare ``No. 85`` is a conclusion after ``Conclusion No. 22`` and nothing otherwise.

When matches overlap, the longest wins; on equal length the pattern listed first wins.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from dutygraph.extract.ir import Citation, Span
from dutygraph.extract.literals import LiteralIndex, shared_index
from dutygraph.resources import extract_data

DATA_FILE = "citations.json"
ALLOWED_FLAGS = frozenset({"IGNORECASE", "MULTILINE", "DOTALL", "VERBOSE", "ASCII"})
NORMALISED_FIELDS = frozenset({"article", "section"})


@dataclass(frozen=True)
class Pattern:
    name: str
    kind: str
    regex: re.Pattern[str]
    description: str
    examples: tuple[str, ...]
    non_examples: tuple[str, ...]
    item: re.Pattern[str] | None = None
    follows: tuple[str, ...] = ()
    window: int = 0
    stop: re.Pattern[str] | None = None


@dataclass(frozen=True)
class _Candidate:
    span: Span
    rank: int
    pattern: Pattern
    match: re.Match[str]


# ---------------------------------------------------------------- loading


@cache
def load_patterns() -> tuple[Pattern, ...]:
    """The patterns of ``citations.json`` in file order (the order breaks length ties)."""
    raw = json.loads(extract_data(DATA_FILE).read_text(encoding="utf-8"))
    patterns = tuple(_parse_pattern(entry) for entry in raw["patterns"])
    _check_names(patterns)
    return patterns


def _parse_pattern(entry: dict[str, Any]) -> Pattern:
    name = entry["name"]
    flags = _flags(name, entry.get("flags", []))
    regex = _compile(name, entry["regex"], flags)
    item = _compile(name, entry["item"], flags) if "item" in entry else None
    if item is not None and "items" not in regex.groupindex:
        raise ValueError(f"citation pattern {name!r}: a list pattern needs an 'items' group")
    follows = tuple(entry.get("follows", ()))
    stop = _compile(name, entry["stop"], flags) if "stop" in entry else None
    window = int(entry.get("window", 0))
    if follows and (stop is None or window <= 0):
        raise ValueError(f"citation pattern {name!r}: 'follows' needs 'stop' and a 'window' > 0")
    return Pattern(
        name=name,
        kind=entry["kind"],
        regex=regex,
        description=entry.get("description", ""),
        examples=tuple(entry.get("examples", ())),
        non_examples=tuple(entry.get("non_examples", ())),
        item=item,
        follows=follows,
        window=window,
        stop=stop,
    )


def _flags(name: str, names: Iterable[str]) -> re.RegexFlag:
    flags = re.RegexFlag(0)
    for flag in names:
        if flag not in ALLOWED_FLAGS:
            raise ValueError(f"citation pattern {name!r}: unknown flag {flag!r}")
        flags |= re.RegexFlag[flag]
    return flags


def _compile(name: str, source: str, flags: re.RegexFlag) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as error:
        raise ValueError(f"citation pattern {name!r}: bad regex: {error}") from error


def _check_names(patterns: tuple[Pattern, ...]) -> None:
    names = [p.name for p in patterns]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"duplicate citation pattern names: {duplicates}")
    for pattern in patterns:
        unknown = set(pattern.follows) - set(names)
        if unknown:
            raise ValueError(f"citation pattern {pattern.name!r} follows unknown {sorted(unknown)}")


# ---------------------------------------------------------------- finding


def find_citations(text: str) -> tuple[Citation, ...]:
    """All citations in ``text``, sorted by span and never overlapping."""
    patterns = load_patterns()
    taken = _Occupancy()
    citations: list[Citation] = []
    for candidate in _resolve(_candidates(text, patterns), taken):
        citations.extend(_expand(text, candidate.pattern, candidate.match))
    for follower in (p for p in patterns if p.follows):
        citations.extend(_continuations(text, follower, citations, taken))
    return tuple(sorted(citations, key=lambda c: (c.span, c.kind, c.pattern)))


def _candidates(text: str, patterns: tuple[Pattern, ...]) -> Iterator[_Candidate]:
    # most patterns' keywords occur a few times or not at all
    literals = shared_index(text) or LiteralIndex(text)
    for rank, pattern in enumerate(patterns):
        if pattern.follows:
            continue
        for match in literals.finditer(pattern.regex):
            if match.end() > match.start():
                yield _Candidate(Span(match.start(), match.end()), rank, pattern, match)


def _resolve(candidates: Iterable[_Candidate], taken: _Occupancy) -> list[_Candidate]:
    """Longest first, then file order, then leftmost; a candidate overlapping a kept one goes."""
    kept: list[_Candidate] = []
    ordered = sorted(candidates, key=lambda c: (-len(c.span), c.rank, c.span.start))
    for candidate in ordered:
        if taken.claim(candidate.span):
            kept.append(candidate)
    return kept


def _expand(text: str, pattern: Pattern, match: re.Match[str]) -> list[Citation]:
    if pattern.item is None:
        return [_citation(text, Span(match.start(), match.end()), pattern, match)]
    start, end = match.span("items")
    items = list(pattern.item.finditer(text, start, end))
    if not items:
        return [_citation(text, Span(match.start(), match.end()), pattern, None)]
    # The first item carries the keyword ("Articles 31"); the others cover their number only.
    spans = [Span(match.start(), items[0].end())]
    spans += [Span(item.start(), item.end()) for item in items[1:]]
    return [_citation(text, span, pattern, item) for span, item in zip(spans, items, strict=True)]


def _continuations(
    text: str, follower: Pattern, citations: list[Citation], taken: _Occupancy
) -> list[Citation]:
    found: list[Citation] = []
    anchors = sorted((c for c in citations if c.pattern in follower.follows), key=lambda c: c.span)
    for anchor in anchors:
        for match in _chain(text, follower, anchor.span.end):
            span = Span(match.start(), match.end())
            if taken.claim(span):
                found.append(_citation(text, span, follower, match))
    return found


def _chain(text: str, follower: Pattern, start: int) -> Iterator[re.Match[str]]:
    """Follower matches after ``start``, each within ``window`` of the previous, before a stop."""
    assert follower.stop is not None
    position = start
    while True:
        limit = min(len(text), position + follower.window)
        # A little slack past the limit lets the stop regex see what follows a period.
        stop = follower.stop.search(text, position, min(len(text), limit + 64))
        if stop is not None:
            limit = min(limit, stop.start())
        match = follower.regex.search(text, position, limit)
        if match is None or match.end() <= position:
            return
        yield match
        position = match.end()


def _citation(text: str, span: Span, pattern: Pattern, match: re.Match[str] | None) -> Citation:
    return Citation(
        span=span,
        kind=pattern.kind,
        pattern=pattern.name,
        text=span.of(text),
        fields=_fields(match),
    )


def _fields(match: re.Match[str] | None) -> tuple[tuple[str, str], ...]:
    if match is None:
        return ()
    fields = {
        name: normalise_number(value) if name in NORMALISED_FIELDS else value
        for name, value in match.groupdict().items()
        if value and name != "items"
    }
    return tuple(sorted(fields.items()))


_PARAGRAPH = re.compile(r",\s(?:paragraph|para\.|section)\s(\d{1,3})")
_LETTERED_SECTION = re.compile(r",\ssection\s([A-Z])\b")
_RANGE = re.compile(r"\s?[-–]\s?|\s(?:to|through)\s")
_SPACE_BEFORE_BRACKET = re.compile(r"\s+(?=\()")


def normalise_number(raw: str) -> str:
    """``III, paragraph 5`` -> ``III(5)``; ``1, section A`` -> ``1A``; ``36 - 46`` -> ``36-46``;
    ``16 (1)`` -> ``16(1)``."""
    value = _PARAGRAPH.sub(r"(\1)", raw)
    value = _LETTERED_SECTION.sub(r"\1", value)
    value = _RANGE.sub("-", value)
    return _SPACE_BEFORE_BRACKET.sub("", value)


class _Occupancy:
    """Non-overlapping spans kept sorted, with an O(log n) overlap test."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def claim(self, span: Span) -> bool:
        """Take ``span`` if it overlaps nothing taken so far; say whether it was taken."""
        index = bisect.bisect_right(self._starts, span.start)
        if index > 0 and self._ends[index - 1] > span.start:
            return False
        if index < len(self._starts) and self._starts[index] < span.end:
            return False
        self._starts.insert(index, span.start)
        self._ends.insert(index, span.end)
        return True
