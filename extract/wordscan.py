"""Where many literal words occur in a text, found in one regex pass instead of one pass each.

The words are put in a trie spelt as a regex whose optional groups are greedy, so a match at a
position is the longest word starting there; the words starting there are exactly the words
that are prefixes of it, known before the scan. The search goes on from the next position, so
overlapping occurrences are all found.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MAX_KNOWN = 2000  # beyond this many words a pass no longer pays; the rest are found one by one


class WordScan:
    """Words seen before, each kind (folded or not) scanned together in the next texts. A word
    once too common is never scanned again: the set only grows, and each change costs a new
    regex."""

    def __init__(self) -> None:
        self._words: dict[bool, set[str]] = {False: set(), True: set()}
        self._common: dict[bool, set[str]] = {False: set(), True: set()}

    def knows(self, word: str, folded: bool) -> bool:
        return word in self._words[folded]

    def learn(self, word: str, folded: bool) -> None:
        if len(self._words[folded]) < _MAX_KNOWN and word not in self._common[folded]:
            self._words[folded].add(word)

    def forget(self, word: str, folded: bool) -> None:
        """``word`` is too common to be worth scanning for."""
        self._words[folded].discard(word)
        self._common[folded].add(word)

    def positions(self, haystack: str, folded: bool) -> dict[str, list[int]]:
        """The start of every occurrence of every known word of the kind, by word."""
        return positions(haystack, frozenset(self._words[folded]))


def positions(haystack: str, words: frozenset[str]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {word: [] for word in words}
    if not words:
        return found
    pattern, prefixes = _compiled(words)
    search = pattern.search
    match = search(haystack)
    while match is not None:
        start = match.start()
        for word in prefixes[match.group()]:
            found[word].append(start)
        match = search(haystack, start + 1)
    return found


def present(haystack: str, words: frozenset[str]) -> frozenset[str]:
    """The words that occur in ``haystack`` (as ``word in haystack`` tells, for all at once)."""
    if not words:
        return frozenset()
    pattern, prefixes = _compiled(words)
    found: set[str] = set()
    match = pattern.search(haystack)
    while match is not None:
        found.update(prefixes[match.group()])
        match = pattern.search(haystack, match.start() + 1)
    return frozenset(found)


@lru_cache(maxsize=8)
def _compiled(words: frozenset[str]) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """The trie regex of ``words``, and for each word the words that are prefixes of it."""
    prefixes = {w: tuple(v for v in words if w.startswith(v)) for w in words}
    return re.compile(_trie(sorted(words))), prefixes


_Trie = dict[str, "_Trie"]  # a node: the next character to the node after it, "" at a word's end


def _trie(words: list[str]) -> str:
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _spelt(root)


def _spelt(node: _Trie) -> str:
    branches = [re.escape(char) + _spelt(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
