"""An endpoint whose default graph is not the union of its named graphs answers the named
queries with nothing; dutygraph says so in one line instead of printing an empty table."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import INSTALL_HINT, _wait_until_up
from store_helpers import free_port

from dutygraph.bundled_graph import bundled_dataset
from dutygraph.cli import main
from dutygraph.remote import publish


@pytest.fixture(scope="module")
def plain_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``oxigraph serve`` as a first try starts it: without --union-default-graph."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.fail(INSTALL_HINT)
    location: Path = tmp_path_factory.mktemp("plain-oxigraph")
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [binary, "serve", "--location", str(location), "--bind", address],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(f"http://{address}/", server)
        yield f"http://{address}"
    finally:
        server.terminate()
        server.wait(timeout=10)


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
