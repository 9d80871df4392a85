"""List items as recommendations: lead-ins with lists in any marker style, and the numbered
recommendations of a Universal Periodic Review with their recommending states."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dutygraph.extract.ir import Extraction

Extract = Callable[[str], Extraction]
REC = "Recommendation"


def short(key: str | None) -> str | None:
    return key.rsplit("/", 1)[-1] if key else key


def items(x: Extraction) -> list[tuple[tuple[str | None, ...], str, tuple[str | None, ...]]]:
    """(bearers, action, issuers) of each recommendation, in text order."""
    return [
        (
            tuple(short(b) for b in s.bearers),
            s.action,
            tuple(short(i) for i in (s.issuer, *s.co_issuers) if i),
        )
        for s in x.statements
        if s.type == REC
    ]


LEAD_IN_ROWS = [
    # lowercase items on consecutive lines, each a duty of the addressee
    (
        "The Council calls on Freedonia to:\n(a) release all detainees;\n(b) admit monitors; and\n"
        "(c) end forced returns.",
        ["release all detainees", "admit monitors", "end forced returns"],
    ),
    # bullets of every glyph, after a blank line, capitalised or not
    (
        "We urge Freedonia to:\n\n\u2022 Release all detainees;\n\u00b7 admit monitors;\n"
        "- end forced returns;\n* publish the list;\n\u2013 consult civil society.",
        ["Release all detainees", "admit monitors", "end forced returns", "publish the list",
         "consult civil society"],
    ),
    # "recommends that X" and numbered items
    (
        "The Council recommends that Freedonia:\n1. ratify the Convention;\n2. repeal the decree.",
        ["ratify the Convention", "repeal the decree"],
    ),
    # an operative paragraph whose verb opens it, capitalised; an item opening with adverbs
    (
        "1. Calls upon Freedonia to:\n\n(a) Release all detainees;\n\n"
        "(b) Swiftly, fairly and openly examine every complaint.",
        ["Release all detainees",
         "Swiftly, fairly and openly examine every complaint"],
    ),
    # an item that leads in the means of its duty: the gerund items below owe to the addressee
    (
        "1. Calls upon Freedonia to:\n\n(a) Release all detainees;\n\n"
        "(b) Cooperate with monitors, including by:\n\n(i) Granting them access to prisons;\n\n"
        "(ii) Refraining from reprisals;\n\n2. Decides to remain seized of the matter.",
        ["Release all detainees", "Cooperate with monitors", "Granting them access to prisons",
         "Refraining from reprisals"],
    ),
    # verbs of sanction and of search open items too
    (
        "We urge Freedonia to:\n\n\u2022 Impose a moratorium on executions, and abolish the"
        " death penalty;\n\u2022 Trace the missing and exhume the mass graves.",
        ["Impose a moratorium on executions", "abolish the death penalty",
         "Trace the missing and exhume the mass graves"],
    ),
    # a lead-in ending in "should:" and Roman-numbered items
    (
        "Freedonia should:\n(i) release all detainees;\n(ii) admit monitors.",
        ["release all detainees", "admit monitors"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "actions"), LEAD_IN_ROWS)
def test_every_item_of_a_lead_in_is_a_duty_of_its_addressee(
    text: str, actions: list[str], extract_fictional: Extract
) -> None:
    found = items(extract_fictional(text))
    assert [action for _, action, _ in found] == actions
    assert {bearers for bearers, _, _ in found} == {("XFD",)}


GERUND_TRAPS = [
    # a gerund opens an item of a concern, and of a list that is no means of a duty
    "Freedonia should:\n\n(a) Release all detainees;\n\n"
    "The Committee on Sylvanian Rights is concerned about:\n\n(a) Increasing arrests of"
    " journalists;\n\n(b) Continuing reports of torture.",
    "The Committee on Sylvanian Rights notes the following:\n\n(a) Ending the curfew;\n\n"
    "(b) Releasing some detainees.",
]


@pytest.mark.parametrize("text", GERUND_TRAPS)
def test_a_gerund_item_is_a_duty_only_under_a_means_lead_in(
    text: str, extract_fictional: Extract
) -> None:
    found = items(extract_fictional(text))
    assert [action for _, action, _ in found if not action.startswith("Release")] == []


UPR_ROWS = [
    # the title names the state under review; the parentheses name who recommends
    (
        "Report of the Working Group on the Universal Periodic Review: Freedonia\n\n"
        "88. The following recommendations enjoy the support of Freedonia:\n"
        "88.1 Ratify the Convention on the Rights of Sylvanians (Sylvania);\n"
        "88.2 Ensure access to asylum, and investigate all pushbacks (Sylvania) (Ruritania);\n"
        "88.3 Strengthen the national human rights institution (Sylvania and Ruritania).",
        [
            (("XFD",), "Ratify the Convention on the Rights of Sylvanians", ("XSY",)),
            (("XFD",), "Ensure access to asylum", ("XSY", "XRU")),
            (("XFD",), "investigate all pushbacks", ("XSY", "XRU")),
            (("XFD",), "Strengthen the national human rights institution", ("XSY", "XRU")),
        ],
    ),
    # no title: the lead-in says which state examines the recommendations
    (
        "89. The following recommendations will be examined by Freedonia:\n"
        "89.1 Repeal the decree on assemblies (Ruritania, Sylvania);",
        [(("XFD",), "Repeal the decree on assemblies", ("XRU", "XSY"))],
    ),
    # a matrix: the title line names the state, each row labels its recommending states
    (
        "Universal Periodic Review - Third cycle\nFreedonia\nMatrix of recommendations\n\n"
        "Recommendation: 12.4 Repeal the decree on assemblies\n"
        "Source of position: A/HRC/1/2, para. 12\nRecommending State: Sylvania\n"
        "Position: Noted\n\n"
        "Recommendation: 12.5 Ensure access to asylum\nRecommending States: Ruritania, Sylvania\n"
        "Position: Supported",
        [
            (("XFD",), "Repeal the decree on assemblies", ("XSY",)),
            (("XFD",), "Ensure access to asylum", ("XRU", "XSY")),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), UPR_ROWS)
def test_upr_recommendations_are_addressed_to_the_state_under_review(
    text: str, expected: list[object], extract_fictional: Extract
) -> None:
    assert items(extract_fictional(text)) == expected


def test_parentheses_that_are_not_only_states_are_part_of_the_action(
    extract_fictional: Extract,
) -> None:
    text = (
        "89. The following recommendations will be examined by Freedonia:\n"
        "89.1 Repeal the decree (adopted in 1990) (Sylvania);"
    )
    assert items(extract_fictional(text)) == [
        (("XFD",), "Repeal the decree (adopted in 1990)", ("XSY",))
    ]


def test_a_procedural_sentence_of_a_upr_report_is_no_duty(extract_fictional: Extract) -> None:
    text = (
        "90. The following recommendations will be examined by Freedonia, which will provide "
        "responses in due time.\n90.1 Ratify the Convention on the Rights of Sylvanians "
        "(Sylvania);\n91. They should not be construed as endorsed by the Working Group."
    )
    found = items(extract_fictional(text))
    assert [action for _, action, _ in found] == [
        "Ratify the Convention on the Rights of Sylvanians"
    ]


def test_every_article_of_a_list_belongs_to_the_instrument_named_after_it(
    extract_fictional: Extract,
) -> None:
    text = (
        "Freedonia should bring its law into line with articles 6, 7 and 13 of the Convention"
        " on the Rights of Sylvanians."
    )
    provisions = [m.key for m in extract_fictional(text).mentions if m.category == "provision"]
    assert [p.rsplit("#", 1)[-1] for p in provisions] == ["article-6", "article-7", "article-13"]
    assert {p.split("#", 1)[0].rsplit("/", 1)[-1] for p in provisions} == {
        "sylvanian-rights-convention"
    }


def test_bare_articles_in_a_treaty_body_document_belong_to_the_treaty_it_monitors(
    extract_fictional: Extract,
) -> None:
    text = (
        "The Committee on Sylvanian Rights reviewed the second periodic report of Freedonia.\n\n"
        "Freedonia should end solitary confinement (arts. 2 and 16).\n"
    )
    x = extract_fictional(text)
    provisions = [m.key for m in x.mentions if m.category == "provision"]
    assert [p.rsplit("/", 1)[-1] for p in provisions] == [
        "sylvanian-rights-convention#article-2",
        "sylvanian-rights-convention#article-16",
    ]
    assert any(e.key.endswith("/sylvanian-rights-convention") for e in x.entities)
