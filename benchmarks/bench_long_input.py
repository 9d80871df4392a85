"""Long inputs: extraction time and peak memory per MB, with and without line breaks.

The bundled report is repeated to 1, 5 and 20 MB, once as it is and once on a single line (as
text taken from a PDF often comes). Each size runs in a fresh process, which reports the CPU
seconds of extraction alone (the vocabularies are loaded before the clock starts) and its peak
resident memory. Flat seconds per MB and MB per MB mean linear behaviour.

    python benchmarks/bench_long_input.py [--sizes 1 5 20] [--baseline CHECKOUT] [--timeout 900]

``--baseline`` runs the same measurement with another checkout of dutygraph first on the path
(e.g. a ``git worktree`` of an earlier commit), side by side in the same run; a run over
``--timeout`` seconds is reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = """
import json, resource, sys, time
from dutygraph.extract.gazetteer import default_gazetteer
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes
from dutygraph.resources import default_report
size, one_line = int(sys.argv[1]), sys.argv[2] == "1"
text = default_report().read_text(encoding="utf-8")
if one_line:
    text = " ".join(text.split()) + " "
data = (text * (size // len(text) + 1))[:size].encode("utf-8")
default_gazetteer()
document = read_bytes(data, "long.txt")
started = time.process_time()
extract(document)
seconds = time.process_time() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mib": peak}))
"""
MB = 1024 * 1024


def measure(size_mb: float, one_line: bool, path: str | None, timeout: float) -> dict | None:
    env = dict(os.environ)
    if path is not None:
        env["PYTHONPATH"] = path
    size = int(size_mb * MB)
    command = [sys.executable, "-c", CHILD, str(size), "1" if one_line else "0"]
    try:
        # run from the checkout measured: `python -c` puts the working folder first on the path
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=timeout, check=True, cwd=path
        )
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def cell(result: dict | None, size_mb: float, timeout: float) -> str:
    if result is None:
        return f"> {timeout:.0f} s"
    seconds, peak = result["seconds"], result["peak_mib"]
    per_mb = f"{seconds / size_mb:.2f} s/MB, {peak / size_mb:.0f} MiB/MB"
    return f"{seconds:.1f} s, {peak:.0f} MiB ({per_mb})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5, 20])
    parser.add_argument("--baseline", type=Path, help="another checkout to run side by side")
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    columns = ["this checkout"] + (["baseline"] if args.baseline else [])
    print("| input | MB | " + " | ".join(columns) + " |")
    print("|---|---:|" + "---|" * len(columns))
    for one_line in (True, False):
        for size in args.sizes:
            cells = []
            if args.baseline:
                baseline = measure(size, one_line, str(args.baseline), args.timeout)
            current = measure(size, one_line, None, args.timeout)
            cells.append(cell(current, size, args.timeout))
            if args.baseline:
                cells.append(cell(baseline, size, args.timeout))
            shape = "one line" if one_line else "line breaks"
            print(f"| {shape} | {size:g} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
