"""Relations, through ``extract``: normative statements, party status and memberships."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dutygraph.extract.ir import Extraction

Extract = Callable[[str], Extraction]

CONVENTION = "sylvanian-rights-convention"
PROTOCOL = "sylvanian-rights-protocol"
LABOUR = "freedonian-labour-covenant"
COMMITTEE = "sylvanian-rights-committee"


def name(key: str, x: Extraction) -> str:
    """A vocabulary entry by its last IRI segment (``XFD``), a local entity by its label."""
    if key == "dg:AllStates":
        return "all States"
    if key.startswith("http"):
        return key.rsplit("/", 1)[-1]
    entity = next((e for e in x.entities if e.key == key), None)
    return entity.label if entity is not None else key


def statements(x: Extraction) -> list[tuple[str, tuple[str, ...], str, str]]:
    return [
        (s.type, tuple(name(b, x) for b in s.bearers), s.trigger, s.action) for s in x.statements
    ]


def row(text: str, *expected: tuple[str, tuple[str, ...], str, str]) -> object:
    return pytest.param(text, list(expected), id=text[:70])


# --- normative statements ----------------------------------------------------------------

REC = "Recommendation"
STATEMENT_ROWS = [
    # recommendations
    row(
        "Freedonia should release all detainees.",
        (REC, ("XFD",), "should", "release all detainees"),
    ),
    row(
        "The Parliament calls on Freedonia to end forced returns.",
        (REC, ("XFD",), "calls on", "end forced returns"),
    ),
    row(
        "The Parliament urges Freedonia to end forced returns.",
        (REC, ("XFD",), "urges", "end forced returns"),
    ),
    row(
        "The Parliament calls on Sylvania to admit monitors, and urges Ruritania to end"
        " executions.",
        (REC, ("XSY",), "calls on", "admit monitors"),
        (REC, ("XRU",), "urges", "end executions"),
    ),
    row(
        "Freedonia should be urged to release all detainees.",
        (REC, ("XFD",), "should be urged to", "release all detainees"),
    ),
    row(
        "It is the sense of the Parliament that Freedonia should stop forced returns.",
        (REC, ("XFD",), "should", "stop forced returns"),
    ),
    row(
        "The Sylvanian government ought to admit monitors.",
        (REC, ("XSY",), "ought to", "admit monitors"),
    ),
    # binding
    row(
        "The Contracting States shall co-operate with the Committee on Sylvanian Rights.",
        (
            "Obligation",
            ("Contracting States",),
            "shall",
            "co-operate with the Committee on Sylvanian Rights",
        ),
    ),
    row(
        "No Contracting State shall expel a Sylvanian.",
        ("Prohibition", ("Contracting State",), "shall", "expel a Sylvanian"),
    ),
    row(
        "Freedonia has obligated itself to protect Sylvanians.",
        ("Obligation", ("XFD",), "has obligated itself to", "protect Sylvanians"),
    ),
    row(
        "Freedonia, a party to the Convention on the Rights of Sylvanians, has obligated itself to"
        " protect Sylvanians.",
        ("Obligation", ("XFD",), "has obligated itself to", "protect Sylvanians"),
    ),
    row(
        "The Parties undertake to co-operate with the Committee on Sylvanian Rights.",
        (
            "Obligation",
            ("Parties",),
            "undertake to",
            "co-operate with the Committee on Sylvanian Rights",
        ),
    ),
    row(
        "Sylvania is obliged to protect Freedonian nationals.",
        ("Obligation", ("XSY",), "is obliged to", "protect Freedonian nationals"),
    ),
    # prohibitions
    row(
        "Freedonia shall not return Sylvanians to the border.",
        ("Prohibition", ("XFD",), "shall not", "return Sylvanians to the border"),
    ),
    row(
        "Under the Convention on the Rights of Sylvanians, Freedonia must not return Sylvanians.",
        ("Prohibition", ("XFD",), "must not", "return Sylvanians"),
    ),
    # a report's "must" without a legal basis is a demand; a negative recommendation keeps "not"
    row(
        "Freedonia must not return Sylvanians.",
        (REC, ("XFD",), "must not", "not return Sylvanians"),
    ),
    row(
        "Freedonia must release all detainees.",
        (REC, ("XFD",), "must", "release all detainees"),
    ),
    row(
        "Freedonia should not subject aid workers to harassment.",
        (REC, ("XFD",), "should not", "not subject aid workers to harassment"),
    ),
    # rights
    row(
        "Everyone has the right to leave any country, including his own.",
        ("Right", ("Everyone",), "has the right to", "leave any country, including his own"),
    ),
    # coordinated clauses keep their bearer
    row(
        "Freedonia should release all detainees, and should allow monitors into its prisons.",
        (REC, ("XFD",), "should", "release all detainees"),
        (REC, ("XFD",), "should", "allow monitors into its prisons"),
    ),
    row(
        "Freedonia should release all detainees. It should also allow monitors into its prisons.",
        (REC, ("XFD",), "should", "release all detainees"),
        (REC, ("XFD",), "should", "also allow monitors into its prisons"),
    ),
    row(
        "Freedonia, Sylvania, and the Committee on Sylvanian Rights should meet.",
        (REC, ("XFD", "XSY", COMMITTEE), "should", "meet"),
    ),
    row(
        "As an interim step, Freedonia should suspend all returns.",
        (REC, ("XFD",), "should", "suspend all returns"),
    ),
    # nested directives
    row(
        "The international community should urge Freedonia to grant Sylvanians asylum.",
        (REC, ("international community",), "should", "urge Freedonia to grant Sylvanians asylum"),
        (REC, ("XFD",), "urge", "grant Sylvanians asylum"),
    ),
    # a norm that its own clause calls customary binds all states
    row(
        "Freedonia expelled Sylvanians in breach of the principle of non-return, which is binding"
        " on all states as a norm of customary international law.",
        ("Obligation", ("all States",), "principle of", "non-return"),
    ),
    # a norm the customary cue qualifies; the state the text says is bound by it
    row(
        "Freedonia is bound by the customary international law principle of non-return, which"
        " protects Sylvanians.",
        (
            "Obligation",
            ("XFD",),
            "is bound by",
            "the customary international law principle of non-return, which protects Sylvanians",
        ),
        ("Obligation", ("all States",), "principle of", "non-return"),
    ),
    # the duty after a whole-treaty "bound by" clause stays
    row(
        "Freedonia is bound by the Convention on the Rights of Sylvanians, and it must apply it at"
        " its borders.",
        (REC, ("XFD",), "must", "apply it at its borders"),
    ),
    # "it": the one actor named earlier in the sentence
    row(
        "Freedonia has not ratified the Convention on the Rights of Sylvanians, but it must not"
        " return Sylvanians.",
        (REC, ("XFD",), "must not", "not return Sylvanians"),
    ),
    # a treaty body's renewed recommendation, and its request put in the passive
    row(
        "The Committee on Sylvanian Rights reiterates its previous recommendation"
        " (FRD/C/CO/2, para. 9) that Freedonia repeal the decree.",
        (
            REC,
            ("XFD",),
            "reiterates its previous recommendation (FRD/C/CO/2, para. 9) that",
            "repeal the decree",
        ),
    ),
    row(
        "In accordance with its rules, Freedonia is requested to provide, by 1 May 2031,"
        " information on the measures taken.",
        (
            REC,
            ("XFD",),
            "is requested to",
            "provide, by 1 May 2031, information on the measures taken",
        ),
    ),
    row(
        "The Parliament urges Freedonia to end forced returns, and calls on member states to"
        " resettle Sylvanians.",
        (REC, ("XFD",), "urges", "end forced returns"),
        (REC, ("member states",), "calls on", "resettle Sylvanians"),
    ),
    # an adverb between the addressee and "to" is no part of either
    row(
        "The Parliament presses Freedonia publicly to end forced returns.",
        (REC, ("XFD",), "presses", "end forced returns"),
    ),
    # customary law binds all states
    row(
        "The injunction to never return Sylvanians to a place where they face persecution is a"
        " rule of customary international law, binding on all states.",
        (
            "Prohibition",
            ("all States",),
            "injunction to",
            "never return Sylvanians to a place where they face persecution",
        ),
    ),
]


@pytest.mark.parametrize("text, expected", STATEMENT_ROWS)
def test_statements(text: str, expected: list[object], extract_fictional: Extract) -> None:
    assert statements(extract_fictional(text)) == expected


FORCE_ROWS = [
    ("Freedonia should release all detainees.", ["NonBinding"]),
    ("Freedonia shall release all detainees.", ["Binding"]),
    (
        "Under the Convention on the Rights of Sylvanians, Freedonia must not return Sylvanians.",
        ["Binding"],
    ),
    ("Freedonia must not return Sylvanians.", ["NonBinding"]),
    # a clause with no subject of its own shares the basis of the clause before it
    (
        "Under the Convention on the Rights of Sylvanians, Freedonia must trace the missing"
        " and must support their families.",
        ["Binding", "Binding"],
    ),
    (
        "Freedonia must trace the missing and must support their families.",
        ["NonBinding", "NonBinding"],
    ),
    ("Everyone has the right to leave any country.", ["Binding"]),
    ("Freedonia should be urged to release all detainees.", ["NonBinding"]),
]


@pytest.mark.parametrize("text, expected", FORCE_ROWS, ids=[r[0] for r in FORCE_ROWS])
def test_binding_force(text: str, expected: list[str], extract_fictional: Extract) -> None:
    assert [s.force for s in extract_fictional(text).statements] == expected


NEGATIVE_ROWS = [
    "Sylvanians who fled Freedonia face punishment should they return.",
    "Should Freedonia close the border, Sylvanians will suffer.",
    "If Freedonia should fail to act, the Committee on Sylvanian Rights will report.",
    "This should not be seen as a substitute for asylum.",
    "In this Convention the words shall be understood to mean any Sylvanian.",
    "This Convention shall not apply to Ruritanians.",
    "Conclusions are not legally binding on states.",
    "We chose to begin our research in Sylvania.",
    "We must stress that our research began in Sylvania.",
    "It is important to be clear about the limitations of this report.",
    "Freedonia may at any time withdraw from the Convention on the Rights of Sylvanians.",
    "Freedonia was asked to leave the talks.",
    "Sylvanian applicants are invited to an interview.",
    # bound by a whole treaty: a party fact, not a duty whose action is the treaty's name
    "Freedonia is bound by the Convention on the Rights of Sylvanians, which it ratified in 1994.",
    "Freedonia and Sylvania are both bound by the International Covenant on Freedonian Labour.",
]


@pytest.mark.parametrize("text", NEGATIVE_ROWS, ids=[t[:70] for t in NEGATIVE_ROWS])
def test_no_statement(text: str, extract_fictional: Extract) -> None:
    assert statements(extract_fictional(text)) == []


# --- nested directives, addressees, legal basis ---------------------------------------------


def test_nested_directive_links_inner_to_outer(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The international community should urge Freedonia to grant Sylvanians asylum."
    )
    outer, inner = x.statements
    assert inner.urged_by == 0
    assert outer.urged_by is None
    assert [name(k, x) for k in outer.concerns] == ["XFD"]
    assert inner.concerns == ()


def test_heading_addressee_bears_a_passive_bullet(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "Recommendations\n\nTo Freedonia:\n\n"
        "\u00b7 All detainees should be released.\n"
        "\u00b7 Monitors should be admitted to all prisons.\n"
    )
    assert statements(x) == [
        (REC, ("XFD",), "should", "be released"),
        (REC, ("XFD",), "should", "be admitted to all prisons"),
    ]


def test_a_directive_item_under_an_addressee_is_the_addressees(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "Recommendations\n\nTo the Committee on Sylvanian Rights:\n\n"
        "1. Request Freedonia to report on its prisons.\n\n"
        "To Sylvania:\n\n\u00b7 Urge Freedonia to release all detainees.\n"
    )
    assert statements(x) == [
        (
            REC,
            ("sylvanian-rights-committee",),
            "(imperative)",
            "Request Freedonia to report on its prisons",
        ),
        (REC, ("XFD",), "Request", "report on its prisons"),
        (REC, ("XSY",), "(imperative)", "Urge Freedonia to release all detainees"),
        (REC, ("XFD",), "Urge", "release all detainees"),
    ]
    assert x.statements[1].urged_by == 0 and x.statements[3].urged_by == 2


def test_heading_addressee_of_a_group(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "To Freedonia and Sylvania:\n\n\u00b7 All detainees should be released.\n"
    )
    assert statements(x) == [(REC, ("XFD", "XSY"), "should", "be released")]


LIST_ROWS = [
    # a numbered lead-in addresses its lettered items
    row(
        "Detention\n\n13. Freedonia should:\n\n(a) Release all detainees;\n\n"
        "(b) Allow monitors into all prisons.\n",
        (REC, ("XFD",), "(imperative)", "Release all detainees"),
        (REC, ("XFD",), "(imperative)", "Allow monitors into all prisons"),
    ),
    # an adverb and a verb open an imperative item
    row(
        "To Freedonia:\n\n\u00b7 Publicly raise the matter with Sylvania.\n",
        (REC, ("XFD",), "(imperative)", "Publicly raise the matter with Sylvania"),
    ),
    # a lead-in that names nobody leaves the heading's addressee
    row(
        "To Freedonia:\n\nIn particular, and as the earlier sections of this report have shown in"
        " some detail, the following steps are needed before the end of the coming year:\n\n"
        "\u00b7 Release all detainees.\n",
        (REC, ("XFD",), "(imperative)", "Release all detainees"),
    ),
    # a paragraph ends the list of a lead-in
    row(
        "13. Freedonia should:\n\n(a) Release all detainees;\n\nThe report ends here.\n\n"
        "(b) Allow monitors.\n",
        (REC, ("XFD",), "(imperative)", "Release all detainees"),
    ),
]


@pytest.mark.parametrize("text, expected", LIST_ROWS)
def test_list_items(text: str, expected: list[object], extract_fictional: Extract) -> None:
    assert statements(extract_fictional(text)) == expected


BASIS_ROWS = [
    (
        "Freedonia should release all detainees, in line with the Convention on the Rights of"
        " Sylvanians.",
        [(CONVENTION,)],
    ),
    (
        "Freedonia should release all detainees held in violation of the Convention on the"
        " Rights of Sylvanians.",
        [(CONVENTION,)],
    ),
    (
        "Under the Convention on the Rights of Sylvanians, Freedonia must not return Sylvanians.",
        [(CONVENTION,)],
    ),
    (
        "Freedonia should allow Sylvanians to leave the country.1\n\n"
        "1 Convention on the Rights of Sylvanians, article 13(2).\n",
        [(f"{CONVENTION}#article-13(2)",)],
    ),
    (
        "Freedonia should allow Sylvanians to leave the Convention area,1 as the Committee on"
        " Sylvanian Rights has asked.\n\n"
        "1 Convention on the Rights of Sylvanians, article 13(2).\n",
        [(f"{CONVENTION}#article-13(2)",)],
    ),
    (
        "Freedonia, as a state party to both the Convention on the Rights of Sylvanians and the"
        " International Covenant on Freedonian Labour, must protect Sylvanians.",
        [(CONVENTION, LABOUR)],
    ),
    ("Freedonia should release all detainees.", [()]),
]


@pytest.mark.parametrize("text, expected", BASIS_ROWS, ids=[r[0][:70] for r in BASIS_ROWS])
def test_legal_basis(
    text: str, expected: list[tuple[str, ...]], extract_fictional: Extract
) -> None:
    x = extract_fictional(text)
    assert [tuple(name(k, x) for k in s.bases) for s in x.statements] == expected


def test_customary_rule_is_a_basis_and_an_entity(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The injunction to never return Sylvanians to a place where they face persecution, known"
        " as non-refoulement, is a rule of customary international law, binding on all states."
    )
    (statement,) = x.statements
    assert statement.customary
    assert statement.bearers == ("dg:AllStates",)
    assert statement.type == "Prohibition"
    rules = [e for e in x.entities if e.rdf_type == "CustomaryRule"]
    assert [e.key for e in rules] == [statement.bases[0]]
    assert rules[0].label == "non-refoulement"


def test_beneficiaries_come_from_the_action(extract_fictional: Extract) -> None:
    x = extract_fictional("Freedonia should grant asylum to Sylvanians and release detainees.")
    assert [s.beneficiaries for s in x.statements] == [("Sylvanians", "detainees")]


# --- party status and membership ------------------------------------------------------------

PARTY_ROWS = [
    # coordinated verbs share the subject, in text order
    (
        "Freedonia acceded to the Convention on the Rights of Sylvanians in 1981 and ratified the"
        " International Covenant on Freedonian Labour in 1990.",
        [("XFD", CONVENTION, "Accession", "1981"), ("XFD", LABOUR, "Ratification", "1990")],
    ),
    # "it": the instrument just named
    (
        "Freedonia signed the Convention on the Rights of Sylvanians in 1980 and ratified it in"
        " 1985.",
        [("XFD", CONVENTION, "Signature", "1980"), ("XFD", CONVENTION, "Ratification", "1985")],
    ),
    (
        "Freedonia is a party to the Convention on the Rights of Sylvanians.",
        [("XFD", CONVENTION, "ConsentToBeBound", None)],
    ),
    (
        "Freedonia is party to the Convention on the Rights of Sylvanians.",
        [("XFD", CONVENTION, "ConsentToBeBound", None)],
    ),
    (
        "Freedonia, a party to the Convention on the Rights of Sylvanians, detained Sylvanians.",
        [("XFD", CONVENTION, "ConsentToBeBound", None)],
    ),
    (
        "Freedonia ratified the Convention on the Rights of Sylvanians in 1981.",
        [("XFD", CONVENTION, "Ratification", "1981")],
    ),
    (
        "Freedonia became a party to the Convention on the Rights of Sylvanians in 1982.",
        [("XFD", CONVENTION, "ConsentToBeBound", "1982")],
    ),
    (
        "Freedonia acceded to the Protocol to the Convention on the Rights of Sylvanians on"
        " 12 May 1999.",
        [("XFD", PROTOCOL, "Accession", "1999-05-12")],
    ),
    (
        "Sylvania signed the Convention on the Rights of Sylvanians on May 12, 1999.",
        [("XSY", CONVENTION, "Signature", "1999-05-12")],
    ),
    (
        "Sylvania signed the Convention on the Rights of Sylvanians in March 2001.",
        [("XSY", CONVENTION, "Signature", "2001-03")],
    ),
    (
        "Freedonia, as a state party to both the Convention on the Rights of Sylvanians and the"
        " International Covenant on Freedonian Labour, must protect Sylvanians.",
        [
            ("XFD", CONVENTION, "ConsentToBeBound", None),
            ("XFD", LABOUR, "ConsentToBeBound", None),
        ],
    ),
    (
        "Freedonia is not only a party to the Convention on the Rights of Sylvanians, it also"
        " hosts the Committee on Sylvanian Rights.",
        [("XFD", CONVENTION, "ConsentToBeBound", None)],
    ),
    (
        "The Freedonian government ratified the Convention on the Rights of Sylvanians in 1981.",
        [("XFD", CONVENTION, "Ratification", "1981")],
    ),
    # "is not a party to": a negative fact, in tests/extract/test_parties.py
    (
        "Freedonia and Sylvania were asked about the Convention on the Rights of Sylvanians, but"
        " neither said whether they have signed that treaty.",
        [],
    ),
    (
        "Freedonia and Sylvania were asked about the Convention on the Rights of Sylvanians. It"
        " is not known whether they have signed that treaty.",
        [],
    ),
    ("If Freedonia ratified the Convention on the Rights of Sylvanians, it would be bound.", []),
    ("Freedonia ratified nothing in 1981.", []),
]


@pytest.mark.parametrize("text, expected", PARTY_ROWS, ids=[r[0][:70] for r in PARTY_ROWS])
def test_party_facts(
    text: str, expected: list[tuple[str, str, str, str | None]], extract_fictional: Extract
) -> None:
    x = extract_fictional(text)
    found = [(name(p.state, x), name(p.instrument, x), p.act, p.date) for p in x.parties]
    assert found == expected


MEMBERSHIP_ROWS = [
    ("Freedonia is also a member of the Committee on Sylvanian Rights.", [("XFD", COMMITTEE)]),
    ("Sylvania, a member of the Committee on Sylvanian Rights, abstained.", [("XSY", COMMITTEE)]),
    (
        "Ruritania has been a member of the Lorimer Foundation since 1990.",
        [("XRU", "Lorimer Foundation")],
    ),
    ("Members of the Committee on Sylvanian Rights visited Freedonia.", []),
    ("Freedonia is not a member of the Committee on Sylvanian Rights.", []),
]


@pytest.mark.parametrize("text, expected", MEMBERSHIP_ROWS, ids=[r[0] for r in MEMBERSHIP_ROWS])
def test_memberships(
    text: str, expected: list[tuple[str, str]], extract_fictional: Extract
) -> None:
    x = extract_fictional(text)
    assert [(name(m.member, x), name(m.body, x)) for m in x.memberships] == expected


def test_every_span_quotes_the_text(extract_fictional: Extract) -> None:
    text = (
        "Freedonia, a party to the Convention on the Rights of Sylvanians, should release all"
        " detainees,1 and the international community should urge Sylvania to admit monitors.\n\n"
        "1 Convention on the Rights of Sylvanians, article 9.\n"
    )
    x = extract_fictional(text)
    assert x.statements
    for statement in x.statements:
        assert statement.action_span.of(text) == statement.action
        assert statement.span.contains(statement.action_span) or statement.urged_by is not None


def test_the_instrument_a_call_is_made_in_is_its_basis(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Committee on Sylvanian Rights, in its Conclusion No. 12 (XL) of 1990, called on"
        " Freedonia to release all detainees."
    )
    (statement,) = x.statements
    assert [name(k, x) for k in statement.bearers] == ["XFD"]
    assert [k for k in statement.bases if k.startswith("local:conclusion:")] != []
    assert statement.type == "Recommendation"


def test_a_bare_article_belongs_to_the_instrument_named_before_it(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        "States parties to the Convention on the Rights of Sylvanians are bound by article 4,"
        " which protects Sylvanians from return."
    )
    (statement,) = x.statements
    assert statement.type == "Obligation"
    assert [k.rsplit("/", 1)[-1] for k in statement.bases] == [f"{CONVENTION}#article-4"]


def test_a_bare_article_after_two_instruments_belongs_to_none(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "Freedonia cited the Convention on the Rights of Sylvanians and the International"
        " Covenant on Freedonian Labour, and article 4 was discussed."
    )
    assert [e for e in x.entities if e.rdf_type == "Provision"] == []


def test_a_soft_law_call_on_states_is_one_statement(extract_fictional: Extract) -> None:
    x = extract_fictional("General Comment No. 8 calls on States to release all detainees.")
    (statement,) = x.statements
    assert statement.bearers == ("dg:AllStates",)
    assert statement.force == "PersuasiveAuthority"
    assert statement.action == "release all detainees"


def test_a_passage_citing_two_conclusions_is_one_statement_with_both_bases(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        "ExCom Conclusion No. 22 addresses the need to shelter families who cross the border,"
        " as does No. 85."
    )
    (statement,) = x.statements
    assert statement.force == "PersuasiveAuthority"
    assert [key.rpartition(":")[2] for key in statement.bases] == [
        "conclusion-no-22",
        "conclusion-no-85",
    ]
