"""The one-pass word scan finds every occurrence ``str.find`` finds, overlapping ones too."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dutygraph.extract.wordscan import WordScan, positions


def _by_find(text: str, word: str) -> list[int]:
    found, position = [], text.find(word)
    while position >= 0:
        found.append(position)
        position = text.find(word, position + 1)
    return found


def test_prefixes_and_overlaps_are_all_found() -> None:
    text = "the Fictish shall shallow; shall. hall-shall"
    words = frozenset({"shall", "shallow", "hall", "all", "sh", ".", "-"})
    found = positions(text, words)
    assert found == {word: _by_find(text, word) for word in words}


def test_no_words_no_positions() -> None:
    assert positions("Freedonia", frozenset()) == {}


def test_a_scan_knows_only_what_it_learnt() -> None:
    scan = WordScan()
    scan.learn("sylvania", folded=True)
    assert scan.knows("sylvania", folded=True) and not scan.knows("sylvania", folded=False)
    scan.forget("sylvania", folded=True)
    assert not scan.knows("sylvania", folded=True)
    scan.learn("sylvania", folded=True)  # too common once: never scanned again
    assert not scan.knows("sylvania", folded=True)
    assert scan.positions("sylvania", folded=True) == {}


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="abc .\u2019", max_size=60),
    st.frozensets(st.text(alphabet="abc .\u2019", min_size=1, max_size=4), max_size=8),
)
def test_scan_matches_find(text: str, words: frozenset[str]) -> None:
    assert positions(text, words) == {word: _by_find(text, word) for word in words}
