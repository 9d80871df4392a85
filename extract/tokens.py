"""Word tokens with code-point offsets, shared by the matching stages."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import accumulate, chain, repeat
from operator import itemgetter
from typing import NamedTuple

from dutygraph.extract.ir import Span

# a token (a word or one punctuation mark) with the space before it: the lengths add up to
# the offsets
_SPACED_TOKEN = re.compile(r"(\s*)(\w+|[^\w\s])")
# each to a plain quote, which no other pair replaces: the order of the replacements is free
_QUOTES = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("`", "'"))


class Token(NamedTuple):  # a tuple: the matching stages make thousands per document
    text: str
    start: int
    end: int


# a named tuple's own constructor is a Python function; a document has thousands of tokens
_new_tuple = tuple.__new__


def normalise_quotes(text: str) -> str:
    # one C scan per quote costs a fraction of a translate() table's lookup per character
    for quote, plain in _QUOTES:
        text = text.replace(quote, plain)
    return text


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and single punctuation marks of ``text[start:end]``, offsets into ``text``."""
    stop = len(text) if end is None else end
    # quotes map to quotes, one code point each: the tokens and offsets of the piece are the text's
    return _at(_SPACED_TOKEN.findall(normalise_quotes(text[start:stop])), start)


def _at(pairs: list[tuple[str, str]], start: int) -> list[Token]:
    """Tokens from (space, token) pairs found from offset ``start`` on."""
    # offsets summed in C: one match object and one Python step per token cost more
    bounds = list(accumulate(map(len, chain.from_iterable(pairs)), initial=start))
    words = list(map(itemgetter(1), pairs))
    return list(map(_new_tuple, repeat(Token), zip(words, bounds[1::2], bounds[2::2], strict=True)))


def span_tokens(text: str, spans: Sequence[Span]) -> list[list[Token]]:
    """The tokens of each span, computed once for the stages that all walk the sentences."""
    normal = normalise_quotes(text)  # once for all spans
    # the token pattern looks at nothing outside its match: a window reads as the piece would
    return [_at(_SPACED_TOKEN.findall(normal, s.start, s.end), s.start) for s in spans]


def token_words(label: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(label))
