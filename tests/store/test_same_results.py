"""The store answers every named query as the in-memory path does, on the same corpus; the
in-memory answers here come from rdflib's engine, the reference, not from Oxigraph again."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from store_helpers import Corpus, canonical

from dutygraph import resources
from dutygraph.build import build
from dutygraph.explain import explain, find_statement
from dutygraph.matches import statement_matches
from dutygraph.namespace import DG, INFERRED
from dutygraph.recurring import recurring
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import MemorySource, StoreSource

QUERY_NAMES = sorted(source.name.removesuffix(".rq") for source in resources.query_files())


def test_the_corpus_built_without_failures_or_violations(corpus: Corpus) -> None:
    assert corpus.summary.documents == len(corpus.paths)
    assert (corpus.summary.failed, corpus.summary.violations) == (0, 0)
    assert corpus.summary.inferred > 0


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_named_query_gives_the_same_rows(corpus: Corpus, name: str) -> None:
    in_memory = run(MemorySource(corpus.memory, "rdflib"), name)
    on_store = run(StoreSource(corpus.store()), name)
    assert canonical(on_store) == canonical(in_memory)


@pytest.mark.parametrize("bearer", ["China", "North Korea", "all States"])
def test_duties_of_one_bearer_are_the_same(corpus: Corpus, bearer: str) -> None:
    in_memory = run(MemorySource(corpus.memory, "rdflib"), "duties", {"bearer": bearer})
    on_store = run(StoreSource(corpus.store()), "duties", {"bearer": bearer})
    assert in_memory.rows
    assert canonical(on_store) == canonical(in_memory)


@pytest.mark.parametrize("bearer", [None, "China", "all States"])
def test_duties_rows_come_in_the_same_order_with_the_same_bytes(
    corpus: Corpus, bearer: str | None
) -> None:
    params = {"bearer": bearer} if bearer else {}
    on_store = run(StoreSource(corpus.store()), "duties", params)
    assert on_store.rows
    assert on_store == run(MemorySource(corpus.memory), "duties", params)
    assert on_store == run(MemorySource(corpus.memory, "rdflib"), "duties", params)


def test_the_rules_infer_the_same_triples(corpus: Corpus) -> None:
    dataset = build(corpus.paths).dataset
    expected = {tuple(str(term) for term in triple) for triple in dataset.graph(INFERRED)}
    text = corpus.store().graph_text(str(INFERRED))
    found = {
        tuple(str(term) for term in triple) for triple in Graph().parse(data=text, format="nt")
    }
    assert found == expected


def test_explain_reads_the_same_statement_from_the_store(corpus: Corpus) -> None:
    source = StoreSource(corpus.store())
    matches = statement_matches(MemorySource(corpus.memory).select, "repeal")
    assert statement_matches(source.select, "repeal") == matches
    statement = matches[0].statement
    expected = explain(corpus.memory, find_statement(corpus.memory, statement)).to_text()
    part = source.explain_graph(statement)
    assert explain(part, find_statement(part, statement)).to_text() == expected


@pytest.mark.parametrize("word", ["the", "refugees", "and"])
def test_explain_by_a_common_word_lists_the_same_matches_and_fetches_only_one(
    corpus: Corpus, word: str
) -> None:
    source = StoreSource(corpus.store())
    matches = statement_matches(MemorySource(corpus.memory).select, word)
    assert len(matches) > 1
    assert statement_matches(source.select, word) == matches
    part = source.explain_graph(matches[0].statement)
    assert len(set(part.subjects(DG.action, None))) < len(set(corpus.memory.subjects(DG.action)))


def test_an_inferred_duty_is_explained_from_the_store_with_its_grounds(corpus: Corpus) -> None:
    query = "SELECT ?s WHERE { ?s <https://w3id.org/dutygraph/ns#inferredBy> ?rule } ORDER BY ?s"
    statements = [URIRef(str(row[0])) for row in corpus.memory.query(query)]  # type: ignore[index]
    assert statements, "the corpus should hold an inferred duty"
    expected = explain(corpus.memory, statements[0]).to_text()
    part = StoreSource(corpus.store()).explain_graph(str(statements[0]))
    assert "derived by rule" in expected
    assert explain(part, statements[0]).to_text() == expected


@pytest.mark.parametrize("bearer", ["China", "all States"])
def test_the_matrix_of_one_bearer_is_the_same(corpus: Corpus, bearer: str) -> None:
    in_memory = run(MemorySource(corpus.memory, "rdflib"), "matrix", {"bearer": bearer})
    on_store = run(StoreSource(corpus.store()), "matrix", {"bearer": bearer})
    assert in_memory.rows
    assert canonical(on_store) == canonical(in_memory)


def test_the_recurring_recommendations_are_the_same(corpus: Corpus) -> None:
    assert recurring(StoreSource(corpus.store())) == recurring(MemorySource(corpus.memory))
