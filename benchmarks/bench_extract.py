"""Benchmarks of the bundled report: warm extraction, and `dutygraph build` from a cold process.

Targets (issue: extractor): extraction < 100 ms warm; the whole CLI build < 3 s.
Prints medians; run with `make bench`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dutygraph.build import default_document
from dutygraph.extract.emit import emit
from dutygraph.extract.pipeline import extract


def _median_seconds(action: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    document = default_document()
    extract(document)  # warm the vocabularies and patterns
    warm = _median_seconds(lambda: extract(document), 20)
    emitting = _median_seconds(lambda: emit(extract(document)), 10)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.ttl"
        command = [sys.executable, "-m", "dutygraph.cli", "build", "--out", str(out)]
        cold = _median_seconds(lambda: subprocess.run(command, check=True), 5)
    print(f"extraction, warm (median of 20):       {warm * 1000:7.1f} ms   target < 100 ms")
    print(f"extraction + emit, warm (median of 10): {emitting * 1000:7.1f} ms")
    print(f"dutygraph build, cold process (median of 5): {cold:5.2f} s   target < 3 s")


if __name__ == "__main__":
    main()
