"""PDF in: the text a reader sees, the same duties as the plain text, and the pages they are on."""

from __future__ import annotations

import itertools

import pytest
from made_reports import (
    HEADER,
    dehyphenated,
    make_pdf,
    numbered,
    plain_text,
    with_filler,
)
from same_duties import assert_same_passages, duties, extracted

from dutygraph.extract.emit import emit
from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.read import read_bytes
from dutygraph.namespace import DG, NIF
from dutygraph.validate import assert_conforms

FILLED = with_filler(10)  # three pages in one column: a recommendation crosses a page break


@pytest.fixture(scope="module", params=[1, 2], ids=["one-column", "two-columns"])
def columns(request: pytest.FixtureRequest) -> int:
    return int(request.param)


def test_the_report_crosses_pages_where_the_tests_need_it() -> None:
    made = make_pdf(FILLED)
    items = [
        pages for (kind, _), pages in zip(FILLED, made.block_pages, strict=True) if kind == "item"
    ]
    assert len(set().union(*items)) >= 2, "the numbered recommendations must cross a page break"
    assert any(len(pages) > 1 for pages in made.block_pages), "a paragraph must cross a page"


def test_the_text_is_what_a_reader_sees(columns: int) -> None:
    doc = read_bytes(make_pdf(FILLED, columns).data, "report.pdf")
    assert HEADER not in doc.text
    assert "Page 1" not in doc.text and "Page 2" not in doc.text
    assert "-\n" not in doc.text and "\ufffe" not in doc.text
    # every block of the report is a block of the text, hyphenated words rejoined
    for _, block in numbered(FILLED):
        assert f"\n\n{block.replace('{', '').replace('}', '')}\n" in f"\n\n{doc.text}".replace(
            "    ", " "
        ).replace("\t", " ") or block.startswith(("State", "Freedonia\t", "Sylvania\t"))
    assert doc.text.endswith("3 Convention on the Rights of Sylvanians, article 35.\n")
    assert doc.media_type == "application/pdf"


def test_pages_cover_the_text_in_order(columns: int) -> None:
    doc = read_bytes(make_pdf(FILLED, columns).data, "report.pdf")
    numbers = [page.number for page in doc.pages]
    body = numbers[: numbers.index(1, 1)] if numbers.count(1) > 1 else numbers
    assert body == list(range(1, len(body) + 1)) and len(body) >= 2
    spans = [page.span for page in doc.pages]
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize("paragraphs", [0, 10], ids=["one-page", "three-pages"])
def test_same_duties_as_the_text(
    columns: int, paragraphs: int, fictional_gazetteer: Gazetteer
) -> None:
    blocks = with_filler(paragraphs)
    text = extracted(plain_text(blocks).encode(), "report.txt", fictional_gazetteer)
    pdf = extracted(make_pdf(blocks, columns).data, "report.pdf", fictional_gazetteer)
    assert duties(pdf) == duties(text)
    assert len(duties(text)) >= 8
    assert_same_passages(pdf, text)


def test_each_passage_is_on_its_page(columns: int, fictional_gazetteer: Gazetteer) -> None:
    made = make_pdf(FILLED, columns)
    extraction = extracted(made.data, "report.pdf", fictional_gazetteer)
    document = extraction.document
    for statement in extraction.statements:
        page = document.page_at(statement.span.start)
        assert page is not None
        opening = " ".join(statement.span.of(document.text).split()[:4])
        assert opening in dehyphenated(made.page_text[page.number]), (opening, page.number)


def test_the_graph_states_pages(fictional_gazetteer: Gazetteer, fictional_vocab) -> None:  # type: ignore[no-untyped-def]
    extraction = extracted(make_pdf(FILLED).data, "report.pdf", fictional_gazetteer)
    graph = emit(extraction, vocab=fictional_vocab)
    assert_conforms(graph)
    pages = set(graph.subjects(None, DG.Page))
    assert len(pages) >= 3
    on_page = {(span, graph.value(page, DG.pageNumber).toPython())
               for span, page in graph.subject_objects(DG.onPage)}  # fmt: skip
    assert {number for _, number in on_page} >= {1, 2, 3}
    for span, number in on_page:
        begin = graph.value(span, NIF.beginIndex).toPython()
        page = graph.value(span, DG.onPage)
        assert graph.value(page, NIF.beginIndex).toPython() <= begin
        assert begin < graph.value(page, NIF.endIndex).toPython()
        assert number >= 1
