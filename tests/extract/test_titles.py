"""Fallback names: capitalised titles with a head noun that the vocabulary does not know."""

from __future__ import annotations

import pytest

from dutygraph.extract.gazetteer import Gazetteer, find_mentions
from dutygraph.extract.ir import Span
from dutygraph.extract.titles import find_titles, instrument_class, local_key


def titles(text: str, gaz: Gazetteer) -> list[tuple[str, str]]:
    """``(label, category)`` of every fallback title in ``text``."""
    spans = [Span(0, len(text))]
    known = list(find_mentions(text, gaz, spans))
    return [(m.label, m.category) for m in find_titles(text, spans, known)]


ROWS = [
    # a mandate in lower case ends where its holder's own acts begin
    (
        "The Special Rapporteur on the rights of Sylvanian fishers on his visit to Freedonia.",
        [("Special Rapporteur on the rights of Sylvanian fishers", "body")],
    ),
    (
        "Funding came from the Freedonia Rights Foundation.",
        [("Freedonia Rights Foundation", "organization")],
    ),
    (
        "Officials of the Ministry of Sylvanian Affairs met.",
        [("Ministry of Sylvanian Affairs", "body")],
    ),
    (
        "Freedonia cited the Convention on Ruritanian Waters.",
        [("Convention on Ruritanian Waters", "instrument")],
    ),
    ("The Sylvanian Penal Code forbids it.", [("Sylvanian Penal Code", "instrument")]),
    # two names joined by "and" are two names
    (
        "Grants came from the Lorimer Foundation and Freedonia Rights Foundation.",
        [("Lorimer Foundation", "organization"), ("Freedonia Rights Foundation", "organization")],
    ),
    (
        "Grants came from the Lorimer Foundation and the Freedonia Rights Foundation.",
        [("Lorimer Foundation", "organization"), ("Freedonia Rights Foundation", "organization")],
    ),
    (
        "the Minister of Ruritanian Affairs and the Ministry of Sylvanian Affairs",
        [("Ministry of Sylvanian Affairs", "body")],
    ),
    # "and" inside one title stays
    (
        "the Sylvanian Society for Arts and Letters",
        [("Sylvanian Society for Arts and Letters", "organization")],
    ),
    # a head noun that is part of a phrase, not the end of a name
    ("They travelled as Experts on Mission to Sylvania.", []),
    # a year belongs to a title only in front of it
    (
        "the 1999 Accord on Sylvanian Fisheries",
        [("1999 Accord on Sylvanian Fisheries", "instrument")],
    ),
    (
        "the Accord on Sylvanian Fisheries of 1999",
        [("Accord on Sylvanian Fisheries", "instrument")],
    ),
    ("In 2001 the Lorimer Foundation opened an office.", [("Lorimer Foundation", "organization")]),
    ("In 1999 Freedonia signed it.", []),
    # titles the vocabulary knows are left to the gazetteer
    ("the Convention on the Rights of Sylvanians", []),
    ("the Committee on Sylvanian Rights", []),
    ("the Protocol to the Convention on the Rights of Sylvanians", []),
    # capitalised words in brackets belong to a law's title, not before any other head
    (
        "The Fictish Detention (Safeguards) Act 2025 applies.",
        [("Fictish Detention (Safeguards) Act 2025", "instrument")],
    ),
    (
        "the Lorimer Foundation (Freedonia) opened an office",
        [("Lorimer Foundation", "organization")],
    ),
    ("the Fictish Council (the Council) Act", [("Fictish Council", "body")]),
    # capitalised runs without a head noun are no names
    ("Freedonia and Sylvania Agreed Yesterday", []),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[row[0] for row in ROWS])
def test_titles(text: str, expected: list[tuple[str, str]], fictional_gazetteer: Gazetteer) -> None:
    assert titles(text, fictional_gazetteer) == expected


CLASS_ROWS = [
    ("Convention on Ruritanian Waters", "Treaty"),
    ("Accord on Sylvanian Fisheries", "Treaty"),
    ("Sylvanian Penal Code", "DomesticLaw"),
    ("Freedonian Criminal Procedures Act", "DomesticLaw"),
    ("Declaration on the Rights of Ruritanians", "Declaration"),
    ("Guiding Principles on Sylvanian Displacement", "SoftLawInstrument"),
]


@pytest.mark.parametrize("label, expected", CLASS_ROWS, ids=[row[0] for row in CLASS_ROWS])
def test_instrument_class(label: str, expected: str) -> None:
    assert instrument_class(label) == expected


KEY_ROWS = [
    (
        "organization",
        "Freedonia Rights Foundation",
        "local:organization:freedonia-rights-foundation",
    ),
    ("body", "Ministry of Sylvanian Affairs", "local:body:ministry-of-sylvanian-affairs"),
    ("group", "Contracting States", "local:group:contracting-state"),
    ("group", "each Contracting State", "local:group:each-contracting-state"),
]


@pytest.mark.parametrize("category, label, expected", KEY_ROWS, ids=[r[1] for r in KEY_ROWS])
def test_local_key(category: str, label: str, expected: str) -> None:
    assert local_key(category, label) == expected


def test_fallback_mentions_point_into_the_text(fictional_gazetteer: Gazetteer) -> None:
    text = "Freedonia\u2019s Ministry of Sylvanian Affairs and the Lorimer Foundation met."
    spans = [Span(0, len(text))]
    known = list(find_mentions(text, fictional_gazetteer, spans))
    for mention in find_titles(text, spans, known):
        assert mention.span.of(text) == mention.label
        assert mention.via == "fallback"
