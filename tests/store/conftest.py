"""Fixtures of the store tests: one small corpus built both in memory and into a store, and a
real Oxigraph server on a free loopback port (one per test module)."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from store_helpers import Corpus, free_port, write_reports

from dutygraph.build import build
from dutygraph.corpus import build_corpus
from dutygraph.rdfio import union


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("corpus")
    paths = write_reports(folder / "reports")
    memory = union(build(paths).dataset)
    store_dir = folder / "store"
    summary = build_corpus([folder / "reports"], store_dir, jobs=2, progress=False)
    return Corpus(paths, memory, store_dir, summary)


@pytest.fixture
def reports(tmp_path: Path) -> Callable[[int], list[Path]]:
    """A fresh folder of the bundled report and N generated reports."""

    def make(count: int) -> list[Path]:
        return write_reports(tmp_path / "reports", count)

    return make


@pytest.fixture
def fresh_store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    shutil.rmtree(path, ignore_errors=True)
    return path


INSTALL_HINT = (
    "the `oxigraph` command is missing: pip install oxigraph (or pip install -e '.[test]')"
)


def _wait_until_up(url: str, server: subprocess.Popen[bytes], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"oxigraph serve exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"oxigraph serve did not answer at {url} within {seconds:.0f} s")


@contextmanager
def serving(location: Path, union_default_graph: bool = True) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port while the block runs; its base URL."""
    binary = shutil.which("oxigraph")
    if binary is None:
        pytest.fail(INSTALL_HINT)
    address = f"127.0.0.1:{free_port()}"
    command = [binary, "serve", "--location", str(location), "--bind", address]
    if union_default_graph:
        command.append("--union-default-graph")
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_until_up(f"http://{address}/", server)
        yield f"http://{address}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port, with the union of graphs as default graph."""
    with serving(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url
