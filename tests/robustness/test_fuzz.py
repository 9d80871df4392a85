"""Fuzzing the whole build from bytes: any input gives a conforming graph or a one-line refusal.

CI runs a fixed budget; `make fuzz` runs a long one (FUZZ_EXAMPLES=5000). Every crash found
becomes a row of tests/robustness/test_hostile_input.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutygraph.build import build
from dutygraph.errors import DutygraphError
from dutygraph.validate import validate

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "80"))
REPORT_WORDS = (
    "To Norway:", "·", "- ", "should", "shall not", "must", "is a party to", "ratified",
    "the International Covenant on Civil and Political Rights", "Sweden", "the Swedish government",
    "Article 13(2)", "No. 22", "Conclusion", "in 1981", "urges", "calls on", "including",
    "customary international law", "(the \"Pact\")", "1 ", "2 ", ".1 ", ",2 ", "\n\n", "\r\n",
)  # fmt: skip

_report_like = st.lists(
    st.one_of(
        st.sampled_from(REPORT_WORDS),
        st.text(max_size=12),
        st.sampled_from([" ", " ", "\n", ". "]),
    ),
    max_size=60,
).map("".join)
_raw_bytes = st.binary(max_size=400)


def _build_or_refuse(data: bytes, folder: Path) -> None:
    source = folder / "input.txt"
    source.write_bytes(data)
    try:
        built = build([source])
    except DutygraphError as error:
        message = str(error)
        assert message and "\n" not in message
        return
    assert validate(built.dataset).conforms


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=_raw_bytes)
def test_random_bytes_give_a_graph_or_a_one_line_refusal(
    data: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _build_or_refuse(data, tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_report_like)
def test_report_like_text_gives_a_conforming_graph(
    text: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    _build_or_refuse(text.encode("utf-8", "surrogatepass"), tmp_path_factory.mktemp("fuzz"))
