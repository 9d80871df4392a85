"""`dutygraph matrix` and `dutygraph recurring` on a graph file, in each format."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from click.testing import CliRunner

from dutygraph.cli import main

CASES = Path(__file__).resolve().parents[1] / "queries"
DATA = CASES / "matrix" / "data.ttl"


def _invoke(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(main, args)
    return result.exit_code, result.output


def test_matrix_csv_is_the_matrix_query() -> None:
    code, out = _invoke(["matrix", "--graph", str(DATA), "--bearer", "XFR", "--format", "csv"])
    assert code == 0, out
    expected = (CASES / "matrix" / "expected.bearer=Freedonia.csv").read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(out))) == list(csv.reader(io.StringIO(expected)))


def test_matrix_table_groups_by_theme_with_years_issuers_and_a_passage_per_cell() -> None:
    code, out = _invoke(["matrix", "--graph", str(DATA), "--bearer", "Freedonia"])
    assert code == 0, out
    assert "Freedonia  <https://w3id.org/dutygraph/id/state/XFR>" in out
    assert "  non-refoulement: 3 (2019 2, 2021 1)" in out
    assert "2019  Committee against Torture [treaty-body]: 2 in 1 document" in out
    assert '"Freedonia must not return the asylum seekers to Sylvania" <https://' in out
    assert "  (no theme): 1 (undated 1)" in out
    assert out.rstrip().endswith("(4 cells, 5 statement counts)")


def test_recurring_table_says_when_and_by_whom() -> None:
    code, out = _invoke(["recurring", "--graph", str(DATA)])
    assert code == 0, out
    assert "[non-refoulement] not return asylum seekers to Sylvania" in out
    assert "first made in 2019, repeated in 2021; 2 documents, 2 issuers" in out
    assert "by: Committee against Torture | Harbour Watch" in out


def test_recurring_json_has_one_object_per_recommendation() -> None:
    code, out = _invoke(["recurring", "--graph", str(DATA), "--format", "json"])
    assert code == 0, out
    assert out.count('"action"') == 1


def test_an_unknown_bearer_is_one_line_and_exit_2() -> None:
    for command in ("matrix", "recurring"):
        code, out = _invoke([command, "--graph", str(DATA), "--bearer", "Nowhereland"])
        assert code == 2
        assert len(out.strip().splitlines()) == 1
        assert "Nowhereland" in out


THEMED = CASES / "statement-themes" / "data.ttl"


def test_duties_by_theme_lists_own_duties_and_folds_a_groups_per_theme() -> None:
    args = ["duties", "--graph", str(THEMED), "--bearer", "Freedonia", "--by", "theme"]
    code, out = _invoke(args)
    assert code == 0, out
    blocks = re.split(r"^  (?=\S)", out, flags=re.M)
    headers = [block.splitlines()[0] for block in blocks[1:]]
    assert headers == ["immigration-detention", "non-refoulement", "(no theme)"]
    assert blocks[2].count("[recommendation, extracted]") == 3
    assert blocks[3].count("[recommendation, extracted]") == 0
    assert "as one of all States: 1 duty in 1 passage; first: keep records" in blocks[3]


def test_duties_by_theme_csv_repeats_a_row_per_theme_in_two_added_columns() -> None:
    args = ["duties", "--graph", str(THEMED), "--bearer", "Freedonia", "--by", "theme"]
    code, out = _invoke([*args, "--format", "csv"])
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[-2:] == ["theme", "theme_iri"]
    detention = [r["theme"] for r in rows if r["statement"].endswith("/statement/55-116-1")]
    assert detention == ["immigration-detention", "non-refoulement"]
    assert [r["theme"] for r in rows if r["action"] == "keep records"] == [""]
