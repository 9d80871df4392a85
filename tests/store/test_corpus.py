"""Corpus builds: resume after an interruption, failing documents, progress output."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dutygraph.corpus import build_corpus, input_files
from dutygraph.errors import DutygraphError
from dutygraph.store import Store

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_folders_are_walked_for_text_and_html_files_in_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", "c.htm", "notes.md", "sub/d.TXT"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Freedonia should act.", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in input_files([tmp_path])]
    assert found == ["a.html", "b.txt", "c.htm", "sub/d.TXT"]
    with pytest.raises(DutygraphError, match="no such file"):
        input_files([tmp_path / "missing"])


def test_a_subset_then_the_full_set_skips_what_is_loaded(
    reports: Callable[[int], list[Path]], fresh_store: Path
) -> None:
    paths = reports(3)
    first = build_corpus(paths[:2], fresh_store, jobs=2, progress=False)
    assert (first.documents, first.skipped) == (2, 0)
    second = build_corpus(paths, fresh_store, jobs=2, progress=False)
    assert (second.documents, second.skipped, second.failed) == (2, 2, 0)
    again = build_corpus(paths, fresh_store, jobs=2, progress=False)
    assert (again.documents, again.skipped) == (0, 4)
    assert again.inferred == second.inferred
    assert len(Store(fresh_store, read_only=True).documents()) == 4


def test_an_interrupted_build_keeps_what_it_loaded_and_resumes(
    reports: Callable[[int], list[Path]], fresh_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = reports(3)
    loaded_before_interrupt = 2
    original = Store.record
    calls = []

    def record_then_interrupt(self: Store, sha256: str, graph: str, name: str) -> None:
        original(self, sha256, graph, name)
        calls.append(name)
        if len(calls) == loaded_before_interrupt:
            raise KeyboardInterrupt

    monkeypatch.setattr(Store, "record", record_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_corpus(paths, fresh_store, jobs=2, progress=False)
    monkeypatch.setattr(Store, "record", original)
    resumed = build_corpus(paths, fresh_store, jobs=2, progress=False)
    assert resumed.skipped == loaded_before_interrupt
    assert resumed.documents == len(paths) - loaded_before_interrupt
    store = Store(fresh_store, read_only=True)
    assert len(store.documents()) == len(paths)


def test_a_binary_file_is_reported_and_skipped(
    reports: Callable[[int], list[Path]], fresh_store: Path
) -> None:
    paths = reports(2)
    binary = paths[0].parent / "scan.txt"
    binary.write_bytes(PNG)
    summary = build_corpus([paths[0].parent], fresh_store, jobs=2, progress=False)
    assert (summary.documents, summary.failed) == (len(paths), 1)
    assert summary.failures[0].path == str(binary)
    assert "PNG" in summary.failures[0].message or "binary" in summary.failures[0].message
    assert len(Store(fresh_store, read_only=True).documents()) == len(paths)


def test_no_progress_bar_when_stderr_is_not_a_terminal(
    reports: Callable[[int], list[Path]], fresh_store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_corpus(reports(1), fresh_store, jobs=1, progress=True)
    assert capsys.readouterr().err == ""


def test_the_summary_reads_as_one_line(
    reports: Callable[[int], list[Path]], fresh_store: Path
) -> None:
    summary = build_corpus(reports(1), fresh_store, jobs=1, progress=False)
    text = summary.to_text()
    assert "2 document(s) loaded" in text and "0 failed" in text and "\n" not in text
