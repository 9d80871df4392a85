"""The same input gives the same bytes: twice in one process, and across hash seeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.cli import main

FORMATS = ["ttl", "nt", "nq", "trig", "jsonld"]
HASH_SEEDS = ("1", "2")


def build_in_process(out: Path, fmt: str) -> bytes:
    result = CliRunner().invoke(main, ["build", "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


def build_in_subprocess(out: Path, fmt: str, seed: str) -> bytes:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "dutygraph.cli", "build", "--format", fmt, "--out", str(out)]
    finished = subprocess.run(
        command, env=environment, cwd=out.parent, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr
    return out.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_builds_are_byte_identical(tmp_path: Path, fmt: str) -> None:
    first = build_in_process(tmp_path / f"first.{fmt}", fmt)
    second = build_in_process(tmp_path / f"second.{fmt}", fmt)
    assert first
    assert first == second


@pytest.mark.parametrize("fmt", FORMATS)
def test_builds_under_different_hash_seeds_are_byte_identical(tmp_path: Path, fmt: str) -> None:
    outputs = [
        build_in_subprocess(tmp_path / f"seed-{seed}.{fmt}", fmt, seed) for seed in HASH_SEEDS
    ]
    assert outputs[0]
    assert outputs[0] == outputs[1], f"{fmt} output differs between PYTHONHASHSEED values"


def duties_csv_in_subprocess(graph: Path, seed: str) -> bytes:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "dutygraph.cli", "duties", "--graph", str(graph)]
    command += ["--bearer", "China", "--format", "csv"]
    finished = subprocess.run(command, env=environment, capture_output=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    return finished.stdout


def test_the_duties_csv_has_the_same_bytes_across_hash_seeds(tmp_path: Path) -> None:
    graph = tmp_path / "report.ttl"
    build_in_process(graph, "ttl")
    answers = {duties_csv_in_subprocess(graph, seed) for seed in ("1", "2", "3")}
    (answer,) = answers
    assert b" | " in answer  # a list cell, sorted the same way each time


def export_in_subprocess(graph: Path, fmt: str, seed: str) -> bytes:
    environment = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "dutygraph.cli", "export", "--graph", str(graph)]
    command += ["--format", fmt]
    finished = subprocess.run(command, env=environment, capture_output=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    return finished.stdout


@pytest.mark.parametrize("fmt", ["xml", "graphml", "gexf", "wa"])
def test_exports_have_the_same_bytes_across_hash_seeds(tmp_path: Path, fmt: str) -> None:
    graph = tmp_path / "report.ttl"
    build_in_process(graph, "ttl")
    outputs = {export_in_subprocess(graph, fmt, seed) for seed in HASH_SEEDS}
    (output,) = outputs
    assert len(output) > 1000
