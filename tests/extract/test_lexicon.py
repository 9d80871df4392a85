"""``extract/data/lexicon.json``: each pattern matches its examples and none of its non-examples."""

from __future__ import annotations

import re
from typing import Any

import pytest

from dutygraph.extract.lexicon import lexicon

RAW: dict[str, Any] = lexicon().raw
SINGLE_PATTERNS = tuple(
    name for name, entry in RAW.items() if isinstance(entry, dict) and "regex" in entry
)
PATTERN_LISTS = ("cues", "filters", "party")


def _entries() -> list[tuple[str, dict[str, Any]]]:
    """Every pattern of the lexicon with a readable id: ``cues/should``, ``dates/year``, ..."""
    entries = [
        (f"{group}/{entry['name']}", entry) for group in PATTERN_LISTS for entry in RAW[group]
    ]
    entries += [(name, RAW[name]) for name in SINGLE_PATTERNS]
    entries += [(f"dates/{entry['name']}", entry) for entry in RAW["dates"]["patterns"]]
    return entries


ENTRIES = _entries()


def _rows(field: str) -> list[Any]:
    return [
        pytest.param(entry["regex"], text, id=f"{name}: {text}")
        for name, entry in ENTRIES
        for text in entry.get(field, ())
    ]


def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE)


@pytest.mark.parametrize("name, entry", ENTRIES, ids=[name for name, _ in ENTRIES])
def test_every_pattern_has_examples(name: str, entry: dict[str, Any]) -> None:
    assert entry.get("examples"), f"{name} has no examples"


@pytest.mark.parametrize("regex, text", _rows("examples"))
def test_pattern_matches_its_example(regex: str, text: str) -> None:
    assert _compiled(regex).search(text) is not None


@pytest.mark.parametrize("regex, text", _rows("non_examples"))
def test_pattern_matches_no_non_example(regex: str, text: str) -> None:
    assert _compiled(regex).search(text) is None


@pytest.mark.parametrize("name", sorted(RAW["words"]))
def test_every_word_list_has_words_and_examples(name: str) -> None:
    entry = RAW["words"][name]
    assert entry["words"], f"{name} has no words"
    assert entry.get("examples"), f"{name} has no examples"


@pytest.mark.parametrize(
    "name, text",
    [
        pytest.param(name, text, id=f"{name}: {text}")
        for name, entry in sorted(RAW["words"].items())
        for text in entry.get("examples", ())
    ],
)
def test_word_list_example_uses_one_of_its_words(name: str, text: str) -> None:
    words = RAW["words"][name]["words"]
    assert any(re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) for word in words)


def test_lexicon_object_compiles_every_pattern() -> None:
    lex = lexicon()
    assert len(lex.cues()) == len(RAW["cues"])
    assert len(lex.filters()) == len(RAW["filters"])
    assert len(lex.party_cues()) == len(RAW["party"])
    assert len(lex.date_patterns()) == len(RAW["dates"]["patterns"])
    for name in SINGLE_PATTERNS:
        assert lex.pattern(name).pattern == RAW[name]["regex"]
