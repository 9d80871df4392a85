"""What two renderings of one report are compared by: their duties, offsets and pages."""

from __future__ import annotations

from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.ir import Extraction
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes

Duty = tuple[str, tuple[str, ...], str]


def extracted(data: bytes, name: str, gazetteer: Gazetteer) -> Extraction:
    return extract(read_bytes(data, name), gazetteer)


def duties(extraction: Extraction) -> set[Duty]:
    """Type, bearers and action of every statement: what ``duties`` shows of it."""
    return {
        (s.type, tuple(sorted(s.bearers)), " ".join(s.action.split()))
        for s in extraction.statements
    }


def f1(found: set[Duty], expected: set[Duty]) -> float:
    if not found and not expected:
        return 1.0
    hits = len(found & expected)
    return 2 * hits / (len(found) + len(expected))


def quotes(extraction: Extraction) -> dict[Duty, str]:
    """Each duty's passage as the offsets cut it from the document's text, spaces collapsed."""
    text = extraction.document.text
    return {
        (s.type, tuple(sorted(s.bearers)), " ".join(s.action.split())): " ".join(
            s.span.of(text).split()
        )
        for s in extraction.statements
    }


def assert_same_passages(found: Extraction, expected: Extraction) -> None:
    """The offsets of every duty cut the same passage from the stored text as from the plain
    text the report was made from."""
    mine, theirs = quotes(found), quotes(expected)
    assert mine, "no duties found"
    for duty, quote in mine.items():
        assert quote == theirs[duty], duty
