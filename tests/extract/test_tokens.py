"""Tokens: words and single punctuation marks, with code-point offsets into the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dutygraph.extract.tokens import Token, tokenize

_REFERENCE = re.compile(r"\w+|[^\w\s]")


def _reference(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    piece = text[start:end].translate({0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"'})
    piece = piece.replace("`", "'")
    return [(m.group(), m.start() + start, m.end() + start) for m in _REFERENCE.finditer(piece)]


def test_words_marks_and_offsets() -> None:
    tokens = tokenize("  Fictland\u2019s  Act, 2015 \u2014 x", 2)
    assert tokens[:3] == [Token("Fictland", 2, 10), Token("'", 10, 11), Token("s", 11, 12)]
    assert [t.text for t in tokens[3:]] == ["Act", ",", "2015", "\u2014", "x"]
    assert tokenize("   ") == []


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab1 \n\t.,\u2019`\u00e9\u2014\u00a0\u3000"), max_size=40),
    st.data(),
)
def test_tokens_as_one_match_per_token(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [tuple(t) for t in tokenize(text, start, end)] == _reference(text, start, end)
