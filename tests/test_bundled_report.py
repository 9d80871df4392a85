"""What the graph of the bundled report must say (and must not say), read by hand from the text.

The report is Human Rights Watch, *The Invisible Exodus* (2002); the graph is built once per
module and asked through the named queries where one answers the question.
"""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS

from dutygraph import resources
from dutygraph.build import build
from dutygraph.namespace import DG, NIF
from dutygraph.rdfio import union
from dutygraph.sparql.run import resolve, run
from dutygraph.sparql.sources import MemorySource

Row = dict[str, str]

REFUGEE_CONVENTION = "Convention relating to the Status of Refugees"
REFUGEE_PROTOCOL = "Protocol relating to the Status of Refugees"
ICCPR = "International Covenant on Civil and Political Rights"
ICESCR = "International Covenant on Economic, Social and Cultural Rights"
AFFECTED_COUNTRIES = "Countries affected by North Korean migrant flows"
AFFECTED_MEMBERS = {"Russia", "Mongolia", "Vietnam", "Myanmar", "Cambodia", "Thailand"}

# Sentences with "should" or about bindingness that state no duty.
TRAP_PASSAGES = [
    "should they return",
    "should they be repatriated",
    "This should not be seen as a substitute",
    "We chose to begin",
    "It is important to be clear",
    "not legally binding",
    "whether they have signed",
]

# (what, accepted instrument types, pattern the label or the citation matches)
EXPECTED_INSTRUMENTS = [
    ("UDHR", {"Declaration"}, r"^Universal Declaration of Human Rights$"),
    ("ICCPR", {"Treaty"}, rf"^{re.escape(ICCPR)}$"),
    ("ICESCR", {"Treaty"}, rf"^{re.escape(ICESCR)}$"),
    ("Refugee Convention", {"Treaty"}, rf"^{re.escape(REFUGEE_CONVENTION)}$"),
    ("Refugee Protocol", {"Treaty"}, rf"^{re.escape(REFUGEE_PROTOCOL)}$"),
    ("ExCom Conclusion 22", {"SoftLawInstrument"}, r"\bNo\. 22\b"),
    ("ExCom Conclusion 81", {"SoftLawInstrument"}, r"\bNo\. 81\b"),
    ("ExCom Conclusion 85", {"SoftLawInstrument"}, r"\bNo\. 85\b"),
    ("ExCom Conclusion 91", {"SoftLawInstrument"}, r"\bNo\. 91\b"),
    ("resolution 2001/16", {"Resolution"}, r"\b2001/16\b"),
    ("CCPR/C/PRK/2000/2", {"UNDocument", "PeriodicReport"}, r"^CCPR/C/PRK/2000/2$"),
    ("CCPR/CO/72/PRK", {"UNDocument", "PeriodicReport"}, r"^CCPR/CO/72/PRK$"),
    ("E/CN.4/Sub.2/2002/L.19", {"UNDocument"}, r"^E/CN\.4/Sub\.2/2002/L\.19$"),
]

# (what, pattern of the action) for recommendations addressed to China.
CHINA_RECOMMENDATIONS = [
    ("grant UNHCR access", r"\bgrant access to .*(UNHCR|High Commissioner for Refugees)"),
    ("halt forced returns", r"\bhalt\b.*\bforcibly return"),
    ("allow humanitarian aid groups access", r"\ballow\b.*humanitarian aid groups.*\baccess\b"),
]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return union(build().dataset)


@pytest.fixture(scope="module")
def duties(graph: Graph) -> list[Row]:
    return rows_of(graph, "duties")


@pytest.fixture(scope="module")
def parties(graph: Graph) -> list[Row]:
    return rows_of(graph, "parties")


def rows_of(graph: Graph, name: str) -> list[Row]:
    result = run(MemorySource(graph), name)
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def only_node(graph: Graph, label: str) -> URIRef:
    nodes = resolve(MemorySource(graph), label)
    assert len(nodes) == 1, f"{label!r} names {nodes}"
    return nodes[0]


def label_of(graph: Graph, node: URIRef) -> str:
    label = graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label)
    return str(label or "")


def one_line(text: str) -> str:
    return " ".join(text.split())


def statement_evidence(graph: Graph) -> list[str]:
    return [
        one_line(str(graph.value(span, NIF.anchorOf)))
        for statement in set(graph.subjects(RDF.type, DG.NormativeStatement))
        for span in graph.objects(statement, PROV.wasDerivedFrom)
    ]


# --- party status and membership ----------------------------------------------------------------


def facts_of(parties: list[Row], state: str, instrument: str) -> list[Row]:
    return [row for row in parties if row["state"] == state and row["instrument"] == instrument]


@pytest.mark.parametrize("instrument", [REFUGEE_CONVENTION, REFUGEE_PROTOCOL])
def test_china_is_party_to_the_refugee_convention_and_protocol(
    parties: list[Row], instrument: str
) -> None:
    facts = facts_of(parties, "China", instrument)
    assert facts, f"no party fact of China to the {instrument}"
    assert "1982" in {row["date"] for row in facts}


def test_north_korea_ratified_the_iccpr_in_1981(parties: list[Row]) -> None:
    facts = facts_of(parties, "North Korea", ICCPR)
    assert {(row["relation"], row["date"]) for row in facts} >= {("Ratification", "1981")}


def test_north_korea_is_party_to_the_icescr(parties: list[Row]) -> None:
    assert facts_of(parties, "North Korea", ICESCR)


def test_china_is_member_of_an_executive_committee(graph: Graph) -> None:
    china = only_node(graph, "China")
    bodies = {
        graph.value(membership, DG.memberOf)
        for membership in graph.subjects(DG.member, china)
        if (membership, RDF.type, DG.Membership) in graph
    }
    assert any(
        (body, RDF.type, DG.Body) in graph and "Executive Committee" in label_of(graph, body)
        for body in bodies
        if isinstance(body, URIRef)
    ), f"China is a member of {bodies}"


# --- duties -------------------------------------------------------------------------------------


def test_non_refoulement_binds_all_states_as_custom(duties: list[Row]) -> None:
    customary = [
        row
        for row in duties
        if row["bearer_iri"] == str(DG.AllStates)
        and row["kind"] == "customary"
        and "return refugees" in row["action"]
    ]
    assert customary, "no customary duty of all States about returning refugees"
    bases = {basis for row in customary for basis in row["basis"].split(" | ")}
    assert f"Article 33, {REFUGEE_CONVENTION}" in bases


@pytest.mark.parametrize(
    ("what", "pattern"), CHINA_RECOMMENDATIONS, ids=[what for what, _ in CHINA_RECOMMENDATIONS]
)
def test_china_recommendation(graph: Graph, duties: list[Row], what: str, pattern: str) -> None:
    china = str(only_node(graph, "China"))
    actions = [
        row["action"]
        for row in duties
        if row["bearer_iri"] == china and row["kind"] == "recommendation"
    ]
    assert any(re.search(pattern, action) for action in actions), f"no recommendation to {what}"


def recommendations_to(graph: Graph, bearer: URIRef) -> list[URIRef]:
    return [
        statement
        for statement in graph.subjects(DG.bearer, bearer)
        if isinstance(statement, URIRef) and (statement, RDF.type, DG.Recommendation) in graph
    ]


def test_china_should_not_harass_aid_workers(graph: Graph) -> None:
    china = only_node(graph, "China")
    found = [
        statement
        for statement in recommendations_to(graph, china)
        if "subject aid workers to harassment" in str(graph.value(statement, DG.action))
    ]
    assert found, "no recommendation about harassing aid workers"
    assert {str(graph.value(statement, DG.trigger)) for statement in found} == {"should not"}


def test_author_issues_the_recommendations_to_china(graph: Graph) -> None:
    author = only_node(graph, "Human Rights Watch")
    document = next(iter(graph.subjects(RDF.type, DG.Document)))
    assert graph.value(document, DCTERMS.creator) == author
    issuers = {
        graph.value(statement, DG.issuer)
        for statement in recommendations_to(graph, only_node(graph, "China"))
        if str(graph.value(statement, DG.action)).startswith("immediately grant access")
    }
    assert issuers == {author}


def test_author_is_an_issuer_of_recommendations(graph: Graph) -> None:
    author = only_node(graph, "Human Rights Watch")
    issued = [s for s in graph.subjects(DG.issuer, author) if isinstance(s, URIRef)]
    assert issued
    assert all((s, RDF.type, DG.Recommendation) in graph for s in issued)


def test_north_korea_owes_its_covenant_obligations(graph: Graph, duties: list[Row]) -> None:
    north_korea = str(only_node(graph, "North Korea"))
    binding = [
        row
        for row in duties
        if row["bearer_iri"] == north_korea
        and row["kind"] == "binding"
        and "obligations as a state party" in row["action"]
    ]
    assert binding, "no binding covenant obligation of North Korea"
    bases = set(binding[0]["basis"].split(" | "))
    assert {ICCPR, ICESCR} <= bases


def test_nested_directive_links_the_inner_duty_to_the_outer(graph: Graph) -> None:
    china = only_node(graph, "China")
    community = only_node(graph, "international community")
    pairs = [
        (str(graph.value(inner, DG.action)), str(graph.value(outer, DG.action)))
        for inner, outer in graph.subject_objects(DG.urgedBy)
        if (inner, DG.bearer, china) in graph and (outer, DG.bearer, community) in graph
    ]
    assert any(
        inner.startswith("grant ")
        and outer.startswith("urge China to grant ")
        and outer.endswith(inner)
        for inner, outer in pairs
    ), f"urged pairs: {pairs}"


def test_affected_countries_group_lists_its_members(graph: Graph) -> None:
    group = only_node(graph, AFFECTED_COUNTRIES)
    assert (group, RDF.type, DG.ActorGroup) in graph
    members = {
        label_of(graph, member)
        for member in graph.objects(group, DG.includes)
        if isinstance(member, URIRef)
    }
    assert members >= AFFECTED_MEMBERS


# --- what must not be there ---------------------------------------------------------------------


@pytest.mark.parametrize("passage", TRAP_PASSAGES)
def test_no_statement_rests_on_a_trap_passage(graph: Graph, passage: str) -> None:
    quoting = [quote for quote in statement_evidence(graph) if passage in quote]
    assert not quoting, f"{passage!r} is quoted by: {quoting}"


# --- evidence and instruments -------------------------------------------------------------------


def test_every_quote_is_the_text_at_its_offsets(graph: Graph) -> None:
    text = resources.default_report().read_text(encoding="utf-8")
    spans = list(graph.subjects(RDF.type, NIF.OffsetBasedString))
    assert spans
    wrong = []
    for span in spans:
        begin = int(graph.value(span, NIF.beginIndex))  # type: ignore[arg-type]
        end = int(graph.value(span, NIF.endIndex))  # type: ignore[arg-type]
        if text[begin:end] != str(graph.value(span, NIF.anchorOf)):
            wrong.append(f"{begin}-{end}")
    assert not wrong, f"quotes differ from the text at {wrong}"


def test_the_document_holds_the_bundled_text(graph: Graph) -> None:
    text = resources.default_report().read_text(encoding="utf-8")
    strings = set(graph.objects(None, NIF.isString))
    assert strings == {Literal(text)}


@pytest.mark.parametrize(
    ("what", "types", "pattern"),
    EXPECTED_INSTRUMENTS,
    ids=[what for what, _, _ in EXPECTED_INSTRUMENTS],
)
def test_instrument_is_named(graph: Graph, what: str, types: set[str], pattern: str) -> None:
    rows = rows_of(graph, "instruments")
    matching = [
        row
        for row in rows
        if any(re.search(pattern, part) for part in [row["label"], *row["citation"].split(" | ")])
    ]
    assert matching, f"no instrument for {what}"
    assert {row["type"] for row in matching} <= types, matching
