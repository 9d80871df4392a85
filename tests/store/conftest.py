"""Fixtures of the store tests: one small corpus built both in memory and into a store."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import Corpus, write_reports

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
