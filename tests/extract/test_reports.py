"""Periodic reports (``extract/reports.py``): state, body, number and dates as the text says."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from dutygraph.extract.ir import Extraction, ReportFact
from dutygraph.namespace import DG
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import MemorySource
from dutygraph.validate import validate

FREEDONIA = "https://w3id.org/dutygraph/id/state/XFD"
COMMITTEE = "https://w3id.org/dutygraph/id/body/sylvanian-rights-committee"
REVIEW = (
    "Concluding observations on the fifth periodic report of Freedonia\n\n"
    "1. The Committee on Sylvanian Rights considered the fifth periodic report of Freedonia "
    "(CRS/C/XFD/5), submitted in 2022, at its meetings held on 3 and 4 March 2024.\n"
)

Extract = Callable[[str], Extraction]


def reports(extract_fictional: Extract, text: str) -> tuple[ReportFact, ...]:
    return extract_fictional(REVIEW + text).reports


def only(facts: tuple[ReportFact, ...], ordinal: str | None) -> ReportFact:
    found = [f for f in facts if f.ordinal == ordinal]
    assert len(found) == 1, facts
    return found[0]


def test_the_reviewed_report_is_one_fact_with_its_stated_submission(
    extract_fictional: Extract,
) -> None:
    facts = reports(extract_fictional, "")
    fifth = only(facts, "fifth")
    assert (fifth.state, fifth.body, fifth.label) == (FREEDONIA, COMMITTEE, "fifth periodic report")
    # the meeting dates are not the submission date
    assert (fifth.due, fifth.submitted) == (None, "2022")
    assert "considered" in fifth.span.of(REVIEW)


@pytest.mark.parametrize(
    "sentence, ordinal, label, due",
    [
        (
            "2. The Committee requests the State party to submit its next periodic report "
            "by 12 May 2027.",
            "next",
            "next periodic report",
            "2027-05-12",
        ),
        (
            "2. The Committee requests the State party to submit its sixth periodic report "
            "by 2028.",
            "sixth",
            "sixth periodic report",
            "2028",
        ),
        (
            "2. The State party is invited to submit its combined seventh and eighth periodic "
            "reports by 15 June 2029.",
            "seventh and eighth",
            "combined seventh and eighth periodic reports",
            "2029-06-15",
        ),
    ],
)
def test_a_request_to_submit_by_a_date_gives_the_next_reports_due_date(
    extract_fictional: Extract, sentence: str, ordinal: str, label: str, due: str
) -> None:
    extraction = extract_fictional(REVIEW + sentence)
    fact = only(extraction.reports, ordinal)
    assert (fact.state, fact.body, fact.label, fact.due, fact.submitted) == (
        FREEDONIA,
        COMMITTEE,
        label,
        due,
        None,
    )
    # a request stays a recommendation to the state, as the relations stage reads it
    assert "requests" not in sentence or any(
        s.type == "Recommendation" and s.bearers == (FREEDONIA,) and "submit" in s.action
        for s in extraction.statements
    )


@pytest.mark.parametrize(
    "sentence, ordinal, due, submitted",
    [
        ("The initial report, due in 1987, was submitted in 2001.", "initial", "1987", "2001"),
        (
            "The second periodic report was due in 1990 and has not been submitted.",
            "second",
            "1990",
            None,
        ),
        (
            "The report, which was overdue since 1995, was received on 12 May 2021.",
            None,
            "1995",
            "2021-05-12",
        ),
        (
            "Its third periodic report, due on 3 May 1992, was received in June 1994.",
            "third",
            "1992-05-03",
            "1994-06",
        ),
    ],
)
def test_due_and_submission_clauses_after_a_report(
    extract_fictional: Extract, sentence: str, ordinal: str | None, due: str, submitted: str | None
) -> None:
    fact = only(reports(extract_fictional, sentence), ordinal)
    assert (fact.state, fact.body, fact.due, fact.submitted) == (
        FREEDONIA,
        COMMITTEE,
        due,
        submitted,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Credible reports of torture in 2019 were received in 2020.",
        "The report of the Special Rapporteur was published in 2020.",
        "News reports said in 2021 that the camps were full.",
        "Victims may report the matter to the police in 2023.",
        "The Secretary-General shall report to the Assembly in 2025.",
        "The State party should include in its next periodic report information on detention.",
        "The Committee requests the State party to submit its next periodic report.",
    ],
)
def test_no_report_fact_without_a_report_and_its_date(
    extract_fictional: Extract, sentence: str
) -> None:
    facts = reports(extract_fictional, sentence)
    assert [f.ordinal for f in facts] == ["fifth"]


def test_without_a_state_there_is_no_report_fact(extract_fictional: Extract) -> None:
    text = "The Committee on Sylvanian Rights notes that the initial report was due in 1987."
    assert extract_fictional(text).reports == ()


MONITORED = (
    REVIEW
    + "2. Freedonia is a party to the Convention on Sylvanian Rights. Its initial report, due "
    "in 1987, was submitted in 2001. The second periodic report was due in 1990 and has not "
    "been submitted. The third periodic report, due in 1995, was submitted in 1995.\n"
)


@pytest.fixture(name="monitored")
def monitored_fixture(build_fictional: Callable[[str], Dataset]) -> Dataset:
    return build_fictional(MONITORED)


def test_reports_are_emitted_with_state_body_dates_and_evidence(monitored: Dataset) -> None:
    nodes = set(monitored.subjects(RDF.type, DG.PeriodicReport))
    assert len(nodes) == 4
    initial = next(n for n in nodes if monitored.value(n, RDFS.label) == Literal("initial report"))
    assert monitored.value(initial, PROV.wasAttributedTo) == URIRef(FREEDONIA)
    assert monitored.value(initial, DG.submittedTo) == URIRef(COMMITTEE)
    assert monitored.value(initial, DG.dueDate) == Literal("1987", datatype=XSD.gYear)
    assert monitored.value(initial, DG.submissionDate) == Literal("2001", datatype=XSD.gYear)
    assert monitored.value(initial, PROV.wasDerivedFrom) is not None
    assert validate(monitored).conforms


def test_monitoring_query_reads_overdue_from_the_text(monitored: Dataset) -> None:
    union = Graph()
    for triple in monitored.triples((None, None, None)):
        union.add(triple)
    result = run(MemorySource(union), "monitoring")
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    overdue = {row["report"]: row["overdue"] for row in rows if row["state"] == "Freedonia"}
    assert overdue == {
        "fifth periodic report": "",
        "initial report": "yes",
        "second periodic report": "yes",
        "third periodic report": "no",
    }


def test_a_monitoring_body_the_text_does_not_name_has_its_vocabulary_name(
    build_fictional: Callable[[str], Dataset],
) -> None:
    dataset = build_fictional("Freedonia ratified the Convention on the Rights of Sylvanians.\n")
    union = Graph()
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    committee = URIRef(COMMITTEE)
    assert union.value(committee, SKOS.prefLabel) == Literal(
        "Committee on Sylvanian Rights", lang="en"
    )
    assert (committee, RDF.type, None) not in union  # named, but not made an actor of the text
    result = run(MemorySource(union), "monitoring")
    bodies = {row[result.columns.index("body")] for row in result.rows}
    assert bodies == {"Committee on Sylvanian Rights"}
