"""Overview benchmark: the theme matrix and the recurring recommendations at corpus scale.

For each size, builds (or, with --reuse, reopens) a store of generated reports and times, for
the busiest state: ``matrix`` on the store (median of 9) and ``recurring`` on the store (median
of 5, for that state and for every bearer); at --rdflib-size (100) the same through rdflib's
engine on the same triples (once each: a query there takes minutes), side by side. Times are
wall-clock medians with the min-max spread, and the answer's size. Prints a Markdown table.

    python benchmarks/bench_overview.py [--sizes 100 1000] [--kb 30] [--jobs 2] [--work DIR]

Targets (the overview issue): on 1,000 reports, the matrix for the busiest state under 1 s and
the recurring recommendations under 2 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox
from bench_corpus import SEED, busiest_bearer
from generate import write_corpus
from rdflib import Graph

from dutygraph.corpus import build_corpus
from dutygraph.recurring import recurring
from dutygraph.sparql.result import Result
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import MemorySource, Source, StoreSource
from dutygraph.store import Store

Timing = tuple[float, float, float, int]  # median, min, max seconds; rows of the answer


def timed(action: Callable[[], Result], runs: int) -> Timing:
    times, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        rows = len(action().rows)
        times.append(time.perf_counter() - started)
    return statistics.median(times), min(times), max(times), rows


def store_of(size: int, work: Path, kb: float, jobs: int, reuse: bool) -> Store:
    corpus, store_dir = work / f"corpus-{size}", work / f"store-{size}"
    if not (reuse and store_dir.is_dir()):
        if not corpus.is_dir() or len(list(corpus.iterdir())) != size:
            write_corpus(corpus, size, SEED, kb)
        build_corpus([corpus], store_dir, jobs=jobs, progress=False)
    return Store(store_dir, read_only=True)


def in_memory(store: Store) -> MemorySource:
    """The union of the store's graphs in an rdflib Graph, queried with rdflib's engine."""
    triples = {quad.triple for quad in store.quads()}
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return MemorySource(Graph().parse(data=data.decode("utf-8"), format="nt"), "rdflib")


def measure(source: Source, bearer: str, runs: int) -> dict[str, Timing]:
    return {
        "matrix": timed(lambda: run(source, "matrix", {"bearer": bearer}), max(runs * 2 - 1, 1)),
        "recurring, one state": timed(lambda: recurring(source, bearer), runs),
        "recurring, every bearer": timed(lambda: recurring(source), runs),
    }


def cell(timing: Timing) -> str:
    median, low, high, rows = timing
    return f"{median * 1000:,.0f} ms ({low * 1000:,.0f}-{high * 1000:,.0f}; {rows:,} rows)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--kb", type=float, default=30.0)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--reuse", action="store_true", help="Reuse stores already in --work.")
    parser.add_argument(
        "--rdflib-size", type=int, default=100, help="Also time rdflib's engine at this size."
    )
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="dutygraph-overview-"))
    lines = ["| documents | engine | bearer | query | time (min-max; rows) |"]
    lines.append("|---:|---|---|---|---|")
    for size in sorted(args.sizes):
        store = store_of(size, work, args.kb, args.jobs, args.reuse)
        bearer = busiest_bearer(store)
        engines: list[tuple[str, Source, int]] = [("Oxigraph store", StoreSource(store), 5)]
        if size == args.rdflib_size:
            engines.append(("rdflib", in_memory(store), 1))
        for engine, source, runs in engines:
            for name, timing in measure(source, bearer, runs).items():
                lines.append(f"| {size:,} | {engine} | {bearer} | {name} | {cell(timing)} |")
        print("\n".join(lines[-len(engines) * 3 :]), file=sys.stderr)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
