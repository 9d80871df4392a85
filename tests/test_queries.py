"""Named queries against hand-written graphs: ``tests/queries/<name>/data.ttl`` and the rows
``expected.csv`` beside it, worked out from the query text.

Both engines answer each case: Oxigraph (the default) and rdflib's (the reference). Each
``data.ttl`` holds the triples ``extract/emit.py`` writes for a small fictional report, plus the
``odrl:partOf`` links a membership rule adds, so the duties query shows its "as one of" rows.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from dutygraph import resources
from dutygraph.namespace import DG
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import Engine, MemorySource
from dutygraph.validate import validate

CASES = Path(__file__).resolve().parent / "queries"
QUERY_NAMES = sorted(source.name.removesuffix(".rq") for source in resources.query_files())

Row = dict[str, str]


def read_expected(name: str, case: str = "expected.csv") -> tuple[list[str], list[Row]]:
    with (CASES / name / case).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def load_data(name: str) -> Graph:
    return Graph().parse(CASES / name / "data.ttl", format="turtle")


def sorted_rows(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=lambda row: sorted(row.items()))


def test_the_five_contract_queries_and_the_competency_questions_are_shipped() -> None:
    contract = {"actors", "duties", "instruments", "parties", "provisions"}
    assert contract <= set(QUERY_NAMES)
    overview = {"matrix", "recommendation-history", "statement-themes"}  # themes, by state
    assert contract | overview <= set(QUERY_NAMES)
    assert len(QUERY_NAMES) == len(contract) + len(overview) + 11  # competency questions 2-12


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_named_query_has_a_case_folder(name: str) -> None:
    folder = CASES / name
    assert (folder / "data.ttl").is_file(), f"missing {folder / 'data.ttl'}"
    assert (folder / "expected.csv").is_file(), f"missing {folder / 'expected.csv'}"


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_case_data_conforms_to_the_core_shapes(name: str) -> None:
    report = validate(load_data(name))
    assert report.conforms, report.to_text()


ENGINES = ("oxigraph", "rdflib")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_gives_the_expected_columns(name: str, engine: Engine) -> None:
    columns, _ = read_expected(name)
    result = run(MemorySource(load_data(name), engine), name)
    assert list(result.columns) == columns


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", QUERY_NAMES)
def test_query_gives_exactly_the_expected_rows(name: str, engine: Engine) -> None:
    _, expected = read_expected(name)
    result = run(MemorySource(load_data(name), engine), name)
    actual = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    assert sorted_rows(actual) == sorted_rows(expected)


# ``expected.KEY=VALUE.csv`` beside ``expected.csv``: the rows with ``--param KEY=VALUE``.
PARAMETER_CASES = sorted((path.parent.name, path.name) for path in CASES.glob("*/expected.*=*.csv"))


def parameters_of_case(case: str) -> dict[str, str]:
    key, _, value = case.removeprefix("expected.").removesuffix(".csv").partition("=")
    return {key: value}


def test_the_duties_query_has_cases_with_a_bearer() -> None:
    assert [case for name, case in PARAMETER_CASES if name == "duties"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("name", "case"), PARAMETER_CASES)
def test_query_with_a_parameter_gives_exactly_the_expected_rows(
    name: str, case: str, engine: Engine
) -> None:
    columns, expected = read_expected(name, case)
    result = run(MemorySource(load_data(name), engine), name, parameters_of_case(case))
    assert list(result.columns) == columns
    assert [dict(zip(result.columns, row, strict=True)) for row in result.rows] == expected


def test_a_term_the_engine_refuses_falls_back_to_rdflib() -> None:
    graph = load_data("actors")
    odd = URIRef("https://example.org/an actor")  # rdflib keeps an IRI with a space
    graph.add((odd, RDF.type, DG.State))
    graph.add((odd, SKOS.prefLabel, Literal("Odd Actor", lang="en")))
    reference = run(MemorySource(graph, "rdflib"), "actors")
    assert "Odd Actor" in {cell for row in reference.rows for cell in row}
    assert sorted(run(MemorySource(graph), "actors").rows) == sorted(reference.rows)
