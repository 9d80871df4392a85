"""Word tokens with code-point offsets, shared by the matching stages."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+|[^\w\s]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def normalise_quotes(text: str) -> str:
    return text.translate(_QUOTES)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and single punctuation marks of ``text[start:end]``, offsets into ``text``."""
    stop = len(text) if end is None else end
    return [
        Token(normalise_quotes(m.group()), m.start(), m.end())
        for m in _TOKEN.finditer(text, start, stop)
    ]


def token_words(label: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(label))
