"""Oxigraph runs the SPARQL: over the on-disk store, and over an rdflib graph in memory.

rdflib's own SPARQL engine is pure Python and evaluates a named query over one report's graph
in 30-300 ms; Oxigraph answers the same query in a few milliseconds, and the store uses it too,
so a report and a corpus are answered by the same engine. rdflib stays the reference engine
(``query.run(..., engine="rdflib")``), used for SERVICE clauses and compared in the tests.

A query runs in a helper thread (Oxigraph releases the GIL), so ``limits.time_limit`` can stop
a long one: the main thread's wait is interrupted and the CLI exits with its one-line message.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from dutygraph.bindings import with_values
from dutygraph.errors import DutygraphError, one_line


@dataclass(frozen=True)
class Result:
    """A SELECT's answer: column names and rows of cells as text ("" when unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @staticmethod
    def combined(results: list[Result]) -> Result:
        """One result from the results of the same query under several parameter bindings."""
        columns = next((r.columns for r in results if r.columns), ())
        return Result(columns, tuple(row for result in results for row in result.rows))


class UnsupportedTerm(DutygraphError):
    """A term rdflib holds but Oxigraph refuses (an IRI with a space, a malformed language tag)."""


def memory_store(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store with ``graph``'s triples in its default graph."""
    store = ox.Store()
    try:
        store.extend(_quad(*triple) for triple in graph)
    except ValueError as error:
        raise UnsupportedTerm(f"the query engine refuses a term of the graph: {error}") from None
    return store


def _quad(subject: Node, predicate: Node, value: Node) -> ox.Quad:
    return ox.Quad(oxigraph_term(subject), oxigraph_term(predicate), oxigraph_term(value))  # type: ignore[arg-type]


def oxigraph_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise DutygraphError(f"cannot hand {term!r} to the query engine")


def select(store: ox.Store, query_text: str, bindings: Mapping[str, Node] | None = None) -> Result:
    """Run a SELECT; cells as rdflib's ``str`` gives them ("" when unbound).

    Bindings join as ``VALUES`` blocks (``bindings.with_values``): Oxigraph's own substitution
    refuses a variable that the SELECT does not project."""
    text = with_values(query_text, bindings or {})
    outcome: list[Result | BaseException] = []
    worker = threading.Thread(target=_evaluate, args=(store, text, outcome), daemon=True)
    worker.start()
    worker.join()
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _evaluate(store: ox.Store, text: str, outcome: list[Result | BaseException]) -> None:
    try:
        solutions = store.query(text)
        if not isinstance(solutions, ox.QuerySolutions):
            raise DutygraphError("only SELECT queries can run as a table")
        columns = tuple(v.value for v in solutions.variables)
        rows = tuple(_row(solution, len(columns)) for solution in solutions)
        outcome.append(Result(columns, rows))
    except (SyntaxError, RuntimeError, OSError) as error:
        outcome.append(DutygraphError(f"SPARQL error in the query engine: {one_line(error)}"))
    except BaseException as error:
        outcome.append(error)


def _row(solution: ox.QuerySolution, width: int) -> tuple[str, ...]:
    return tuple(_cell(solution[index]) for index in range(width))


def _cell(term: object) -> str:
    if term is None:
        return ""
    value = getattr(term, "value", None)
    return "" if value is None else str(value)
