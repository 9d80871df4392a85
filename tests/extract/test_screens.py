"""Sentence screens: a cue left out of a sentence's candidates has no match in it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dutygraph.extract.ir import Sentence, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.literals import LiteralIndex
from dutygraph.extract.screens import SentenceScreens

TEXT = (
    "Fictland should ratify the Ruritanian Convention. Freedonia has acceded to it. "
    "Sylvania must not return refugees. The weather was mild. "
    "The Fictish government is bound by the treaty; it ought to act."
)


@dataclass(frozen=True)
class _Cue:
    regex: re.Pattern[str]


def _sentences(text: str) -> list[Sentence]:
    return [Sentence(Span(m.start(), m.end()), 0) for m in re.finditer(r"[^.;]+[.;]?", text)]


def test_candidates_keep_every_cue_that_matches_in_order() -> None:
    sentences = _sentences(TEXT)
    literals = LiteralIndex(TEXT)
    screens = SentenceScreens(literals, sentences)
    cues = (*lexicon().cues(), *lexicon().party_cues(), _Cue(re.compile(r"\w+")))
    for sentence in sentences:
        span = sentence.span
        kept = list(screens.candidates(cues, span))
        assert kept == [c for c in cues if c in kept]  # the list's order
        for cue in cues:
            if cue not in kept:
                assert cue.regex.search(TEXT, span.start, span.end) is None
        assert kept == [c for c in cues if literals.may_match(c.regex, span.start, span.end)]


def test_a_span_that_is_no_sentence_is_screened_on_its_own() -> None:
    sentences = _sentences(TEXT)
    screens = SentenceScreens(LiteralIndex(TEXT), sentences)
    cues = lexicon().cues()
    whole = Span(0, len(TEXT))
    kept = screens.candidates(cues, whole)
    assert {c.name for c in kept} >= {"should", "shall-not"}


def test_overlapping_sentences_are_screened_one_by_one() -> None:
    sentences = [Sentence(Span(0, 40), 0), Sentence(Span(20, 60), 0)]
    screens = SentenceScreens(LiteralIndex(TEXT), sentences)
    cues = lexicon().cues()
    for sentence in sentences:
        span = sentence.span
        expected = [c for c in cues if c.regex.search(TEXT, span.start, span.end)]
        kept = screens.candidates(cues, span)
        assert all(c in kept for c in expected)
