"""A real triplestore over HTTP: publish named graphs, run the named queries remotely.

``publish`` sends each named graph with the SPARQL 1.1 Graph Store HTTP Protocol (``PUT
?graph=IRI`` with an N-Triples body); with one target graph IRI the first graph is PUT and the
others POSTed (merged) into it. ``select_remote`` runs a SELECT over the SPARQL 1.1 Protocol.
Parameter values never enter the query as raw text: IRIs are validated and literals escaped,
and they are joined to the query with a ``VALUES`` block at the top of each ``WHERE`` group that
uses the variable. Only the standard library is used; loopback hosts bypass any proxy.

The named queries read the default graph, so the endpoint's default graph must be the union of
the named graphs (Oxigraph: ``serve --union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph
true``; GraphDB and Virtuoso do so by default).
"""

from __future__ import annotations

import io
import ipaddress
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from dutygraph.errors import DutygraphError
from dutygraph.query import Result
from dutygraph.store import LABEL_PROPERTIES, Store

N_TRIPLES = "application/n-triples"
SPARQL_QUERY = "application/sparql-query"
SPARQL_JSON = "application/sparql-results+json"
DEFAULT_TIMEOUT = 60.0
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LANGUAGE = re.compile(r"^[A-Za-z]+(?:-[A-Za-z0-9]+)*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_WHERE = re.compile(r"WHERE\s*\{", re.IGNORECASE)
_LABELS_QUERY = (
    "SELECT DISTINCT ?s ?label WHERE { VALUES ?p { %s } ?s ?p ?label FILTER(isIRI(?s)) }"
)


@dataclass(frozen=True)
class Published:
    graphs: int
    statements: int


# --- publishing ------------------------------------------------------------------------------


def publish(
    source: Dataset | Store,
    endpoint: str,
    graph_iri: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Published:
    """Send every non-empty named graph of ``source`` to the Graph Store ``endpoint``."""
    _check_endpoint(endpoint)
    if graph_iri is not None:
        sparql_iri(graph_iri)
    graphs = statements = 0
    for name, body, size in _graph_bodies(source):
        target = graph_iri or name
        method = "POST" if graph_iri is not None and graphs else "PUT"
        url = _with_query(endpoint, {"graph": target})
        _request(url, method, body, {"Content-Type": N_TRIPLES}, timeout)
        graphs += 1
        statements += size
    return Published(graphs, statements)


def _graph_bodies(source: Dataset | Store) -> Iterator[tuple[str, bytes, int]]:
    """(graph IRI, N-Triples body, triple count) for each non-empty named graph."""
    if isinstance(source, Store):
        for name in source.graph_names():
            buffer = io.BytesIO()
            source.dump_graph(name, buffer)
            body = buffer.getvalue()
            if body:
                yield name, body, body.count(b"\n")
        return
    for graph in sorted(source.graphs(), key=lambda g: str(g.identifier)):
        if len(graph) and isinstance(graph.identifier, URIRef):
            text = graph.serialize(format="nt", encoding="utf-8")
            yield str(graph.identifier), text, len(graph)


# --- querying --------------------------------------------------------------------------------


def select_remote(
    endpoint: str,
    query_text: str,
    bindings: Mapping[str, Node] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Result:
    """Run a SELECT at ``endpoint`` (SPARQL 1.1 Protocol); cells as rdflib's ``str`` gives them."""
    data = _query(endpoint, with_values(query_text, bindings or {}), SPARQL_JSON, timeout)
    try:
        answer = json.loads(data)
        columns = tuple(answer["head"]["vars"])
        rows = tuple(_json_row(row, columns) for row in answer["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        raise DutygraphError(f"{endpoint}: not a SPARQL JSON result of a SELECT") from None
    return Result(columns, rows)


def construct_remote(
    endpoint: str,
    query_text: str,
    bindings: Mapping[str, Node] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """Run a CONSTRUCT at ``endpoint``; the triples as N-Triples text."""
    data = _query(endpoint, with_values(query_text, bindings or {}), N_TRIPLES, timeout)
    return data.decode("utf-8")


def fetch_graph(endpoint: str, graph_iri: str, timeout: float = DEFAULT_TIMEOUT) -> str:
    """One named graph, through the query endpoint, as N-Triples text."""
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {sparql_iri(graph_iri)} {{ ?s ?p ?o }} }}"
    return construct_remote(endpoint, query, timeout=timeout)


def resolve_remote(endpoint: str, value: str, timeout: float = DEFAULT_TIMEOUT) -> list[URIRef]:
    """An IRI as given, or every IRI whose label equals ``value`` case-insensitively."""
    if re.match(r"^(?:https?|urn):", value):
        sparql_iri(value)
        return [URIRef(value)]
    properties = " ".join(sparql_iri(p) for p in LABEL_PROPERTIES)
    result = select_remote(endpoint, _LABELS_QUERY % properties, timeout=timeout)
    wanted = _fold(value)
    return sorted({URIRef(iri) for iri, label in result.rows if _fold(label) == wanted})


def _query(endpoint: str, text: str, accept: str, timeout: float) -> bytes:
    _check_endpoint(endpoint)
    headers = {"Content-Type": SPARQL_QUERY, "Accept": accept}
    return _request(endpoint, "POST", text.encode("utf-8"), headers, timeout)


def _json_row(row: Mapping[str, Any], columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(str(row[c]["value"]) if c in row else "" for c in columns)


def _fold(text: str) -> str:
    return text.casefold().replace("\u2019", "'")


# --- safe query text -------------------------------------------------------------------------


def with_values(query_text: str, bindings: Mapping[str, Node]) -> str:
    """The query with ``VALUES (?v ...) { (term ...) }`` first in every WHERE group using ?v."""
    if not bindings:
        return query_text
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise DutygraphError(f"not a SPARQL variable name: {name!r}")
    terms = {name: sparql_term(node) for name, node in bindings.items()}
    pieces: list[str] = []
    last = 0
    for opening in where_groups(query_text):
        group = query_text[opening : _group_end(query_text, opening)]
        used = [name for name in terms if re.search(rf"[?$]{name}\b", group)]
        if used:
            pieces.append(query_text[last : opening + 1])
            pieces.append(_values_block(used, terms))
            last = opening + 1
    if not pieces:
        raise DutygraphError("cannot bind parameters: the query has no WHERE { ... } using them")
    return "".join(pieces) + query_text[last:]


def _values_block(names: list[str], terms: Mapping[str, str]) -> str:
    variables = " ".join(f"?{name}" for name in names)
    values = " ".join(terms[name] for name in names)
    return f" VALUES ({variables}) {{ ({values}) }} "


def where_groups(text: str) -> list[int]:
    """Offsets of the ``{`` of each ``WHERE {`` outside comments, IRIs and strings."""
    found = []
    for start, end in _code_ranges(text):
        for match in _WHERE.finditer(text, start, end):
            found.append(match.end() - 1)
    return found


def _code_ranges(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of ``text`` that are neither comments nor string literals nor IRIs."""
    start = index = 0
    while index < len(text):
        char = text[index]
        skip_to = _skip(text, index, char)
        if skip_to is None:
            index += 1
            continue
        yield start, index
        start = index = skip_to
    yield start, len(text)


def _skip(text: str, index: int, char: str) -> int | None:
    if char == "#":
        newline = text.find("\n", index)
        return len(text) if newline < 0 else newline
    if char in "\"'":
        end = index + 1
        while end < len(text) and text[end] != char:
            end += 2 if text[end] == "\\" else 1
        return min(end + 1, len(text))
    if char == "<":
        match = re.compile(r"<[^<>\"{}|^`\\\s]*>").match(text, index)
        return match.end() if match else None
    return None


def _group_end(text: str, opening: int) -> int:
    depth = 0
    for start, end in _code_ranges(text[opening:]):
        for index in range(opening + start, opening + end):
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            if depth == 0:
                return index + 1
    return len(text)


def sparql_term(node: Node) -> str:
    """``node`` in SPARQL syntax: IRIs checked, literals escaped; blank nodes refused."""
    if isinstance(node, URIRef):
        return sparql_iri(str(node))
    if isinstance(node, Literal):
        return sparql_literal(node)
    if isinstance(node, BNode):
        raise DutygraphError("a blank node cannot be sent as a parameter")
    raise DutygraphError(f"cannot send {node!r} as a parameter")


def sparql_iri(iri: str) -> str:
    if not _SCHEME.match(iri) or _IRI_FORBIDDEN.search(iri):
        raise DutygraphError(f"not a valid absolute IRI: {iri!r}")
    return f"<{iri}>"


def sparql_literal(literal: Literal) -> str:
    text = "".join(_ESCAPES.get(char, char) for char in str(literal))
    if literal.language:
        if not _LANGUAGE.match(literal.language):
            raise DutygraphError(f"not a valid language tag: {literal.language!r}")
        return f'"{text}"@{literal.language}'
    if literal.datatype is not None:
        return f'"{text}"^^{sparql_iri(str(literal.datatype))}'
    return f'"{text}"'


# --- HTTP ------------------------------------------------------------------------------------


def _check_endpoint(endpoint: str) -> None:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise DutygraphError(f"{endpoint}: not an http(s) URL")


def _with_query(url: str, params: Mapping[str, str]) -> str:
    separator = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{separator}{urllib.parse.urlencode(params)}"


def _request(
    url: str, method: str, body: bytes, headers: Mapping[str, str], timeout: float
) -> bytes:
    request = urllib.request.Request(url, data=body, headers=dict(headers), method=method)
    try:
        with _opener(url).open(request, timeout=timeout) as response:
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as error:
        detail = " ".join(error.read().decode("utf-8", "replace").split())[:200]
        raise DutygraphError(f"{url}: HTTP {error.code} {error.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DutygraphError(f"{url}: cannot connect ({reason})") from None


def _opener(url: str) -> urllib.request.OpenerDirector:
    """Loopback hosts are never sent through a proxy from the environment."""
    if is_loopback(url):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def is_loopback(url: str) -> bool:
    host = urllib.parse.urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
