"""Definitions: document-local aliases such as ``(the "Sylvanian Convention")`` or ``(FRF)``.

An alias that is already a vocabulary label is left to the vocabulary; any other alias names
the entity mentioned just before the parenthesis, and later uses of it become mentions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.ir import Alias, Mention, Span
from dutygraph.extract.tokens import token_words, tokenize

_QUOTED = re.compile(
    r"\(\s*(?:hereinafter\s+|referred\s+to\s+(?:in\s+this\s+\w+\s+)?as\s+|known\s+as\s+)?"
    r"(?:the\s+)?[\"\u201c](?P<alias>[^\"\u201d()]{2,80})[\"\u201d]\s*\)"
)
_BARE = re.compile(r"\((?P<alias>[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,4})\)")
_REFERRED = re.compile(
    r"\b(?:is|are)\s+referred\s+to\s+as\s+[\"\u201c](?P<alias>[^\"\u201d]{2,80})[\"\u201d]"
)
_MAX_GAP = 3


def find_aliases(text: str, mentions: Sequence[Mention], gaz: Gazetteer) -> tuple[Alias, ...]:
    aliases: list[Alias] = []
    ending = _LastEnding(mentions)
    for regex in (_QUOTED, _BARE, _REFERRED):
        for match in regex.finditer(text):
            alias = re.sub(r"^(?:the|The)\s+", "", match.group("alias").strip())
            if _is_vocabulary_label(alias, gaz):
                continue
            target = _mention_before(ending, match.start(), text)
            if target is not None:
                end = match.end("alias")
                span = Span(end - len(alias), end)
                aliases.append(Alias(span, alias, target.key))
    return tuple(sorted(aliases, key=lambda a: a.span))


def _vocabulary_entry(alias: str, gaz: Gazetteer) -> str | None:
    tokens = tokenize(alias)
    hit = gaz.longest_at(tokens, 0) if tokens else None
    return hit[0].key if hit is not None and hit[1] == len(token_words(alias)) else None


def _is_vocabulary_label(alias: str, gaz: Gazetteer) -> bool:
    return _vocabulary_entry(alias, gaz) is not None


def find_equivalences(text: str, mentions: Sequence[Mention], gaz: Gazetteer) -> dict[str, str]:
    """Local names the text itself identifies with a vocabulary entry: ``the Standing Council
    (SSC)``, where SSC is a vocabulary label, makes the local "Standing Council" that entry,
    and so is a longer local name that extends it with ``of ...``."""
    same: dict[str, str] = {}
    ending = _LastEnding(mentions)
    for match in _BARE.finditer(text):
        entry = _vocabulary_entry(match.group("alias").strip(), gaz)
        target = _mention_before(ending, match.start(), text)
        if entry is not None and target is not None and target.via == "fallback":
            same[target.key] = entry
    for mention in mentions:
        if mention.via != "fallback" or mention.key in same:
            continue
        for local, entry in list(same.items()):
            if mention.key.startswith(local + "-of-"):
                same[mention.key] = entry
    return same


class _LastEnding:
    """The mention that ends last at or before a position (the first one listed on a tie)."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self._mentions = mentions
        self._ends = sorted((m.span.end, index) for index, m in enumerate(mentions))

    def before(self, position: int) -> Mention | None:
        last = bisect_right(self._ends, (position, len(self._mentions))) - 1
        if last < 0:
            return None
        first_of_tie = bisect_left(self._ends, (self._ends[last][0], -1))
        return self._mentions[self._ends[first_of_tie][1]]


def _mention_before(mentions: _LastEnding, position: int, text: str) -> Mention | None:
    last = mentions.before(position)
    if last is None or position - last.span.end > _MAX_GAP:
        return None
    gap = text[last.span.end : position]
    return last if len(gap.strip(" ,")) == 0 else None


def alias_mentions(
    text: str, aliases: Sequence[Alias], category_of: dict[str, Mention]
) -> tuple[Mention, ...]:
    """Every later use of a defined alias, as a mention of its entity."""
    found: list[Mention] = []
    for alias in aliases:
        pattern = re.compile(r"(?<![\w])" + re.escape(alias.alias) + r"(?![\w])")
        template = category_of.get(alias.key)
        if template is None:
            continue
        for match in pattern.finditer(text, alias.span.end):
            span = Span(match.start(), match.end())
            found.append(Mention(span, alias.key, template.category, match.group(), "alias"))
    return tuple(found)
