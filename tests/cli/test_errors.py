"""User errors: exit status 2, one line on stderr starting "dutygraph:", no traceback, and no
output file left behind."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from dutygraph.cli import main

SMALL_TEXT = "Freedonia should open the border.\n\nSylvania shall not expel refugees.\n"
SMALL_GRAPH = """\
@prefix dg: <https://w3id.org/dutygraph/ns#> .
@prefix ex: <https://example.org/case/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:freedonia a dg:State ;
    skos:prefLabel "Freedonia"@en .
"""
MALFORMED_TURTLE = """\
@prefix ex: <https://example.org/case/> .

ex:a ex:b ex:c .
ex:a ex:b .
"""
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ZIP_BYTES = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(64)


@dataclass(frozen=True)
class ErrorCase:
    """``arguments`` prepares its files in the folder and returns the command line."""

    name: str
    arguments: Callable[[Path], list[str]]
    message: str = ""  # a regular expression the message must match


def text_file(name: str, content: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(content, encoding="utf-8")
        return path

    return make


def bytes_file(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content)
        return path

    return make


def build_one(make: Callable[[Path], Path], *extra: str) -> Callable[[Path], list[str]]:
    return lambda folder: ["build", str(make(folder)), "--out", str(folder / "out.ttl"), *extra]


def validate_one(make: Callable[[Path], Path]) -> Callable[[Path], list[str]]:
    return lambda folder: ["validate", str(make(folder))]


def query_on_small_graph(*args: str) -> Callable[[Path], list[str]]:
    def arguments(folder: Path) -> list[str]:
        graph = text_file("small.ttl", SMALL_GRAPH)(folder)
        return ["query", *args, "--graph", str(graph)]

    return arguments


def query_file(content: str, *extra: str) -> Callable[[Path], list[str]]:
    def arguments(folder: Path) -> list[str]:
        query = text_file("mine.rq", content)(folder)
        return query_on_small_graph(str(query), *extra)(folder)

    return arguments


def missing_input(folder: Path) -> list[str]:
    return ["build", str(folder / "missing.txt"), "--out", str(folder / "out.ttl")]


def directory_input(folder: Path) -> list[str]:
    (folder / "reports").mkdir()
    return ["build", str(folder / "reports"), "--out", str(folder / "out.ttl")]


def out_into_missing_folder(folder: Path) -> list[str]:
    source = text_file("small.txt", SMALL_TEXT)(folder)
    return ["build", str(source), "--out", str(folder / "missing" / "out.ttl")]


def out_with_unknown_suffix(command: str, name: str) -> Callable[[Path], list[str]]:
    """``command --out NAME`` without --format: ``export`` and ``picture`` read a small graph,
    ``build`` a small text."""

    def arguments(folder: Path) -> list[str]:
        if command == "build":
            source = text_file("small.txt", SMALL_TEXT)(folder)
            return ["build", str(source), "--out", str(folder / name)]
        graph = text_file("small.ttl", SMALL_GRAPH)(folder)
        return [command, "--out", str(folder / name), "--graph", str(graph)]

    return arguments


CASES = [
    ErrorCase("missing input file", missing_input, r"missing\.txt.*no such file"),
    ErrorCase("directory as input", directory_input, r"reports.*directory"),
    ErrorCase("empty file", build_one(text_file("empty.txt", "")), r"empty\.txt.*no text"),
    ErrorCase(
        "whitespace-only file",
        build_one(text_file("blank.txt", " \n\t\n  \n")),
        r"blank\.txt.*no text",
    ),
    ErrorCase("PNG bytes", build_one(bytes_file("picture.txt", PNG_BYTES)), r"not text"),
    ErrorCase(
        "PDF bytes",
        build_one(bytes_file("report.pdf", PDF_BYTES)),
        r"report\.pdf is not a readable PDF \(damaged or truncated\)$",
    ),
    ErrorCase("zip bytes", build_one(bytes_file("report.docx", ZIP_BYTES)), r"not text"),
    ErrorCase(
        "larger than --max-bytes",
        build_one(text_file("small.txt", SMALL_TEXT), "--max-bytes", "10"),
        r"small\.txt.*\b10\b",
    ),
    ErrorCase(
        "malformed Turtle",
        validate_one(text_file("broken.ttl", MALFORMED_TURTLE)),
        r"broken\.ttl.*line \d+",
    ),
    ErrorCase(
        "malformed JSON-LD",
        validate_one(text_file("broken.jsonld", '{"@context": {"ex": ')),
        r"broken\.jsonld",
    ),
    ErrorCase(
        "unknown graph extension",
        validate_one(text_file("graph.xyz", SMALL_GRAPH)),
        r"graph\.xyz",
    ),
    ErrorCase(
        "missing graph file",
        lambda folder: ["validate", str(folder / "missing.ttl")],
        r"missing\.ttl",
    ),
    ErrorCase(
        "malformed SPARQL",
        query_file("SELECT ?s WHERE { ?s ?p }\n"),
        r"(?i)syntax",
    ),
    ErrorCase(
        "SPARQL UPDATE",
        query_file("INSERT DATA { <https://example.org/a> <https://example.org/b> 1 }\n"),
        r"(?i)refused",
    ),
    ErrorCase("SPARQL LOAD", query_file("LOAD <http://x>\n"), r"(?i)refused"),
    ErrorCase(
        "SERVICE without --allow-service",
        query_file("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }\n"),
        r"(?i)refused.*SERVICE",
    ),
    ErrorCase("unknown query name", query_on_small_graph("nosuchquery"), r"nosuchquery"),
    ErrorCase(
        "--param without =",
        query_on_small_graph("duties", "--param", "bearer"),
        r"--param",
    ),
    ErrorCase(
        "--param with no match",
        query_on_small_graph("duties", "--param", "bearer=Nowhereland"),
        r"Nowhereland",
    ),
    ErrorCase(
        "duties --bearer with no match",
        lambda folder: [
            "duties",
            "--bearer",
            "Nowhereland",
            "--graph",
            str(text_file("small.ttl", SMALL_GRAPH)(folder)),
        ],
        r"Nowhereland",
    ),
    ErrorCase("--out into a missing folder", out_into_missing_folder, r"missing"),
    ErrorCase(
        "build --out with an unknown suffix",
        out_with_unknown_suffix("build", "graph.foo"),
        r"graph\.foo: unknown suffix '\.foo'; use one of \.ttl, \.jsonld, \.nt, \.nq, \.trig "
        r"or give --format",
    ),
    ErrorCase(
        "export --out with an unknown suffix",
        out_with_unknown_suffix("export", "graph.foo"),
        r"graph\.foo: unknown suffix '\.foo'; use one of \.ttl, \.jsonld, .*\.graphml, \.gexf "
        r"or give --format",
    ),
    ErrorCase(
        "export --out without a suffix",
        out_with_unknown_suffix("export", "graph"),
        r"graph: unknown suffix '\(none\)'",
    ),
    ErrorCase(
        "picture --out with an unknown suffix",
        out_with_unknown_suffix("picture", "picture.foo"),
        r"picture\.foo: use a name ending in \.html, \.svg or \.png",
    ),
]


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def run_case(case: ErrorCase, folder: Path) -> tuple[Result, set[Path]]:
    """Run the case; also return the files the command added."""
    arguments = case.arguments(folder)
    before = files_under(folder)
    result = CliRunner().invoke(main, arguments)
    return result, files_under(folder) - before


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_user_error_exits_2_with_one_line(case: ErrorCase, tmp_path: Path) -> None:
    result, added = run_case(case, tmp_path)
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("dutygraph:")
    assert re.search(case.message, lines[0]), lines[0]
    assert result.stdout == ""
    assert added == set(), f"left behind: {sorted(map(str, added))}"
