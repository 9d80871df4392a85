"""The one query route on each source: a graph in memory (loaded into Oxigraph once, or read by
rdflib's engine), the on-disk store and an endpoint. The duties filters are parameters of the
query itself, and one resolver turns a label, alias, code or IRI into the same node on all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from store_helpers import Corpus

from dutygraph.namespace import DG
from dutygraph.remote import publish
from dutygraph.sparql import sources
from dutygraph.sparql.engine import oxigraph_store
from dutygraph.sparql.params import Params
from dutygraph.sparql.result import Result
from dutygraph.sparql.run import resolve, run
from dutygraph.sparql.sources import EndpointSource, MemorySource, Source, StoreSource
from dutygraph.store import Store

DATA = Path(__file__).resolve().parents[1] / "queries" / "duties" / "data.ttl"
FREEDONIA = URIRef("https://w3id.org/dutygraph/id/state/XFR")
GRAPH_IRI = "https://example.org/graph/fictland"
SOURCES = ("memory", "rdflib", "store", "endpoint")


@pytest.fixture(scope="module")
def fictland() -> Graph:
    """The duties case (Freedonia, Sylvania, a group, an inferred duty) with an alias and a
    demonym for Freedonia."""
    graph = Graph().parse(DATA, format="turtle")
    graph.add((FREEDONIA, SKOS.altLabel, Literal("Fredonia", lang="en")))
    graph.add((FREEDONIA, DG.demonym, Literal("Freedonian", lang="en")))
    return graph


@pytest.fixture(scope="module")
def endpoint(oxigraph_server: str, fictland: Graph) -> str:
    dataset = Dataset()
    named = dataset.graph(URIRef(GRAPH_IRI))
    for triple in fictland:
        named.add(triple)
    publish(dataset, f"{oxigraph_server}/store")
    return f"{oxigraph_server}/query"


@pytest.fixture(scope="module")
def fictland_store(tmp_path_factory: pytest.TempPathFactory, fictland: Graph) -> Iterator[Store]:
    store = Store(tmp_path_factory.mktemp("fictland") / "store")
    store.load_document(GRAPH_IRI, fictland.serialize(format="nt"))
    yield store


@pytest.fixture(params=SOURCES)
def source(
    request: pytest.FixtureRequest, fictland: Graph, fictland_store: Store, endpoint: str
) -> Source:
    kind = request.param
    if kind == "memory":
        return MemorySource(fictland)
    if kind == "rdflib":
        return MemorySource(fictland, engine="rdflib")
    return StoreSource(fictland_store) if kind == "store" else EndpointSource(endpoint)


# --- a graph in memory is loaded once ---------------------------------------------------------


def test_a_memory_source_answers_every_query_from_one_store(
    monkeypatch: pytest.MonkeyPatch, fictland: Graph
) -> None:
    loaded: list[Graph] = []

    def counted(graph: Graph) -> object:
        loaded.append(graph)
        return oxigraph_store(graph)

    monkeypatch.setattr(sources, "oxigraph_store", counted)
    source = MemorySource(fictland)
    assert run(source, "actors").rows
    assert run(source, "duties", {"bearer": "Freedonia"}).rows  # resolving runs queries too
    assert run(source, "parties").columns
    assert len(loaded) == 1 and loaded[0] is fictland


def test_the_rdflib_engine_builds_no_store(
    monkeypatch: pytest.MonkeyPatch, fictland: Graph
) -> None:
    def refused(graph: Graph) -> object:
        raise AssertionError("rdflib's engine needs no Oxigraph store")

    monkeypatch.setattr(sources, "oxigraph_store", refused)
    assert run(MemorySource(fictland, engine="rdflib"), "duties", {"bearer": "XFR"}).rows


# --- one resolver -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "Freedonia",  # label
        "FREEDONIA",
        "fredonia",  # alias (skos:altLabel)
        "Freedonian",  # demonym
        "XFR",  # ISO 3166 alpha-3 code (skos:notation)
        "xfr",
        str(FREEDONIA),  # IRI, bare
        f"<{FREEDONIA}>",  # IRI as the tables print it
    ],
)
def test_one_resolver_finds_the_node_on_every_source(source: Source, value: str) -> None:
    assert resolve(source, value) == [FREEDONIA]


def test_a_name_nobody_has_resolves_to_nothing_on_every_source(source: Source) -> None:
    assert resolve(source, "Atlantis") == []


# --- the duties filters are parameters of the query -------------------------------------------


def kept(result: Result, column: str, wanted: str | tuple[str, ...]) -> Result:
    """The rows ``duties --kind/--derivation`` kept when it filtered the answer in Python."""
    allowed = {wanted} if isinstance(wanted, str) else set(wanted)
    index = result.columns.index(column)
    return Result(result.columns, tuple(row for row in result.rows if row[index] in allowed))


FILTERS: list[tuple[Params, str, str | tuple[str, ...]]] = [
    ({}, "kind", "customary"),
    ({}, "kind", ("binding", "recommendation")),
    ({}, "derivation", "inferred"),
    ({}, "derivation", "extracted"),
    ({"bearer": "Freedonia"}, "kind", "binding"),
    ({"bearer": "Sylvania"}, "derivation", "inferred"),
]


@pytest.mark.parametrize(("base", "column", "wanted"), FILTERS)
def test_duties_filters_give_the_rows_the_python_filter_kept(
    source: Source, base: Params, column: str, wanted: str | tuple[str, ...]
) -> None:
    everything = run(source, "duties", base)
    filtered = run(source, "duties", {**base, column: wanted})
    assert filtered == kept(everything, column, wanted)


def test_every_filter_case_keeps_some_rows_and_drops_some(fictland: Graph) -> None:
    source = MemorySource(fictland)
    for base, column, wanted in FILTERS:
        everything = run(source, "duties", base)
        assert 0 < len(kept(everything, column, wanted).rows) <= len(everything.rows)
    assert len(kept(run(source, "duties"), "kind", "customary").rows) < len(
        run(source, "duties").rows
    )


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "customary"},
        {"kind": ["binding", "nonbinding"]},
        {"derivation": "inferred"},
        {"kind": "binding", "derivation": "inferred"},
    ],
)
def test_duties_filters_on_the_corpus_are_the_same_in_memory_and_in_the_store(
    corpus: Corpus, params: Params
) -> None:
    on_store = run(StoreSource(corpus.store()), "duties", params)
    everything = run(MemorySource(corpus.memory), "duties")
    expected = everything
    for column, wanted in params.items():
        assert wanted is not None
        expected = kept(expected, column, wanted if isinstance(wanted, str) else tuple(wanted))
    assert on_store.rows
    assert on_store == expected == run(MemorySource(corpus.memory), "duties", params)
