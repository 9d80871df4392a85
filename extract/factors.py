"""Literal factors of patterns, read from the parsed pattern: a small set of literal words one
of which every match contains, at an offset from the match's start that lies in a known range.
``\\b(?:shall|must)\\s+not\\b`` has ``{"shall", "must"}`` at offset 0.

The analysis errs only on the safe side: where it does not know a construct it finds no factor
there. Under IGNORECASE the words are ASCII and matched in a folded copy of the text (``fold``)
in which every character the regex engine takes for an ASCII letter is that letter in lower
case. ``literals.py`` uses the factors to screen texts.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

try:  # the standard library's own regex parser: private, so a Python without it screens nothing
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - every supported Python has them
    c = _parser = None

_MAX_WORDS = 64  # more alternatives than this are no longer a cheap screen
_MAX_CLASS = 8  # a character class of at most this many characters spells words: [Aa]rticle


@dataclass(frozen=True)
class Factor:
    """Every match contains one of ``words`` starting ``first`` to ``last`` code points after
    the match's start (``last`` None: any distance)."""

    words: frozenset[str]
    first: int
    last: int | None
    folded: bool  # the words are matched in the folded text (the pattern ignores case)


_Found = tuple[frozenset[str], int, int | None]  # words, least and greatest offset
# the rarest-looking factor, and the rarest-looking one at a bounded offset
_Pair = tuple[_Found | None, _Found | None]
_NONE: _Pair = (None, None)


@dataclass(frozen=True)
class _Info:
    """What the analysis knows of a piece of a pattern: its width (``high`` None: unbounded),
    the strings it matches when they are few and known, and its best factors."""

    low: int
    high: int | None
    exact: frozenset[str] | None
    factors: _Pair


_UNKNOWN = _Info(0, None, None, _NONE)
_EMPTY = _Info(0, 0, frozenset({""}), _NONE)
_ONE_CHAR = _Info(1, 1, None, _NONE)


def factor_of(pattern: re.Pattern[str], bounded: bool = False) -> Factor | None:
    """The pattern's literal factor (``bounded``: one at a bounded offset), or None when the
    analysis finds none."""
    rarest, rarest_bounded = factors(pattern)
    return rarest_bounded if bounded else rarest


@lru_cache(maxsize=512)
def factors(pattern: re.Pattern[str]) -> tuple[Factor | None, Factor | None]:
    folded = bool(pattern.flags & re.IGNORECASE)
    if not folded and "(?i" in pattern.pattern:
        return None, None  # words of a case-blind part would be looked for as written
    info = _analysis(pattern)
    if info is None:
        return None, None
    rarest, bounded = _best(info.factors, _exact_factor(info.exact))
    return _factor(rarest, folded), _factor(bounded, folded)


def _factor(found: _Found | None, folded: bool) -> Factor | None:
    if found is None:
        return None
    # a case-sensitive part ``(?-i:FICTCOM)`` of a case-blind pattern keeps its capitals; the
    # folded text holds the word folded all the same
    words = frozenset(map(fold, found[0])) if folded else found[0]
    return Factor(words, found[1], found[2], folded)


def min_width(pattern: re.Pattern[str]) -> int:
    """A lower bound of the length of the pattern's matches (0 when not known)."""
    info = _analysis(pattern)
    return 0 if info is None else info.low


@lru_cache(maxsize=512)
def _analysis(pattern: re.Pattern[str]) -> _Info | None:
    try:
        data = _parser.parse(pattern.pattern, pattern.flags).data
        return _sequence(data, bool(pattern.flags & re.IGNORECASE))
    except (re.error, TypeError, ValueError, AttributeError):
        return None


# ---------------------------------------------------------------- analysis


def _sequence(items: Iterable[tuple[Any, Any]], folded: bool) -> _Info:
    """Items one after another: literal runs spell words, each item may bring its own factor."""
    low, run_low = 0, 0
    high: int | None = 0
    run_high: int | None = 0
    run: frozenset[str] | None = frozenset({""})
    best = _NONE
    exact: frozenset[str] | None = frozenset({""})
    for op, av in items:
        info = _node(op, av, folded)
        joined = _product(run, info.exact)
        if joined is None:
            best = _best(best, _run_factor(run, run_low, run_high))
            best = _best(best, _shifted(info.factors, low, high))
            run, run_low, run_high = frozenset({""}), low + info.low, _plus(high, info.high)
        else:
            run = joined
        exact = _product(exact, info.exact)
        low, high = low + info.low, _plus(high, info.high)
    best = _best(best, _run_factor(run, run_low, run_high))
    return _Info(low, high, exact, best)


def _node(op: Any, av: Any, folded: bool) -> _Info:
    if op is c.LITERAL:
        return _literal(av, folded)
    if op is c.IN:
        return _char_class(av, folded)
    if op in (c.ANY, c.NOT_LITERAL):
        return _ONE_CHAR
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _EMPTY
    if op is c.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        return _sequence(inner.data, _scoped_fold(folded, add_flags, del_flags))
    if op is c.ATOMIC_GROUP:
        return _sequence(av.data, folded)
    if op is c.BRANCH:
        return _branch([_sequence(alt.data, folded) for alt in av[1]])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, most, inner = av
        return _repeat(least, most, _sequence(inner.data, folded))
    return _UNKNOWN


def _scoped_fold(folded: bool, add_flags: int, del_flags: int) -> bool:
    if add_flags & re.IGNORECASE:
        return True
    if del_flags & re.IGNORECASE:
        return False
    return folded


def _literal(code: int, folded: bool) -> _Info:
    char = _char(code, folded)
    return _ONE_CHAR if char is None else _Info(1, 1, frozenset({char}), _NONE)


def _char(code: int, folded: bool) -> str | None:
    """The character as a word letter; None where the folded text cannot show it as such."""
    char = chr(code)
    if not folded or char.isascii():
        return char.lower() if folded else char
    return char if _is_uncased(char) else None


def _is_uncased(char: str) -> bool:
    return char.lower() == char == char.upper()


def _char_class(items: list[tuple[Any, Any]], folded: bool) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            chars.add(chr(av))
        elif op is c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(code) for code in range(av[0], av[1] + 1))
        else:
            return _ONE_CHAR  # a negated class, a category, a wide range
    letters = {_char(ord(char), folded) for char in chars}
    if None in letters or len(letters) > _MAX_CLASS:
        return _ONE_CHAR
    return _Info(1, 1, frozenset(letter for letter in letters if letter is not None), _NONE)


def _branch(alternatives: list[_Info]) -> _Info:
    low = min(info.low for info in alternatives)
    highs = [info.high for info in alternatives]
    high = None if None in highs else max(h for h in highs if h is not None)
    exact: frozenset[str] | None = frozenset()
    pairs = []
    for info in alternatives:
        exact = None if exact is None or info.exact is None else exact | info.exact
        pairs.append(_best(info.factors, _exact_factor(info.exact)))
    if exact is not None and len(exact) > _MAX_WORDS:
        exact = None
    return _Info(low, high, exact, (_union(p[0] for p in pairs), _union(p[1] for p in pairs)))


def _union(factors: Iterable[_Found | None]) -> _Found | None:
    """One factor of a branch: every alternative must have one."""
    words: frozenset[str] = frozenset()
    first: int | None = None
    last: int | None = 0
    for factor in factors:
        if factor is None:
            return None
        words |= factor[0]
        first = factor[1] if first is None else min(first, factor[1])
        last = None if last is None or factor[2] is None else max(last, factor[2])
    if first is None or len(words) > _MAX_WORDS:
        return None
    return words, first, last


def _repeat(least: int, most: int, inner: _Info) -> _Info:
    low = least * inner.low
    high = None if most == c.MAXREPEAT or inner.high is None else most * inner.high
    exact = None
    if least == most == 1:
        exact = inner.exact
    elif least == 0 and most == 1 and inner.exact is not None:
        exact = inner.exact | {""}
    factors = _best(inner.factors, _exact_factor(inner.exact)) if least >= 1 else _NONE
    return _Info(low, high, exact, factors)


def _product(left: frozenset[str] | None, right: frozenset[str] | None) -> frozenset[str] | None:
    if left is None or right is None or len(left) * len(right) > _MAX_WORDS:
        return None
    return frozenset(a + b for a in left for b in right)


def _plus(left: int | None, right: int | None) -> int | None:
    return None if left is None or right is None else left + right


def _run_factor(run: frozenset[str] | None, low: int, high: int | None) -> _Pair:
    if not run or "" in run:
        return _NONE
    found = (run, low, high)
    return found, (found if high is not None else None)


def _exact_factor(exact: frozenset[str] | None) -> _Pair:
    return _run_factor(exact, 0, 0)


def _shifted(pair: _Pair, low: int, high: int | None) -> _Pair:
    rarest, bounded = (None if f is None else (f[0], f[1] + low, _plus(f[2], high)) for f in pair)
    return rarest, (bounded if bounded is not None and bounded[2] is not None else None)


def _best(*pairs: _Pair) -> _Pair:
    """The rarer-looking factor of each kind: the longer shortest word, then fewer words."""
    return _rarest(p[0] for p in pairs), _rarest(p[1] for p in pairs)


def _rarest(factors: Iterable[_Found | None]) -> _Found | None:
    known = [f for f in factors if f is not None]
    if not known:
        return None
    return max(known, key=lambda f: (min(map(len, f[0])), -len(f[0])))


def fold(text: str) -> str:
    """``text`` as the folded words see it, one code point for one so offsets stay the text's:
    a character the regex engine takes for an ASCII letter under IGNORECASE is that letter in
    lower case (``K``, the Kelvin sign, is ``k``), an uncased one (``\u2019``) stays, and any
    other non-ASCII character is NUL, which no folded word holds."""
    if not text.isascii():
        # each to ASCII or to itself, never to another replaced character: the order is free
        for char in {char for char in set(text) if not char.isascii()}:
            text = text.replace(char, _folded_char(char))
    return text.lower()


@lru_cache(maxsize=4096)
def _folded_char(char: str) -> str:
    for letter in string.ascii_lowercase:
        if re.fullmatch(letter, char, re.IGNORECASE):
            return letter
    return char if _is_uncased(char) else "\0"
