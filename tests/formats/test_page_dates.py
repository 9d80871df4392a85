"""A web page's publication date from its ``<meta>`` tags (``extract/data/page_dates.json``):
the document's date when its opening states none."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rdflib.namespace import DCTERMS

from dutygraph.extract.emit import emit
from dutygraph.extract.html import published_date
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes
from dutygraph.resources import extract_data

DATA: dict[str, Any] = json.loads(extract_data("page_dates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DATA["examples"], ids=lambda case: case["date"])
def test_every_example_gives_its_date(case: dict[str, str]) -> None:
    assert published_date(case["html"]) == case["date"]


@pytest.mark.parametrize("case", DATA["counter_examples"])
def test_no_counter_example_gives_a_date(case: dict[str, str]) -> None:
    assert published_date(case["html"]) is None


def test_the_most_specific_tag_wins() -> None:
    page = (
        '<html><head><meta name="date" content="2001-01-01">'
        '<meta property="article:published_time" content="2021-06-23"></head>'
        "<body><p>Fictland must release the detainees.</p></body></html>"
    )
    assert published_date(page) == "2021-06-23"


def test_a_page_without_a_dated_opening_takes_its_metadata_date() -> None:
    page = DATA["examples"][0]["html"].encode("utf-8")
    graph = emit(extract(read_bytes(page, "page.html")))
    assert [str(d) for d in graph.objects(None, DCTERMS.date)] == ["2021-06-23"]


def test_the_date_the_text_states_comes_before_the_metadata() -> None:
    page = (
        '<html><head><meta name="dc.date" content="2024-01-01"></head><body>'
        "<p>23 June 2021</p><p>Fictland must release the detainees.</p></body></html>"
    )
    graph = emit(extract(read_bytes(page.encode("utf-8"), "page.html")))
    assert [str(d) for d in graph.objects(None, DCTERMS.date)] == ["2021-06-23"]
