"""Where a query runs besides an in-memory graph (``query.run``): the on-disk store or a SPARQL
endpoint.

Each backend is a ``Source``: ``select(text, bindings)`` runs a SELECT with variables bound to
rdflib terms and returns a ``Result`` whose cells are the strings rdflib would give;
``resolve(value)`` turns a ``--param`` value (a label or an IRI) into IRIs; ``explain_graph``
gives the part of the data that ``explain`` needs, as an rdflib graph. ``run_on_source`` is
``query.run`` for any of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from rdflib import Graph, URIRef
from rdflib.term import Node

from dutygraph.bindings import unbracketed
from dutygraph.engine import memory_store, select
from dutygraph.matches import Select
from dutygraph.namespace import INFERRED, bind_prefixes
from dutygraph.query import Result, bind_parameters, is_shipped, prepare, query_text, tidy
from dutygraph.store import Store

_DG = "https://w3id.org/dutygraph/ns#"
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


class Source(Protocol):
    def select(self, text: str, bindings: Mapping[str, Node]) -> Result: ...

    def resolve(self, value: str) -> list[URIRef]: ...

    def explain_graph(self, target: str) -> Graph: ...


@dataclass(frozen=True)
class StoreSource:
    """The on-disk Oxigraph store of a corpus."""

    store: Store

    @classmethod
    def open(cls, directory: Path) -> StoreSource:
        return cls(Store(directory, read_only=True))

    def select(self, text: str, bindings: Mapping[str, Node]) -> Result:
        return self.store.select(text, bindings)

    def resolve(self, value: str) -> list[URIRef]:
        return self.store.label_lookup(value)

    def explain_graph(self, target: str) -> Graph:
        return _explain_graph(self, target, self.store.graph_text, self.store.construct)


@dataclass(frozen=True)
class EndpointSource:
    """A SPARQL 1.1 endpoint (its default graph must be the union of the published graphs)."""

    endpoint: str
    timeout: float = 60.0

    def select(self, text: str, bindings: Mapping[str, Node]) -> Result:
        from dutygraph.remote import select_remote

        return select_remote(self.endpoint, text, bindings, timeout=self.timeout)

    def resolve(self, value: str) -> list[URIRef]:
        from dutygraph.remote import resolve_remote

        return resolve_remote(self.endpoint, value, timeout=self.timeout)

    def explain_graph(self, target: str) -> Graph:
        from dutygraph import remote

        def fetch(graph_iri: str) -> str:
            return remote.fetch_graph(self.endpoint, graph_iri, self.timeout)

        def construct(query: str, bindings: Mapping[str, Node]) -> str:
            return remote.construct_remote(self.endpoint, query, bindings, self.timeout)

        return _explain_graph(self, target, fetch, construct)


def select_anywhere(source: Graph | Source) -> Select:
    """A SELECT runner for an in-memory graph (one Oxigraph copy), the store or an endpoint."""
    if isinstance(source, Graph):
        store = memory_store(source)
        return lambda text, bindings: select(store, text, bindings)
    return source.select


def run_on_source(
    source: Source,
    name_or_file: str,
    params: Mapping[str, str] | None = None,
    allow_service: bool = False,
) -> Result:
    """``query.run`` on any source: the same query text, refusals, and parameter binding."""
    text = query_text(name_or_file)
    if not is_shipped(name_or_file):
        prepare(text, allow_service=allow_service)  # refuses updates and SERVICE the same way
    bindings = bind_parameters(text, params or {}, source.resolve)
    return tidy(text, Result.combined([source.select(text, binding) for binding in bindings]))


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
    def __call__(self, query: str, bindings: Mapping[str, Node], /) -> str: ...
