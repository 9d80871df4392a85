"""References: ``its Protocol``, ``the covenant``, ``this Convention``, ``the Committee``."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dutygraph.extract.ir import Extraction

INSTRUMENT = "https://w3id.org/dutygraph/id/instrument/"
CONVENTION = f"{INSTRUMENT}sylvanian-rights-convention"
PROTOCOL = f"{INSTRUMENT}sylvanian-rights-protocol"
LABOUR = f"{INSTRUMENT}freedonian-labour-covenant"
TRADE = f"{INSTRUMENT}ruritanian-trade-covenant"
COMMITTEE = "https://w3id.org/dutygraph/id/body/sylvanian-rights-committee"

Extract = Callable[[str], Extraction]


def references(x: Extraction) -> list[tuple[str, str]]:
    text = x.document.text
    return [(m.span.of(text), m.key) for m in x.mentions if m.via == "reference"]


ROWS = [
    (
        "Freedonia ratified the Convention on the Rights of Sylvanians in 1981 and its Protocol"
        " in 1990.",
        [("its Protocol", PROTOCOL)],
    ),
    (
        "Sylvania joined the International Covenant on Freedonian Labour in 1970. Freedonia has"
        " violated the covenant.",
        [("the covenant", LABOUR)],
    ),
    # the nearest covenant
    (
        "The International Covenant on Freedonian Labour was adopted in 1966. Sylvania joined the"
        " International Covenant on Ruritanian Trade in 1970. Freedonia breached the covenant.",
        [("the covenant", TRADE)],
    ),
    # an acronym names its covenant too
    (
        "Sylvania is a party to the ICFL. Freedonia has breached the covenant.",
        [("the covenant", LABOUR)],
    ),
    # two different covenants in the nearest sentence: left unresolved
    (
        "Freedonia joined the International Covenant on Freedonian Labour and the International"
        " Covenant on Ruritanian Trade. It breached the covenant.",
        [],
    ),
    # a document whose first line is an instrument's title is that instrument
    (
        "Convention on the Rights of Sylvanians\n\nArticle 1\n\nThis Convention applies to all"
        " Sylvanians.\n",
        [("This Convention", CONVENTION)],
    ),
    (
        "Freedonia reported to the Committee on Sylvanian Rights in 2001. The Committee asked for"
        " more data.",
        [("The Committee", COMMITTEE)],
    ),
    # nothing to refer to
    ("Freedonia has breached the covenant.", []),
    ("Freedonia ratified its Protocol.", []),
    # a title, not a reference
    (
        "Freedonia cited the International Covenant on Freedonian Labour and the Convention on"
        " Ruritanian Waters.",
        [],
    ),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[row[0][:60] for row in ROWS])
def test_references(text: str, expected: list[tuple[str, str]], extract_fictional: Extract) -> None:
    assert references(extract_fictional(text)) == expected


def test_this_convention_needs_a_title_line(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "A report on Sylvania.\n\nThe Convention on the Rights of Sylvanians was adopted in"
        " 1979. This Convention applies to all Sylvanians.\n"
    )
    assert references(x) == [("This Convention", CONVENTION)]


def test_a_protocol_reference_is_a_party_fact(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "Freedonia ratified the Convention on the Rights of Sylvanians in 1981 and its Protocol"
        " in 1990."
    )
    assert [(p.instrument, p.act, p.date) for p in x.parties] == [
        (CONVENTION, "Ratification", "1981"),
        (PROTOCOL, "Ratification", "1990"),
    ]
