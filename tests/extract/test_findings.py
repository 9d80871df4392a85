"""Judgments and views: findings of violation, the body's obligations and orders, and the
parties' case, which states no duty."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset
from rdflib.namespace import RDF

from dutygraph.extract.ir import Extraction, Statement
from dutygraph.namespace import DG
from dutygraph.validate import validate

Extract = Callable[[str], Extraction]
FICTLAND = "https://w3id.org/dutygraph/id/state/XFL"
COMMITTEE = "https://w3id.org/dutygraph/id/body/sylvanian-rights-committee"
CRS = "https://w3id.org/dutygraph/id/instrument/sylvanian-rights-convention"
CASE = "The case concerns Fictland and the Convention on the Rights of Sylvanians. "


def _duties(x: Extraction) -> list[Statement]:
    return [s for s in x.statements if s.type in {"Obligation", "Prohibition"}]


def test_a_court_holding_a_violation_is_a_binding_duty_of_the_state(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        "The Court held that Fictland had violated Article 3 of the Convention on the Rights "
        "of Sylvanians."
    )
    (finding,) = _duties(x)
    assert finding.finding and finding.force == "Binding"
    assert finding.bearers == (FICTLAND,)
    assert finding.bases == (f"{CRS}#article-3",)
    assert finding.action.startswith("violated Article 3")
    court = next(e for e in x.entities if e.key == finding.issuer)
    assert court.rdf_type == "Body" and court.label == "the Court"


def test_a_found_violation_without_a_named_state_is_the_respondents(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        CASE + "The Court found a violation of Article 5 § 4 of the Convention on the Rights "
        "of Sylvanians."
    )
    (finding,) = _duties(x)
    assert finding.bearers == (FICTLAND,) and finding.finding
    assert finding.bases == (f"{CRS}#article-5",)


def test_a_committee_finding_the_state_party_in_violation(extract_fictional: Extract) -> None:
    x = extract_fictional(
        CASE + "The Committee on Sylvanian Rights found that the State party had violated "
        "article 7 of the Convention."
    )
    (finding,) = _duties(x)
    assert finding.bearers == (FICTLAND,) and finding.issuer == COMMITTEE
    assert finding.bases == (f"{CRS}#article-7",)


def test_facts_disclosing_a_violation(extract_fictional: Extract) -> None:
    x = extract_fictional(
        CASE + "The Committee on Sylvanian Rights considers that the facts before it disclose a "
        "violation of article 14 of the Convention."
    )
    (finding,) = _duties(x)
    assert finding.finding and finding.bases == (f"{CRS}#article-14",)


def test_each_provision_found_violated_is_one_finding(extract_fictional: Extract) -> None:
    x = extract_fictional(
        CASE + "The Court held that Fictland had violated Articles 3 and 5 of the Convention."
    )
    assert sorted(b for s in _duties(x) for b in s.bases) == [
        f"{CRS}#article-3",
        f"{CRS}#article-5",
    ]


def test_the_body_stating_an_obligation_binds_the_state(extract_fictional: Extract) -> None:
    x = extract_fictional(
        CASE + "The Committee on Sylvanian Rights found that Fictland had violated article 7 of "
        "the Convention. The State party is under an obligation to provide the author with an "
        "effective remedy."
    )
    remedy = next(s for s in _duties(x) if not s.finding)
    assert remedy.action == "provide the author with an effective remedy"
    assert remedy.bearers == (FICTLAND,) and remedy.force == "Binding"
    assert remedy.issuer == COMMITTEE


@pytest.mark.parametrize("verb", ["must", "is obliged to"])
def test_the_body_finding_that_the_state_must(extract_fictional: Extract, verb: str) -> None:
    x = extract_fictional(
        CASE + f"The Committee on Sylvanian Rights found that the State party {verb} release "
        "the author."
    )
    (duty,) = _duties(x)
    assert duty.action == "release the author" and duty.type == "Obligation"
    assert duty.force == "Binding" and duty.issuer == COMMITTEE and not duty.finding
    assert not [s for s in x.statements if s.type == "Recommendation"]


def test_an_order_of_the_court(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Court ordered Fictland to pay the applicant EUR 10,000 in respect of damage."
    )
    (order,) = _duties(x)
    assert order.bearers == (FICTLAND,) and order.trigger == "ordered"
    assert order.action == "pay the applicant EUR 10,000 in respect of damage"


def test_the_law_a_court_recalls_binds_its_bearers(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Court held that Fictland had violated Article 3 of the Convention on the Rights "
        "of Sylvanians. The Court recalled that States must guarantee a fair hearing. "
        "The Court reiterated that States must not expel a person to a country of risk."
    )
    recalled = [s for s in _duties(x) if not s.finding]
    assert [(s.type, s.force, s.action) for s in recalled] == [
        ("Obligation", "Binding", "guarantee a fair hearing"),
        ("Prohibition", "Binding", "not expel a person to a country of risk"),
    ]
    assert all(s.issuer == recalled[0].issuer for s in recalled)
    assert not [s for s in x.statements if s.type == "Recommendation"]


def test_an_order_after_an_opening_connective_is_the_courts(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Court ordered Fictland to pay the applicant EUR 10,000. Furthermore, Fictland "
        "must adopt, within a reasonable time, measures to review detention."
    )
    orders = _duties(x)
    assert [(s.bearers, s.force) for s in orders] == [((FICTLAND,), "Binding")] * 2
    assert orders[1].action.startswith("adopt, within a reasonable time")
    assert not [s for s in x.statements if s.type == "Recommendation"]


def test_the_court_holding_that_the_state_was_to_pay(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Court held that Fictland was to pay the applicant EUR 10,000 in respect of damage."
    )
    (pay,) = _duties(x)
    assert pay.bearers == (FICTLAND,) and pay.trigger == "was to"
    assert (
        pay.force == "Binding" and pay.action == "pay the applicant EUR 10,000 in respect of damage"
    )


def test_a_was_to_outside_the_holding_is_no_duty(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Court held that Fictland had violated Article 3 of the Convention on the Rights "
        "of Sylvanians. The applicant was to travel to Sylvania in May."
    )
    assert [s.finding for s in x.statements] == [True]


def test_a_bare_must_in_a_judgment_is_the_courts_decision(extract_fictional: Extract) -> None:
    x = extract_fictional(
        "The Court held that Fictland had violated Article 3 of the Convention on the Rights "
        "of Sylvanians. Fictland must pay the applicant EUR 10,000."
    )
    pay = next(s for s in _duties(x) if not s.finding)
    assert pay.force == "Binding" and pay.issuer is not None
    assert pay.action == "pay the applicant EUR 10,000"


def test_a_bare_must_outside_a_decision_stays_as_it_was(extract_fictional: Extract) -> None:
    x = extract_fictional("Fictland must pay the fishermen of Sylvania.")
    assert all(not s.finding and s.force != "Binding" for s in x.statements)


@pytest.mark.parametrize(
    "text",
    [
        "The applicant complained that Fictland had violated Article 3 of the Convention.",
        "The Government argued that Fictland had not violated Article 3 of the Convention.",
        "The Court found no violation of Article 6 of the Convention.",
        "The Court held that Fictland had not violated Article 6 of the Convention.",
        "The Committee considered it unnecessary to examine the complaint under article 9.",
        "The Court must decide whether Fictland violated article 9 of the Convention.",
        "The author claims that the facts disclose a violation of article 14 of the Convention.",
        "The applicant asked the Court to find that Fictland had violated Article 3.",
    ],
)
def test_parties_cases_negative_findings_and_questions_are_no_findings(
    extract_fictional: Extract, text: str
) -> None:
    x = extract_fictional(CASE + text)
    assert not [s for s in x.statements if s.finding]


def test_a_partys_argument_in_a_decision_is_no_duty(extract_fictional: Extract) -> None:
    x = extract_fictional(
        CASE + "The Court held that Fictland had violated Article 3 of the Convention. The "
        "Government argued that the applicant must leave Fictland."
    )
    assert [s.finding for s in x.statements] == [True]


def test_a_finding_is_emitted_as_a_violation_finding_that_conforms(
    build_fictional: Callable[[str], Dataset],
) -> None:
    dataset = build_fictional(
        "The Court held that Fictland had violated Article 3 of the Convention on the Rights "
        "of Sylvanians."
    )
    (node,) = dataset.subjects(RDF.type, DG.ViolationFinding)
    assert (node, RDF.type, DG.Obligation, None) in dataset
    assert validate(dataset).conforms
