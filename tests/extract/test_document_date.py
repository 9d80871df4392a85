"""The document's own date from its opening (``extract/document_date.py``), and only there."""

from __future__ import annotations

import pytest
from rdflib.namespace import DCTERMS, XSD

from dutygraph.extract.document_date import document_date
from dutygraph.extract.emit import emit
from dutygraph.extract.layout import layout
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes


def _date(text: str) -> str | None:
    doc = read_bytes(text.encode("utf-8"), "report.txt")
    return document_date(doc.text, layout(doc))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fictland must free them\n\n23 June 2021\n\nFictland must act now.", "2021-06-23"),
        ("Press release\n\nAugust 14, 2013\n\nThe Fictish authorities must act.", "2013-08-14"),
        ("GENEVA (17 October 2023) \u2013 Fictland must release the detainees.", "2023-10-17"),
        ("FICTOPOLIS, 3 May 2024 \u2013 Fictland must release the detainees.", "2024-05-03"),
        ("Distr.: General\n13 December 2019\n\nReport of the Working Group.", "2019-12-13"),
        ("Fictland Watch\n\nNovember 2002\n\nFictland should ratify the Convention.", "2002-11"),
    ],
)
def test_a_date_on_its_own_line_or_in_a_dateline_is_the_documents(text: str, expected: str) -> None:
    assert _date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Considering the Declaration proclaimed on 10 December 1948, Fictland shall act.",
        "In May 2001, Fictland ratified the Convention. It must now apply it.",
        "Fictland must act. It signed the Covenant in 1990.",
    ],
)
def test_a_date_inside_a_sentence_is_an_event_not_the_documents(text: str) -> None:
    assert _date(text) is None


def test_a_date_far_from_the_opening_is_not_the_documents() -> None:
    opening = "\n\n".join(f"Paragraph {n} says Fictland must act." for n in range(20))
    assert _date(f"{opening}\n\n23 June 2021\n") is None


def test_the_date_is_in_the_graph_with_its_precision() -> None:
    doc = read_bytes(b"Fictland Watch\n\nNovember 2002\n\nFictland should free them.", "r.txt")
    dates = list(emit(extract(doc)).objects(None, DCTERMS.date))
    assert [(str(d), d.datatype) for d in dates] == [("2002-11", XSD.gYearMonth)]
