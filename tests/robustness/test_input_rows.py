"""Rows of the bad-input battery that concern what a build reads: each a file and its answer."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.cli import main

LATIN = "Chile must not return refugees to Fictland.\n"
DECODED: dict[str, tuple[bytes, str]] = {
    "UTF-16 LE without a byte-order mark": (LATIN.encode("utf-16-le"), "UTF-16-LE"),
    "UTF-16 BE without a byte-order mark": (LATIN.encode("utf-16-be"), "UTF-16-BE"),
}
REFUSED: dict[str, tuple[bytes, str]] = {
    "a NUL inside plain text": (b"Chile\x00 must act.", "is not text (contains NUL bytes)"),
    "UTF-16 pattern that does not decode": (
        ("Chile must act. " * 5).encode("utf-16-le") + b"\x00\xd8" + b"A\x00" * 8,
        "looks like UTF-16 without a byte-order mark",
    ),
}


def build(args: list[str]) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["build", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name", DECODED)
def test_utf16_without_a_mark_is_decoded_and_said(name: str, tmp_path: Path) -> None:
    data, said = DECODED[name]
    report = tmp_path / "report.txt"
    report.write_bytes(data)
    code, out, err = build([str(report)])
    assert code == 0, err
    assert f"decoded as {said}" in err
    assert "return refugees to Fictland" in out


@pytest.mark.parametrize("name", REFUSED)
def test_what_is_not_text_is_refused_in_one_line(name: str, tmp_path: Path) -> None:
    data, said = REFUSED[name]
    report = tmp_path / "report.txt"
    report.write_bytes(data)
    code, _, err = build([str(report), "--out", str(tmp_path / "g.ttl")])
    assert code == 2
    (line,) = err.strip().splitlines()
    assert said in line


@pytest.mark.parametrize("store", [False, True], ids=["to a file", "into a store"])
def test_a_folder_with_nothing_to_build_is_refused(store: bool, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")
    target = ["--store", str(tmp_path / "s")] if store else ["--out", str(tmp_path / "g.ttl")]
    code, _, err = build([str(empty), *target])
    assert code == 2
    assert "a directory with no reports in it" in err.strip().splitlines()[-1]
    assert not (tmp_path / "g.ttl").exists()


def test_a_store_that_cannot_be_written_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(LATIN, encoding="utf-8")

    def full_disk(*args: object, **kwargs: object) -> object:
        raise OSError(errno.ENOSPC, "IO error: No space left on device")

    monkeypatch.setattr("dutygraph.commands.store_commands.build_corpus", full_disk)
    code, _, err = build([str(report), "--store", str(tmp_path / "s")])
    assert code == 2
    (line,) = err.strip().splitlines()
    assert line.startswith(f"dutygraph: {tmp_path / 's'}: cannot write the store (")
    assert "No space left on device" in line


def test_offsets_of_a_crlf_file_index_the_file_as_decoded(tmp_path: Path) -> None:
    report = tmp_path / "crlf.txt"
    report.write_bytes(
        b"Chile is a party to the Convention relating to the Status of Refugees.\r\n"
        b"Chile must not return refugees to Fictland.\r\n"
    )
    graph = tmp_path / "crlf.ttl"
    code, _, err = build([str(report), "--out", str(graph)])
    assert code == 0, err
    result = CliRunner().invoke(main, ["duties", "--graph", str(graph), "--format", "json"])
    (row,) = [r for r in json.loads(result.stdout) if "Fictland" in r["action"]]
    with report.open(encoding="utf-8", newline="") as handle:
        as_read = handle.read()
    assert as_read[int(row["start"]) : int(row["end"])] == row["evidence"]
    assert int(row["start"]) == as_read.index("Chile must")


@pytest.mark.parametrize(
    "param",
    ["bearer=Chile\nX", "bearer=<http://example.org/a>b>", "bearer=Chile\r\nX"],
    ids=["a newline", "a bracket inside an IRI", "a CRLF"],
)
def test_a_bad_parameter_is_one_line_and_nothing_else(param: str) -> None:
    result = CliRunner().invoke(main, ["query", "duties", "--param", param])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("dutygraph: ")
    assert result.stdout == ""
