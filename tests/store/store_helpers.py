"""Helpers of the store tests: a small corpus (the bundled report and generated reports) and
the comparison of results that SPARQL leaves partly unordered."""

from __future__ import annotations

import importlib.util
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from rdflib import Graph

from dutygraph import resources
from dutygraph.corpus import Summary
from dutygraph.sparql.result import Result
from dutygraph.store import Store

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"
GENERATED = 3


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dutygraph_bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def write_reports(folder: Path, count: int = GENERATED, seed: int = 5) -> list[Path]:
    """The bundled report and ``count`` generated ones (12-20 KB, to keep the tests quick)."""
    folder.mkdir(parents=True, exist_ok=True)
    bundled = folder / resources.DEFAULT_REPORT
    bundled.write_bytes(resources.default_report().read_bytes())
    generated = load_generator().write_corpus(folder, count, seed, 16.0)
    return sorted([bundled, *generated])


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def canonical(result: Result) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Columns, and rows sorted, with the parts of GROUP_CONCAT cells (" | ") sorted: SPARQL
    leaves both the order of ties under ORDER BY and the order inside GROUP_CONCAT open."""
    rows = [tuple(" | ".join(sorted(cell.split(" | "))) for cell in row) for row in result.rows]
    return result.columns, sorted(rows)


@dataclass(frozen=True)
class Corpus:
    paths: list[Path]
    memory: Graph
    store_dir: Path
    summary: Summary

    def store(self) -> Store:
        return Store(self.store_dir, read_only=True)
