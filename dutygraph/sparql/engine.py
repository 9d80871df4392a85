"""The two engines that evaluate query text: Oxigraph, and rdflib's as the reference.

rdflib's own SPARQL engine is pure Python and evaluates a named query over one report's graph
in 30-300 ms; Oxigraph answers the same query in a few milliseconds, and the store uses it too,
so a report and a corpus are answered by the same engine. rdflib stays the reference engine,
used for SERVICE clauses and compared in the tests.

An Oxigraph query runs in a helper thread (Oxigraph releases the GIL), so ``limits.time_limit``
can stop a long one: the main thread's wait is interrupted and the CLI exits with its one-line
message.
"""

from __future__ import annotations

import threading

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from dutygraph.errors import DutygraphError, one_line
from dutygraph.sparql.files import parsed
from dutygraph.sparql.params import Bindings, with_values
from dutygraph.sparql.result import Result


class UnsupportedTerm(DutygraphError):
    """A term rdflib holds but Oxigraph refuses (an IRI with a space, a malformed language tag)."""


class NotASelect(DutygraphError):
    """An ASK, CONSTRUCT or DESCRIBE where a table was asked for."""


def oxigraph_store(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store with ``graph``'s triples in its default graph."""
    store = ox.Store()
    try:
        store.extend(_quad(*triple) for triple in graph.triples((None, None, None)))
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


def select(store: ox.Store, query_text: str, bindings: Bindings | None = None) -> Result:
    """Run a SELECT in Oxigraph; cells as rdflib's ``str`` gives them ("" when unbound).

    Bindings join as ``VALUES`` blocks: Oxigraph's own substitution refuses a variable that the
    SELECT does not project."""
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
        if isinstance(solutions, ox.QueryBoolean):
            outcome.append(Result.of_ask(bool(solutions)))
            return
        if isinstance(solutions, ox.QueryTriples):  # read here: it may not leave this thread
            triples = ox.serialize(solutions, format=ox.RdfFormat.N_TRIPLES)
            outcome.append(Result((), (), (triples or b"").decode("utf-8")))
            return
        if not isinstance(solutions, ox.QuerySolutions):
            raise NotASelect("only SELECT, ASK and CONSTRUCT queries run here")
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


def select_in_rdflib(graph: Graph, query_text: str, bindings: Bindings | None = None) -> Result:
    """rdflib's engine, with parameters joined as VALUES blocks as for every other engine
    (``initBindings`` would not reach a subquery)."""
    result = graph.query(parsed(with_values(query_text, bindings or {})))
    if result.type == "ASK":
        return Result.of_ask(bool(result.askAnswer))
    if result.type in {"CONSTRUCT", "DESCRIBE"} and result.graph is not None:
        return Result((), (), result.graph.serialize(format="nt"))
    columns = tuple(str(v) for v in (result.vars or ()))
    rows = tuple(tuple(_rdflib_cell(row, i) for i in range(len(columns))) for row in result)
    return Result(columns, rows)


def _rdflib_cell(row: object, index: int) -> str:
    value = row[index]  # type: ignore[index]
    return "" if value is None else str(value)
