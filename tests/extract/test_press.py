"""Press releases and news: datelines, attribution tails, reported calls, one paragraph a line
and 'the country' / 'the authorities' for the state the passage is about."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset

from dutygraph.extract.ir import Extraction
from dutygraph.verbs import query

Extract = Callable[[str], Extraction]


def short(key: str | None) -> str | None:
    return key.rsplit("/", 1)[-1] if key else key


def duties(x: Extraction) -> list[tuple[tuple[str | None, ...], str]]:
    return [(tuple(short(b) for b in s.bearers), s.action) for s in x.statements]


ROWS = [
    # datelines are no part of the bearer; an attribution tail no part of the action
    (
        "FICTOPOLIS (3 May 2024) \u2013 Freedonia must release all detainees, UN experts said"
        " today.",
        [(("XFD",), "release all detainees")],
    ),
    (
        "NEW FICTOPOLIS, 3 May 2024 \u2013 Freedonia must end the raids, the group added.",
        [(("XFD",), "end the raids")],
    ),
    # no comma before a named speaker
    (
        "Freedonia must end the raids Fictland Watch said today.",
        [(("XFD",), "end the raids")],
    ),
    # a quoted call and its speaker
    (
        "\u201cFreedonia must stop the pushbacks,\u201d said Jane Roe, director of a group.",
        [(("XFD",), "stop the pushbacks")],
    ),
    # the tail divides a duty from the call that follows it
    (
        "Freedonia must end the raids, UN experts said today, urging Sylvania to open its border.",
        [(("XFD",), "end the raids"), (("XSY",), "open its border")],
    ),
    # a second call joined by "and" with a finite verb is a call of its own
    (
        "The experts urged Freedonia to release the detainees and called on Sylvania to open"
        " its border.",
        [(("XFD",), "release the detainees"), (("XSY",), "open its border")],
    ),
    (
        "The experts urged Freedonia to release the detainees and asked Sylvania to open its"
        " border.",
        [(("XFD",), "release the detainees"), (("XSY",), "open its border")],
    ),
    (
        "The experts urged Freedonia to release the detainees and appealed to Sylvania to open"
        " its border.",
        [(("XFD",), "release the detainees"), (("XSY",), "open its border")],
    ),
    (
        "The experts called on Freedonia to release the detainees, while urging Sylvania to"
        " open its border.",
        [(("XFD",), "release the detainees"), (("XSY",), "open its border")],
    ),
    (
        "The experts urged Freedonia to release the detainees; it also called on Sylvania to"
        " open its border.",
        [(("XFD",), "release the detainees"), (("XSY",), "open its border")],
    ),
    # donors are a group of addressees, as donor governments are
    (
        "The Rapporteur urges donors to fund the shelters.",
        [(("local:group:donor",), "fund the shelters")],
    ),
    # a participle tail is no part of the action
    (
        "Freedonia should reverse its decision, saying it has no legal basis.",
        [(("XFD",), "reverse its decision")],
    ),
    # a responsibility or a humanitarian duty a report ascribes is a demand
    (
        "Freedonia has the responsibility to protect those who help migrants.",
        [(("XFD",), "protect those who help migrants")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_press_release_sentences(
    text: str, expected: list[object], extract_fictional: Extract
) -> None:
    assert duties(extract_fictional(text)) == expected


def test_a_base_form_after_and_goes_on_the_first_call(extract_fictional: Extract) -> None:
    text = "Freedonia should urge Sylvania to free the detainees and call on donors to fund camps."
    actions = [s.action for s in extract_fictional(text).statements]
    assert "free the detainees and call on donors to fund camps" in actions
    assert "fund camps" not in actions


def test_a_responsibility_is_a_recommendation(extract_fictional: Extract) -> None:
    text = "Sylvania has a humanitarian duty to ensure safety."
    (statement,) = extract_fictional(text).statements
    assert (statement.type, statement.force) == ("Recommendation", "NonBinding")


def test_the_country_and_the_authorities_are_the_state_the_passage_is_about(
    extract_fictional: Extract,
) -> None:
    text = (
        "Freedonia closed its border with Sylvania in May.\n"
        "Freedonia also suspended asylum applications.\n"
        "The expert urged the country to reverse its decision.\n"
        "The authorities should investigate the attacks.\n"
    )
    assert duties(extract_fictional(text)) == [
        (("XFD",), "reverse its decision"),
        (("XFD",), "investigate the attacks"),
    ]


def test_the_state_is_the_state_the_passage_is_about(extract_fictional: Extract) -> None:
    text = (
        "Freedonia returned 40 refugees to Sylvania in May.\n"
        "Freedonia also closed its border.\n"
        "The State must not return any person to a country where they face torture.\n"
    )
    assert duties(extract_fictional(text)) == [
        (("XFD",), "not return any person to a country where they face torture")
    ]


def test_two_equally_salient_states_leave_the_country_unresolved(
    extract_fictional: Extract,
) -> None:
    text = (
        "Freedonia and Sylvania closed their border.\n"
        "Sylvania and Freedonia exchanged notes.\n"
        "The authorities should investigate the attacks.\n"
    )
    bearers = {b for s in extract_fictional(text).statements for b in s.bearers}
    assert not any(b.endswith(("/XFD", "/XSY")) for b in bearers)


def test_one_paragraph_a_line_keeps_the_title_and_date_out_of_the_first_sentence(
    extract_fictional: Extract,
) -> None:
    text = (
        "Experts alarmed over raids at the Freedonia border\n"
        "23 March 2020\n"
        "Freedonia must end the raids at the border.\n"
        "\u201cI am very concerned,\u201d said the expert.\n"
        "The raids continued overnight.\n"
    )
    x = extract_fictional(text)
    assert duties(x) == [(("XFD",), "end the raids at the border")]
    (statement,) = x.statements
    assert statement.span.of(text).startswith("Freedonia must")


def test_a_speaker_named_in_the_tail_is_the_issuer(extract_fictional: Extract) -> None:
    text = "Freedonia must end the raids, the Committee on Sylvanian Rights said today."
    (statement,) = extract_fictional(text).statements
    assert statement.issuer is not None and "committee" in statement.issuer.lower()


def test_reported_speech_without_that_names_the_bearer_after_the_verb(
    extract_fictional: Extract,
) -> None:
    text = "The Committee on Sylvanian Rights said Freedonia should end the raids."
    (statement,) = extract_fictional(text).statements
    assert (short(statement.bearers[0]), statement.action) == ("XFD", "end the raids")
    assert statement.issuer is not None and statement.issuer.endswith("sylvanian-rights-committee")


def test_a_quoted_call_after_the_addressee(extract_fictional: Extract) -> None:
    text = "Jane Roe urged the Freedonian government \u201cto stop the expulsions\u201d."
    assert duties(extract_fictional(text)) == [(("XFD",), "stop the expulsions\u201d")]


def test_a_norm_stated_of_an_article_binds_the_parties_of_its_instrument(
    extract_fictional: Extract,
) -> None:
    text = (
        "Freedonia is a party to the Convention on the Rights of Sylvanians. Article 3 of that"
        " Convention prohibits returning anyone to torture."
    )
    x = extract_fictional(text)
    (statement,) = x.statements
    assert (statement.type, statement.force) == ("Prohibition", "Binding")
    assert statement.action == "returning anyone to torture"
    assert statement.bases[0].endswith("sylvanian-rights-convention#article-3")
    group = next(e for e in x.entities if e.key == statement.bearers[0])
    assert group.label == "States Parties to Convention on the Rights of Sylvanians"


def test_a_norm_of_international_law_binds_all_states(extract_fictional: Extract) -> None:
    (statement,) = extract_fictional(
        "International law prohibits the collective expulsion of aliens."
    ).statements
    assert (statement.type, statement.bearers) == ("Prohibition", ("dg:AllStates",))


def test_a_past_prohibition_by_a_state_is_no_norm(extract_fictional: Extract) -> None:
    assert extract_fictional("Freedonia prohibited the march in 2019.").statements == ()


def test_all_states_and_a_part_of_them_owe_one_row(
    build_fictional: Callable[[str], Dataset],
) -> None:
    # every "all States ..." is the one group of all States: one label, so one row per duty
    text = (
        "The Fictish Council called on all States, and in particular all States with influence"
        " over the parties, to support the Freedonian peace talks.\n"
    )
    result = query(build_fictional(text), "duties")
    bearers = [row[result.columns.index("bearer")] for row in result.rows]
    assert bearers == ["all States"]
