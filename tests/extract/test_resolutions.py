"""Resolutions: the adopting body as issuer, restated duties, note numbers after names."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from dutygraph.extract.gazetteer import default_gazetteer
from dutygraph.extract.ir import Extraction
from dutygraph.extract.resolutions import symbol_body
from dutygraph.resources import extract_data

Extract = Callable[[str], Extraction]
GA = "https://w3id.org/dutygraph/id/body/general-assembly"
HRC = "https://w3id.org/dutygraph/id/body/human-rights-council"
SYMBOLS = json.loads(extract_data("resolution_symbols.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("entry", SYMBOLS["prefixes"], ids=lambda e: e["prefix"])
def test_every_symbol_prefix_names_a_known_body_and_reads_its_examples(entry: dict) -> None:
    assert entry["body"] in default_gazetteer().entries
    for example in entry["examples"]:
        assert symbol_body(example + "\n") == entry["body"]
    for other in entry.get("non_examples", ()):
        assert symbol_body(other + "\n") != entry["body"]


OPERATIVE = "5. Calls upon all States to protect the fishermen of Sylvania;\n"


@pytest.mark.parametrize(
    "opening, body",
    [
        ("The General Assembly,\n\n", GA),
        ("The Human Rights Council,\n\n", HRC),
        ("Resolution adopted by the Human Rights Council on 3 May 2009\n\n", HRC),
        ("A/RES/12/345\n\n", GA),
        ("A/HRC/RES/12/34\n\n", HRC),
    ],
)
def test_the_adopting_body_issues_the_recommendations(
    extract_fictional: Extract, opening: str, body: str
) -> None:
    x = extract_fictional(opening + OPERATIVE)
    (call,) = [s for s in x.statements if s.type == "Recommendation"]
    assert call.issuer == body and x.author == body
    assert any(e.key == body for e in x.entities)


def test_the_bodys_next_operative_verb_ends_the_action(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Human Rights Council,\n\n3. Encourages States to develop alternatives to"
        " detention, and reaffirms that Sylvanian children deserve protection;\n\n"
        "4. Calls upon Freedonia to consult civil society and notify the Committee;\n"
    )
    actions = [s.action for s in x.statements if s.type == "Recommendation"]
    assert actions == [
        "develop alternatives to detention",
        "consult civil society and notify the Committee",
    ]


def test_no_opening_no_adopting_body(extract_fictional: Extract) -> None:
    x = extract_fictional(OPERATIVE)
    assert x.author is None


def test_an_emphasized_responsibility_is_the_bodys_recommendation(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        "The General Assembly,\n\n6. Emphasizes the responsibility of all States to cooperate "
        "with Freedonia;\n"
    )
    (duty,) = x.statements
    assert duty.type == "Recommendation" and duty.action == "cooperate with Freedonia"
    assert duty.bearers
    assert duty.issuer == GA


def test_an_obligation_under_international_law_is_customary(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "Reaffirms the obligation under international law of all States to cooperate with the "
        "Committee on Sylvanian Rights.\n"
    )
    (duty,) = x.statements
    assert duty.type == "Obligation" and duty.force == "Binding" and duty.customary


@pytest.mark.parametrize(
    "text",
    [
        "Takes note of the report of the Secretary-General on Freedonia.\n",
        "Welcomes the responsibility shown by Freedonia in the crisis.\n",
        "Notes with concern the failure of States to cooperate with Sylvania.\n",
    ],
)
def test_noting_and_welcoming_state_no_duty(extract_fictional: Extract, text: str) -> None:
    assert not extract_fictional("The General Assembly,\n\n" + text).statements


def test_preambular_recitals_state_no_duty_and_the_operative_part_does(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        "The Human Rights Council,\n\n"
        "Reaffirming that all States must protect the fishermen of Sylvania,\n\n"
        "Recognizing that Freedonia has the primary responsibility to assist them,\n\n" + OPERATIVE
    )
    (duty,) = x.statements
    assert duty.action == "protect the fishermen of Sylvania" and duty.issuer == HRC


def test_items_that_open_with_to_continue_the_lead_in_of_their_addressee(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        "The Human Rights Council,\n\n"
        "1. Calls upon all States:\n(a) To protect the fishermen of Sylvania;\n"
        "(b) To adopt laws on fishing;\n\n"
        "2. Requests the Special Rapporteur on the rights of Sylvanian fishers:\n"
        "(a) To submit a report to the Council;\n"
    )
    rows = [(s.action, s.issuer) for s in x.statements]
    assert rows == [
        ("protect the fishermen of Sylvania", HRC),
        ("adopt laws on fishing", HRC),
        ("submit a report to the Council", HRC),
    ]
    labels = {e.key: e.label for e in x.entities}
    assert (
        labels[x.statements[2].bearers[0]]
        == "Special Rapporteur on the rights of Sylvanian fishers"
    )


def test_a_paragraph_that_opens_with_to_is_no_imperative(extract_fictional: Extract) -> None:
    assert not extract_fictional("To protect the fishermen of Sylvania matters.\n").statements


def test_lone_note_numbers_after_instrument_names_leave_the_action(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        "5. Encourages States to accede to the Convention on the Rights of Sylvanians 3 and the "
        "Protocol to the Convention on the Rights of Sylvanians 5 in good time;\n"
    )
    (call,) = x.statements
    assert call.action == (
        "accede to the Convention on the Rights of Sylvanians and the Protocol to the "
        "Convention on the Rights of Sylvanians in good time"
    )
    assert call.action_span.of(x.document.text).count(" 3 ") == 1  # the span stays exact


def test_a_single_number_after_a_name_without_notes_stays(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "5. Encourages States to accede to the Convention on the Rights of Sylvanians 108 in "
        "good time;\n"
    )
    (call,) = x.statements
    assert "Sylvanians 108 in" in call.action
