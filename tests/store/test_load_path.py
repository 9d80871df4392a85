"""The batched bulk load of a corpus build holds exactly the quads of the documents' graphs:
each triple in its document's named graph and in the default graph, as one transactional
``load_document`` per document (the earlier load path) gives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from dutygraph.build import document_graph
from dutygraph.corpus import build_corpus
from dutygraph.errors import DutygraphError
from dutygraph.extract.read import read_path
from dutygraph.sparql.engine import oxigraph_term
from dutygraph.store import Store, document_nquads

G1 = "https://w3id.org/dutygraph/id/doc/0000000000000001"
G2 = "https://w3id.org/dutygraph/id/doc/0000000000000002"
FICTLAND = "<https://example.org/fictland> <https://example.org/party> <https://example.org/rc> .\n"
QUOTE = '<https://example.org/s> <https://example.org/quote> "Sylvania .\\nshall act" .\n'


def _graphs(paths: list[Path]) -> list[Graph]:
    return [document_graph(read_path(str(path)))[1] for path in paths]


def _expected_quads(graphs: list[Graph]) -> set[ox.Quad]:
    """Each triple of each graph in its named graph and in the default graph, as Oxigraph
    keeps them (an in-memory store: it stores an ``xsd:nonNegativeInteger`` as an integer)."""
    quads = ox.Store()
    for graph in graphs:
        name = ox.NamedNode(str(graph.identifier))
        for s, p, o in graph:
            terms = (oxigraph_term(s), oxigraph_term(p), oxigraph_term(o))
            quads.add(ox.Quad(*terms, name))  # type: ignore[arg-type]
            quads.add(ox.Quad(*terms, ox.DefaultGraph()))  # type: ignore[arg-type]
    return set(quads)


def _earlier_path(graphs: list[Graph], folder: Path) -> set[ox.Quad]:
    store = Store(folder)
    for graph in graphs:
        store.load_document(str(graph.identifier), graph.serialize(format="nt"))
    return set(store.quads())


def test_a_built_corpus_holds_the_quads_of_its_documents_graphs(
    reports: Callable[[int], list[Path]], fresh_store: Path, tmp_path: Path
) -> None:
    paths = reports(3)
    summary = build_corpus(paths, fresh_store, jobs=2, progress=False, rules=())
    assert (summary.documents, summary.failed, summary.inferred) == (len(paths), 0, 0)
    graphs = _graphs(paths)
    built = set(Store(fresh_store, read_only=True).quads())
    assert built == _expected_quads(graphs)
    assert built == _earlier_path(graphs, tmp_path / "earlier")


def test_batches_give_the_same_store_as_one_batch(
    reports: Callable[[int], list[Path]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = reports(3)
    build_corpus(paths, tmp_path / "one", jobs=1, progress=False)
    monkeypatch.setattr("dutygraph.corpus.BATCH_BYTES", 1)  # one document per batch
    build_corpus(paths, tmp_path / "many", jobs=1, progress=False)
    one = Store(tmp_path / "one", read_only=True)
    many = Store(tmp_path / "many", read_only=True)
    assert set(one.quads()) == set(many.quads())
    assert one.documents() == many.documents()


def test_nquads_of_rdflib_output_match_the_line_by_line_rewrite() -> None:
    ntriples = (FICTLAND + QUOTE).encode()
    line_by_line = document_nquads(G1, b"# a comment\n\n" + ntriples)
    assert document_nquads(G1, ntriples) == ntriples + ntriples.replace(
        b" .\n", f" <{G1}> .\n".encode()
    )
    assert set(ox.parse(line_by_line, format=ox.RdfFormat.N_QUADS)) == set(
        ox.parse(document_nquads(G1, ntriples), format=ox.RdfFormat.N_QUADS)
    )


def test_load_documents_replaces_a_graph_and_keeps_others(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    both = (FICTLAND + QUOTE).encode()
    store.load_documents([(G1, document_nquads(G1, both)), (G2, document_nquads(G2, both))])
    store.load_documents([(G1, document_nquads(G1, FICTLAND.encode()))])
    assert (store.graph_size(G1), store.graph_size(G2)) == (1, 2)
    assert store.statements() == 2


def test_a_document_that_does_not_parse_is_named(tmp_path: Path) -> None:
    store = Store(tmp_path / "store")
    good = document_nquads(G1, FICTLAND.encode())
    bad = f"<https://example.org/a> <b> <c> <{G2}> .\n".encode()
    with pytest.raises(DutygraphError, match=f"^{G2}: cannot load"):
        store.load_documents([(G1, good), (G2, bad)])
