"""The HTML picture in a real headless Chromium: it renders, a click shows the quote, and a
``<script>`` or an ``<img onerror>`` in a label stays text (the page title is unchanged)."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import Dataset, Graph

from dutygraph.extract.emit import emit
from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.ir import Page, Span
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes
from dutygraph.picture import picture_data, picture_html

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=3000",
)
TITLE_SETTER = "document.title='pwned'"
HOSTILE = (
    f"Freedonia should release every detainee held at the <script>{TITLE_SETTER}</script> "
    "camp.\n\n"
    f'Freedonia should publish the list "><img src=x onerror="{TITLE_SETTER}"> of detainees.\n\n'
    f"Countries bordering <script>{TITLE_SETTER}</script>, including Freedonia and Sylvania, "
    "should grant asylum.\n\n"
    "The Contracting States shall not expel a Sylvanian under the Convention on the Rights of "
    "Sylvanians.\n\nFreedonia ratified the Convention on the Rights of Sylvanians in 1981.\n"
)


@pytest.fixture(scope="module")
def hostile(build_fictional: Callable[[str], Dataset]) -> Dataset:
    return build_fictional(HOSTILE)


def chromium(profile: Path, *arguments: str) -> str:
    if not CHROMIUM.exists():
        pytest.fail(
            "install Debian package chromium (apt-get install -y chromium): "
            "the picture is tested in a real browser"
        )
    command = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *arguments]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def page_url(tmp_path: Path, dataset: Dataset, duty: str) -> str:
    page = tmp_path / "picture.html"
    page.write_text(picture_html(dataset), encoding="utf-8")
    return f"{page.as_uri()}#test=click&duty={quote(duty, safe='')}"


def hostile_duty(dataset: Dataset) -> dict[str, str]:
    duties = picture_data(dataset)["duties"]
    return next(d for d in duties if "<script>" in d["quote"])


def test_page_renders_and_a_click_shows_the_quote(hostile: Dataset, tmp_path: Path) -> None:
    duty = hostile_duty(hostile)
    dom = chromium(tmp_path / "profile", "--dump-dom", page_url(tmp_path, hostile, duty["id"]))
    nodes = re.findall(r'<g class="node (\w+)', dom)
    assert nodes.count("duty") == len(picture_data(hostile)["duties"])
    assert {"bearer", "duty", "instrument"} <= set(nodes)
    assert re.search(r'<g class="node duty selected" data-id="([^"]+)"', dom)
    selected = re.search(r'<g class="node duty selected" data-id="([^"]+)"', dom)
    assert selected is not None and html.unescape(selected.group(1)) == duty["id"]
    shown = re.search(r'<blockquote id="quote">(.*?)</blockquote>', dom, re.S)
    assert shown is not None, "the side panel shows no quote"
    assert html.unescape(shown.group(1)) == duty["quote"]
    assert "&lt;script&gt;" in shown.group(1)


def test_injected_markup_did_not_run(hostile: Dataset, tmp_path: Path) -> None:
    duty = hostile_duty(hostile)
    dom = chromium(tmp_path / "profile", "--dump-dom", page_url(tmp_path, hostile, duty["id"]))
    title = re.search(r"<head>.*?<title>(.*?)</title>", dom, re.S)
    assert title is not None and title.group(1) == "Who owes what"
    assert "<img" not in dom
    assert dom.count("<script") == 2
    assert 'data-rendered="' in dom


def test_screenshot(hostile: Dataset, tmp_path: Path) -> None:
    duty = hostile_duty(hostile)
    shot = tmp_path / "picture.png"
    url = page_url(tmp_path, hostile, duty["id"])
    chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1400,1000", url)
    print(f"screenshot: {shot}")
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert shot.stat().st_size > 10_000


def test_the_panel_shows_the_page_of_a_paged_source(
    fictional_gazetteer: Gazetteer, fictional_vocab: Graph, tmp_path: Path
) -> None:
    document = read_bytes(HOSTILE.encode(), "report.pdf")
    half = document.text.index("Countries bordering")
    pages = (Page(1, Span(0, half)), Page(2, Span(half, len(document.text))))
    graph = emit(
        extract(replace(document, pages=pages), fictional_gazetteer), vocab=fictional_vocab
    )
    dataset = Dataset(default_union=True)
    named = dataset.graph(graph.identifier)
    for triple in graph:
        named.add(triple)
    duty = next(d for d in picture_data(dataset)["duties"] if d["page"] == 2)
    dom = chromium(tmp_path / "profile", "--dump-dom", page_url(tmp_path, dataset, duty["id"]))
    shown = re.search(r'<p id="offsets">(.*?)</p>', dom, re.S)
    assert shown is not None, "the side panel shows no offsets"
    assert html.unescape(shown.group(1)).startswith("report.pdf, p. 2, code points ")


THEMED = Path(__file__).parent / "themed.ttl"
NON_REFOULEMENT = "https://w3id.org/dutygraph/theme/non-refoulement"


def test_theme_view_a_click_on_a_cell_lists_its_passages(tmp_path: Path) -> None:
    graph = Graph().parse(THEMED, format="turtle")
    page = tmp_path / "themes.html"
    page.write_text(picture_html(graph, "Fictland", None, "theme"), encoding="utf-8")
    url = f"{page.as_uri()}#test=cell&theme={quote(NON_REFOULEMENT, safe='')}"
    dom = chromium(tmp_path / "profile", "--dump-dom", url)
    assert re.search(r'<body class="view-theme"', dom)
    cells = re.findall(r'<button [^>]*data-theme="([^"]*)" data-count="(\d+)"', dom)
    assert [(html.unescape(theme), int(n)) for theme, n in cells] == [
        (NON_REFOULEMENT, 2),
        ("https://w3id.org/dutygraph/theme/immigration-detention", 1),
        ("https://w3id.org/dutygraph/theme/statelessness", 1),
    ]
    assert re.search(r'class="theme-cell selected"', dom)
    title = re.search(r'<h2 id="cell-title">(.*?)</h2>', dom)
    assert title is not None and html.unescape(title.group(1)) == "Non-refoulement \u00b7 Fictland"
    passages = re.findall(r'<li class="passage">(.*?)</li>', dom, re.S)
    assert len(passages) == 2
    quotes = [re.search(r'<blockquote class="quote">(.*?)</blockquote>', p) for p in passages]
    assert [html.unescape(q.group(1)) for q in quotes if q] == [
        "Fictland should not return asylum seekers to Sylvania",
        "Fictland should end the detention of asylum-seeking children",
    ]
    offsets = [re.search(r'<p class="offsets">(.*?)</p>', p) for p in passages]
    assert [html.unescape(o.group(1)) for o in offsets if o] == [
        "fictland-observations.txt, code points 0\u201353",
        "fictland-observations.txt, code points 55\u2013115",
    ]
    statements = re.findall(r'<p class="statement" data-id="([^"]+)"', dom)
    assert statements == [
        "https://example.org/fictland/doc/return",
        "https://example.org/fictland/doc/detention",
    ]
