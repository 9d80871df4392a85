"""Where a passage comes from a PDF, explain, the Web Annotations and the picture show its page."""

from __future__ import annotations

import json

import pytest
from made_reports import make_pdf, plain_text, with_filler
from rdflib import Dataset, Graph, URIRef

from dutygraph.explain import explain
from dutygraph.export import to_web_annotations
from dutygraph.extract.emit import emit
from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes
from dutygraph.namespace import DG
from dutygraph.picture.data import picture_data

PAGE_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"


def _dataset(data: bytes, name: str, gazetteer: Gazetteer, vocab: Graph) -> Dataset:
    graph = emit(extract(read_bytes(data, name), gazetteer), vocab=vocab)
    dataset = Dataset(default_union=True)
    named = dataset.graph(graph.identifier)
    for triple in graph:
        named.add(triple)
    return dataset


@pytest.fixture(scope="module")
def paged(fictional_gazetteer: Gazetteer, fictional_vocab: Graph) -> Dataset:
    data = make_pdf(with_filler(10)).data
    return _dataset(data, "report.pdf", fictional_gazetteer, fictional_vocab)


@pytest.fixture(scope="module")
def unpaged(fictional_gazetteer: Gazetteer, fictional_vocab: Graph) -> Dataset:
    return _dataset(plain_text().encode(), "report.txt", fictional_gazetteer, fictional_vocab)


def _statement(dataset: Dataset, words: str) -> URIRef:
    return next(
        s
        for s, action in dataset.subject_objects(DG.action)
        if isinstance(s, URIRef) and words in str(action)
    )


def _selectors(dataset: Dataset) -> list[list[dict[str, object]]]:
    items = json.loads(to_web_annotations(dataset))["first"]["items"]
    return [item["target"]["selector"] for item in items if "selector" in item["target"]]


def test_explain_names_the_page(paged: Dataset) -> None:
    statement = _statement(paged, "grant the Committee on Sylvanian Rights access")
    text = explain(paged, statement).to_text()
    assert ", p. " in text.split("passage [", 1)[1].split("\n", 1)[0]


def test_web_annotations_select_the_page(paged: Dataset) -> None:
    selectors = _selectors(paged)
    assert selectors
    pages = {s["value"] for chosen in selectors for s in chosen if s["type"] == "FragmentSelector"}
    assert {"page=1", "page=2"} <= pages
    for chosen in selectors:
        fragment = [s for s in chosen if s["type"] == "FragmentSelector"]
        assert len(fragment) == 1 and fragment[0]["conformsTo"] == PAGE_FRAGMENT
        assert [s["type"] for s in chosen][:2] == ["TextPositionSelector", "TextQuoteSelector"]


def test_a_text_has_no_page_anywhere(unpaged: Dataset) -> None:
    assert all(len(chosen) == 2 for chosen in _selectors(unpaged))
    statement = _statement(unpaged, "grant the Committee on Sylvanian Rights access")
    assert ", p. " not in explain(unpaged, statement).to_text()
    assert {duty["page"] for duty in picture_data(unpaged)["duties"]} == {None}


def test_the_picture_carries_each_duty_page(paged: Dataset) -> None:
    duties = picture_data(paged)["duties"]
    assert duties and all(isinstance(duty["page"], int) for duty in duties)
    assert len({duty["page"] for duty in duties}) >= 2
