"""A corpus build killed outright (SIGKILL, no chance to stop its pool) leaves no worker behind:
each worker notices that its parent is gone and exits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_helpers import write_reports


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            living.add(pid)
    return living


def test_workers_exit_when_the_build_is_killed(tmp_path: Path) -> None:
    reports = write_reports(tmp_path / "reports", count=40)
    command = [sys.executable, "-m", "dutygraph.cli", "build", str(reports[0].parent)]
    command += ["--store", str(tmp_path / "store"), "--jobs", "2"]
    build = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = children_of(build.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the build did not start its workers"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and alive(workers):
        time.sleep(0.2)
    assert alive(workers) == set()
