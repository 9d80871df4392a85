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


FREEDONIA = "https://w3id.org/dutygraph/id/state/XFD"
REVIEW = "Concluding observations on the second periodic report of Freedonia\n\n"

STATE_PARTY_ROWS = [
    # the one state whose report the document reviews
    (
        f"{REVIEW}1. The Committee welcomes the report.\n\n2. The State party should repeal the"
        " law.\n",
        [("State party", FREEDONIA)],
    ),
    (
        "The Committee considered the combined third and fourth periodic reports of the"
        " Freedonia in 2010. It urges the State party to repeal the law.",
        [("State party", FREEDONIA)],
    ),
    # two states' reports: left unresolved
    (
        "The initial report of Freedonia and the initial report of Sylvania were considered"
        " together. The State party should repeal the law.",
        [],
    ),
    # no reviewed report: nothing to resolve to
    ("Freedonia has signed the treaty. The State party should repeal the law.", []),
    # a report about a state is not a report by it
    (
        "Credible reports of Freedonia returning refugees continue. The State party should stop.",
        [],
    ),
    # a generic party, not the reviewed one
    (f"{REVIEW}Every State party to the Convention should report.", []),
    # the state a special procedure visited, and its Government
    (
        "Report of the Special Rapporteur on his visit to Freedonia\n\nThe Special Rapporteur"
        " recommends that the Government ratify the treaty.",
        [("Government", FREEDONIA)],
    ),
    # the Government of a named state is that state's organ, not a reference
    (
        "Report on her official visit to Freedonia\n\nThe Government of Sylvania should help.",
        [],
    ),
]


@pytest.mark.parametrize(
    "text, expected", STATE_PARTY_ROWS, ids=[row[0][:60] for row in STATE_PARTY_ROWS]
)
def test_the_state_party_is_the_subject_state(
    text: str, expected: list[tuple[str, str]], extract_fictional: Extract
) -> None:
    found = [(label, key) for label, key in references(extract_fictional(text)) if key == FREEDONIA]
    assert found == expected


def test_the_state_party_bears_the_recommendation(extract_fictional: Extract) -> None:
    x = extract_fictional(f"{REVIEW}3. The State party should repeal the law.\n")
    assert [(s.bearers, s.action) for s in x.statements] == [((FREEDONIA,), "repeal the law")]


def test_the_convention_of_the_monitoring_body(extract_fictional: Extract) -> None:
    """A document that names a treaty body but no convention: ``the Convention`` is the one
    that body monitors, and ``article 4 of the Convention`` a provision of it."""
    x = extract_fictional(
        f"Committee on Sylvanian Rights\n\n{REVIEW}3. The State party should repeal the law,"
        " in accordance with article 4 of the Convention.\n"
    )
    assert ("the Convention", CONVENTION) in references(x)
    assert [s.bases for s in x.statements] == [(f"{CONVENTION}#article-4",)]


def test_no_monitored_treaty_with_that_name(extract_fictional: Extract) -> None:
    x = extract_fictional(
        f"Committee on Sylvanian Rights\n\n{REVIEW}3. The State party should respect the"
        " Covenant.\n"
    )
    assert [key for _, key in references(x) if key != FREEDONIA] == []


def test_a_named_convention_comes_before_the_monitored_one(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Committee on Sylvanian Rights met. Freedonia ratified the International"
        " Convention on Ruritanian Waters. Freedonia breached the Convention."
    )
    assert ("the Convention", CONVENTION) not in references(x)


def test_a_visit_and_a_review_of_different_states_resolve_nothing(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        f"{REVIEW}The Committee recalls its visit to Sylvania. The State party should act."
    )
    assert [m for m in x.mentions if m.label == "State party"] == []


UNHCR = "https://w3id.org/dutygraph/id/body/unhcr"


def test_the_high_commissioner_is_the_office_just_named(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "Freedonia wrote to the UN High Commissioner for Refugees in 2001. Sylvania urges the"
        " High Commissioner to visit Freedonia."
    )
    assert ("the High Commissioner", UNHCR) in references(x)
    assert [(s.bearers, s.action) for s in x.statements] == [((UNHCR,), "visit Freedonia")]
