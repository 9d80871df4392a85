"""Extraction time grows linearly with the input, with and without line breaks.

Text taken from PDFs often comes as very long lines. A stage that scans every mention for each
citation or reference makes a long text quadratic: the bundled report repeated on one line once
took 0.9 s for 128 KB and 26 s for 1 MB (29 times as long), and 124 s for 2 MB. The budget below
is generous for a linear extractor (eight times the text may take up to fourteen times as long;
it takes five to nine) and fails a quadratic one.
"""

from __future__ import annotations

import time

import pytest

from dutygraph.extract.gazetteer import default_gazetteer
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes
from dutygraph.resources import default_report

SMALL = 128 * 1024
FACTOR = 8
BUDGET = 14.0


def repeated_report(size: int, one_line: bool) -> bytes:
    text = default_report().read_text(encoding="utf-8")
    if one_line:
        text = " ".join(text.split()) + " "
    return (text * (size // len(text) + 1))[:size].encode("utf-8")


def extraction_seconds(data: bytes) -> float:
    document = read_bytes(data, "long.txt")
    started = time.process_time()
    extract(document)
    return time.process_time() - started


@pytest.mark.parametrize("one_line", [True, False], ids=["one line", "with line breaks"])
def test_eight_times_the_text_takes_at_most_fourteen_times_as_long(one_line: bool) -> None:
    default_gazetteer()  # loaded once, outside the measurement
    small = extraction_seconds(repeated_report(SMALL, one_line))
    large = extraction_seconds(repeated_report(SMALL * FACTOR, one_line))
    assert large <= BUDGET * small, f"{small:.2f} s -> {large:.2f} s for {FACTOR}x the text"
