"""The library's verbs (dg.verbs) do what the CLI's commands do, on a constructed text."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from dutygraph import verbs as dg
from dutygraph.errors import DutygraphError

TEXT = (
    "Chile is a party to the Convention against Torture.\n\n"
    "Chile must not return refugees to Fictland.\n\n"
    "Chile should release all detainees.\n"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("verbs") / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dataset(report: Path) -> Dataset:
    return dg.build([report]).dataset


def test_the_verbs_are_the_module_s_public_names() -> None:
    verbs = {"extract", "build", "validate", "query", "explain", "export", "picture"}
    assert verbs <= set(dg.__all__)
    assert all(callable(getattr(dg, verb)) for verb in verbs)


def test_extract_reads_a_path_or_bytes(report: Path) -> None:
    from_path = dg.extract(report)
    from_bytes = dg.extract(report.read_bytes(), "report.txt")
    assert [s.action for s in from_path.statements] == [s.action for s in from_bytes.statements]
    assert "release all detainees" in [s.action for s in from_path.statements]


def test_extract_refuses_what_is_not_text(tmp_path: Path) -> None:
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(DutygraphError, match="PNG"):
        dg.extract(binary)


def test_validate_query_explain_export_and_picture(dataset: Dataset) -> None:
    assert dg.validate(dataset).conforms
    duties = dg.query(dataset, "duties", {"bearer": "Chile"})
    actions = {row[duties.columns.index("action")] for row in duties.rows}
    assert "not return refugees to Fictland" in actions
    assert "Chile" in dg.explain(dataset, "release all detainees")
    assert "@context" in str(dg.export(dataset, "jsonld"))
    assert str(dg.picture(dataset, "svg")).lstrip().startswith("<")


def test_explain_with_words_that_match_several_statements_asks_for_an_iri(
    dataset: Dataset,
) -> None:
    with pytest.raises(DutygraphError, match="statements match"):
        dg.explain(dataset, "re")


def test_an_unknown_picture_format_is_refused(dataset: Dataset) -> None:
    with pytest.raises(DutygraphError, match="unknown picture format"):
        dg.picture(dataset, "gif")
