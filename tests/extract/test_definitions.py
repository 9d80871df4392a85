"""Definitions: ``(the "Sylvanian Convention")`` makes a document-local alias of a named entity."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dutygraph.extract.ir import Extraction

INSTRUMENT = "https://w3id.org/dutygraph/id/instrument/"
CONVENTION = f"{INSTRUMENT}sylvanian-rights-convention"
FOUNDATION = "local:organization:freedonia-rights-foundation"
WATERS = "local:instrument:convention-on-ruritanian-waters"

Extract = Callable[[str], Extraction]

ALIAS_ROWS = [
    (
        'Freedonia ratified the Convention on the Rights of Sylvanians (the "Sylvanian Convention")'
        " in 1981. The Sylvanian Convention protects Sylvanians.",
        [("Sylvanian Convention", CONVENTION)],
    ),
    (
        "Freedonia ratified the Convention on the Rights of Sylvanians (the \u201cSylvanian"
        " Convention\u201d) in 1981. The Sylvanian Convention protects Sylvanians.",
        [("Sylvanian Convention", CONVENTION)],
    ),
    (
        'Freedonia signed the Convention on Ruritanian Waters (hereinafter "the Waters Pact").'
        " The Waters Pact binds it.",
        [("Waters Pact", WATERS)],
    ),
    (
        "Funds came from the Freedonia Rights Foundation (FRF). FRF officials said so.",
        [("FRF", FOUNDATION)],
    ),
    # an alias that is already a vocabulary label defines nothing new
    (
        'Freedonia ratified the Convention on the Rights of Sylvanians (the "CRS") in 1981.'
        " The CRS protects Sylvanians.",
        [],
    ),
    ("Freedonia ratified the Convention on the Rights of Sylvanians (CRS) in 1981.", []),
    # a parenthesis that follows no name defines nothing
    ('Officials spoke of a "new era" (the "Era") in 1990.', []),
]


@pytest.mark.parametrize("text, expected", ALIAS_ROWS, ids=[row[0][:60] for row in ALIAS_ROWS])
def test_aliases(text: str, expected: list[tuple[str, str]], extract_fictional: Extract) -> None:
    x = extract_fictional(text)
    assert [(a.alias, a.key) for a in x.aliases] == expected
    for alias in x.aliases:
        assert alias.span.of(text) == alias.alias


USE_ROWS = [
    (
        'Freedonia ratified the Convention on the Rights of Sylvanians (the "Sylvanian Convention")'
        " in 1981. The Sylvanian Convention protects Sylvanians.",
        "Sylvanian Convention protects",
        CONVENTION,
    ),
    (
        "Funds came from the Freedonia Rights Foundation (FRF). FRF officials said so.",
        "FRF officials",
        FOUNDATION,
    ),
]


@pytest.mark.parametrize("text, anchor, key", USE_ROWS, ids=[row[1] for row in USE_ROWS])
def test_later_uses_are_mentions_of_the_entity(
    text: str, anchor: str, key: str, extract_fictional: Extract
) -> None:
    """The later use names the aliased entity, and nothing else."""
    x = extract_fictional(text)
    start = text.index(anchor)
    at_use = [(m.key, m.via) for m in x.mentions if m.span.start == start]
    assert at_use == [(key, "alias")]


def test_an_alias_defines_no_entity_of_its_own(extract_fictional: Extract) -> None:
    text = (
        'Freedonia ratified the Convention on the Rights of Sylvanians (the "Sylvanian Convention")'
        " in 1981. The Sylvanian Convention protects Sylvanians."
    )
    x = extract_fictional(text)
    assert [e.key for e in x.entities if e.category == "instrument"] == [CONVENTION]
    assert [(p.instrument, p.act, p.date) for p in x.parties] == [
        (CONVENTION, "Ratification", "1981")
    ]


def test_a_vocabulary_alias_adds_no_party_fact(extract_fictional: Extract) -> None:
    x = extract_fictional(
        'Freedonia ratified the Convention on the Rights of Sylvanians (the "CRS") in 1981.'
    )
    assert [(p.instrument, p.date) for p in x.parties] == [(CONVENTION, "1981")]
