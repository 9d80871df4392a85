"""A user's query file of any read-only form prints its answer: a SELECT's rows, an ASK's
boolean, a CONSTRUCT's graph as Turtle; in memory, through rdflib and in a store alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from dutygraph.cli import main

REPORT = "Chile must not return refugees to Fictland.\n"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("forms")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    out = folder / "report.ttl"
    result = CliRunner().invoke(main, ["build", str(folder / "report.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def query(graph: Path, text: str, *options: str) -> str:
    file = graph.parent / "q.rq"
    file.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["query", str(file), "--graph", str(graph), *options])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("PREFIX dg: <https://w3id.org/dutygraph/ns#>\nASK { ?s dg:action ?a }", "true"),
        ("PREFIX dg: <https://w3id.org/dutygraph/ns#>\nASK { ?s a dg:Right }", "false"),
    ],
)
def test_an_ask_prints_its_boolean(graph: Path, text: str, answer: str) -> None:
    assert query(graph, text, "--format", "csv") == f"ask\n{answer}\n"


def test_a_construct_prints_its_graph_as_turtle(graph: Path) -> None:
    text = (
        "PREFIX dg: <https://w3id.org/dutygraph/ns#>\n"
        "CONSTRUCT { ?s dg:action ?a } WHERE { ?s dg:action ?a }"
    )
    printed = Graph().parse(data=query(graph, text), format="turtle")
    assert {str(o) for o in printed.objects()} == {"not return refugees to Fictland"}


def test_a_construct_with_service_runs_in_rdflib_and_prints_turtle_too(graph: Path) -> None:
    text = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1"
    assert len(Graph().parse(data=query(graph, text), format="turtle")) == 1
