"""The picture's theme view: each bearer's duties by theme as cells of passages, in the data,
the static drawings and the CLI, counted as the theme matrix counts them."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph

from dutygraph.commands.picture import picture_command
from dutygraph.errors import DutygraphError
from dutygraph.picture import (
    picture_data,
    picture_html,
    picture_png,
    picture_svg,
    theme_layout,
)
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import MemorySource

THEMED = Path(__file__).parent / "themed.ttl"
DOC = "https://example.org/fictland/doc/"
THEME = "https://w3id.org/dutygraph/theme/"
FICTLAND = "https://example.org/fictland/fictland"
# The rules' duty of Fictland as one of all States: it quotes the group duty's passage.
DERIVED = f"""
@prefix dg: <https://w3id.org/dutygraph/ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<{DOC}birth-fictland> a dg:Obligation, dg:NormativeStatement ;
    dg:bearer <{FICTLAND}> ; dg:action "register every birth" ; dg:bindingForce dg:Binding ;
    dg:inferredBy <https://w3id.org/dutygraph/rule/group-duty> ;
    dg:theme <{THEME}statelessness> ;
    prov:wasDerivedFrom <{DOC}span/117-154> .
"""
HOSTILE_THEME = f"""
<{THEME}statelessness> <http://www.w3.org/2004/02/skos/core#prefLabel>
    "<script>alert(1)</script> nationality" .
"""


@pytest.fixture(scope="module")
def themed() -> Graph:
    graph = Graph().parse(THEMED, format="turtle")
    graph.parse(data=DERIVED, format="turtle")
    return graph


def section_of(data: dict[str, Any], bearer: str) -> list[dict[str, Any]]:
    (section,) = [s for s in data["themeSections"] if s["bearer"] == bearer]
    cells: list[dict[str, Any]] = section["cells"]
    return cells


def counts(cells: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(cell["label"], len(cell["passages"])) for cell in cells]


def test_a_bearers_duties_by_theme(themed: Graph) -> None:
    data = picture_data(themed, view="theme")
    assert data["view"] == "theme" and data["title"] == "Duties by theme"
    fictland = section_of(data, FICTLAND)
    # Most passages first; a duty with two themes is in both cells.
    assert counts(fictland) == [
        ("Non-refoulement", 2),
        ("immigration-detention", 1),
        ("statelessness", 1),
    ]
    assert fictland[0]["passages"] == [
        {"statements": [f"{DOC}return"]},
        {"statements": [f"{DOC}detention"]},
    ]
    # The group's duty and the duty derived from it for Fictland share one passage.
    assert fictland[2]["passages"] == [{"statements": [f"{DOC}birth", f"{DOC}birth-fictland"]}]
    freedonia = section_of(data, "https://example.org/fictland/freedonia")
    assert [(c["theme"], c["label"]) for c in freedonia] == [("", "no theme")]


def test_each_duty_carries_its_themes_and_affected_persons(themed: Graph) -> None:
    duties = {d["id"]: d for d in picture_data(themed)["duties"]}
    assert [t["iri"] for t in duties[f"{DOC}detention"]["themes"]] == [
        f"{THEME}non-refoulement",
        f"{THEME}immigration-detention",
    ]
    assert [a["label"] for a in duties[f"{DOC}detention"]["affected"]] == [
        "children",
        "refugees-and-asylum-seekers",
    ]
    assert duties[f"{DOC}register"]["themes"] == [] == duties[f"{DOC}register"]["affected"]


def test_cells_count_the_statements_the_theme_matrix_counts(themed: Graph) -> None:
    data = picture_data(themed, view="theme")
    source = MemorySource(themed)
    for section in data["themeSections"]:
        matrix = run(source, "matrix", {"bearer": section["bearer"]})
        column = {name: i for i, name in enumerate(matrix.columns)}
        expected: dict[str, int] = {}
        for row in matrix.rows:
            theme = row[column["theme_iri"]]
            expected[theme] = expected.get(theme, 0) + int(row[column["statements"]])
        found = {
            cell["theme"]: len({s for p in cell["passages"] for s in p["statements"]})
            for cell in section["cells"]
        }
        assert found == expected, section["bearer"]


def test_the_bearer_and_kind_filters_choose_the_cells(themed: Graph) -> None:
    data = picture_data(themed, bearer="Fictland", view="theme")
    assert data["title"] == "Duties by theme: Fictland"
    assert [s["bearer"] for s in data["themeSections"]] == [FICTLAND]
    customary = picture_data(themed, kind="customary", view="theme")
    labels = {cell["label"] for s in customary["themeSections"] for cell in s["cells"]}
    assert labels == {"statelessness"}


def test_the_layout_widens_a_cell_with_its_passages(themed: Graph) -> None:
    scene = theme_layout(picture_data(themed, bearer="Fictland", view="theme"))
    widths = {cell.label: cell.width for cell in scene.cells}
    assert widths["Non-refoulement"] > widths["statelessness"] == widths["immigration-detention"]
    assert [text for _, text in scene.headings] == ["Fictland \u00b7 4 passages"]
    assert all(cell.x + cell.width <= scene.width for cell in scene.cells)


def test_theme_svg_draws_the_cells_with_labels_as_text(themed: Graph) -> None:
    hostile = Graph()
    for triple in themed:
        hostile.add(triple)
    hostile.parse(data=HOSTILE_THEME, format="turtle")
    svg = picture_svg(hostile, bearer="Fictland", view="theme")
    root = ElementTree.fromstring(svg)
    texts = [element.text or "" for element in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Non-refoulement" in texts and "2 passages" in texts
    assert any("<script>" in text for text in texts)
    assert "<script" not in svg.replace("&lt;script", "")
    page = picture_html(hostile, view="theme")
    assert page.count("<script") == 2 and "<script>alert" not in page


def test_the_default_view_is_unchanged(themed: Graph) -> None:
    assert picture_data(themed)["view"] == "duties"
    assert picture_svg(themed) == picture_svg(themed, None, None, "duties")
    assert picture_svg(themed, view="theme") != picture_svg(themed)


def test_an_unknown_view_is_a_user_error(themed: Graph) -> None:
    with pytest.raises(DutygraphError, match="unknown view 'map'"):
        picture_data(themed, view="map")


@pytest.mark.parametrize("suffix", [".html", ".svg", ".png"])
def test_cli_view_theme_in_every_drawing(themed: Graph, tmp_path: Path, suffix: str) -> None:
    if suffix == ".png":
        pytest.importorskip("matplotlib")
    source = tmp_path / "themed.ttl"
    themed.serialize(source, format="turtle")
    out = tmp_path / f"themes{suffix}"
    arguments = ["--view", "theme", "--bearer", "Fictland", "--out", str(out)]
    result = CliRunner().invoke(picture_command, [*arguments, "--graph", str(source)])
    assert result.exit_code == 0, result.output
    drawing = {".html": picture_html, ".svg": picture_svg, ".png": picture_png}[suffix]
    expected = drawing(Graph().parse(source), "Fictland", (), "theme")
    written = out.read_bytes()
    assert written == (expected if isinstance(expected, bytes) else expected.encode("utf-8"))
    if suffix == ".html":
        found = re.search(r'id="dutygraph-data">(.*?)</script>', written.decode("utf-8"), re.S)
        assert found is not None and json.loads(found.group(1))["view"] == "theme"


def test_cli_unknown_view_exits_2(themed: Graph, tmp_path: Path) -> None:
    source = tmp_path / "themed.ttl"
    themed.serialize(source, format="turtle")
    result = CliRunner().invoke(picture_command, ["--view", "map", "--graph", str(source)])
    assert result.exit_code == 2
    assert "Invalid value" in result.output and "Traceback" not in result.output
