"""The picture: a self-contained page whose labels stay text, and static SVG and PNG drawings."""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from dutygraph import resources
from dutygraph.commands.picture import picture_command
from dutygraph.errors import DutygraphError
from dutygraph.export import export
from dutygraph.picture import (
    PICTURE_EXTRA,
    embedded_json,
    layout,
    picture_data,
    picture_html,
    picture_png,
    picture_svg,
)
from dutygraph.rdfio import read

SCRIPT = "<script>alert(1)</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
HOSTILE = (
    f"Freedonia should release every detainee held at the {SCRIPT} camp.\n\n"
    f"Freedonia should publish the list {IMAGE} of detainees.\n\n"
    f"Countries bordering {SCRIPT}, including Freedonia and Sylvania, should grant asylum.\n\n"
    "The Contracting States shall not expel a Sylvanian under the Convention on the Rights of "
    "Sylvanians.\n\nFreedonia ratified the Convention on the Rights of Sylvanians in 1981.\n"
)
EXTERNAL_LOAD = re.compile(
    r"""(?:\bsrc|\bhref)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?\s*(?:https?:)?//""", re.I
)
KITCHEN_SINK = Path(__file__).parent.parent / "fixtures" / "kitchen-sink.txt"
DATA = re.compile(r'<script type="application/json" id="dutygraph-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def hostile(build_fictional: Callable[[str], Dataset]) -> Dataset:
    return build_fictional(HOSTILE)


@pytest.fixture(scope="module")
def kitchen(build_fictional: Callable[[str], Dataset]) -> Dataset:
    return build_fictional(KITCHEN_SINK.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page(hostile: Dataset) -> str:
    return picture_html(hostile)


def embedded_data(page: str) -> dict[str, Any]:
    found = DATA.search(page)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def test_the_fixture_has_hostile_labels(hostile: Dataset) -> None:
    data = picture_data(hostile)
    labels = [d["label"] for d in data["duties"]] + [a["label"] for a in data["actors"].values()]
    assert any(SCRIPT in label for label in labels)
    assert any(IMAGE in label for label in labels)
    assert any("<script>" in a["label"] for a in data["actors"].values())


def test_page_loads_nothing_from_the_network(page: str) -> None:
    assert EXTERNAL_LOAD.search(page) is None
    assert "<link" not in page and "@import" not in page
    assert "default-src 'none'" in page


def test_external_load_pattern_catches_loads() -> None:
    for load in ('<img src="https://x.org/a.png">', "<a href=//x.org>", "url( 'http://x/y')"):
        assert EXTERNAL_LOAD.search(load)


def test_page_holds_the_data_as_json(hostile: Dataset, page: str) -> None:
    data = embedded_data(page)
    assert data == json.loads(json.dumps(picture_data(hostile)))
    kinds = {duty["kind"] for duty in data["duties"]}
    assert {"binding", "recommendation"} <= kinds
    assert all(duty["quote"] for duty in data["duties"])


def test_hostile_labels_appear_only_escaped(page: str) -> None:
    assert page.count("<script") == 2
    assert "<img" not in page
    assert SCRIPT not in page and IMAGE not in page
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in page
    assert "innerHTML" not in page and "outerHTML" not in page


def test_page_is_built_from_its_shipped_files(page: str) -> None:
    markup, style, themes, script = (
        resources.picture_file(name).read_text(encoding="utf-8")
        for name in ("page.html", "page.css", "themes.js", "page.js")
    )
    assert f"<style>\n{style}</style>" in page
    assert f"<script>\n{themes}{script}</script>" in page
    assert all(fixed in page for fixed in re.split(r"\{\w+\}", markup))


def test_policy_allows_exactly_the_inline_script(page: str) -> None:
    found = re.search(r"<script>(.*?)</script>", page, re.S)
    assert found is not None
    digest = base64.b64encode(hashlib.sha256(found.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page


def test_embedded_json_cannot_close_its_element() -> None:
    text = embedded_json({"label": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"label": "</script><!-- & \u2028"}


def test_svg_is_well_formed_with_labels_as_text(hostile: Dataset) -> None:
    svg = picture_svg(hostile)
    root = ElementTree.fromstring(svg)
    texts = " ".join(
        element.text or "" for element in root.iter("{http://www.w3.org/2000/svg}text")
    )
    assert "<script>" in texts
    assert "<script" not in svg.replace("&lt;script", "")
    assert not [e for e in root.iter() if e.tag.endswith(("script", "img", "foreignObject"))]


def test_layout_has_four_layers_and_a_group_column(hostile: Dataset) -> None:
    scene = layout(picture_data(hostile, bearer="Freedonia"))
    columns = {box.column for box in scene.boxes}
    assert columns == {"bearer", "group", "duty", "instrument"}
    assert [box.label for box in scene.boxes if box.column == "bearer"] == ["Freedonia"]
    assert any(link.dashed for link in scene.links)
    assert any(not link.dashed for link in scene.links)
    tops = sorted(box.y for box in scene.boxes if box.column == "duty")
    assert all(b - a >= 36 for a, b in itertools.pairwise(tops))


def test_bearer_filter_keeps_duties_owed_directly_or_through_a_group(hostile: Dataset) -> None:
    data = picture_data(hostile, bearer="freedonia")
    assert data["duties"]
    for duty in data["duties"]:
        assert data["selectedBearer"] in {entry["actor"] for entry in duty["owedBy"]}
    through = [e for d in data["duties"] for e in d["owedBy"] if e["via"]]
    assert through and all(e["derivation"] == "inferred" for e in through)


def test_kind_filter(hostile: Dataset) -> None:
    data = picture_data(hostile, kind="binding")
    assert data["duties"] and {d["kind"] for d in data["duties"]} == {"binding"}


def test_several_kinds_keep_any_of_them(kitchen: Dataset) -> None:
    kinds = {d["kind"] for d in picture_data(kitchen)["duties"]}
    assert {"binding", "customary", "recommendation"} <= kinds
    data = picture_data(kitchen, kind=["binding", "customary"])
    assert {d["kind"] for d in data["duties"]} == {"binding", "customary"}
    duty_boxes = [box for box in layout(data).boxes if box.column == "duty"]
    assert {box.kind for box in duty_boxes} == {"binding", "customary"}


@pytest.mark.parametrize("suffix", [".html", ".svg", ".png"])
def test_cli_kind_is_repeatable_in_every_drawing(
    kitchen: Dataset, tmp_path: Path, suffix: str
) -> None:
    if suffix == ".png":
        pytest.importorskip("matplotlib")
    source = tmp_path / "kitchen.nq"
    source.write_text(str(export(kitchen, "nq")), encoding="utf-8")
    out = tmp_path / f"picture{suffix}"
    arguments = ["--out", str(out), "--kind", "binding", "--kind", "customary"]
    result = CliRunner().invoke(picture_command, [*arguments, "--graph", str(source)])
    assert result.exit_code == 0, result.output
    drawing = {".html": picture_html, ".svg": picture_svg, ".png": picture_png}[suffix]
    both = drawing(read([source]), None, ("binding", "customary"))
    last_only = drawing(read([source]), None, "customary")
    written = out.read_bytes()
    assert written == (both if isinstance(both, bytes) else both.encode("utf-8"))
    assert both != last_only
    if suffix == ".html":
        shown = {duty["kind"] for duty in embedded_data(written.decode("utf-8"))["duties"]}
        assert shown == {"binding", "customary"}


def test_unknown_bearer_is_a_user_error(hostile: Dataset) -> None:
    with pytest.raises(DutygraphError, match="--bearer Atlantis"):
        picture_data(hostile, bearer="Atlantis")


def test_png_is_drawn_or_names_the_extra(hostile: Dataset) -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        with pytest.raises(DutygraphError, match=re.escape(PICTURE_EXTRA)):
            picture_png(hostile)
        return
    assert picture_png(hostile).startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("suffix", [".html", ".svg"])
def test_cli_writes_the_picture(hostile: Dataset, tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "hostile.nq"
    source.write_text(str(export(hostile, "nq")), encoding="utf-8")
    out = tmp_path / f"picture{suffix}"
    arguments = ["--out", str(out), "--bearer", "Freedonia", "--graph", str(source)]
    result = CliRunner().invoke(picture_command, arguments)
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Freedonia" in text and "<img" not in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--out", "picture.pdf"], "use a name ending in .html, .svg or .png"),
        (["--bearer", "Atlantis"], "--bearer Atlantis: no actor"),
        (["--kind", "optional"], "Invalid value"),
    ],
)
def test_cli_user_errors_exit_2(
    hostile: Dataset, tmp_path: Path, arguments: list[str], message: str
) -> None:
    source = tmp_path / "hostile.nq"
    source.write_text(str(export(hostile, "nq")), encoding="utf-8")
    result = CliRunner().invoke(picture_command, [*arguments, "--graph", str(source)])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_bundled_report_picture_of_china() -> None:
    result = CliRunner().invoke(picture_command, ["--bearer", "China"])
    assert result.exit_code == 0, result.output
    data = embedded_data(result.output)
    assert html.unescape("Who owes what: China") in result.output
    assert len(data["duties"]) >= 10
    kinds = {duty["kind"] for duty in data["duties"]}
    assert {"binding", "customary", "nonbinding", "recommendation"} == kinds
    for duty in data["duties"]:
        assert data["selectedBearer"] in {entry["actor"] for entry in duty["owedBy"]}
