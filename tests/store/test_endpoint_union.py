"""An endpoint whose default graph is not the union of its named graphs answers the named
queries with nothing; dutygraph says so in one line instead of printing an empty table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from conftest import serving

from dutygraph.bundled_graph import bundled_dataset
from dutygraph.cli import main
from dutygraph.remote import publish


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``oxigraph serve`` as a first try starts it: without --union-default-graph."""
    with serving(tmp_path_factory.mktemp("plain-oxigraph"), union_default_graph=False) as url:
        yield url


def test_an_empty_default_graph_beside_named_graphs_is_one_line(plain_server: str) -> None:
    publish(bundled_dataset(), f"{plain_server}/store")
    result = CliRunner().invoke(main, ["duties", "--endpoint", f"{plain_server}/query"])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "default graph is empty" in line and "--union-default-graph" in line


def test_the_union_default_graph_answers(oxigraph_server: str) -> None:
    publish(bundled_dataset(), f"{oxigraph_server}/store")
    result = CliRunner().invoke(
        main, ["duties", "--endpoint", f"{oxigraph_server}/query", "--bearer", "China"]
    )
    assert result.exit_code == 0, result.output
    assert "China" in result.stdout
