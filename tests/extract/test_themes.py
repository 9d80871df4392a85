"""Themes and affected persons: every cue rule against its examples and counter-examples, one
constructed sentence per concept through the whole extractor, and the triples that say why."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rdflib import RDF, Literal, URIRef

from dutygraph.explain import explain
from dutygraph.extract.emit import emit
from dutygraph.extract.ir import Entity, Extraction, Span, Statement
from dutygraph.extract.themes import (
    _Cues,
    _masks,
    _rule,
    blanked,
    classifier,
    classify_statement,
    concept_iri,
    read_bases,
    read_rules,
)
from dutygraph.namespace import DG, DGID
from dutygraph.validate import assert_conforms

RULES: list[dict[str, Any]] = read_rules()["rules"]
BASES: dict[str, Any] = read_bases()
Extract = Callable[[str], Extraction]

# One constructed sentence per concept: its statement must be classified with the concept.
SENTENCES = {
    "theme:refugees-and-migration": (
        "Freedonia should improve the reception of asylum seekers arriving from Sylvania."
    ),
    "theme:non-refoulement": (
        "Freedonia shall not return refugees to Sylvania, where they would face persecution."
    ),
    "theme:collective-expulsion": (
        "Freedonia should refrain from the collective expulsion of Sylvanians."
    ),
    "theme:pushbacks-and-rescue-at-sea": (
        "Freedonia should end pushbacks of boats at the Fictish border."
    ),
    "theme:access-to-asylum": (
        "Freedonia should ensure access to fair and efficient asylum procedures at its borders."
    ),
    "theme:right-to-leave": (
        "Freedonia should not punish returnees for having left the country without permission."
    ),
    "theme:immigration-detention": (
        "Freedonia should end the detention of asylum seekers in closed camps."
    ),
    "theme:humanitarian-access": "Freedonia should grant UNHCR access to the border areas.",
    "theme:family-unity": (
        "Freedonia should facilitate family reunification for recognised refugees."
    ),
    "theme:trafficking": (
        "Freedonia should prosecute the traffickers operating on its border with Sylvania."
    ),
    "theme:statelessness": (
        "Freedonia should ensure birth registration for all children born on its territory."
    ),
    "theme:resettlement": "Freedonia should resettle refugees from the camps in Sylvania.",
    "theme:voluntary-repatriation": (
        "Freedonia should promote the voluntary repatriation of refugees from Sylvania."
    ),
    "theme:irregular-entry-penalties": (
        "Freedonia should not penalise refugees on account of their illegal entry into "
        "its territory."
    ),
    "theme:ratification": (
        "Freedonia should ratify the Optional Protocol to the Ruritanian Convention."
    ),
    "theme:treaty-body-reporting": (
        "Freedonia should submit its next periodic report to the Committee by 2030."
    ),
    "theme:cooperation-with-mechanisms": (
        "Freedonia should extend a standing invitation to all special procedures."
    ),
    "theme:legal-framework": "Freedonia should adopt comprehensive asylum legislation.",
    "theme:national-human-rights-institutions": (
        "Freedonia should establish a national human rights institution."
    ),
    "theme:human-rights-education": "Freedonia should train its border guards in refugee law.",
    "theme:equality-and-non-discrimination": (
        "Freedonia should combat discrimination against Sylvanians."
    ),
    "theme:right-to-life": "Freedonia should investigate all extrajudicial killings by its police.",
    "theme:death-penalty": "Freedonia should abolish the death penalty.",
    "theme:torture": "Freedonia should prevent torture in its police stations.",
    "theme:enforced-disappearance": "Freedonia should criminalise enforced disappearance.",
    "theme:arbitrary-detention": "Freedonia should release all political prisoners.",
    "theme:conditions-of-detention": "Freedonia should reduce overcrowding in its prisons.",
    "theme:fair-trial": "Freedonia should ensure the independence of the judiciary.",
    "theme:impunity-and-remedy": (
        "Freedonia should bring the perpetrators of the attacks to justice."
    ),
    "theme:freedom-of-movement": (
        "Freedonia should respect the freedom of movement of its residents."
    ),
    "theme:freedom-of-expression": "Freedonia should guarantee freedom of expression online.",
    "theme:freedom-of-assembly-and-association": (
        "Freedonia should allow workers to form trade unions."
    ),
    "theme:freedom-of-religion": "Freedonia should guarantee freedom of religion or belief.",
    "theme:participation-in-public-affairs": "Freedonia should hold free and fair elections.",
    "theme:privacy": "Freedonia should end mass surveillance of telephone calls.",
    "theme:gender-based-violence": "Freedonia should combat violence against women in the camps.",
    "theme:slavery-and-forced-labour": "Freedonia should eliminate forced labour in its mines.",
    "theme:right-to-work": "Freedonia should issue work permits to asylum seekers.",
    "theme:social-security": "Freedonia should extend social security to migrant workers.",
    "theme:adequate-standard-of-living": (
        "Freedonia should prevent forced evictions in its capital."
    ),
    "theme:right-to-health": "Freedonia should provide medical treatment to all detainees.",
    "theme:right-to-education": "Freedonia should build schools in its rural areas.",
    "theme:business-and-human-rights": (
        "Freedonia should regulate the conduct of private security companies."
    ),
    "theme:counter-terrorism": (
        "Freedonia should ensure that its counter-terrorism measures respect the "
        "Ruritanian Convention."
    ),
    "theme:humanitarian-law": (
        "Freedonia should protect civilians in the armed conflict in Sylvania."
    ),
    "affected:refugees-and-asylum-seekers": "Freedonia shall not expel refugees.",
    "affected:migrants": "Freedonia should protect the rights of migrants.",
    "affected:internally-displaced-persons": (
        "Freedonia should assist internally displaced persons in its northern provinces."
    ),
    "affected:stateless-persons": "Freedonia should protect stateless persons on its territory.",
    "affected:victims-of-trafficking": (
        "Freedonia should provide shelters for victims of trafficking."
    ),
    "affected:women-and-girls": "Freedonia should protect women from violence.",
    "affected:children": "Freedonia should protect unaccompanied children.",
    "affected:persons-deprived-of-liberty": (
        "Freedonia should release all detainees held without charge."
    ),
    "affected:minorities": "Freedonia should protect its ethnic and religious minorities.",
    "affected:indigenous-peoples": "Freedonia should consult indigenous peoples on the new dam.",
    "affected:persons-with-disabilities": (
        "Freedonia should ensure accessibility for persons with disabilities."
    ),
    "affected:human-rights-defenders": (
        "Freedonia should protect human rights defenders from reprisals."
    ),
    "affected:journalists-and-media-workers": "Freedonia should protect journalists from attack.",
    "affected:lgbti-persons": "Freedonia should decriminalise same-sex relations.",
    "affected:older-persons": "Freedonia should protect older persons in care homes.",
}

# Sentences whose words look like a cue of the concept but are not about it.
NOT_ABOUT = [
    ("Freedonia should return the stolen property to its owners.", "theme:non-refoulement"),
    ("Freedonia should end the pretrial detention of suspects.", "theme:immigration-detention"),
    ("Freedonia should grant leave to appeal in all cases.", "theme:right-to-leave"),
    ("Freedonia should combat drug trafficking.", "theme:trafficking"),
    (
        "Freedonia should report to the General Assembly on its progress.",
        "theme:freedom-of-assembly-and-association",
    ),
    ("Freedonia should ensure the execution of the judgment.", "theme:death-penalty"),
    ("Freedonia should educate police officers on human rights.", "theme:right-to-education"),
    ("Freedonia should punish minor offences with fines.", "affected:children"),
]


def examples(key: str) -> list[tuple[str, str]]:
    return [(rule["concept"], text) for rule in RULES for text in rule[key]]


def concepts_of(extraction: Extraction) -> set[str]:
    return {a.concept for a in extraction.themes}


@pytest.mark.parametrize(("concept", "text"), examples("examples"))
def test_rule_matches_its_example(concept: str, text: str) -> None:
    matching = [_rule(r) for r in RULES if r["concept"] == concept]
    seen = blanked(text, classifier().masks)
    assert any(rule.cue_in(seen, text, text) for rule in matching), (concept, text)


@pytest.mark.parametrize(("concept", "text"), examples("counter_examples"))
def test_rule_misses_its_counter_example(concept: str, text: str) -> None:
    matching = [_rule(r) for r in RULES if r["concept"] == concept]
    seen = blanked(text, classifier().masks)
    assert not any(rule.cue_in(seen, text, text) for rule in matching), (concept, text)


def test_every_rule_has_examples_and_counter_examples() -> None:
    for rule in RULES:
        assert rule["examples"] and rule["counter_examples"], rule["concept"]
        assert set(rule["fields"]) <= {"action", "beneficiary"}, rule["concept"]


@pytest.mark.parametrize("example", BASES["examples"], ids=lambda e: e["key"])
def test_basis_example_cues_its_concepts(example: dict[str, Any]) -> None:
    found = classifier().basis_concepts(str(DGID) + example["key"])
    assert set(found) == {concept_iri(c) for c in example["concepts"]}


@pytest.mark.parametrize("key", BASES["counter_examples"])
def test_basis_counter_example_cues_nothing(key: str) -> None:
    assert classifier().basis_concepts(str(DGID) + key) == ()


@pytest.mark.parametrize(("concept", "sentence"), sorted(SENTENCES.items()))
def test_constructed_sentence_gets_its_concept(
    concept: str, sentence: str, extract_fictional: Extract
) -> None:
    extraction = extract_fictional(sentence)
    assert len(extraction.statements) == 1, sentence
    assert concept_iri(concept) in concepts_of(extraction)


def test_every_concept_has_a_constructed_sentence() -> None:
    named = {rule["concept"] for rule in RULES}
    assert named <= set(SENTENCES)


@pytest.mark.parametrize(("sentence", "concept"), NOT_ABOUT)
def test_look_alike_words_give_no_concept(
    sentence: str, concept: str, extract_fictional: Extract
) -> None:
    extraction = extract_fictional(sentence)
    assert extraction.statements, sentence
    assert concept_iri(concept) not in concepts_of(extraction)


def test_each_assignment_records_its_cue_as_written(extract_fictional: Extract) -> None:
    extraction = extract_fictional("Freedonia shall not return\n  refugees to Sylvania.")
    by_concept = {a.concept: a for a in extraction.themes}
    theme = by_concept[concept_iri("theme:non-refoulement")]
    assert (theme.cue, theme.cue_field) == ("return refugees", "action")
    affected = by_concept[concept_iri("affected:refugees-and-asylum-seekers")]
    assert (affected.cue, affected.cue_field) == ("refugees", "beneficiary")


def test_narrower_concept_drops_its_cluster(extract_fictional: Extract) -> None:
    extraction = extract_fictional("Freedonia shall not deport asylum seekers to Sylvania.")
    found = concepts_of(extraction)
    assert concept_iri("theme:non-refoulement") in found
    assert concept_iri("theme:refugees-and-migration") not in found


def test_provision_cues_its_theme(extract_fictional: Extract) -> None:
    extraction = extract_fictional(
        "Under article 9 of the International Covenant on Civil and Political Rights, "
        "Freedonia shall respect the rights of all persons."
    )
    (assignment,) = extraction.themes
    assert assignment.concept == concept_iri("theme:arbitrary-detention")
    assert (assignment.cue, assignment.cue_field) == ("article 9", "basis")


def test_accepted_instrument_cues_its_persons(extract_fictional: Extract) -> None:
    extraction = extract_fictional(
        "Freedonia should ratify the Protocol to Prevent, Suppress and Punish Trafficking in "
        "Persons, Especially Women and Children."
    )
    by_concept = {a.concept: a for a in extraction.themes}
    assert concept_iri("theme:ratification") in by_concept
    victims = by_concept[concept_iri("affected:victims-of-trafficking")]
    assert victims.cue_field == "action"
    assert victims.cue.startswith("Protocol to Prevent, Suppress and Punish Trafficking")


def test_an_instrument_outside_an_accepting_action_cues_nothing(
    extract_fictional: Extract,
) -> None:
    extraction = extract_fictional(
        "Freedonia should publish the Convention on the Rights of Persons with Disabilities "
        "in braille."
    )
    assert concept_iri("theme:ratification") not in concepts_of(extraction)


def test_holders_of_a_right_are_affected_persons() -> None:
    group = Entity("local:group:stateless-persons", "group", "stateless persons", "ActorGroup")
    right = Statement(
        Span(0, 30), "Right", (group.key,), "be registered", Span(0, 13), "have", "Binding"
    )
    text = "Stateless persons may register"
    (assignment,) = classify_statement(0, text, right, _Cues([], {group.key: group}))
    assert assignment.concept == concept_iri("affected:stateless-persons")
    assert assignment.cue_field == "beneficiary"


def test_statement_without_cue_gets_no_triples(extract_fictional: Extract) -> None:
    extraction = extract_fictional("Freedonia should publish its annual budget.")
    assert extraction.statements and not extraction.themes
    graph = emit(extraction)
    assert not list(graph.triples((None, DG.theme, None)))
    assert not list(graph.subjects(RDF.type, DG.ThemeAssignment))


def test_emitted_assignment_says_why(extract_fictional: Extract) -> None:
    graph = emit(extract_fictional("Freedonia shall not expel refugees to Sylvania."))
    assert_conforms(graph)
    (statement,) = graph.subjects(RDF.type, DG.NormativeStatement)
    theme = URIRef(concept_iri("theme:non-refoulement"))
    affected = URIRef(concept_iri("affected:refugees-and-asylum-seekers"))
    assert (statement, DG.theme, theme) in graph
    assert (statement, DG.affects, affected) in graph
    node = URIRef(f"{statement}/theme/non-refoulement")
    assert (statement, DG.classification, node) in graph
    assert (node, RDF.type, DG.ThemeAssignment) in graph
    assert (node, DG.concept, theme) in graph
    assert (node, DG.cue, Literal("expel refugees")) in graph
    assert (node, DG.cueField, Literal("action")) in graph
    assert (
        statement,
        DG.classification,
        URIRef(f"{statement}/affected/refugees-and-asylum-seekers"),
    ) in graph


def test_explain_says_why_each_concept_was_assigned(extract_fictional: Extract) -> None:
    graph = emit(extract_fictional("Freedonia shall not expel refugees to Sylvania."))
    (statement,) = graph.subjects(RDF.type, DG.NormativeStatement)
    assert isinstance(statement, URIRef)
    text = explain(graph, statement).to_text()
    assert 'theme: non-refoulement, because of "expel refugees" in the action' in text
    assert (
        'affected persons: refugees and asylum seekers, because of "refugees" in a beneficiary'
        in text
    )


MASKS: list[dict[str, Any]] = read_rules()["masks"]


@pytest.mark.parametrize("mask", MASKS, ids=lambda m: m["description"][:40])
def test_mask_blanks_its_examples_and_no_counter_example(mask: dict[str, Any]) -> None:
    (compiled,) = _masks([mask])
    for text in mask["examples"]:
        assert blanked(text, [compiled]) != text, text
        assert len(blanked(text, [compiled])) == len(text)
    for text in mask["counter_examples"]:
        assert blanked(text, [compiled]) == text, text


def test_the_harm_where_a_person_is_sent_is_not_a_theme(extract_fictional: Extract) -> None:
    found = concepts_of(
        extract_fictional(
            "Freedonia shall not return refugees to Sylvania, where they would face torture."
        )
    )
    assert concept_iri("theme:non-refoulement") in found
    assert concept_iri("theme:torture") not in found


def test_words_of_a_mechanism_title_are_neither_theme_nor_persons(
    extract_fictional: Extract,
) -> None:
    extraction = extract_fictional(
        "Freedonia should invite the Special Rapporteur on violence against women."
    )
    assert extraction.statements[0].beneficiaries == ("women",)
    assert concepts_of(extraction) == {concept_iri("theme:cooperation-with-mechanisms")}


def test_a_theme_brings_the_persons_it_always_concerns(extract_fictional: Extract) -> None:
    extraction = extract_fictional("Freedonia shall not deport Sylvanians.")
    by_concept = {a.concept: a for a in extraction.themes}
    refugees = by_concept[concept_iri("affected:refugees-and-asylum-seekers")]
    assert (refugees.cue, refugees.cue_field) == ("deport Sylvanians", "action")


def test_a_passive_action_is_read_with_whom_it_is_done_to() -> None:
    text = "All persons detained for their opinions should be released."
    action = text.index("be released")
    statement = Statement(
        Span(0, len(text) - 1),
        "Recommendation",
        ("local:group:x",),
        "be released",
        Span(action, action + len("be released")),
        "should",
        "NonBinding",
    )
    found = {a.concept: a for a in classify_statement(0, text, statement, _Cues([], {}))}
    detention = found[concept_iri("theme:arbitrary-detention")]
    assert detention.cue == "detained for their opinions should be released"
    assert concept_iri("affected:persons-deprived-of-liberty") in found
