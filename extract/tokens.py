"""Word tokens with code-point offsets, shared by the matching stages."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from dutygraph.extract.ir import Span

_TOKEN = re.compile(r"\w+|[^\w\s]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "`": "'"})


class Token(NamedTuple):  # a tuple: the matching stages make thousands per document
    text: str
    start: int
    end: int


# a named tuple's own constructor is a Python function; a document has thousands of tokens
_new_tuple = tuple.__new__


def normalise_quotes(text: str) -> str:
    return text.translate(_QUOTES)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and single punctuation marks of ``text[start:end]``, offsets into ``text``."""
    stop = len(text) if end is None else end
    # quotes map to quotes, one code point each: the tokens and offsets of the piece are the text's
    piece = normalise_quotes(text[start:stop])
    return [
        _new_tuple(Token, (m.group(), m.start() + start, m.end() + start))
        for m in _TOKEN.finditer(piece)
    ]


def span_tokens(text: str, spans: Sequence[Span]) -> list[list[Token]]:
    """The tokens of each span, computed once for the stages that all walk the sentences."""
    return [tokenize(text, span.start, span.end) for span in spans]


def token_words(label: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(label))
