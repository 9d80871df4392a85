"""Where a query runs: a graph in memory, the on-disk store, or a SPARQL endpoint.

Each is a ``Source``: ``select(text, bindings)`` runs a SELECT with variables bound to rdflib
terms and returns a ``Result`` whose cells are the strings rdflib would give; ``explain_graph``
gives the part of the data that ``explain`` needs, as an rdflib graph. Labels are resolved for
all three by ``params.resolve`` through ``select``, so they resolve the same way everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal as Choice
from typing import Protocol

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

from dutygraph import resources
from dutygraph.namespace import INFERRED, bind_prefixes
from dutygraph.sparql.engine import (
    NotASelect,
    UnsupportedTerm,
    oxigraph_store,
    select,
    select_in_rdflib,
)
from dutygraph.sparql.params import Bindings, code_of, unbracketed
from dutygraph.sparql.result import Result
from dutygraph.store import Store
from dutygraph.vocabulary import vocabulary_graph

Engine = Choice["oxigraph", "rdflib"]
_DG = "https://w3id.org/dutygraph/ns#"
_SERVICE = re.compile(r"(?<![\w?$:.-])SERVICE(?![\w:-])", re.IGNORECASE)
# What explain needs from a store or endpoint: the named graphs that hold a statement and the
# nodes it derives from, and the inferred triples about those nodes. Explain then runs,
# unchanged, on just those triples.
_GRAPHS_OF_NODES = """
SELECT DISTINCT ?g WHERE {
  ?start <%(dg)sderivedFrom>* ?node .
  GRAPH ?g { ?node ?p ?o }
}"""
_INFERRED_CLOSURE = """
CONSTRUCT { ?node ?p ?o } WHERE {
  ?start <%(dg)sderivedFrom>* ?node .
  GRAPH <%(inferred)s> { ?node ?p ?o }
}"""


_NAMED_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"


class Source(Protocol):
    def select(self, text: str, bindings: Bindings) -> Result: ...

    def explain_graph(self, target: str) -> Graph: ...

    def dataset(self) -> Dataset: ...


class MemorySource:
    """An rdflib graph (a dataset's union: ``rdfio.union``), answered by one in-memory
    Oxigraph store that is filled the first time a query needs it and reused by every later
    query. The graph must not change after that first query.

    rdflib's engine answers instead when asked (``engine="rdflib"``), for SERVICE clauses
    (only rdflib sends them), for a query that is not a SELECT, and for a graph holding a term
    Oxigraph refuses (rdflib's engine takes any term rdflib parsed)."""

    def __init__(self, graph: Graph, engine: Engine = "oxigraph") -> None:
        self.graph = graph
        self.engine: Engine = engine
        self._store: ox.Store | None = None
        self._refused = False

    def select(self, text: str, bindings: Bindings) -> Result:
        store = self._oxigraph() if self.engine == "oxigraph" else None
        if store is None or _SERVICE.search(code_of(text)):
            return select_in_rdflib(self.graph, text, bindings)
        try:
            return select(store, text, bindings)
        except NotASelect:
            return select_in_rdflib(self.graph, text, bindings)

    def _oxigraph(self) -> ox.Store | None:
        if self._store is None and not self._refused:
            try:
                self._store = oxigraph_store(self.graph)
            except UnsupportedTerm:
                self._refused = True
        return self._store

    def explain_graph(self, target: str) -> Graph:
        return self.graph

    def dataset(self) -> Dataset:
        dataset = Dataset(default_union=True)
        bind_prefixes(dataset)
        for triple in self.graph:
            dataset.add(triple)
        return dataset


@lru_cache(maxsize=1)
def vocabulary_source() -> MemorySource:
    """The shipped vocabularies, where a label the data lacks is looked up last (so an acronym
    finds its treaty)."""
    return MemorySource(vocabulary_graph())


@dataclass(frozen=True)
class StoreSource:
    """The on-disk Oxigraph store of a corpus."""

    store: Store

    @classmethod
    def open(cls, directory: Path) -> StoreSource:
        return cls(Store(directory, read_only=True))

    def select(self, text: str, bindings: Bindings) -> Result:
        return self.store.select(text, bindings)

    def explain_graph(self, target: str) -> Graph:
        return _explain_graph(self, target, self.store.graph_text, self.store.construct)

    def dataset(self) -> Dataset:
        return _named_graphs(self.store.graph_names(), self.store.graph_text)


@dataclass
class EndpointSource:
    """A SPARQL 1.1 endpoint (its default graph must be the union of the published graphs)."""

    endpoint: str
    timeout: float = 60.0
    checked: bool = field(default=False, compare=False, repr=False)  # its default graph

    def select(self, text: str, bindings: Bindings) -> Result:
        from dutygraph.remote import check_union_default_graph, select_remote

        if not self.checked:  # once per source: does the default graph hold the data?
            check_union_default_graph(self.endpoint, self.timeout)
            self.checked = True
        return select_remote(self.endpoint, text, bindings, timeout=self.timeout)

    def explain_graph(self, target: str) -> Graph:
        from dutygraph import remote

        def fetch(graph_iri: str) -> str:
            return remote.fetch_graph(self.endpoint, graph_iri, self.timeout)

        def construct(query: str, bindings: Bindings) -> str:
            return remote.construct_remote(self.endpoint, query, bindings, self.timeout)

        return _explain_graph(self, target, fetch, construct)

    def dataset(self) -> Dataset:
        from dutygraph import remote

        names = [row[0] for row in self.select(_NAMED_GRAPHS, {}).rows]
        return _named_graphs(
            names, lambda iri: remote.fetch_graph(self.endpoint, iri, self.timeout)
        )


def _named_graphs(names: Iterable[str], fetch: _Fetch) -> Dataset:
    """Every named graph, each fetched as N-Triples into a graph of that name."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for iri in names:
        graph = dataset.graph(URIRef(iri))
        graph.parse(data=fetch(iri), format="nt")
        _restore_integer_types(graph)
    return dataset


def _restore_integer_types(graph: Graph) -> None:
    """Oxigraph keeps an ``xsd:nonNegativeInteger`` as an ``xsd:integer``; where the shipped
    shapes give a property that narrower type, the literal gets it back."""
    for predicate, datatype in _narrow_integer_properties():
        for subject, value in list(graph.subject_objects(predicate)):
            if isinstance(value, Literal) and value.datatype == XSD.integer:
                graph.remove((subject, predicate, value))
                graph.add((subject, predicate, Literal(str(value), datatype=datatype)))


@lru_cache(maxsize=1)
def _narrow_integer_properties() -> tuple[tuple[URIRef, URIRef], ...]:
    shapes = Graph().parse(data=resources.shape_file("core").read_text("utf-8"), format="turtle")
    narrow = {XSD.nonNegativeInteger, XSD.positiveInteger}
    pairs = {
        (path, datatype)
        for shape, datatype in shapes.subject_objects(SH.datatype)
        if datatype in narrow
        for path in shapes.objects(shape, SH.path)
        if isinstance(path, URIRef) and isinstance(datatype, URIRef)
    }
    return tuple(sorted(pairs))


def _explain_graph(source: Source, target: str, fetch: _Fetch, construct: _Construct) -> Graph:
    """The document graphs that hold the statement ``target`` (an IRI) and what it derives
    from, plus the inferred triples about those nodes."""
    start = URIRef(unbracketed(target))
    result = source.select(_GRAPHS_OF_NODES % {"dg": _DG}, {"start": start})
    graph_iris = {row[0] for row in result.rows}
    graph = Graph()
    bind_prefixes(graph)
    for iri in sorted(graph_iris - {str(INFERRED)}):
        graph.parse(data=fetch(iri), format="nt")
    if str(INFERRED) in graph_iris:
        query = _INFERRED_CLOSURE % {"dg": _DG, "inferred": INFERRED}
        graph.parse(data=construct(query, {"start": start}), format="nt")
    return graph


class _Fetch(Protocol):
    def __call__(self, graph_iri: str, /) -> str: ...


class _Construct(Protocol):
    def __call__(self, query: str, bindings: Bindings, /) -> str: ...
