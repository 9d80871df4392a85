"""The on-disk store on its own: load and select round trip, manifest, rules, labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery

from dutygraph.errors import DutygraphError
from dutygraph.namespace import INFERRED
from dutygraph.sparql.run import resolve
from dutygraph.sparql.sources import StoreSource
from dutygraph.store import MANIFEST, Store, rule_as_construct, store_rules

G1 = "https://w3id.org/dutygraph/id/doc/0000000000000001"
G2 = "https://w3id.org/dutygraph/id/doc/0000000000000002"
DATA = """
@prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ex:span ex:begin "0"^^xsd:nonNegativeInteger ; ex:end "142"^^xsd:nonNegativeInteger ;
    ex:year "1982"^^xsd:gYear ; ex:date "2002-06-11"^^xsd:date ;
    ex:quote "Freedonia \\"shall\\" act\\nnow" ; ex:name "Freedonia"@en .
ex:fr skos:prefLabel "Freedonia"@en ; skos:altLabel "People\u2019s Republic of Freedonia" .
"""
SELECT_ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"


def _ntriples(turtle: str) -> str:
    return Graph().parse(data=turtle, format="turtle").serialize(format="nt")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "store")


def test_select_gives_the_strings_rdflib_gives(store: Store) -> None:
    store.load_document(G1, _ntriples(DATA))
    graph = Graph().parse(data=DATA, format="turtle")
    expected = sorted(tuple(str(v) for v in row) for row in graph.query(SELECT_ALL))  # type: ignore[union-attr]
    result = store.select(SELECT_ALL)
    assert result.columns == ("s", "p", "o")
    assert sorted(result.rows) == expected


def test_bindings_restrict_the_query(store: Store) -> None:
    store.load_document(G1, _ntriples(DATA))
    query = "SELECT ?p ?o WHERE { ?s ?p ?o }"
    result = store.select(query, {"s": URIRef("https://example.org/fr")})
    assert len(result.rows) == 2
    year = Literal("1982", datatype=XSD.gYear)
    assert store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": year}).rows == (
        ("https://example.org/span",),
    )
    assert store.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("1982")}).rows == ()


def test_load_document_replaces_the_graph_and_keeps_others(store: Store) -> None:
    store.load_document(G1, _ntriples(DATA))
    store.load_document(G2, _ntriples(DATA))
    store.load_document(G1, _ntriples("<https://example.org/a> <https://example.org/b> 1 ."))
    assert store.graph_size(G1) == 1
    assert store.graph_size(G2) == 8
    assert store.graph_names() == [G1, G2]


def test_manifest_lists_only_recorded_graphs_the_store_holds(store: Store) -> None:
    store.load_document(G1, _ntriples(DATA))
    store.record("a" * 64, G1, "one.txt")
    store.record("b" * 64, G2, "two.txt")  # recorded, but its graph was never loaded
    with open(store.directory / MANIFEST, "a", encoding="utf-8") as out:
        out.write('{"sha256": "c')  # a torn last line
    assert store.documents() == {"a" * 64: G1}


def test_labels_resolve_case_insensitively_with_either_apostrophe(store: Store) -> None:
    store.load_document(G1, _ntriples(DATA))
    freedonia = [URIRef("https://example.org/fr")]
    source = StoreSource(store)
    assert resolve(source, "FREEDONIA") == freedonia
    assert resolve(source, "people's republic of freedonia") == freedonia
    assert resolve(source, "Sylvania") == []
    assert resolve(source, "https://example.org/x") == [URIRef("https://example.org/x")]


def test_an_ask_is_a_table_of_one_cell_and_a_bad_query_one_error(store: Store) -> None:
    store.load_document(G1, _ntriples(DATA))
    assert store.select("ASK { GRAPH ?g { ?s ?p ?o } }").rows == (("true",),)
    assert store.select("ASK { GRAPH ?g { ?s <https://example.org/no> ?o } }").rows == (("false",),)
    with pytest.raises(DutygraphError, match="SPARQL"):
        store.select("SELECT WHERE")


def test_every_rule_becomes_the_construct_of_its_template() -> None:
    for rule in store_rules():
        head = rule.construct[: rule.construct.index("WHERE")]
        assert "INSERT" not in head and "GRAPH" not in head
        assert head.count("dg:bearer ?state") in {0, 1}
        assert prepareQuery(rule.construct).algebra.name == "ConstructQuery"


def test_a_rule_construct_keeps_prefixes_and_the_where_clause() -> None:
    text = (
        "PREFIX ex: <https://example.org/>\n"
        f"INSERT {{ GRAPH <{INFERRED}> {{ ?s ex:p ?o }} }}\nWHERE {{ ?s ex:q ?o }}"
    )
    assert rule_as_construct(text) == (
        "PREFIX ex: <https://example.org/>\nCONSTRUCT { ?s ex:p ?o }\nWHERE { ?s ex:q ?o }"
    )


def test_a_rule_into_another_graph_is_refused() -> None:
    text = "INSERT { GRAPH <https://example.org/g> { ?s ?p ?o } } WHERE { ?s ?p ?o }"
    with pytest.raises(DutygraphError, match=str(INFERRED)):
        rule_as_construct(text)


def test_rules_fill_the_inferred_graph_once_to_a_fixpoint(store: Store) -> None:
    state = "https://example.org/sylvania"
    store.load_document(
        G1, f"<{state}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://w3id.org/dutygraph/ns#State> .\n"
    )  # fmt: skip
    assert store.run_rules() == 1
    assert store.run_rules() == 1  # recomputed, not added twice
    rows = store.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ <{state}> ?p ?o }} }}").rows
    assert sorted(rows) == [(G1,), (str(INFERRED),)]


def test_a_missing_store_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(DutygraphError, match="not a dutygraph store"):
        Store(tmp_path / "nowhere", read_only=True)
