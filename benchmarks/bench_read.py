"""Reading PDFs: pages per second, and the bundled report as a PDF beside the same report as text.

1. A generated report of 100 pages (synthetic paragraphs from ``generate.py``, a running
   header and a page number on every page) is read: the ``read`` stage alone, target < 3 s.
2. The bundled report is rendered to a PDF here and built both ways: time to read and extract,
   and how many of the text's duties the PDF gives (F1 of type, bearers and action).

Prints medians with the spread (min-max) over the runs. Needs fpdf2 (the test extra).

    python benchmarks/bench_read.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from dutygraph import resources
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_report

# The PDF core fonts hold Latin-1: both renderings get the same plain punctuation.
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "--", "…": "..."})


def latin1(text: str) -> str:
    return text.translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def to_pdf(text: str, title: str, min_pages: int = 0) -> bytes:
    """Each line of ``text`` set as a paragraph (the bundled report has one paragraph a line),
    with a header and a page number on each page."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.cell(0, 6, title, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 10, f"Page {self.page_no()}", align="C")

    pdf = Report(format="A4")
    pdf.add_page()
    paragraphs = [line for line in text.splitlines() if line.strip()]
    while True:
        for paragraph in paragraphs:
            pdf.set_font("Helvetica", size=10.5)
            pdf.multi_cell(0, 5.5, " ".join(paragraph.split()), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
        if pdf.page_no() >= min_pages:
            return bytes(pdf.output())


def timed(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times), max(times)


def duties(data: bytes, name: str) -> set[tuple[str, tuple[str, ...], str]]:
    x = extract(read_bytes(data, name))
    return {(s.type, tuple(sorted(s.bearers)), " ".join(s.action.split())) for s in x.statements}


def _line(label: str, figures: tuple[float, float, float], unit: str = "s") -> str:
    median, low, high = figures
    return f"{label:<34} median {median:7.3f} {unit}  (min {low:.3f}, max {high:.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    report = latin1(generate_report(7, target_kb=30))
    big = to_pdf(report, "Generated report", min_pages=100)
    pages = max(page.number for page in read_bytes(big, "big.pdf").pages)
    reading = timed(lambda: read_bytes(big, "big.pdf"), runs)
    print(f"generated report: {pages} pages, {len(big) / 1e6:.1f} MB")
    print(_line("read (PDF -> text and pages)", reading))
    print(f"{'':<34} {pages / reading[0]:,.0f} pages/s; target: 100 pages < 3 s")

    source = resources.default_report()
    text = latin1(source.read_text(encoding="utf-8")).encode("utf-8")
    pdf = to_pdf(text.decode("utf-8"), source.name)
    print(f"\nbundled report: {len(text):,} bytes of text, a {len(pdf):,}-byte PDF")
    print(_line("as text: read + extract", timed(lambda: extract(read_bytes(text, "r.txt")), runs)))
    print(_line("as PDF:  read + extract", timed(lambda: extract(read_bytes(pdf, "r.pdf")), runs)))
    found, expected = duties(pdf, "r.pdf"), duties(text, "r.txt")
    f1 = 2 * len(found & expected) / max(1, len(found) + len(expected))
    print(f"duties: text {len(expected)}, PDF {len(found)}, in both {len(found & expected)}; "
          f"F1 {f1:.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
