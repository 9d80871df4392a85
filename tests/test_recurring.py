"""Recurring recommendations: near-identical actions to one bearer under one theme, in several
documents, grouped oldest first (``dutygraph/recurring.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from dutygraph.recurring import content_words, near_identical, recurring
from dutygraph.sparql.sources import MemorySource

DATA = Path(__file__).resolve().parent / "queries" / "matrix" / "data.ttl"


@pytest.fixture(scope="module")
def source() -> MemorySource:
    return MemorySource(Graph().parse(DATA, format="turtle"))


def test_content_words_fold_case_function_words_and_plurals() -> None:
    assert content_words("Ratify the Optional Protocols") == {"ratify", "optional", "protocol"}
    assert content_words("ratify the optional protocol") == {"ratify", "optional", "protocol"}
    assert "access" in content_words("grant access")  # a double s is not a plural


@pytest.mark.parametrize(
    "one, other, same",
    [
        ("not return asylum seekers to Sylvania", "not detain asylum seekers in Sylvania", False),
        ("return no asylum seekers to Sylvania", "return no asylum seekers to Sylvania", True),
        ("ratify the Optional Protocol", "Ratify the Optional Protocols", True),
        ("ratify the Optional Protocol", "withdraw its reservations to the Protocol", False),
        ("end the detention of children", "end the detention of asylum-seeking children", False),
    ],
)
def test_near_identical_actions(one: str, other: str, same: bool) -> None:
    assert near_identical(content_words(one), content_words(other)) is same


def test_a_recommendation_repeated_in_a_later_document_recurs(source: MemorySource) -> None:
    result = recurring(source, "Freedonia")
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    assert len(rows) == 1
    row = rows[0]
    assert row["theme"] == "non-refoulement"
    assert row["action"] == "not return asylum seekers to Sylvania"  # the oldest wording
    assert (row["first_year"], row["years"]) == ("2019", "2019 | 2021")
    assert (row["documents"], row["issuers"]) == ("2", "2")
    assert row["issuer"] == "Committee against Torture | Harbour Watch"
    assert row["statement"].endswith("a1a1a1a1a1a1a1a1/statement/0-54-0")
    assert len(row["statements"].split(" | ")) == 2


def test_a_recommendation_made_in_one_document_only_does_not_recur(source: MemorySource) -> None:
    actions = {row[4] for row in recurring(source).rows}
    assert "end the detention of asylum-seeking children" not in actions


def test_more_documents_than_there_are_gives_nothing(source: MemorySource) -> None:
    assert recurring(source, "Freedonia", min_documents=3).rows == ()
