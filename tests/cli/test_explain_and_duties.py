"""`duties` filters and grouping; `explain` of extracted and derived duties."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.cli import main


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("graph") / "report.trig"
    result = CliRunner().invoke(main, ["build", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _rows(args: list[str]) -> list[dict[str, str]]:
    result = CliRunner().invoke(main, [*args, "--format", "csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def test_kind_filter_keeps_only_that_kind(graph_file: Path) -> None:
    rows = _rows(["duties", "--graph", str(graph_file), "--kind", "customary"])
    assert rows
    assert {r["kind"] for r in rows} == {"customary"}


def test_the_duties_filters_are_parameters_of_the_duties_query(graph_file: Path) -> None:
    graph = ["--graph", str(graph_file)]
    filters = ["--kind", "customary", "--kind", "binding", "--derivation", "extracted"]
    params = ["--param", "kind=customary", "--param", "kind=binding"]
    params += ["--param", "derivation=extracted"]
    rows = _rows(["duties", *graph, *filters])
    assert rows and {r["kind"] for r in rows} <= {"customary", "binding"}
    assert rows == _rows(["query", "duties", *graph, *params])


def test_derivation_filter_keeps_only_inferred_rows(graph_file: Path) -> None:
    rows = _rows(["duties", "--graph", str(graph_file), "--derivation", "inferred"])
    assert rows
    assert {r["derivation"] for r in rows} == {"inferred"}


def test_duties_of_a_state_include_those_owed_as_member_of_all_states(graph_file: Path) -> None:
    rows = _rows(["duties", "--graph", str(graph_file), "--bearer", "China"])
    bearers = {r["bearer"] for r in rows}
    assert "China" in bearers
    assert any("as one of all States" in b for b in bearers)


def test_inferred_non_refoulement_duty_quotes_the_norm_and_explain_the_party_fact(
    graph_file: Path,
) -> None:
    rows = _rows(
        ["duties", "--graph", str(graph_file), "--bearer", "China", "--derivation", "inferred"]
    )
    duty = next(r for r in rows if "return refugees" in r["action"])
    assert duty["kind"] == "binding"
    assert "Article 33" in duty["basis"]
    assert "Article 33" in duty["evidence"]  # the norm's passage, not the party fact's
    result = CliRunner().invoke(main, ["explain", duty["statement"], "--graph", str(graph_file)])
    assert result.exit_code == 0, result.output
    assert "China became a part" in result.output  # the party fact, one step further


def test_table_view_groups_rows_under_each_bearer(graph_file: Path) -> None:
    result = CliRunner().invoke(main, ["duties", "--graph", str(graph_file), "--bearer", "China"])
    assert result.exit_code == 0
    headers = [line for line in result.output.splitlines() if line and not line.startswith(" ")]
    assert headers[0].startswith("China")
    assert len(headers) == len(set(headers))


def test_explain_prints_the_chain_of_an_inferred_duty(graph_file: Path) -> None:
    text = CliRunner().invoke(
        main, ["explain", _inferred_iri(graph_file), "--graph", str(graph_file)]
    )
    assert text.exit_code == 0, text.output
    assert "derived by rule parties-owe-treaty-duties" in text.output
    assert "TreatyAction: China" in text.output
    assert text.output.count("passage [") >= 3


def _inferred_iri(graph_file: Path) -> str:
    from rdflib import Dataset

    from dutygraph.namespace import DG

    data = Dataset(default_union=True)
    data.parse(graph_file, format="trig")
    return str(next(iter(sorted(data.subjects(DG.inferredBy, None)))))


def test_explain_by_text_shows_quote_offsets_and_author(graph_file: Path) -> None:
    result = CliRunner().invoke(
        main, ["explain", "subject aid workers", "--graph", str(graph_file)]
    )
    assert result.exit_code == 0, result.output
    assert "Recommendation: China" in result.output
    assert "passage [" in result.output
    assert "asserted by: Human Rights Watch" in result.output


def test_explain_unknown_text_is_a_user_error(graph_file: Path) -> None:
    result = CliRunner().invoke(
        main, ["explain", "no action says this", "--graph", str(graph_file)]
    )
    assert result.exit_code == 2
    assert result.output.strip().startswith("dutygraph:")


def test_duties_without_a_bearer_list_each_statement_once_under_its_bearer(
    graph_file: Path,
) -> None:
    rows = _rows(["duties", "--graph", str(graph_file)])
    statements = [r["statement"] for r in rows]
    assert len(statements) == len(set(statements))
    assert not any(r["inherited_from"] or "as one of" in r["bearer"] for r in rows)
    assert {r["type"] for r in rows} <= {"obligation", "prohibition", "recommendation"}


def test_a_bearer_gets_its_group_duties_once_each_with_the_group_named(graph_file: Path) -> None:
    rows = _rows(["duties", "--graph", str(graph_file), "--bearer", "CHN"])
    inherited = [r for r in rows if r["inherited_from"]]
    assert inherited and {r["inherited_from"] for r in inherited} == {"all States"}
    keys = [(r["inherited_from"], r["action"], r["basis"]) for r in inherited]
    assert len(keys) == len(set(keys))
    assert all(int(r["passages"]) >= 1 for r in rows)


def test_the_table_prints_each_statement_iri_and_explain_takes_it_in_brackets(
    graph_file: Path,
) -> None:
    table = CliRunner().invoke(main, ["duties", "--graph", str(graph_file), "--bearer", "China"])
    iri = next(line.strip() for line in table.output.splitlines() if "/statement/" in line)
    assert iri.startswith("<") and iri.endswith(">")
    result = CliRunner().invoke(main, ["explain", iri, "--graph", str(graph_file)])
    assert result.exit_code == 0, result.output
    assert f"node: {iri[1:-1]}" in result.output


def test_explain_lists_every_match_and_explains_the_one_picked(graph_file: Path) -> None:
    listed = CliRunner().invoke(main, ["explain", "grant", "--graph", str(graph_file)])
    assert listed.exit_code == 0, listed.output
    numbered = [line for line in listed.output.splitlines() if line[:1].isdigit()]
    assert len(numbered) > 1 and numbered[0].startswith("1. <")
    assert "--pick N" in listed.output
    second = numbered[1].split("<", 1)[1].split(">", 1)[0]
    picked = CliRunner().invoke(
        main, ["explain", "grant", "--pick", "2", "--graph", str(graph_file)]
    )
    assert picked.exit_code == 0, picked.output
    assert f"node: {second}" in picked.output


def test_explain_pick_beyond_the_matches_is_a_user_error(graph_file: Path) -> None:
    result = CliRunner().invoke(
        main, ["explain", "grant", "--pick", "999", "--graph", str(graph_file)]
    )
    assert result.exit_code == 2
    assert "only" in result.stderr


def test_an_inferred_duty_is_reached_by_its_text(graph_file: Path) -> None:
    listed = CliRunner().invoke(main, ["explain", "never return", "--graph", str(graph_file)])
    assert listed.exit_code == 0, listed.output
    assert "/owed-by/" in listed.output


def test_a_bearer_nobody_has_is_an_error_that_does_not_name_param(graph_file: Path) -> None:
    result = CliRunner().invoke(
        main, ["duties", "--graph", str(graph_file), "--bearer", "Atlantis"]
    )
    assert result.exit_code == 2
    assert "--param" not in result.stderr and "Atlantis" in result.stderr


def test_explain_shows_a_prohibition_with_its_negation(tmp_path: Path) -> None:
    text = tmp_path / "fictland.txt"
    text.write_text("The State shall not detain asylum-seeking children.\n", encoding="utf-8")
    graph = tmp_path / "fictland.ttl"
    assert CliRunner().invoke(main, ["build", str(text), "--out", str(graph)]).exit_code == 0
    result = CliRunner().invoke(main, ["explain", "detain", "--graph", str(graph)])
    assert result.exit_code == 0, result.output
    assert "- not detain asylum-seeking children" in result.output
    rows = _rows(["duties", "--graph", str(graph)])
    assert [(r["type"], r["action"]) for r in rows] == [
        ("prohibition", "not detain asylum-seeking children")
    ]


def test_a_customary_rule_stated_in_two_reports_is_one_rule_and_one_row(tmp_path: Path) -> None:
    rule = "The principle of non-refoulement is a rule of customary international law.\n"
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(f"Chile must release detained journalists.\n\n{rule}", encoding="utf-8")
    second.write_text(f"Chile should publish data on returnees.\n\n{rule}", encoding="utf-8")
    out = tmp_path / "two.trig"
    built = CliRunner().invoke(main, ["build", str(first), str(second), "--out", str(out)])
    assert built.exit_code == 0, built.output
    rows = _rows(["duties", "--graph", str(out), "--bearer", "Chile"])
    inherited = [r for r in rows if r["inherited_from"]]
    assert [(r["action"], r["basis_iri"], r["passages"]) for r in inherited] == [
        ("non-refoulement", "https://w3id.org/dutygraph/id/rule/non-refoulement", "2")
    ]
    assert inherited[0]["source"] == str(first)
