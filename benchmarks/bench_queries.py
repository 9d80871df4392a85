"""Latency of every named query on the bundled report's graph, in memory.

Target (issue: answers): below 50 ms per named query. Each query runs as ``dutygraph`` runs it
(Oxigraph, on a store the graph was loaded into once; the first run, which loads it, is timed
apart) and through rdflib's engine, the reference. Prints a Markdown table of medians of the CPU
time (process time, all threads), which a busy machine does not inflate.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial

from dutygraph.build import build
from dutygraph.rdfio import union
from dutygraph.sparql.files import named_queries
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import MemorySource

RUNS = 20
PARAMETERS = {
    "duties (all)": {},  # no bearer: every actor, with the group rows
    "duties": {"bearer": "China"},
    "recommendations-to": {"bearer": "China"},
    "refoulement-grounds": {"bearer": "China"},
    "party-treaty-duties": {"bearer": "China"},
}


def main() -> None:
    graph = union(build().dataset)
    print(f"graph: {len(graph)} triples\n")
    memory, reference = MemorySource(graph), MemorySource(graph, "rdflib")
    loading = time.process_time()
    statement = run(memory, "evidence", {}).rows[0][0]
    print(f"first query, loading the store: {(time.process_time() - loading) * 1000:.1f} ms\n")
    print("| query | median CPU ms | rdflib engine ms | rows |")
    print("|---|---:|---:|---:|")
    for case in sorted({*named_queries(), "duties (all)"}):
        name = case.split(" ")[0]
        params = {"statement": statement} if name == "evidence" else PARAMETERS.get(case, {})
        rows = len(run(memory, name, params).rows)
        ours = _median_ms(partial(run, memory, name, params))
        rdflib_ms = _median_ms(partial(run, reference, name, params))
        label = case + (f" ({', '.join(f'{k}={v}' for k, v in params.items())})" if params else "")
        print(f"| {label} | {ours:.1f} | {rdflib_ms:.1f} | {rows} |")


def _median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    main()
