"""Outputs: one line and exit 2 when a file cannot be written, several outputs of one command
land together or not at all, a symbolic link is written through, a device is never written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.cli import main
from dutygraph.errors import DutygraphError
from dutygraph.rdfio import write_together

REPORT = "Fictland must release all detainees. Chile shall not return refugees.\n"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def one_line_failure(args: list[str]) -> str:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    (line,) = result.stderr.strip().splitlines()
    return line


def test_when_the_ir_cannot_be_written_the_graph_is_not_left_either(
    report: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    graph, ir = out / "graph.ttl", tmp_path / "missing" / "ir.json"
    line = one_line_failure(["build", str(report), "--out", str(graph), "--ir", str(ir)])
    assert "does not exist" in line
    assert list(out.iterdir()) == []


def test_a_failure_while_writing_the_second_output_removes_the_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fdopen = os.fdopen
    opened: list[int] = []

    def second_disk_full(handle: int, mode: str) -> object:
        opened.append(handle)
        if len(opened) == 2:
            os.close(handle)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fdopen(handle, mode)

    monkeypatch.setattr("dutygraph.rdfio.os.fdopen", second_disk_full)
    first, second = tmp_path / "a.ttl", tmp_path / "b.json"
    with pytest.raises(DutygraphError, match=r"b\.json: cannot write \(No space left on device\)"):
        write_together([(first, "a"), (second, "b")])
    assert list(tmp_path.iterdir()) == []


def test_both_outputs_are_written_when_all_goes_well(report: Path, tmp_path: Path) -> None:
    graph, ir = tmp_path / "graph.ttl", tmp_path / "ir.json"
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(graph), "--ir", str(ir)])
    assert result.exit_code == 0, result.output
    assert "Fictland" in graph.read_text(encoding="utf-8")
    assert ir.read_text(encoding="utf-8").startswith(("{", "["))


def test_a_folder_whose_temporary_file_cannot_be_made_gives_one_line(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("dutygraph.rdfio.tempfile.mkstemp", refused)
    line = one_line_failure(["build", str(report), "--out", str(tmp_path / "g.ttl")])
    assert line == f"dutygraph: {tmp_path / 'g.ttl'}: cannot write (Permission denied)"


def test_a_symbolic_link_is_written_through(report: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.ttl"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.ttl"
    link.symlink_to(target)
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert "Fictland" in target.read_text(encoding="utf-8")


def test_a_device_is_not_written(report: Path) -> None:
    line = one_line_failure(["build", str(report), "--format", "ttl", "--out", "/dev/null"])
    assert line == "dutygraph: /dev/null: not a regular file, so not written"
