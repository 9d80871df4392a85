"""A web page in: its main content only, with the text's duties."""

from __future__ import annotations

import json
import re

import pytest
from made_reports import make_html, plain_text
from same_duties import duties, extracted

from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.read import read_bytes
from dutygraph.resources import extract_data


def test_navigation_banners_and_footers_are_dropped() -> None:
    text = read_bytes(make_html().encode(), "report.html").text
    for chrome in ("cookies", "Donate", "Home", "Share this", "Related", "Copyright"):
        assert chrome not in text
    assert text.startswith("Fictland: Closed Borders\n\nSummary\n\n")
    assert "\n\n· Freedonia should end forced returns" in text


def test_same_duties_as_the_text(fictional_gazetteer: Gazetteer) -> None:
    text = extracted(plain_text().encode(), "report.txt", fictional_gazetteer)
    page = extracted(make_html().encode(), "report.html", fictional_gazetteer)
    assert duties(page) == duties(text)


def test_a_page_without_marked_content_keeps_all_but_the_chrome() -> None:
    markup = (
        "<html><body><nav>Menu</nav><div class='content'><h1>Fictland</h1>"
        "<p>Fictland should free the detainees.</p></div><footer>About us</footer></body></html>"
    )
    assert read_bytes(markup.encode(), "p.html").text == (
        "Fictland\n\nFictland should free the detainees.\n"
    )


def _patterns() -> list[dict[str, object]]:
    data = json.loads(extract_data("boilerplate.json").read_text(encoding="utf-8"))
    return list(data["patterns"])


@pytest.mark.parametrize("entry", _patterns(), ids=lambda e: str(e["name"]))
def test_every_boilerplate_pattern_matches_its_examples(entry: dict[str, object]) -> None:
    regex = re.compile(str(entry["regex"]), re.IGNORECASE)
    assert entry["examples"]
    for example in entry["examples"]:  # type: ignore[attr-defined]
        assert regex.search(example), example
    for other in entry.get("non_examples", []):  # type: ignore[attr-defined]
        assert not regex.search(other), other
