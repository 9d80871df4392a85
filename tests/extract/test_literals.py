"""Literal factors (``extract/factors.py``) and the screen built on them (``literals.py``): the
screen never hides a match, and the scan finds what ``finditer`` finds (in the whole text and in
a window of it)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dutygraph.extract.citations import load_patterns
from dutygraph.extract.factors import factor_of, fold, min_width
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.literals import LiteralIndex


def _lexicon_patterns(node: Any) -> Iterator[tuple[re.Pattern[str], list[str]]]:
    """Every regex of the lexicon with the examples next to it."""
    if isinstance(node, dict):
        if isinstance(node.get("regex"), str):
            yield re.compile(node["regex"], re.IGNORECASE), list(node.get("examples", []))
        for value in node.values():
            yield from _lexicon_patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _lexicon_patterns(value)


PATTERNS = [
    *_lexicon_patterns(lexicon().raw),
    *((p.regex, list(p.examples)) for p in load_patterns()),
]
EXAMPLES = [example for _, examples in PATTERNS for example in examples]
# characters the regex engine folds to ASCII letters, one that lower() makes two, quotes
ODD = ["\u017f", "\u0131", "\u212a", "\u0130", "\u2019", "\u00e9", "\u03a3"]


def _spans(matches: Iterator[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_factor_of_alternatives_and_offsets() -> None:
    factor = factor_of(re.compile(r"\b(?:shall|must)\s+not\b", re.I))
    assert factor is not None
    assert factor.words == {"shall", "must"}
    assert (factor.first, factor.last, factor.folded) == (0, 0, True)


def test_factor_of_a_small_class_spells_the_words() -> None:
    factor = factor_of(re.compile(r"(?<!\w)[Aa]rticle\s(\d+)"), bounded=True)
    assert factor is not None
    assert factor.words == {"Article", "article"}
    assert (factor.first, factor.last, factor.folded) == (0, 0, False)


def test_bounded_factor_after_an_optional_prefix() -> None:
    factor = factor_of(re.compile(r"(?:ExCom\s)?Conclusion\sNo\.\d"), bounded=True)
    assert factor is not None
    assert "Conclusion" in factor.words
    assert (factor.first, factor.last) == (0, 6)


def test_no_factor_where_nothing_is_literal() -> None:
    assert factor_of(re.compile(r"\w+\s\d+")) is None
    assert factor_of(re.compile(r"(a)?\1b")) is not None  # "b" stays, the backreference not
    assert min_width(re.compile(r"(?:x)?")) == 0


def test_fold_keeps_offsets_and_the_engines_case_rules() -> None:
    text = "\u0130stanbul \u212aelvin \u017fhall \u0131s \u2019s \u00e9t\u00e9 Fictland"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.startswith("istanbul kelvin shall is \u2019s")
    assert folded.endswith(" fictland")


@pytest.mark.parametrize("pattern", [p for p, _ in PATTERNS], ids=lambda p: p.pattern[:40])
def test_the_examples_of_every_pattern(pattern: re.Pattern[str]) -> None:
    text = "\n".join(EXAMPLES)
    _check(pattern, text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(EXAMPLES), st.sampled_from(ODD), st.text(max_size=12)),
        max_size=8,
    ),
    st.data(),
)
def test_screen_and_scan_on_mixed_text(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    text = "".join(ODD[0] if c == "s" and data.draw(st.booleans()) else c for c in text[:200])
    for pattern, _ in PATTERNS:
        _check(pattern, text)


def _check(pattern: re.Pattern[str], text: str) -> None:
    index = LiteralIndex(text)
    assert _spans(index.finditer(pattern)) == _spans(pattern.finditer(text))
    step = max(1, len(text) // 7)
    for start in range(0, len(text), step):
        for end in (start + step, start + 3 * step):
            if pattern.search(text, start, end) is not None:
                assert index.may_match(pattern, start, end), (pattern.pattern, start, end)
            expected = _spans(pattern.finditer(text, start, end))
            assert _spans(index.finditer(pattern, start, end)) == expected, (start, end)


def test_a_word_too_common_to_screen_leaves_the_regex_as_is() -> None:
    text = "Fictland should act. " * 40 + "Freedonia should not."
    pattern = re.compile(r"\bshould\s+not\b", re.I)
    _check(pattern, text)
    assert _spans(LiteralIndex(text).finditer(pattern, len(text) - 25)) == [
        (len(text) - 11, len(text) - 1)
    ]


def test_a_case_sensitive_part_of_a_case_blind_pattern_is_screened_folded() -> None:
    pattern = re.compile(r"(?<!\w)(?:(?-i:FICTCOM)|refugees?)(?!\w)", re.IGNORECASE)
    factor = factor_of(pattern)
    assert factor is not None and factor.folded
    assert "fictcom" in factor.words and "FICTCOM" not in factor.words
    index = LiteralIndex("Grant the FICTCOM access.")
    assert index.may_match(pattern, 0, len("Grant the FICTCOM access."))


def test_a_case_blind_part_of_a_case_sensitive_pattern_gives_no_screen() -> None:
    assert factor_of(re.compile(r"(?i:return) of (?-i:Fictland)")) is None
