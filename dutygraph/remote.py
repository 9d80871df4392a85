"""A real triplestore over HTTP: publish named graphs, run the named queries remotely.

``publish`` sends each named graph with the SPARQL 1.1 Graph Store HTTP Protocol (``PUT
?graph=IRI`` with an N-Triples body); with one target graph IRI the first graph is PUT and the
others POSTed (merged) into it. ``select_remote`` runs a SELECT over the SPARQL 1.1 Protocol,
with parameters joined as ``VALUES`` blocks (``sparql.params``). Only the standard library is
used; loopback hosts bypass any proxy.

The named queries read the default graph, so the endpoint's default graph must be the union of
the named graphs (Oxigraph: ``serve --union-default-graph``; Fuseki: ``tdb2:unionDefaultGraph
true``; GraphDB and Virtuoso do so by default).
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import io
import ipaddress
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, Dataset, Graph, URIRef

from dutygraph.errors import DutygraphError, masked
from dutygraph.namespace import DG, DGID
from dutygraph.sparql.params import Bindings, sparql_iri, with_values
from dutygraph.sparql.result import Result
from dutygraph.store import Store

N_TRIPLES = "application/n-triples"
SPARQL_QUERY = "application/sparql-query"
SPARQL_JSON = "application/sparql-results+json"
DEFAULT_TIMEOUT = 60.0


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
            yield _published_name(graph), text, len(graph)


def _published_name(graph: Graph) -> str:
    """A graph read from a local file is named after the one document it holds (else after
    its content), never after the file's local path."""
    name = str(graph.identifier)
    if not name.startswith("file:"):
        return name
    documents = sorted(str(d) for d in graph.subjects(RDF.type, DG.Document))
    if len(documents) == 1:
        return documents[0]
    lines = sorted(graph.serialize(format="nt").splitlines())
    return str(DGID[f"graph/{hashlib.sha256(chr(10).join(lines).encode()).hexdigest()[:16]}"])


# --- querying --------------------------------------------------------------------------------


def select_remote(
    endpoint: str,
    query_text: str,
    bindings: Bindings | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Result:
    """Run a SELECT at ``endpoint`` (SPARQL 1.1 Protocol); cells as rdflib's ``str`` gives them."""
    data = _query(endpoint, with_values(query_text, bindings or {}), SPARQL_JSON, timeout)
    try:
        answer = json.loads(data)
        columns = tuple(answer["head"]["vars"])
        rows = tuple(_json_row(row, columns) for row in answer["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        raise DutygraphError(f"{masked(endpoint)}: not a SPARQL JSON result of a SELECT") from None
    return Result(columns, rows)


def ask_remote(endpoint: str, query_text: str, timeout: float = DEFAULT_TIMEOUT) -> bool:
    """Run an ASK at ``endpoint``; its boolean."""
    data = _query(endpoint, query_text, SPARQL_JSON, timeout)
    try:
        answer = json.loads(data)["boolean"]
    except (ValueError, KeyError, TypeError):
        answer = None
    if not isinstance(answer, bool):
        raise DutygraphError(f"{masked(endpoint)}: not a SPARQL JSON result of an ASK")
    return answer


def check_union_default_graph(endpoint: str, timeout: float = DEFAULT_TIMEOUT) -> None:
    """The named queries read the default graph: refuse, in one line, an endpoint whose default
    graph is empty while its named graphs are not (two cheap ASKs)."""
    if ask_remote(endpoint, "ASK { ?s ?p ?o }", timeout):
        return
    if ask_remote(endpoint, "ASK { GRAPH ?g { ?s ?p ?o } }", timeout):
        raise DutygraphError(
            f"{masked(endpoint)}: the default graph is empty but named graphs are not; serve "
            "the union of the named graphs as the default graph (Oxigraph: serve "
            "--union-default-graph; Fuseki: tdb2:unionDefaultGraph true)"
        )


def construct_remote(
    endpoint: str,
    query_text: str,
    bindings: Bindings | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """Run a CONSTRUCT at ``endpoint``; the triples as N-Triples text."""
    data = _query(endpoint, with_values(query_text, bindings or {}), N_TRIPLES, timeout)
    return data.decode("utf-8")


def fetch_graph(endpoint: str, graph_iri: str, timeout: float = DEFAULT_TIMEOUT) -> str:
    """One named graph, through the query endpoint, as N-Triples text."""
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {sparql_iri(graph_iri)} {{ ?s ?p ?o }} }}"
    return construct_remote(endpoint, query, timeout=timeout)


def _query(endpoint: str, text: str, accept: str, timeout: float) -> bytes:
    _check_endpoint(endpoint)
    headers = {"Content-Type": SPARQL_QUERY, "Accept": accept}
    return _request(endpoint, "POST", text.encode("utf-8"), headers, timeout)


def _json_row(row: Mapping[str, Any], columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(str(row[c]["value"]) if c in row else "" for c in columns)


# --- HTTP ------------------------------------------------------------------------------------


def _check_endpoint(endpoint: str) -> None:
    try:
        parts = urllib.parse.urlsplit(endpoint)
        _ = parts.port  # a port that is not a number raises here, not in the middle of a request
    except ValueError:
        raise DutygraphError(f"{masked(endpoint)}: not a valid URL") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise DutygraphError(f"{masked(endpoint)}: not an http(s) URL")


def _credentials(url: str) -> tuple[str, dict[str, str]]:
    """The URL without its user name and password, and the Basic authorization they give (from
    the URL, else DUTYGRAPH_ENDPOINT_USER and DUTYGRAPH_ENDPOINT_PASSWORD)."""
    parts = urllib.parse.urlsplit(url)
    user, password = parts.username, parts.password
    plain = urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))
    if user is None:
        user = os.environ.get("DUTYGRAPH_ENDPOINT_USER")
        password = os.environ.get("DUTYGRAPH_ENDPOINT_PASSWORD")
    if user is None:
        return plain, {}
    pair = f"{urllib.parse.unquote(user)}:{urllib.parse.unquote(password or '')}"
    token = base64.b64encode(pair.encode("utf-8")).decode("ascii")
    return plain, {"Authorization": f"Basic {token}"}


def _with_query(url: str, params: Mapping[str, str]) -> str:
    separator = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{separator}{urllib.parse.urlencode(params)}"


def _request(
    url: str, method: str, body: bytes, headers: Mapping[str, str], timeout: float
) -> bytes:
    plain, authorization = _credentials(url)
    shown = masked(url)
    request = urllib.request.Request(
        plain, data=body, headers={**headers, **authorization}, method=method
    )
    try:
        with _opener(plain).open(request, timeout=timeout) as response:
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as error:
        detail = " ".join(error.read().decode("utf-8", "replace").split())[:200]
        raise DutygraphError(f"{shown}: HTTP {error.code} {error.reason}: {detail}") from None
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        reason = getattr(error, "reason", error)
        raise DutygraphError(f"{shown}: cannot connect ({reason})") from None


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
