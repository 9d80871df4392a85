"""The state gazetteer: complete, uniquely coded, and free of labels shared by two states."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from rdflib import RDF, SKOS, Graph, Literal, Namespace, URIRef

from dutygraph.resources import vocabulary_files

DG = Namespace("https://w3id.org/dutygraph/ns#")
STATE_FILE = "states.ttl"
UN_MEMBERS, OBSERVERS, OTHERS = 193, 2, 2
NOTATION = re.compile(r"^[A-Z]{3}$")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
LABEL_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, DG.demonym)


def normalise(label: str) -> str:
    return label.translate(APOSTROPHES).casefold().strip()


@pytest.fixture(scope="module")
def graph() -> Graph:
    (state_file,) = [f for f in vocabulary_files() if f.name == STATE_FILE]
    return Graph().parse(data=state_file.read_text(encoding="utf-8"), format="turtle")


@pytest.fixture(scope="module")
def states(graph: Graph) -> list[URIRef]:
    return sorted(s for s in graph.subjects(SKOS.inScheme, DG.StateScheme) if isinstance(s, URIRef))


@pytest.fixture(scope="module")
def entries_by_label(graph: Graph, states: list[URIRef]) -> dict[str, set[URIRef]]:
    found: dict[str, set[URIRef]] = defaultdict(set)
    for state in states:
        for prop in LABEL_PROPERTIES:
            for label in graph.objects(state, prop):
                found[normalise(str(label))].add(state)
    return found


def notation_of(graph: Graph, state: URIRef) -> str:
    return str(graph.value(state, SKOS.notation))


def test_scheme_is_declared(graph: Graph) -> None:
    assert (DG.StateScheme, RDF.type, SKOS.ConceptScheme) in graph
    assert Literal("States", lang="en") in set(graph.objects(DG.StateScheme, SKOS.prefLabel))
    assert graph.value(DG.StateScheme, SKOS.definition) is not None


def test_every_member_observer_and_named_non_member_is_present(states: list[URIRef]) -> None:
    assert len(states) == UN_MEMBERS + OBSERVERS + OTHERS


def test_every_state_node_is_in_the_scheme(graph: Graph, states: list[URIRef]) -> None:
    assert set(graph.subjects(RDF.type, DG.State)) == set(states)


def test_every_entry_is_a_state_and_a_concept(graph: Graph, states: list[URIRef]) -> None:
    for state in states:
        assert (state, RDF.type, DG.State) in graph, state
        assert (state, RDF.type, SKOS.Concept) in graph, state


def test_every_entry_has_one_alpha3_notation(graph: Graph, states: list[URIRef]) -> None:
    for state in states:
        notations = [str(n) for n in graph.objects(state, SKOS.notation)]
        assert len(notations) == 1, (state, notations)
        assert NOTATION.match(notations[0]), (state, notations)
        assert str(state).endswith("/" + notations[0]), state


def test_notations_are_unique(graph: Graph, states: list[URIRef]) -> None:
    notations = [notation_of(graph, s) for s in states]
    assert len(set(notations)) == len(notations)


def test_every_entry_has_one_english_pref_label(graph: Graph, states: list[URIRef]) -> None:
    for state in states:
        labels = list(graph.objects(state, SKOS.prefLabel))
        assert len(labels) == 1, (state, labels)
        assert isinstance(labels[0], Literal) and labels[0].language == "en", (state, labels)


def test_every_label_is_english(graph: Graph, states: list[URIRef]) -> None:
    for state in states:
        for prop in LABEL_PROPERTIES:
            for label in graph.objects(state, prop):
                assert isinstance(label, Literal) and label.language == "en", (state, label)


def test_no_label_is_shared_by_two_entries(entries_by_label: dict[str, set[URIRef]]) -> None:
    shared = {label: sorted(s) for label, s in entries_by_label.items() if len(s) > 1}
    assert not shared


def test_labels_start_with_no_lower_case_word(graph: Graph, states: list[URIRef]) -> None:
    # A label such as "chad" or "turkey" would match ordinary words; "the Netherlands" is allowed.
    for state in states:
        for prop in LABEL_PROPERTIES:
            for label in graph.objects(state, prop):
                words = [w for w in str(label).split() if w not in {"the", "former"}]
                assert words and not words[0][0].islower(), (state, label)


def test_non_members_carry_a_scope_note(graph: Graph, states: list[URIRef]) -> None:
    note = Literal("not a UN member or observer", lang="en")
    marked = [s for s in states if (s, SKOS.scopeNote, note) in graph]
    assert len(marked) == OTHERS


def test_wikidata_links_are_entity_iris(graph: Graph, states: list[URIRef]) -> None:
    for state in states:
        for target in graph.objects(state, SKOS.exactMatch):
            assert re.fullmatch(r"http://www\.wikidata\.org/entity/Q[1-9][0-9]*", str(target))


@pytest.mark.parametrize(
    ("label", "notation"),
    [
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("DPRK", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("North Korea", "PRK"),
        ("Republic of Korea", "KOR"),
        ("ROK", "KOR"),
        ("Russian Federation", "RUS"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d\u2019Ivoire", "CIV"),
        ("Ivory Coast", "CIV"),
        ("Islamic Republic of Iran", "IRN"),
        ("Lao People's Democratic Republic", "LAO"),
        ("Viet Nam", "VNM"),
        ("Turkey", "TUR"),
        ("Czech Republic", "CZE"),
        ("Swaziland", "SWZ"),
        ("Macedonia", "MKD"),
        ("Cape Verde", "CPV"),
        ("East Timor", "TLS"),
        ("U.S.", "USA"),
        ("Great Britain", "GBR"),
        ("DR Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Vatican", "VAT"),
        ("Palestine", "PSE"),
        ("Plurinational State of Bolivia", "BOL"),
        ("Gambia", "GMB"),
        ("Holland", "NLD"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
        # current names and their former or short forms
        ("Türkiye", "TUR"),
        ("Czechia", "CZE"),
        ("Eswatini", "SWZ"),
        ("North Macedonia", "MKD"),
        ("former Yugoslav Republic of Macedonia", "MKD"),
        ("Republic of Macedonia", "MKD"),
        ("Cabo Verde", "CPV"),
        ("Timor-Leste", "TLS"),
        ("Russia", "RUS"),
        ("UK", "GBR"),
        ("United Kingdom", "GBR"),
        ("Britain", "GBR"),
        ("USA", "USA"),
        ("United States of America", "USA"),
        ("Ceylon", "LKA"),
        ("Siam", "THA"),
        ("Upper Volta", "BFA"),
        ("Dahomey", "BEN"),
        ("Bechuanaland", "BWA"),
        ("Basutoland", "LSO"),
        ("Nyasaland", "MWI"),
        ("Northern Rhodesia", "ZMB"),
        ("Rhodesia", "ZWE"),
        ("British Honduras", "BLZ"),
        ("Dutch Guiana", "SUR"),
        ("British Guiana", "GUY"),
        ("Kampuchea", "KHM"),
        ("Persia", "IRN"),
        ("Zaire", "COD"),
        ("West Germany", "DEU"),
        ("BiH", "BIH"),
    ],
)
def test_label_names_the_expected_state(
    graph: Graph, entries_by_label: dict[str, set[URIRef]], label: str, notation: str
) -> None:
    (state,) = entries_by_label[normalise(label)]
    assert notation_of(graph, state) == notation


@pytest.mark.parametrize(
    ("demonym", "notation"),
    [
        ("North Korean", "PRK"),
        ("South Korean", "KOR"),
        ("Chinese", "CHN"),
        ("Burmese", "MMR"),
        ("Sudanese", "SDN"),
        ("South Sudanese", "SSD"),
        ("Dutch", "NLD"),
        ("British", "GBR"),
        ("American", "USA"),
        ("Emirati", "ARE"),
        ("Lao", "LAO"),
        ("Filipino", "PHL"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Greek", "GRC"),
        ("Hellenic", "GRC"),
        ("Lithuanian", "LTU"),
        ("Maltese", "MLT"),
        ("Turkish", "TUR"),
        ("Rwandan", "RWA"),
        ("Bissau-Guinean", "GNB"),
        ("Motswana", "BWA"),
        ("Basotho", "LSO"),
        ("I-Kiribati", "KIR"),
        ("Ni-Vanuatu", "VUT"),
        ("Solomon Islander", "SLB"),
        ("Liechtensteiner", "LIE"),
        ("New Zealander", "NZL"),
    ],
)
def test_demonym_names_the_expected_state(graph: Graph, demonym: str, notation: str) -> None:
    states = list(graph.subjects(DG.demonym, Literal(demonym, lang="en")))
    assert [notation_of(graph, s) for s in states] == [notation]


# Their adjectives are shared with another state (Congolese, Dominican, Guinean) or are the name
# itself (Vatican).
WITHOUT_DEMONYM = frozenset({"COD", "COG", "DMA", "DOM", "GIN", "VAT"})


def test_every_state_has_a_demonym_unless_it_is_ambiguous(
    graph: Graph, states: list[URIRef]
) -> None:
    missing = {notation_of(graph, s) for s in states if graph.value(s, DG.demonym) is None}
    assert missing == WITHOUT_DEMONYM


@pytest.mark.parametrize(
    "label", ["US", "Congo", "Korea", "Congolese", "Korean", "Dominican", "Guinean"]
)
def test_ambiguous_names_are_left_out(entries_by_label: dict[str, set[URIRef]], label: str) -> None:
    assert normalise(label) not in entries_by_label
