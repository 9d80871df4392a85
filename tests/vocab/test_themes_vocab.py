"""The theme, affected-persons and SDG schemes: the fixed concepts, complete SKOS entries, the
public lists they follow, SDG links that resolve, and the classifier's data naming only them."""

from __future__ import annotations

from functools import cache

import pytest
from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from dutygraph.extract.gazetteer import default_gazetteer
from dutygraph.extract.themes import concept_iri, read_bases, read_rules
from dutygraph.namespace import AFFECTED, DG, DGID, THEME
from dutygraph.resources import vocabulary_files

FILES = ("themes.ttl", "affected.ttl", "sdg.ttl")
CLUSTER = THEME["refugees-and-migration"]
CLUSTER_MEMBERS = [
    "non-refoulement",
    "collective-expulsion",
    "pushbacks-and-rescue-at-sea",
    "access-to-asylum",
    "right-to-leave",
    "immigration-detention",
    "humanitarian-access",
    "family-unity",
    "trafficking",
    "statelessness",
    "resettlement",
    "voluntary-repatriation",
    "irregular-entry-penalties",
]
GENERAL = [
    "ratification",
    "treaty-body-reporting",
    "cooperation-with-mechanisms",
    "legal-framework",
    "national-human-rights-institutions",
    "human-rights-education",
    "equality-and-non-discrimination",
    "right-to-life",
    "death-penalty",
    "torture",
    "enforced-disappearance",
    "arbitrary-detention",
    "conditions-of-detention",
    "fair-trial",
    "impunity-and-remedy",
    "freedom-of-movement",
    "freedom-of-expression",
    "freedom-of-assembly-and-association",
    "freedom-of-religion",
    "participation-in-public-affairs",
    "privacy",
    "gender-based-violence",
    "slavery-and-forced-labour",
    "right-to-work",
    "social-security",
    "adequate-standard-of-living",
    "right-to-health",
    "right-to-education",
    "business-and-human-rights",
    "counter-terrorism",
    "humanitarian-law",
]
PERSONS = [
    "refugees-and-asylum-seekers",
    "migrants",
    "internally-displaced-persons",
    "stateless-persons",
    "victims-of-trafficking",
    "women-and-girls",
    "children",
    "persons-deprived-of-liberty",
    "minorities",
    "indigenous-peoples",
    "persons-with-disabilities",
    "human-rights-defenders",
    "journalists-and-media-workers",
    "lgbti-persons",
    "older-persons",
]
SCHEMES = {THEME: DG.ThemeScheme, AFFECTED: DG.AffectedPersonsScheme}


@cache
def vocab() -> Graph:
    graph = Graph()
    for file in vocabulary_files():
        if file.name in FILES:
            graph.parse(data=file.read_text(encoding="utf-8"), format="turtle")
    return graph


def concepts(scheme: URIRef) -> list[URIRef]:
    return sorted(c for c in vocab().subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef))


ALL = [c for scheme in (DG.ThemeScheme, DG.AffectedPersonsScheme) for c in concepts(scheme)]


def test_the_files_ship_as_vocabulary() -> None:
    assert set(FILES) <= {f.name for f in vocabulary_files()}


@pytest.mark.parametrize("slug", ["refugees-and-migration", *CLUSTER_MEMBERS, *GENERAL])
def test_fixed_theme_exists(slug: str) -> None:
    assert (THEME[slug], SKOS.inScheme, DG.ThemeScheme) in vocab()


@pytest.mark.parametrize("slug", PERSONS)
def test_fixed_affected_group_exists(slug: str) -> None:
    assert (AFFECTED[slug], SKOS.inScheme, DG.AffectedPersonsScheme) in vocab()


@pytest.mark.parametrize("slug", CLUSTER_MEMBERS)
def test_refugee_cluster_is_narrower_than_its_top(slug: str) -> None:
    assert (THEME[slug], SKOS.broader, CLUSTER) in vocab()


@pytest.mark.parametrize("concept", ALL, ids=lambda c: c.n3())
def test_concept_is_a_complete_skos_entry(concept: URIRef) -> None:
    graph = vocab()
    assert (concept, RDF.type, SKOS.Concept) in graph
    labels = list(graph.objects(concept, SKOS.prefLabel))
    assert len(labels) == 1 and isinstance(labels[0], Literal) and labels[0].language == "en"
    assert list(graph.objects(concept, SKOS.altLabel)), concept
    assert graph.value(concept, SKOS.definition) is not None
    scheme = next(s for base, s in SCHEMES.items() if concept.startswith(str(base)))
    top = (concept, SKOS.topConceptOf, scheme) in graph
    assert top != (graph.value(concept, SKOS.broader) is not None), concept
    assert top == ((scheme, SKOS.hasTopConcept, concept) in graph), concept


@pytest.mark.parametrize("scheme", [DG.ThemeScheme, DG.AffectedPersonsScheme, DG.SdgScheme])
def test_scheme_cites_the_public_list_it_follows(scheme: URIRef) -> None:
    graph = vocab()
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    assert graph.value(scheme, DCTERMS.source) is not None
    assert list(graph.objects(scheme, SKOS.editorialNote))


def test_sdg_scheme_has_the_seventeen_goals() -> None:
    graph = vocab()
    tops = set(graph.objects(DG.SdgScheme, SKOS.hasTopConcept))
    assert {str(graph.value(t, SKOS.notation)) for t in tops} == {str(n) for n in range(1, 18)}


def test_every_sdg_target_has_notation_label_definition_and_goal() -> None:
    graph = vocab()
    for target in concepts(DG.SdgScheme):
        notation = str(graph.value(target, SKOS.notation))
        assert graph.value(target, SKOS.prefLabel) and graph.value(target, SKOS.definition)
        if "." in notation:
            goal = graph.value(target, SKOS.broader)
            assert str(graph.value(goal, SKOS.notation)) == notation.split(".")[0]


def test_related_matches_are_sdg_concepts() -> None:
    graph = vocab()
    targets = set(concepts(DG.SdgScheme))
    links = list(graph.subject_objects(SKOS.relatedMatch))
    assert links
    for concept, target in links:
        assert target in targets, (concept, target)


@pytest.mark.parametrize(
    ("slug", "notations"),
    [
        ("trafficking", {"5.2", "8.7", "16.2"}),
        ("statelessness", {"16.9"}),
        ("access-to-asylum", {"10.7"}),
        ("torture", {"16.3"}),
        ("arbitrary-detention", {"16.3"}),
        ("fair-trial", {"16.3"}),
        ("national-human-rights-institutions", {"16.a"}),
        ("right-to-education", {"4"}),
        ("right-to-health", {"3"}),
        ("gender-based-violence", {"5.2"}),
    ],
)
def test_theme_is_linked_to_its_sdg_targets(slug: str, notations: set[str]) -> None:
    graph = vocab()
    linked = {
        str(graph.value(t, SKOS.notation)) for t in graph.objects(THEME[slug], SKOS.relatedMatch)
    }
    assert notations <= linked


def named_concepts() -> set[str]:
    names = {rule["concept"] for rule in read_rules()["rules"]}
    bases = read_bases()
    for table in (bases["provisions"], bases["instruments"]):
        names |= {name for listed in table.values() for name in listed}
    names |= {name for example in bases["examples"] for name in example["concepts"]}
    return names


@pytest.mark.parametrize("name", sorted(named_concepts()))
def test_every_concept_the_data_names_is_in_the_vocabulary(name: str) -> None:
    assert URIRef(concept_iri(name)) in set(ALL)


def test_every_basis_key_names_a_vocabulary_instrument() -> None:
    entries = default_gazetteer().entries
    bases = read_bases()
    for key in [*bases["provisions"], *bases["instruments"]]:
        assert str(DGID) + key.partition("#")[0] in entries, key


def test_concepts_are_not_entities_to_find_in_text() -> None:
    entries = default_gazetteer().entries
    assert not [key for key in entries if key.startswith((str(THEME), str(AFFECTED)))]
    assert not [key for key in entries if "/sdg/" in key]
