"""A PDF that cannot be read is refused in one line that says what to do, with exit status 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from made_reports import make_pdf

from dutygraph.cli import main
from dutygraph.extract.read import InputError, read_bytes


def image_only_pdf() -> bytes:
    """A scanned page: a drawn picture and no text."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(90, 90, 90)
    for row in range(20):
        pdf.rect(20, 20 + row * 12, 170, 8, style="F")
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="reader")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 20, "Fictland shall release all detainees.")
    return bytes(pdf.output())


def corrupt_pdf() -> bytes:
    whole = make_pdf().data
    return whole[: len(whole) // 3]


CASES = [
    (image_only_pdf, r"scan\.pdf: no text layer: run OCR first, e\.g\. ocrmypdf$"),
    (encrypted_pdf, r"scan\.pdf is an encrypted PDF: decrypt it first"),
    (corrupt_pdf, r"scan\.pdf is not a readable PDF \(damaged or truncated\)$"),
]


@pytest.mark.parametrize(("make", "message"), CASES, ids=["no-text", "encrypted", "corrupt"])
def test_refused_in_one_line(make, message: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = make()
    with pytest.raises(InputError, match=message):
        read_bytes(data, "scan.pdf")
    source = tmp_path / "scan.pdf"
    source.write_bytes(data)
    out = tmp_path / "graph.ttl"
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("dutygraph: ")
    assert not out.exists()
