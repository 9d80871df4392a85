"""Reading a user's graph touches nothing the user did not name: no remote JSON-LD context, no
file named by a context, no XML entity that expands without bound or reads a file."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.errors import DutygraphError
from dutygraph.rdfio import read

CONTEXT = {"@context": {"name": "http://example.org/fictional#name"}}
BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:ex="http://example.org/fictional#">
  <rdf:Description rdf:about="http://example.org/fictional#fictland">
    <ex:name>&lol9;</ex:name>
  </rdf:Description>
</rdf:RDF>
"""
# how each reading command is given a graph file
READING_COMMANDS = [
    ["validate", "{}"],
    ["query", "parties", "--graph", "{}"],
    ["export", "--graph", "{}"],
]


class _Counting(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counting.requests.append(self.path)
        body = json.dumps(CONTEXT).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/ld+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def context_server() -> Iterator[str]:
    _Counting.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/context.jsonld"
    server.shutdown()
    server.server_close()


def jsonld_with_context(tmp_path: Path, context: object) -> Path:
    document = {
        "@context": context,
        "@id": "http://example.org/fictional#fictland",
        "name": "Fictland",
    }
    path = tmp_path / "graph.jsonld"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def one_line_refusal(args: list[str], graph: Path) -> str:
    result = CliRunner().invoke(main, [arg.format(graph) for arg in args])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    (line,) = result.stderr.strip().splitlines()
    return line


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: a[0])
def test_a_remote_context_is_refused_and_never_fetched(
    args: list[str], tmp_path: Path, context_server: str
) -> None:
    graph = jsonld_with_context(tmp_path, context_server)
    line = one_line_refusal(args, graph)
    assert "context" in line and "--allow-remote-context" in line
    assert _Counting.requests == []


@pytest.mark.parametrize(
    "context",
    ["file:///etc/passwd", "context.jsonld", [{"name": "http://example.org/n"}, "file:///x"]],
    ids=["file IRI", "relative reference", "reference in a list"],
)
def test_a_context_naming_a_file_is_refused(tmp_path: Path, context: object) -> None:
    graph = jsonld_with_context(tmp_path, context)
    with pytest.raises(DutygraphError, match="context by reference"):
        read([graph])


def test_an_import_inside_an_inline_context_is_refused(tmp_path: Path) -> None:
    graph = jsonld_with_context(tmp_path, {"@import": "http://127.0.0.1:9/c", "name": "ex:n"})
    with pytest.raises(DutygraphError, match="context by reference"):
        read([graph])


def test_a_password_in_a_context_reference_is_not_repeated(tmp_path: Path) -> None:
    graph = jsonld_with_context(tmp_path, "http://alice:S3cretPW@127.0.0.1:9/c")
    with pytest.raises(DutygraphError) as refused:
        read([graph])
    assert "S3cretPW" not in str(refused.value)


def test_an_inline_context_is_read(tmp_path: Path) -> None:
    graph = jsonld_with_context(tmp_path, CONTEXT["@context"])
    assert len(read([graph])) == 1


def test_a_remote_context_is_fetched_when_allowed(tmp_path: Path, context_server: str) -> None:
    graph = jsonld_with_context(tmp_path, context_server)
    assert len(read([graph], allow_remote_context=True)) == 1
    assert _Counting.requests == ["/context.jsonld"]


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: a[0])
def test_an_entity_expansion_bomb_is_refused_at_once(args: list[str], tmp_path: Path) -> None:
    graph = tmp_path / "lolz.rdf"
    graph.write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.monotonic()
    line = one_line_refusal(args, graph)
    assert time.monotonic() - started < 5
    assert "entity declarations" in line


def test_an_external_entity_is_refused(tmp_path: Path) -> None:
    graph = tmp_path / "external.rdf"
    graph.write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>',
        encoding="utf-8",
    )
    with pytest.raises(DutygraphError, match="entity declarations"):
        read([graph])


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: a[0])
def test_the_cli_fetches_a_remote_context_only_when_told(
    args: list[str], tmp_path: Path, context_server: str
) -> None:
    graph = jsonld_with_context(tmp_path, context_server)
    result = CliRunner().invoke(main, [*[a.format(graph) for a in args], "--allow-remote-context"])
    assert _Counting.requests == ["/context.jsonld"]
    assert "context by reference" not in result.output


@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: a[0])
def test_an_iri_that_cannot_be_written_back_is_one_line(args: list[str], tmp_path: Path) -> None:
    graph = tmp_path / "space.nq"
    graph.write_text(
        '<http://example.org/a\\u0020b> <http://example.org/p> "x" <http://example.org/g> .\n',
        encoding="utf-8",
    )
    line = one_line_refusal(args, graph)
    assert line == (
        "dutygraph: IRI 'http://example.org/a b' holds a space or another character an IRI may "
        "not hold"
    )
