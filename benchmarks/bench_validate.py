"""Validation benchmark: the shipped shapes against those of a base commit, side by side.

The base's shape files and ontology are read with ``git show BASE:...`` and validated as the
base did (the whole ontology as pyshacl's ``ont_graph``, which copies the data graph); the
current ones through ``dutygraph.validate.validate``. Both run on the same graphs, one after
the other per document, and each is timed in CPU time (``time.process_time``).

1. Speed: N generated reports of about 30 KB (``generate.py``); per-document CPU ms of core
   validation, median and min-max, and the ratio of the medians.
2. Meaning: on those N reports (core), and for the bundled report, every text in ``--texts``
   and every case in tests/shapes/cases at the core and recommended levels, both give the same
   conforms and the same set of (focus node, path, severity, constraint component, message)
   results.

    python benchmarks/bench_validate.py [--count 30] [--kb 30] [--base 1ec7451] [--texts DIR]

Exits 1 when a result differs.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pyshacl
from rdflib import Graph, Namespace
from rdflib.namespace import RDF, SH
from rdflib.term import Node

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_corpus

from dutygraph import resources
from dutygraph.build import document_graph
from dutygraph.extract.read import read_path
from dutygraph.rdfio import union
from dutygraph.validate import LEVELS, validate

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "shapes" / "cases"
DEFAULT_TEXTS = ROOT.parent / "shared" / "eval" / "dev" / "texts"
DGT = Namespace("https://w3id.org/dutygraph/test#")
SEED = 20_021
CHECKED_LEVELS = ("core", "recommended")

Result = tuple[Node, Node | None, Node]
FullResult = tuple[Node, Node | None, Node, Node, str]


@dataclass(frozen=True)
class Outcome:
    conforms: bool
    results: frozenset[FullResult]

    @property
    def coarse(self) -> frozenset[Result]:
        """The (focus, path, severity) of each result."""
        return frozenset((focus, path, severity) for focus, path, severity, *_ in self.results)


class BaseValidator:
    """Validation as the base commit did it, with its shape files and ontology."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.shapes = {level: self._shapes(level) for level in LEVELS}
        self.ontology = Graph()
        for name in ("ontology/dutygraph.ttl", "ontology/vocab/schemes.ttl"):
            self.ontology.parse(data=_git_show(base, name), format="turtle")

    def _shapes(self, level: str) -> Graph:
        graph = Graph()
        for name in LEVELS[level]:
            graph.parse(data=_git_show(self.base, f"shapes/{name}.ttl"), format="turtle")
        return graph

    def validate(self, data: Graph, level: str = "core") -> Outcome:
        _, results, _ = pyshacl.validate(
            union(data),
            shacl_graph=self.shapes[level],
            ont_graph=self.ontology,
            inference="none",
            advanced=True,
            allow_warnings=True,
        )
        return _outcome(results)


def _git_show(base: str, name: str) -> str:
    done = subprocess.run(
        ["git", "show", f"{base}:{name}"], cwd=ROOT, check=True, capture_output=True, text=True
    )
    return done.stdout


def _outcome(results: Graph) -> Outcome:
    found = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        found.add(
            (
                results.value(result, SH.focusNode),
                results.value(result, SH.resultPath),
                results.value(result, SH.resultSeverity),
                results.value(result, SH.sourceConstraintComponent),
                " ".join(sorted(str(m) for m in results.objects(result, SH.resultMessage))),
            )
        )
    conforms = not any(severity == SH.Violation for _, _, severity, *_ in found)
    return Outcome(conforms, frozenset(found))  # type: ignore[arg-type]


def current(data: Graph, level: str = "core") -> Outcome:
    report = validate(data, level)
    results = frozenset(
        (f.focus, f.path, SH[f.severity], f.constraint, f.message) for f in report.findings
    )
    return Outcome(report.conforms, results)


# --- speed -----------------------------------------------------------------------------------


def timed(action: Callable[[], Outcome]) -> tuple[float, Outcome]:
    """CPU ms of ``action`` and what it returned."""
    gc.collect()  # a collection the previous run left due would land on this one
    started = time.process_time()
    outcome = action()
    return (time.process_time() - started) * 1000, outcome


def generated_graphs(count: int, kb: float) -> list[Graph]:
    with tempfile.TemporaryDirectory(prefix="dutygraph-bench-validate-") as folder:
        paths = write_corpus(Path(folder), count, SEED, kb)
        return [document_graph(read_path(str(path)))[1] for path in paths]


def speed_table(graphs: list[Graph], base: BaseValidator) -> tuple[str, int]:
    """The Markdown table, and on how many documents the two outcomes differ."""
    base.validate(graphs[0])  # both load and cache their shapes before the clock runs
    current(graphs[0])
    old, new, differing = [], [], 0
    for graph in graphs:
        old_ms, old_outcome = timed(partial(base.validate, graph))
        new_ms, new_outcome = timed(partial(current, graph))
        old.append(old_ms)
        new.append(new_ms)
        differing += old_outcome != new_outcome
    triples = statistics.median(len(g) for g in graphs)
    lines = [
        f"{len(graphs)} generated reports, median {triples:.0f} triples; "
        "core validation, CPU ms per document:\n",
        "| shapes | median | min | max |",
        "|---|---:|---:|---:|",
        _row(f"base {base.base}", old),
        _row("current", new),
        f"\nratio of the medians: {statistics.median(old) / statistics.median(new):.2f}x; "
        f"outcomes differ on {differing} of {len(graphs)} documents.",
    ]
    return "\n".join(lines), differing


def _row(name: str, times: list[float]) -> str:
    return f"| {name} | {statistics.median(times):.1f} | {min(times):.1f} | {max(times):.1f} |"


# --- meaning ---------------------------------------------------------------------------------


def real_graphs(texts: Path | None) -> Iterable[tuple[str, Graph]]:
    paths = [Path(str(resources.default_report()))]
    if texts is not None and texts.is_dir():
        paths += sorted(p for p in texts.iterdir() if p.is_file())
    for path in paths:
        yield path.name, document_graph(read_path(str(path)))[1]


def case_graphs() -> Iterable[tuple[str, Graph]]:
    for path in sorted(CASES.glob("*/*.ttl")):
        graph = Graph().parse(path)
        for case_class in (DGT.Case, DGT.ExpectedResult):
            for node in list(graph.subjects(RDF.type, case_class)):
                graph.remove((node, None, None))
        yield f"{path.parent.name}/{path.name}", graph


@dataclass
class Comparison:
    validations: int = 0
    results: int = 0
    violations: int = 0
    differing: list[str] = field(default_factory=list)


def compare(named: Iterable[tuple[str, Graph]], base: BaseValidator) -> Comparison:
    done = Comparison()
    for name, graph in named:
        for level in CHECKED_LEVELS:
            old, new = base.validate(graph, level), current(graph, level)
            done.validations += 1
            done.results += len(old.results)
            done.violations += sum(
                1 for _, _, severity, *_ in old.results if severity == SH.Violation
            )
            if old.conforms != new.conforms or old.coarse != new.coarse:
                done.differing.append(
                    f"{name} ({level}): conforms or (focus, path, severity) differ"
                )
            elif old.results != new.results:
                done.differing.append(f"{name} ({level}): constraint components or messages differ")
    return done


def meaning_lines(what: str, done: Comparison) -> list[str]:
    same = done.validations - len(done.differing)
    lines = [
        f"{what}: {same} of {done.validations} validations ({' and '.join(CHECKED_LEVELS)}) give "
        "the same conforms and the same (focus, path, severity, constraint component, message) "
        "results; "
        f"the base's gave {done.results} results, {done.violations} of them violations."
    ]
    return lines + [f"  differs: {line}" for line in done.differing]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--kb", type=float, default=30.0)
    parser.add_argument("--base", default="1ec7451", help="commit whose shapes are compared")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    args = parser.parse_args()
    base = BaseValidator(args.base)
    table, differing = speed_table(generated_graphs(args.count, args.kb), base)
    print(table)
    real = compare(real_graphs(args.texts), base)
    cases = compare(case_graphs(), base)
    print()
    print("\n".join(meaning_lines("Bundled report and texts", real)))
    print("\n".join(meaning_lines("Shape cases", cases)))
    if differing or real.differing or cases.differing:
        sys.exit(1)


if __name__ == "__main__":
    main()
