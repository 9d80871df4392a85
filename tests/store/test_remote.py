"""Publishing and remote queries: safe query text, the HTTP requests, and a real Oxigraph
server on a free loopback port."""

from __future__ import annotations

import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from store_helpers import canonical, free_port

from dutygraph.bundled_graph import bundled_dataset
from dutygraph.cli import main
from dutygraph.commands.store_commands import publish_command
from dutygraph.errors import DutygraphError
from dutygraph.explain import explain, find_statement
from dutygraph.matches import statement_matches
from dutygraph.rdfio import union
from dutygraph.remote import is_loopback, publish, select_remote
from dutygraph.sparql.files import prepare
from dutygraph.sparql.params import sparql_term, where_groups, with_values
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import EndpointSource, MemorySource

# --- safe query text -------------------------------------------------------------------------


def test_literals_are_escaped_so_user_text_stays_a_string() -> None:
    hostile = 'x" } } DROP ALL ; SELECT * { "\n\\'
    term = sparql_term(Literal(hostile))
    assert term == '"x\\" } } DROP ALL ; SELECT * { \\"\\n\\\\"'
    query = with_values("SELECT ?s WHERE { ?s ?p ?term }", {"term": Literal(hostile)})
    prepare(query)  # still one valid SELECT
    assert query.count("DROP ALL") == 1


def test_typed_and_tagged_literals_keep_their_type() -> None:
    assert sparql_term(Literal("1982", datatype=XSD.gYear)) == (
        '"1982"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    )
    assert sparql_term(Literal("Freedonia", lang="en")) == '"Freedonia"@en'


@pytest.mark.parametrize(
    "iri", ["no-scheme", "https://example.org/a>b", "https://example.org/a b", "http://x/{y}"]
)
def test_invalid_iris_are_refused(iri: str) -> None:
    with pytest.raises(DutygraphError, match="IRI"):
        sparql_term(URIRef(iri))


def test_blank_nodes_and_bad_variable_names_are_refused() -> None:
    with pytest.raises(DutygraphError):
        sparql_term(BNode())
    with pytest.raises(DutygraphError, match="variable"):
        with_values("SELECT ?s WHERE { ?s ?p ?o }", {"s }": URIRef("https://example.org/a")})


def test_values_go_into_each_where_group_that_uses_the_variable() -> None:
    query = (
        "# a WHERE { in a comment\n"
        'SELECT ?x WHERE { { SELECT ?x WHERE { ?x <https://e.org/p#WHERE> "WHERE {" } }\n'
        "  { SELECT ?y WHERE { ?y ?p ?o } } }"
    )
    bound = with_values(query, {"x": URIRef("https://example.org/a")})
    assert len(where_groups(query)) == 3
    assert bound.count("VALUES (?x) { (<https://example.org/a>) }") == 2
    prepare(bound)


def test_only_loopback_hosts_count_as_loopback() -> None:
    assert is_loopback("http://127.0.0.1:7878/query")
    assert is_loopback("http://localhost/x")
    assert is_loopback("http://[::1]:80/")
    assert not is_loopback("http://10.0.0.1/")
    assert not is_loopback("https://example.org/")


# --- the HTTP requests, against a recording server -------------------------------------------


@dataclass
class Recorded:
    method: str
    path: str
    content_type: str
    body: bytes


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[Recorded]]]:
    seen: list[Recorded] = []

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = self.rfile.read(length)
            content_type = self.headers.get("Content-Type", "")
            seen.append(Recorded(self.command, self.path, content_type, body))
            self.send_response(201)
            self.end_headers()

        do_PUT = do_POST = _record

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/store", seen
    finally:
        server.shutdown()
        server.server_close()


def test_publish_puts_each_named_graph_as_n_triples(
    recorder: tuple[str, list[Recorded]],
) -> None:
    endpoint, seen = recorder
    dataset = bundled_dataset()
    published = publish(dataset, endpoint)
    names = sorted(str(g.identifier) for g in dataset.graphs() if len(g))
    assert published.graphs == len(names) == len(seen)
    assert {r.method for r in seen} == {"PUT"}
    assert {r.content_type for r in seen} == {"application/n-triples"}
    sent = sorted(urllib.parse.unquote(r.path.split("graph=", 1)[1]) for r in seen)
    assert sent == names


def test_one_graph_iri_puts_the_first_and_posts_the_rest(
    recorder: tuple[str, list[Recorded]],
) -> None:
    endpoint, seen = recorder
    publish(bundled_dataset(), endpoint, graph_iri="https://example.org/all")
    assert [r.method for r in seen] == ["PUT"] + ["POST"] * (len(seen) - 1)
    assert all("graph=https%3A%2F%2Fexample.org%2Fall" in r.path for r in seen)


def test_a_graph_file_is_published_under_its_document_not_its_local_path(
    recorder: tuple[str, list[Recorded]], tmp_path: Path
) -> None:
    endpoint, seen = recorder
    report = tmp_path / "report.txt"
    report.write_text("Chile must not return refugees to Fictland.\n", encoding="utf-8")
    graph = tmp_path / "report.ttl"
    built = CliRunner().invoke(main, ["build", str(report), "--out", str(graph)])
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(publish_command, ["--endpoint", endpoint, "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    (sent,) = [urllib.parse.unquote(r.path.split("graph=", 1)[1]) for r in seen]
    assert sent.startswith("https://w3id.org/dutygraph/id/doc/")
    assert str(tmp_path) not in sent


def test_an_unreachable_endpoint_is_one_line_user_error() -> None:
    free = free_port()
    with pytest.raises(DutygraphError, match="cannot connect"):
        select_remote(f"http://127.0.0.1:{free}/query", "SELECT * WHERE { ?s ?p ?o }", timeout=2)
    result = CliRunner().invoke(
        publish_command, ["--endpoint", f"http://127.0.0.1:{free}/store", "--timeout", "2"]
    )
    assert result.exit_code == 2
    assert "cannot connect" in result.output


# --- a real Oxigraph server (the fixture is in conftest.py) ------------------------------------


def test_publish_then_query_the_duties_back(oxigraph_server: str) -> None:
    dataset = bundled_dataset()
    published = publish(dataset, f"{oxigraph_server}/store")
    assert published.graphs >= 2
    source = EndpointSource(f"{oxigraph_server}/query")
    memory = union(dataset)
    remote = run(source, "duties")
    assert remote.rows
    assert canonical(remote) == canonical(run(MemorySource(memory, "rdflib"), "duties"))
    for bearer in ("China", "North Korea"):
        expected = run(MemorySource(memory, "rdflib"), "duties", {"bearer": bearer})
        assert canonical(run(source, "duties", {"bearer": bearer})) == canonical(expected)


def test_explain_works_through_the_endpoint(oxigraph_server: str) -> None:
    dataset = bundled_dataset()
    publish(dataset, f"{oxigraph_server}/store")
    memory = union(dataset)
    endpoint = EndpointSource(f"{oxigraph_server}/query")
    matches = statement_matches(MemorySource(memory).select, "repeal")
    assert statement_matches(endpoint.select, "repeal") == matches
    statement = matches[0].statement
    expected = explain(memory, find_statement(memory, statement)).to_text()
    part = endpoint.explain_graph(statement)
    assert explain(part, find_statement(part, statement)).to_text() == expected


def test_the_publish_command_reports_what_it_sent(oxigraph_server: str) -> None:
    result = CliRunner().invoke(publish_command, ["--endpoint", f"{oxigraph_server}/store"])
    assert result.exit_code == 0, result.output
    assert "published" in result.output
