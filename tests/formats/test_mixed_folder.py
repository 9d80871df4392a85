"""A folder of reports as they come: text, web page, PDF and Word, each loaded; others named."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from made_reports import make_docx, make_html, make_pdf, plain_text

from dutygraph.cli import main
from dutygraph.corpus import build_corpus
from dutygraph.inputs import walk
from dutygraph.store import Store


def mixed_folder(root: Path) -> Path:
    folder = root / "reports"
    (folder / "web").mkdir(parents=True)
    (folder / "report.txt").write_text(plain_text(), encoding="utf-8")
    (folder / "web" / "report.html").write_text(make_html(), encoding="utf-8")
    (folder / "report.pdf").write_bytes(make_pdf(columns=2).data)
    (folder / "report.docx").write_bytes(make_docx())
    (folder / "notes.md").write_text("Freedonia should act.", encoding="utf-8")
    (folder / "~$report.docx").write_bytes(b"lock")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    return folder


def test_the_walk_names_every_file_it_skips(tmp_path: Path) -> None:
    found = walk([mixed_folder(tmp_path)])
    names = [path.relative_to(tmp_path / "reports").as_posix() for path in found.files]
    assert names == ["report.docx", "report.pdf", "report.txt", "web/report.html"]
    reasons = {skip.path.name: skip.reason for skip in found.skipped}
    assert reasons == {
        ".DS_Store": "hidden",
        "notes.md": "not a report format (.md; read: .txt, .html, .htm, .pdf, .docx)",
        "~$report.docx": "a Word lock file, not a document",
    }


def test_build_into_a_store_loads_all_four(tmp_path: Path) -> None:
    summary = build_corpus([mixed_folder(tmp_path)], tmp_path / "store", jobs=2, progress=False)
    assert (summary.documents, summary.failed, summary.violations) == (4, 0, 0)
    assert len(summary.not_reports) == 3
    assert "3 not read" in summary.to_text()
    assert len(Store(tmp_path / "store", read_only=True).documents()) == 4


def test_build_a_folder_without_a_store(tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    result = CliRunner().invoke(main, ["build", str(mixed_folder(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert sum(line.startswith("dutygraph: skipped: ") for line in lines) == 3
    assert lines[-1].startswith("dutygraph: built 4 documents: ")
    assert lines[-1].endswith("; conforms; 3 not read")
