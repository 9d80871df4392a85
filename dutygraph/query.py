"""Running the shipped SPARQL files (and a user's own) over a graph, read-only."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Literal as Choice

from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from dutygraph import resources
from dutygraph.bindings import LABEL_PROPERTIES, fold, is_iri_parameter, unbracketed, with_values
from dutygraph.engine import Result, UnsupportedTerm, memory_store, select
from dutygraph.errors import DutygraphError, one_line
from dutygraph.vocabulary import vocabulary_graph

Engine = Choice["oxigraph", "rdflib"]
_LABELS = tuple(URIRef(prop) for prop in LABEL_PROPERTIES)
_LIST_SEPARATOR = " | "
Resolve = Callable[[str], list[URIRef]]


@lru_cache(maxsize=1)
def named_queries() -> dict[str, str]:
    """Name -> the question its header comment asks."""
    return {name: question_of(text) for name, text in _shipped_texts().items()}


@lru_cache(maxsize=1)
def named_parameters() -> dict[str, tuple[str, ...]]:
    """Name -> the ``--param`` names its header declares."""
    return {name: parameters_of(text) for name, text in _shipped_texts().items()}


@lru_cache(maxsize=1)
def _shipped_texts() -> dict[str, str]:
    return {
        source.name.removesuffix(".rq"): source.read_text(encoding="utf-8")
        for source in resources.query_files()
    }


def question_of(text: str) -> str:
    match = re.search(r"Question:\s*(.*?)(?:\s+Parameters:|$)", _header(text))
    return match.group(1).strip() if match else ""


def parameters_of(text: str) -> tuple[str, ...]:
    """The ``--param`` names a query's header declares: ``?bearer_iri`` is ``bearer``."""
    match = re.search(r"Parameters:\s*(.*?)(?:\s+Columns:|$)", _header(text))
    names = re.findall(r"\?([A-Za-z_][A-Za-z0-9_]*)", match.group(1) if match else "")
    return tuple(dict.fromkeys(name.removesuffix("_iri") for name in names))


def list_columns(text: str) -> tuple[str, ...]:
    """The columns a header says hold several values joined with " | " (``Lists: a, b``)."""
    match = re.search(r"Lists:\s*([A-Za-z0-9_, ]+)", _header(text))
    return tuple(n.strip() for n in match.group(1).split(",") if n.strip()) if match else ()


def _header(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return " ".join(lines)


def query_text(name_or_file: str) -> str:
    path = Path(name_or_file)
    if path.suffix == ".rq" or "/" in name_or_file:
        if not path.is_file():
            raise DutygraphError(f"{name_or_file}: no such query file")
        return path.read_text(encoding="utf-8")
    known = named_queries()
    if name_or_file not in known:
        raise DutygraphError(f"unknown query {name_or_file!r} (known: {', '.join(sorted(known))})")
    return resources.query_file(name_or_file).read_text(encoding="utf-8")


def prepare(text: str, allow_service: bool = False) -> Query:
    """Parse a SELECT/ASK/CONSTRUCT query; refuse updates, and SERVICE unless allowed."""
    try:
        prepared = prepareQuery(text)
    except Exception as error:
        if _is_update(text):
            raise DutygraphError(
                "refused: this is a SPARQL UPDATE; queries are read-only"
            ) from None
        raise DutygraphError(f"SPARQL syntax error: {one_line(error)}") from None
    if not allow_service and _has_service(prepared):
        raise DutygraphError("refused: the query has a SERVICE clause (use --allow-service)")
    return prepared


@lru_cache(maxsize=64)
def _prepared_named(text: str) -> Query:
    return prepare(text)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True


def resolve_parameter(graph: Graph, value: str) -> list[URIRef]:
    """An IRI as given (``<...>`` or bare), or every node whose label, alias or code (a state's
    ISO 3166 alpha-3) equals ``value`` case-insensitively: labels in the graph first, then the
    shipped vocabulary's (so an acronym finds its treaty)."""
    if is_iri_parameter(value):
        return [URIRef(unbracketed(value))]
    wanted = fold(value)
    for source in (graph, vocabulary_graph()):
        found = {
            subject
            for prop in _LABELS
            for subject, label in source.subject_objects(prop)
            if isinstance(subject, URIRef) and fold(str(label)) == wanted
        }
        if found:
            return sorted(found)
    return []


def run(
    graph: Graph,
    name_or_file: str,
    params: dict[str, str] | None = None,
    allow_service: bool = False,
    engine: Engine = "oxigraph",
) -> Result:
    """A named query or query file over ``graph``, once per combination of parameter values.

    Oxigraph evaluates it (see ``engine``); rdflib does when asked, and for SERVICE clauses,
    which only rdflib sends. A user's file is parsed by rdflib first, so the refusals and
    syntax messages are the same everywhere; a shipped query is known to be a plain SELECT
    (rdflib's parser alone takes 100-200 ms for the duties query)."""
    text = query_text(name_or_file)
    bindings = bind_parameters(text, params or {}, lambda value: resolve_parameter(graph, value))
    parse_first = engine == "rdflib" or not is_shipped(name_or_file)
    prepared = _checked(text, allow_service) if parse_first else None
    if prepared is not None and (engine == "rdflib" or not _is_plain_select(prepared)):
        return tidy(text, _run_in_rdflib(graph, text, bindings, allow_service))
    try:
        return tidy(text, _run_in_oxigraph(graph, text, bindings))
    except UnsupportedTerm:  # rdflib's engine takes any term rdflib parsed
        return tidy(text, _run_in_rdflib(graph, text, bindings, allow_service))


def _checked(text: str, allow_service: bool) -> Query:
    return prepare(text, allow_service=True) if allow_service else _prepared_named(text)


def _is_plain_select(prepared: Query) -> bool:
    """A SELECT without SERVICE: Oxigraph runs it (only rdflib sends SERVICE requests)."""
    return prepared.algebra.name == "SelectQuery" and not _has_service(prepared)


def is_shipped(name_or_file: str) -> bool:
    """Whether ``name_or_file`` names one of the shipped queries (not a file of one's own)."""
    return name_or_file in named_queries()


def _run_in_oxigraph(graph: Graph, text: str, bindings: list[dict[str, Node]]) -> Result:
    store = memory_store(graph)
    return Result.combined([select(store, text, binding) for binding in bindings])


def _run_in_rdflib(
    graph: Graph, text: str, bindings: list[dict[str, Node]], allow_service: bool
) -> Result:
    """rdflib's engine, with parameters joined as VALUES blocks as for every other engine
    (``initBindings`` would not reach a subquery)."""
    columns: tuple[str, ...] = ()
    rows: list[tuple[str, ...]] = []
    for binding in bindings:
        prepared = _checked(with_values(text, binding), allow_service)
        result = graph.query(prepared)
        columns = tuple(str(v) for v in (result.vars or ()))
        rows.extend(tuple(_cell(row, i) for i in range(len(columns))) for row in result)
    return Result(columns, tuple(rows))


def _cell(row: object, index: int) -> str:
    value = row[index]  # type: ignore[index]
    return "" if value is None else str(value)


def _has_service(prepared: Query) -> bool:
    return "ServiceGraphPattern" in repr(prepared.algebra)


def bind_parameters(
    text: str, params: Mapping[str, str], resolve: Resolve
) -> list[dict[str, Node]]:
    """Every combination of parameter values: ``key`` binds ``?key_iri`` to the nodes
    ``resolve`` finds for ``value`` (a label, alias, code or IRI), or ``?key`` to ``value`` as
    a plain literal (a text parameter such as a search term)."""
    combos: list[dict[str, Node]] = [{}]
    for key, value in params.items():
        variable = _variable_for(text, key)
        nodes: list[Node] = [Literal(value)]
        if variable.endswith("_iri"):
            nodes = list(resolve(value))
        if not nodes:
            raise DutygraphError(
                f"{key} {value!r}: nothing in the graph has that name, code or IRI"
            )
        combos = [{**combo, variable: node} for combo in combos for node in nodes]
    return combos


def _variable_for(text: str, key: str) -> str:
    for candidate in (f"{key}_iri", key):
        if re.search(rf"\?{re.escape(candidate)}\b", text):
            return candidate
    declared = parameters_of(text)
    takes = f"it takes {', '.join(declared)}" if declared else "it takes no parameters"
    raise DutygraphError(f"unknown parameter {key!r}: {takes}")


def tidy(text: str, result: Result) -> Result:
    """The same bytes from every engine: the values of each list column sorted; a label list and
    its ``_iri`` list of the same length sorted as pairs, so each label stays beside its IRI."""
    declared = list_columns(text)
    lists = [name for name in result.columns if name in declared]
    if not lists:
        return result
    index = {name: i for i, name in enumerate(result.columns)}
    return Result(result.columns, tuple(_sorted_cells(row, lists, index) for row in result.rows))


def _sorted_cells(row: tuple[str, ...], lists: list[str], index: dict[str, int]) -> tuple[str, ...]:
    cells = list(row)
    for name in lists:
        if name.endswith("_iri") and name.removesuffix("_iri") in lists:
            continue  # sorted with its labels
        values, paired = _values(cells[index[name]]), f"{name}_iri"
        iris = _values(cells[index[paired]]) if paired in lists else []
        if paired in lists and len(values) == len(iris):
            pairs = sorted(zip(values, iris, strict=True))
            values, iris = [label for label, _ in pairs], [iri for _, iri in pairs]
        else:
            values, iris = sorted(values), sorted(iris)
        cells[index[name]] = _LIST_SEPARATOR.join(values)
        if paired in lists:
            cells[index[paired]] = _LIST_SEPARATOR.join(iris)
    return tuple(cells)


def _values(cell: str) -> list[str]:
    return cell.split(_LIST_SEPARATOR) if cell else []
