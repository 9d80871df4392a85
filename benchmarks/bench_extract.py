"""Warm extraction of the bundled report in MB/s per core, beside a previous extractor.

Each implementation runs in its own process (the previous one from a checkout put first on
``PYTHONPATH``); the rounds alternate between them so that load on a shared machine falls on
both alike. A process warms the vocabularies and patterns with one extraction, then times
``--runs`` extractions (and as many extractions with ``emit``) in CPU time. Prints medians with
the spread (min-max) of all runs, and `dutygraph build` from a cold process.

Targets: warm extraction >= 1 MB/s per core; the whole CLI build < 3 s.

    python benchmarks/bench_extract.py [--base CHECKOUT] [--runs 10] [--rounds 3]

``CHECKOUT`` is a source tree of the previous extractor, e.g. ``git worktree add /tmp/base REV``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_TARGET_MB_PER_S = 1.0


def _cpu_seconds(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return times


def worker(runs: int) -> None:
    """One process's measurements, as JSON on stdout (run by ``main`` with ``--worker``)."""
    import dutygraph
    from dutygraph.build import default_document
    from dutygraph.extract.emit import emit
    from dutygraph.extract.pipeline import extract

    document = default_document()
    extract(document)  # warm the vocabularies and patterns
    result = {
        "source": str(Path(dutygraph.__file__).resolve().parent),
        "bytes": len(document.text.encode("utf-8")),
        "extract": _cpu_seconds(lambda: extract(document), runs),
        "emit": _cpu_seconds(lambda: emit(extract(document)), runs),
    }
    print(json.dumps(result))


def _measure(root: Path | None, runs: int) -> dict[str, object]:
    env = dict(os.environ)
    if root is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")]).rstrip(
            os.pathsep
        )
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--runs", str(runs)]
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def _cold_build(root: Path | None, runs: int) -> list[float]:
    """CPU seconds of the children (``dutygraph build`` of the bundled report), per run."""
    env = dict(os.environ)
    if root is not None:
        env["PYTHONPATH"] = str(root)
    times = []
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.ttl"
        command = [sys.executable, "-m", "dutygraph.cli", "build", "--out", str(out)]
        for _ in range(runs):
            before = os.times()
            subprocess.run(command, env=env, check=True, capture_output=True)
            after = os.times()
            times.append(
                after.children_user
                + after.children_system
                - before.children_user
                - before.children_system
            )
    return times


def _spread(times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return f"{statistics.median(ms):6.1f} ms ({min(ms):.1f}-{max(ms):.1f})"


def _rate(size: int, times: list[float]) -> str:
    rates = [size / t / 1e6 for t in times]
    return f"{statistics.median(rates):4.2f} MB/s ({min(rates):.2f}-{max(rates):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="a checkout of the previous extractor")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per process")
    parser.add_argument("--rounds", type=int, default=3, help="processes per implementation")
    parser.add_argument("--cold", type=int, default=5, help="cold builds per implementation")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.runs)
        return
    roots: dict[str, Path | None] = {"current": None}
    if args.base is not None:
        roots = {"previous": args.base.resolve(), "current": None}
    found: dict[str, dict[str, list[float]]] = {n: {"extract": [], "emit": []} for n in roots}
    sources: dict[str, str] = {}
    size = 0
    for _ in range(args.rounds):
        for name, root in roots.items():
            result = _measure(root, args.runs)
            sources[name], size = str(result["source"]), int(result["bytes"])  # type: ignore[call-overload]
            for key in ("extract", "emit"):
                found[name][key].extend(result[key])  # type: ignore[arg-type]
    runs = args.runs * args.rounds
    print(f"bundled report, {size:,} bytes; CPU time, median (min-max) of {runs} warm runs")
    for name in roots:
        times = found[name]
        print(f"{name:9s} {sources[name]}")
        rate = _rate(size, times["extract"])
        print(f"  extraction          {_spread(times['extract'])}   {rate}")
        print(f"  extraction + emit   {_spread(times['emit'])}")
    if args.base is not None:
        ratio = statistics.median(found["current"]["extract"]) / statistics.median(
            found["previous"]["extract"]
        )
        print(f"current / previous extraction time: {ratio:.2f}")
    print(f"target: extraction >= {_TARGET_MB_PER_S:.1f} MB/s per core")
    for name, root in roots.items():
        if args.cold > 0:
            cold = _cold_build(root, args.cold)
            print(f"dutygraph build, cold process, {name}: {_spread(cold)} CPU   target < 3 s")


if __name__ == "__main__":
    main()
