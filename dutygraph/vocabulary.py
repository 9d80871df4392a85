"""The shipped ontology and SKOS vocabularies as one rdflib graph (parsed once per process)."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from dutygraph import resources


@lru_cache(maxsize=1)
def vocabulary_graph() -> Graph:
    graph = Graph()
    for source in resources.vocabulary_files():
        graph.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    return graph
