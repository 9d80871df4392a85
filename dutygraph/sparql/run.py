"""The one route of a query: ``run(source, name_or_file, params)`` on any ``Source``.

The CLI's commands and the library's callers all come through here, so a named query gives the
same rows, refusals and parameter errors in memory, in the store and at an endpoint.
"""

from __future__ import annotations

from rdflib import URIRef

from dutygraph.sparql.files import checked_text
from dutygraph.sparql.params import Params, bind
from dutygraph.sparql.params import resolve as resolve_in
from dutygraph.sparql.result import Result, tidy
from dutygraph.sparql.sources import Source, vocabulary_source


def run(
    source: Source,
    name_or_file: str,
    params: Params | None = None,
    allow_service: bool = False,
) -> Result:
    """A named query or query file on ``source``; a parameter of several values is one VALUES
    row each, but an IRI parameter runs the query once per node it resolves to (a label may
    name several)."""
    text = checked_text(name_or_file, allow_service)
    bindings = bind(text, params or {}, lambda value: resolve(source, value))
    return tidy(text, Result.combined([source.select(text, binding) for binding in bindings]))


def resolve(source: Source, value: str) -> list[URIRef]:
    """The IRIs ``--param`` means by ``value``: an IRI as given, else the nodes of ``source``
    with that label, alias or code, else those of the shipped vocabularies."""
    return resolve_in(value, [source.select, vocabulary_source().select])
