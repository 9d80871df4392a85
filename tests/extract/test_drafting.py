"""Legal drafting, through ``extract``: office and role bearers, bearerless duties, list items."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dutygraph.extract.ir import Extraction

Extract = Callable[[str], Extraction]

ACT = "Fictland Residence Act 2015\n\n"
TREATY = "Convention on the Rights of Sylvanians\n\n"


def name(key: str, x: Extraction) -> str:
    entity = next((e for e in x.entities if e.key == key), None)
    return entity.label if entity is not None else key


def duties(x: Extraction) -> list[tuple[str, tuple[str, ...], str]]:
    return [(s.type, tuple(name(b, x) for b in s.bearers), s.action) for s in x.statements]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            ACT + "4. (1) The Minister shall notify the Registrar in writing.\n",
            [("Obligation", ("Minister",), "notify the Registrar in writing")],
            id="office",
        ),
        pytest.param(
            ACT + "(2) An immigration officer shall record the application.\n",
            [("Obligation", ("immigration officer",), "record the application")],
            id="office-with-modifier",
        ),
        pytest.param(
            TREATY
            + "2. The official responsible for a place of detention shall keep a register.\n",
            [("Obligation", ("official responsible",), "keep a register")],
            id="office-responsible-for",
        ),
        pytest.param(
            ACT + "(5) The person responsible for the detention of a person shall tell him.\n",
            [("Obligation", ("person responsible",), "tell him")],
            id="role-responsible-for",
        ),
        pytest.param(
            ACT + "(3) A person shall, where he or she moves, inform the Minister forthwith.\n",
            [("Obligation", ("person",), "where he or she moves, inform the Minister forthwith")],
            id="role-group",
        ),
        pytest.param(
            ACT + "(4) The Minister shall, as soon as practicable, give the applicant a notice.\n",
            [("Obligation", ("Minister",), "as soon as practicable, give the applicant a notice")],
            id="inserted-adverbial",
        ),
        pytest.param(
            ACT + "(5) An applicant shall be given, by or on behalf of the Minister, a permit.\n",
            [("Obligation", ("Minister",), "be given, by or on behalf of the Minister, a permit")],
            id="passive-agent",
        ),
        pytest.param(
            ACT + "(6) A person shall not be expelled to a territory where he is at risk.\n",
            [("Prohibition", ("the State",), "be expelled to a territory where he is at risk")],
            id="statute-bearerless-passive",
        ),
        pytest.param(
            TREATY
            + "Article 1\nThe High Contracting Parties shall secure to everyone the rights.\n",
            [("Obligation", ("High Contracting Parties",), "secure to everyone the rights")],
            id="treaty-parties",
        ),
        pytest.param(
            TREATY
            + "Article 2\n- Prohibition of torture\nNo one shall be subjected to torture.\n\n"
            + "Article 3\nEach Contracting State shall report.\n",
            [
                ("Prohibition", ("Contracting States",), "be subjected to torture"),
                ("Obligation", ("Contracting States",), "report"),
            ],
            id="treaty-bearerless",
        ),
        pytest.param(
            ACT + "(7) No person shall publish the name of an applicant.\n",
            [("Prohibition", ("person",), "publish the name of an applicant")],
            id="no-person-shall-act",
        ),
        pytest.param(
            TREATY + "Article 9\nNo refugee shall knowingly harbour a fugitive.\n",
            [("Prohibition", ("refugee",), "knowingly harbour a fugitive")],
            id="no-refugee-shall-act",
        ),
        pytest.param(
            TREATY + "Article 4\nEveryone who is arrested shall be informed of the reasons.\n",
            [("Obligation", ("States Parties",), "be informed of the reasons")],
            id="everyone-who",
        ),
        pytest.param(
            ACT
            + "(2) Subject to subsection (3), an applicant shall\u2014\n\n"
            + "(a) not leave the State without the consent of the Minister,\n\n"
            + "(b) inform the Minister of his or her address, and\n",
            [
                (
                    "Prohibition",
                    ("applicant",),
                    "not leave the State without the consent of the Minister",
                ),
                ("Obligation", ("applicant",), "inform the Minister of his or her address"),
            ],
            id="list-after-shall",
        ),
        pytest.param(
            ACT
            + "(3) The Minister shall have regard to:\n\n"
            + "(a) the information submitted by the person, and\n\n"
            + "(b) any relevant information.\n",
            [
                ("Obligation", ("Minister",), "have regard to"),
                (
                    "Obligation",
                    ("Minister",),
                    "have regard to the information submitted by the person",
                ),
                ("Obligation", ("Minister",), "have regard to any relevant information"),
            ],
            id="list-after-verb",
        ),
    ],
)
def test_legal_duties(text: str, expected: list[object], extract_fictional: Extract) -> None:
    assert duties(extract_fictional(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        TREATY + "Article 5\nEveryone has the right to liberty.\n",
        TREATY
        + "Article 6\nFor the purpose of this Article the term 'labour' shall not include:\n",
        TREATY + "Article 7\nAny Contracting State may take measures derogating from Article 2.\n",
        TREATY
        + "Article 8\nNothing in this Convention shall be construed as limiting Article 2.\n",
        TREATY + "The Contracting States, Considering that all persons shall enjoy rights,\n",
        ACT + "(1) A permit given under subsection (1) shall be valid until the person leaves.\n",
        ACT + "(2) A permit given under this section shall be deemed to be a visa.\n",
        ACT + "(3) An applicant who contravenes subsection (2) shall be guilty of an offence.\n",
        ACT + "(4) A person shall be liable on summary conviction to a fine.\n",
        ACT + "(5) Paragraphs (a) and (b) of subsection (3) shall not apply to an applicant.\n",
        ACT + "(6) The report shall be provided in unclassified form.\n",
        ACT + "(7) These persons shall ipso facto be entitled to the benefits of this Act.\n",
    ],
)
def test_no_legal_duty(text: str, extract_fictional: Extract) -> None:
    x = extract_fictional(text)
    assert [s for s in x.statements if s.type != "Right"] == []


def test_law_title_keeps_its_year(extract_fictional: Extract) -> None:
    x = extract_fictional(ACT + "(1) The Minister shall notify the Registrar.\n")
    assert x.statements[0].bases == ("local:instrument:fictland-residence-act-2015",)


def test_office_nouns_bind_only_in_legal_text(extract_fictional: Extract) -> None:
    x = extract_fictional("The report notes that the Minister must resign.\n")
    assert x.statements == ()


def test_every_office_a_statute_names_is_an_actor(extract_fictional: Extract) -> None:
    text = (
        "Fictland Residence Act 2020\n\n"
        "4. (1) The Minister shall notify the Registrar of every application.\n"
        "(2) A permission may be withdrawn by an immigration officer.\n"
    )
    bodies = {e.label for e in extract_fictional(text).entities if e.category == "body"}
    assert {"Minister", "Registrar", "immigration officer"} <= bodies


def test_an_office_outside_a_legal_text_is_no_actor_of_its_own(
    extract_fictional: Extract,
) -> None:
    text = "Freedonia should let the inspector visit the camps."
    bodies = {e.label for e in extract_fictional(text).entities if e.category == "body"}
    assert "inspector" not in bodies
