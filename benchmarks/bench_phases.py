"""Per-phase benchmark of a corpus build: CPU milliseconds per document of each phase.

For N generated reports (default 50, ~30 KB each), in one process: read, extract, emit,
validate and serialise (what a worker does) are timed per document, median and min-max; load
(what the main process does with the workers' output), rules and optimize are timed over the
whole batch and divided by N, median and min-max over ``--repeat`` fresh stores. With
``--base REV`` the same measurement also runs against the code of commit REV (a ``git
worktree`` of it put first on PYTHONPATH, in a subprocess), side by side.

    python benchmarks/bench_phases.py [--docs 50] [--kb 30] [--repeat 3] [--base 1ec7451]

CPU time is ``time.process_time``: all threads of the process, so the store's own threads
(bulk loads, compactions) count too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SEED = 20_021
WORKER_PHASES = ("read", "extract", "emit", "validate", "serialise")
STORE_PHASES = ("load", "rules", "optimize")


# --- the measurement, in a child process with the code under test ---------------------------


def _cpu_ms(action: Callable[[], Any]) -> tuple[Any, float]:
    started = time.process_time()
    value = action()
    return value, (time.process_time() - started) * 1000


def _serialiser() -> Callable[[Any], tuple[str, Any]]:
    """What the worker sends back for a graph: N-Quads bytes, or N-Triples text before."""
    from dutygraph import store

    if hasattr(store, "document_nquads"):
        nquads = store.document_nquads
        return lambda graph: (
            "nquads",
            nquads(str(graph.identifier), graph.serialize(format="nt", encoding="utf-8")),
        )
    return lambda graph: ("ntriples", graph.serialize(format="nt"))


def measure_worker(paths: list[Path]) -> tuple[dict[str, list[float]], list[Any]]:
    """Each worker phase's CPU ms per document, and the documents' outcomes."""
    from dutygraph.corpus import _warm_up

    _warm_up()
    serialise = _serialiser()
    times: dict[str, list[float]] = {phase: [] for phase in WORKER_PHASES}
    outcomes = []
    for path in paths:
        outcome, spent = _one_document(path, serialise)
        outcomes.append(outcome)
        for phase, ms in spent.items():
            times[phase].append(ms)
    return times, outcomes


def _one_document(
    path: Path, serialise: Callable[[Any], tuple[str, Any]]
) -> tuple[Any, dict[str, float]]:
    from dutygraph.build import emit, extract
    from dutygraph.corpus import Outcome
    from dutygraph.extract.read import read_path
    from dutygraph.validate import validate

    spent: dict[str, float] = {}
    document, spent["read"] = _cpu_ms(lambda: read_path(str(path)))
    extraction, spent["extract"] = _cpu_ms(lambda: extract(document))
    graph, spent["emit"] = _cpu_ms(lambda: emit(extraction))
    report, spent["validate"] = _cpu_ms(lambda: validate(graph))
    (field, data), spent["serialise"] = _cpu_ms(lambda: serialise(graph))
    fields = {field: data, "statements": len(graph), "violations": len(report.violations)}
    outcome = Outcome(path=str(path), sha256=document.sha256, graph=str(graph.identifier), **fields)
    return outcome, spent


def measure_store(outcomes: list[Any], folder: Path) -> dict[str, float]:
    """CPU ms per document of loading the outcomes into a fresh store, the rules, optimize."""
    from dutygraph.corpus import _load_all, _Progress, _Tally
    from dutygraph.store import Store

    shutil.rmtree(folder, ignore_errors=True)
    store = Store(folder)
    count = len(outcomes)
    bar = _Progress(count, None)
    _, load = _cpu_ms(lambda: (_load_all(store, iter(outcomes), _Tally(), bar), store.flush()))
    _, rules = _cpu_ms(store.run_rules)
    _, optimize = _cpu_ms(store.optimize)
    return {"load": load / count, "rules": rules / count, "optimize": optimize / count}


def child(corpus: Path, repeat: int) -> None:
    import dutygraph

    paths = sorted(corpus.iterdir())
    times, outcomes = measure_worker(paths)
    stores: dict[str, list[float]] = {phase: [] for phase in STORE_PHASES}
    with tempfile.TemporaryDirectory(prefix="dutygraph-phases-") as folder:
        for index in range(repeat):
            for phase, ms in measure_store(outcomes, Path(folder) / f"store-{index}").items():
                stores[phase].append(ms)
    print(json.dumps({"code": dutygraph.__file__, **times, **stores}))


# --- the comparison --------------------------------------------------------------------------


@contextmanager
def base_tree(revision: str) -> Iterator[Path]:
    """A detached ``git worktree`` of ``revision`` while the block runs."""
    folder = Path(tempfile.mkdtemp(prefix="dutygraph-base-"))
    checkout = folder / "tree"
    git = ["git", "-C", str(HERE.parent)]
    subprocess.run([*git, "worktree", "add", "--detach", str(checkout), revision], check=True)
    try:
        yield checkout
    finally:
        subprocess.run([*git, "worktree", "remove", "--force", str(checkout)], check=True)
        shutil.rmtree(folder, ignore_errors=True)


def run_child(args: list[str], code: Path, script: Path | None = None) -> dict[str, Any]:
    """Run this benchmark (or ``script``) in a subprocess that imports dutygraph from
    ``code``; its last output line, as JSON."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    command = [sys.executable, str(script or Path(__file__).resolve()), *args]
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _cell(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ({min(values):.1f}-{max(values):.1f})"


def table(new: dict[str, Any], base: dict[str, Any] | None, docs: int, revision: str) -> str:
    heads = ["phase", "CPU ms/doc: median (min-max)"]
    if base is not None:
        heads += [f"base {revision}", "change"]
    lines = ["| " + " | ".join(heads) + " |", "|---" * len(heads) + "|"]
    for phase in (*WORKER_PHASES, *STORE_PHASES):
        cells = [phase, _cell(new[phase])]
        if base is not None:
            before, after = statistics.median(base[phase]), statistics.median(new[phase])
            cells += [_cell(base[phase]), f"{after / before:.2f}x" if before else "-"]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append(f"\n{docs} documents; {', '.join(STORE_PHASES)}: per batch / {docs}.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=50)
    parser.add_argument("--kb", type=float, default=30.0)
    parser.add_argument("--repeat", type=int, default=3, help="fresh stores for load and rules")
    parser.add_argument("--base", default="", help="also measure this commit's code")
    parser.add_argument("--work", type=Path, default=None, help="keep the corpus here")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.repeat)
    from generate import write_corpus

    work = args.work or Path(tempfile.mkdtemp(prefix="dutygraph-phases-"))
    corpus = work / f"corpus-{args.docs}-{args.kb:g}kb"
    if not corpus.is_dir() or len(list(corpus.iterdir())) != args.docs:
        shutil.rmtree(corpus, ignore_errors=True)
        write_corpus(corpus, args.docs, SEED, args.kb)
    child_args = ["--child", str(corpus), "--repeat", str(args.repeat)]
    new = run_child(child_args, HERE.parent)
    base = None
    if args.base:
        with base_tree(args.base) as checkout:
            base = run_child(child_args, checkout)
    print(table(new, base, args.docs, args.base))


if __name__ == "__main__":
    main()
