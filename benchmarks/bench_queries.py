"""Latency of every named query on the bundled report's graph (rdflib, in memory).

Target (issue: answers): below 50 ms per named query. Prints a Markdown table of medians of
the CPU time (process time), which a busy machine does not inflate.
"""

from __future__ import annotations

import statistics
import time

from dutygraph.build import build, union_graph
from dutygraph.query import named_queries, run

RUNS = 20
PARAMETERS = {
    "duties": {"bearer": "China"},
    "recommendations-to": {"bearer": "China"},
    "refoulement-grounds": {"bearer": "China"},
    "party-treaty-duties": {"state": "China"},
}


def main() -> None:
    graph = union_graph(build().dataset)
    print(f"graph: {len(graph)} triples\n")
    print("| query | median CPU ms | rows |")
    print("|---|---:|---:|")
    statement = run(graph, "evidence", {}).rows[0][0]
    for name in sorted(named_queries()):
        params = {"statement": statement} if name == "evidence" else PARAMETERS.get(name, {})
        result = run(graph, name, params)
        times = []
        for _ in range(RUNS):
            start = time.process_time()
            run(graph, name, params)
            times.append(time.process_time() - start)
        label = name + (f" ({', '.join(f'{k}={v}' for k, v in params.items())})" if params else "")
        print(f"| {label} | {statistics.median(times) * 1000:.1f} | {len(result.rows)} |")


if __name__ == "__main__":
    main()
