"""Joined actions, through ``extract``: a call with several ``, to V`` actions, one duty each."""

from __future__ import annotations

from collections.abc import Callable

from dutygraph.extract.ir import Extraction

Extract = Callable[[str], Extraction]


def test_call_with_joined_actions_is_one_duty_each(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Assembly urges States to uphold the civilian character of camps, through measures "
        "to prevent infiltration, to identify armed elements, and to ensure access to them.\n"
    )
    actions = sorted(s.action for s in x.statements if s.type == "Recommendation")
    assert actions == [
        "ensure access to them",
        "identify armed elements",
        "uphold the civilian character of camps, through measures to prevent infiltration",
    ]


def test_nested_to_is_no_joint(extract_fictional: Extract) -> None:
    x = extract_fictional("The Assembly urges States to take measures to protect refugees.\n")
    assert [s.action for s in x.statements] == ["take measures to protect refugees"]
