"""Themes and affected persons of the bundled report against labels chosen by hand
(``tests/golden/themes-bundled.json``: every statement of the report, labelled from its action,
beneficiaries and basis as an index of recommendations would file it, then reviewed).

Precision and recall are counted over (statement, concept) pairs. Themes: precision at least
0.9, recall at least 0.8. Affected persons: precision at least 0.9, and recall at least 0.6,
just under the 0.63 the classifier reaches (most misses need the report's context: that the
people it speaks of are migrants or refugees).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from dutygraph.bundled_graph import bundled_dataset
from dutygraph.namespace import DG
from dutygraph.rdfio import union

GOLDEN = Path(__file__).resolve().parent / "golden" / "themes-bundled.json"
Pairs = set[tuple[str, str]]


@pytest.fixture(scope="module")
def labelled() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return rows


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return bundled_dataset()


def _pairs(labelled: list[dict[str, object]], key: str) -> Pairs:
    return {(str(row["statement"]), str(c)) for row in labelled for c in row[key]}  # type: ignore[attr-defined]


def _found(dataset: Dataset, labelled: list[dict[str, object]], prop: URIRef) -> Pairs:
    """The concepts of each labelled statement, a derived duty's being those of the duty it
    applies (as the queries read them: ``dg:derivedFrom?/dg:theme``)."""
    graph = union(dataset)
    found: Pairs = set()
    for row in labelled:
        statement = URIRef(str(row["statement"]))
        for source in (statement, *graph.objects(statement, DG.derivedFrom)):
            found.update((str(statement), str(c)) for c in graph.objects(source, prop))
    return found


def _precision_recall(found: Pairs, expected: Pairs) -> tuple[float, float]:
    hits = len(found & expected)
    return hits / max(len(found), 1), hits / max(len(expected), 1)


def test_every_labelled_statement_is_in_the_graph(
    dataset: Dataset, labelled: list[dict[str, object]]
) -> None:
    graph = union(dataset)
    missing = [
        r["statement"]
        for r in labelled
        if (URIRef(str(r["statement"])), DG.action, None) not in graph
    ]
    assert missing == [], "the golden labels name statements the report no longer gives"


def test_theme_precision_and_recall(dataset: Dataset, labelled: list[dict[str, object]]) -> None:
    found = _found(dataset, labelled, DG.theme)
    precision, recall = _precision_recall(found, _pairs(labelled, "themes"))
    assert precision >= 0.9, (
        f"theme precision {precision:.3f}; wrong: {sorted(found - _pairs(labelled, 'themes'))}"
    )
    assert recall >= 0.8, f"theme recall {recall:.3f}"


def test_affected_persons_precision_and_recall(
    dataset: Dataset, labelled: list[dict[str, object]]
) -> None:
    found = _found(dataset, labelled, DG.affects)
    precision, recall = _precision_recall(found, _pairs(labelled, "affected"))
    assert precision >= 0.9, f"affected-persons precision {precision:.3f}"
    assert recall >= 0.6, f"affected-persons recall {recall:.3f}"
