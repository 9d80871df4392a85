"""The gazetteer: leftmost-longest label matching, exact capitals for short labels, demonyms."""

from __future__ import annotations

import pytest
from rdflib import Graph

from dutygraph.extract.gazetteer import Gazetteer, find_mentions, gazetteer_from_graph
from dutygraph.extract.ir import Span

STATE = "https://w3id.org/dutygraph/id/state/"
INSTRUMENT = "https://w3id.org/dutygraph/id/instrument/"
BODY = "https://w3id.org/dutygraph/id/body/"
CONVENTION = f"{INSTRUMENT}sylvanian-rights-convention"
PROTOCOL = f"{INSTRUMENT}sylvanian-rights-protocol"
COMMITTEE = f"{BODY}sylvanian-rights-committee"


def mentions(text: str, gaz: Gazetteer) -> list[tuple[str, str, str]]:
    """``(surface, key, via)`` of every mention in ``text``, in text order."""
    found = find_mentions(text, gaz, [Span(0, len(text))])
    return [(m.span.of(text), m.key, m.via) for m in found]


ROWS = [
    # plain labels
    ("Freedonia and Sylvania", [("Freedonia", f"{STATE}XFD"), ("Sylvania", f"{STATE}XSY")]),
    ("the Republic of Freedonia", [("Republic of Freedonia", f"{STATE}XFD")]),
    ("the Committee on Sylvanian Rights", [("Committee on Sylvanian Rights", COMMITTEE)]),
    # leftmost-longest: a label inside a longer label yields only the longer one
    (
        "the Protocol to the Convention on the Rights of Sylvanians",
        [("Protocol to the Convention on the Rights of Sylvanians", PROTOCOL)],
    ),
    (
        "the Grand Duchy of Ruritania",
        [("Grand Duchy of Ruritania", f"{STATE}XRU")],
    ),
    (
        "the Democratic People's Republic of Korea",
        [("Democratic People's Republic of Korea", f"{STATE}PRK")],
    ),
    ("the Republic of Korea", [("Republic of Korea", f"{STATE}KOR")]),
    # curly apostrophes match straight ones
    (
        "the Democratic People\u2019s Republic of Korea",
        [("Democratic People\u2019s Republic of Korea", f"{STATE}PRK")],
    ),
    # labels of three or more words match whatever their capitals
    (
        "the convention on the rights of sylvanians",
        [("convention on the rights of sylvanians", CONVENTION)],
    ),
    ("THE COMMITTEE ON SYLVANIAN RIGHTS", [("COMMITTEE ON SYLVANIAN RIGHTS", COMMITTEE)]),
    # short labels keep their capitals
    ("the CRS", [("CRS", CONVENTION)]),
    ("the crs", []),
    ("freedonia", []),
    ("FREEDONIA", []),
    # a demonym names its state only before an organ noun
    ("the Freedonian government", [("Freedonian government", f"{STATE}XFD")]),
    ("Sylvanian authorities", [("Sylvanian authorities", f"{STATE}XSY")]),
    ("the Ruritanian military", [("Ruritanian military", "local:body:ruritanian-military")]),
    ("North Korean officials", [("North Korean officials", f"{STATE}PRK")]),
    # organ nouns of two or more words, after a demonym or a state's name
    (
        "The Fictish coast guard intercepted a boat",
        [("Fictish coast guard", "local:body:fictish-coast-guard")],
    ),
    ("Fictish border guards", [("Fictish border guards", "local:body:fictish-border-guards")]),
    ("the Fictish home office", [("Fictish home office", "local:body:fictish-home-office")]),
    ("the Fictish parliament", [("Fictish parliament", "local:body:fictish-parliament")]),
    # a capitalised body head names a body of its own ("Fictish Parliament"), not the state
    ("the Fictish Parliament", []),
    ("the Fictish Home Office", []),
    ("the Fictish Supreme Court", []),
    ("Fictish police", [("Fictish police", "local:body:fictish-police")]),
    ("the Fictish navy", [("Fictish navy", "local:body:fictish-navy")]),
    ("the Fictish armed forces", [("Fictish armed forces", "local:body:fictish-armed-forces")]),
    ("Fictland coast guard", [("Fictland coast guard", "local:body:fictland-coast-guard")]),
    (
        "Old Fictland border police",
        [("Old Fictland border police", "local:body:old-fictland-border-police")],
    ),
    ("Fictland police", [("Fictland", f"{STATE}XFL")]),
    ("Fictland's coast", [("Fictland", f"{STATE}XFL")]),
    (
        "The Hellenic Coast Guard rescued them",
        [("Hellenic Coast Guard", "local:body:hellenic-coast-guard")],
    ),
    ("the Greek coast guard", [("Greek coast guard", "local:body:greek-coast-guard")]),
    (
        "Lithuanian border guards",
        [("Lithuanian border guards", "local:body:lithuanian-border-guards")],
    ),
    ("the British Home Office", []),
    ("the Maltese navy", [("Maltese navy", "local:body:maltese-navy")]),
    ("the UK Home Office", [("UK", f"{STATE}GBR")]),
    ("the UK border force", [("UK border force", "local:body:uk-border-force")]),
    ("Bissau-Guinean authorities", [("Bissau-Guinean authorities", f"{STATE}GNB")]),
    ("Latin American governments", []),
    ("the Inter-American system's courts", []),
    # a label inside a document symbol is part of the symbol
    ("see CAT/C/FRA/CO/7", [("CAT", f"{INSTRUMENT}cat")]),
    ("the FRA report", [("FRA", f"{BODY}fra")]),
    ("the OSCE/ODIHR mission", [("OSCE/ODIHR", f"{BODY}odihr")]),
    (
        "the Council of Europe Commissioner for Human Rights",
        [
            (
                "Council of Europe Commissioner for Human Rights",
                f"{BODY}coe-commissioner-for-human-rights",
            )
        ],
    ),
    # without a demonym, organ nouns name no state
    ("border guards pushed them back", []),
    ("the coast guard", []),
    # a demonym inside a regional adjective is no demonym
    ("Latin Fictish governments", []),
    ("pan-Fictish police", []),
    ("Freedonian citizens", []),
    ("the Sylvanian Convention", []),
    ("a Ruritanian", []),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[row[0] for row in ROWS])
def test_mentions(
    text: str, expected: list[tuple[str, str]], fictional_gazetteer: Gazetteer
) -> None:
    assert [(surface, key) for surface, key, _ in mentions(text, fictional_gazetteer)] == expected


def test_demonym_mentions_say_how_they_were_found(fictional_gazetteer: Gazetteer) -> None:
    found = mentions("The Freedonian government and Sylvania", fictional_gazetteer)
    assert [via for _, _, via in found] == ["demonym", "label"]


def test_offsets_point_into_the_text(fictional_gazetteer: Gazetteer) -> None:
    text = "Before.\nThe Freedonian government asked Sylvania\u2019s Committee on Sylvanian Rights."
    for mention in find_mentions(text, fictional_gazetteer, [Span(8, len(text))]):
        assert mention.span.of(text) == mention.label


def test_only_the_given_spans_are_searched(fictional_gazetteer: Gazetteer) -> None:
    text = "Freedonia. Sylvania."
    found = find_mentions(text, fictional_gazetteer, [Span(11, len(text))])
    assert [m.key for m in found] == [f"{STATE}XSY"]


def test_protocols_map_a_treaty_to_its_protocol(fictional_gazetteer: Gazetteer) -> None:
    assert fictional_gazetteer.protocols[CONVENTION] == PROTOCOL


def test_entries_carry_category_and_class(fictional_gazetteer: Gazetteer) -> None:
    entries = fictional_gazetteer.entries
    assert (entries[f"{STATE}XFD"].category, entries[f"{STATE}XFD"].rdf_type) == ("state", "State")
    assert (entries[CONVENTION].category, entries[CONVENTION].rdf_type) == ("instrument", "Treaty")
    assert (entries[COMMITTEE].category, entries[COMMITTEE].rdf_type) == ("body", "Body")
    assert entries[PROTOCOL].label == "Protocol to the Convention on the Rights of Sylvanians"


def test_a_graph_without_entries_gives_no_mentions() -> None:
    gaz = gazetteer_from_graph(Graph())
    assert find_mentions("Freedonia", gaz, [Span(0, 9)]) == ()


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("the Ruritanian military", "XRU"),
        ("Fictland coast guard", "XFL"),
        ("the Maltese navy", "MLT"),
    ],
)
def test_an_organ_named_by_its_state_is_a_body_of_that_state(
    text: str, state: str, fictional_gazetteer: Gazetteer
) -> None:
    (mention,) = find_mentions(text, fictional_gazetteer, [Span(0, len(text))])
    assert (mention.category, mention.via) == ("body", "organ")
    assert mention.organ_of == f"{STATE}{state}"
