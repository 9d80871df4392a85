"""The checked namespace ``DG`` and the T-box it mirrors agree, and the T-box keeps its promises."""

from __future__ import annotations

from functools import cache

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from dutygraph import resources
from dutygraph.namespace import DG, ODRL, PREFIXES, bind_prefixes

NS = str(DG)
CLASS_TYPES = (OWL.Class, RDFS.Class)
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
LEAF_CLASSES = (DG.Obligation, DG.Prohibition, DG.Right, DG.Recommendation)


@cache
def ontology() -> Graph:
    return Graph().parse(data=resources.ontology_file().read_text(encoding="utf-8"))


@cache
def schemes() -> Graph:
    (schemes_file,) = [f for f in resources.vocabulary_files() if f.name == "schemes.ttl"]
    return Graph().parse(data=schemes_file.read_text(encoding="utf-8"))


def declared_terms() -> set[str]:
    graphs = (ontology(), schemes())
    subjects = {s for graph in graphs for s in graph.subjects()}
    return {str(s)[len(NS) :] for s in subjects if isinstance(s, URIRef) and str(s).startswith(NS)}


def namespace_terms() -> set[str]:
    return set(DG.__annotations__)


def typed(kinds: tuple[URIRef, ...]) -> list[URIRef]:
    graph = ontology()
    found = {s for kind in kinds for s in graph.subjects(RDF.type, kind)}
    return sorted(s for s in found if isinstance(s, URIRef) and str(s).startswith(NS))


def superclasses(cls: URIRef) -> set[URIRef]:
    return set(ontology().transitive_objects(cls, RDFS.subClassOf))


def test_every_namespace_term_is_declared() -> None:
    assert namespace_terms() - declared_terms() == set()


def test_every_declared_term_is_in_the_namespace() -> None:
    assert declared_terms() - namespace_terms() == set()


def test_namespace_rejects_unknown_terms() -> None:
    with pytest.raises(AttributeError):
        _ = DG.NotATerm


@pytest.mark.parametrize("term", typed(CLASS_TYPES + PROPERTY_TYPES), ids=lambda t: t.n3())
def test_class_or_property_has_label_and_definition(term: URIRef) -> None:
    assert ontology().value(term, RDFS.label) is not None
    assert ontology().value(term, SKOS.definition) is not None


def test_ontology_declares_classes_and_properties() -> None:
    assert len(typed(CLASS_TYPES)) >= 20
    assert len(typed(PROPERTY_TYPES)) >= 25


def scheme_members() -> list[URIRef]:
    graph = schemes()
    members = set(graph.subjects(RDF.type, SKOS.Concept))
    members |= set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    return sorted(m for m in members if isinstance(m, URIRef))


@pytest.mark.parametrize("term", scheme_members(), ids=lambda t: t.n3())
def test_concept_has_label_and_definition(term: URIRef) -> None:
    assert schemes().value(term, SKOS.prefLabel) is not None
    assert schemes().value(term, SKOS.definition) is not None


def test_duty_kind_notations_are_the_table_values() -> None:
    notations = {
        str(n)
        for c in schemes().subjects(SKOS.inScheme, DG.DutyKindScheme)
        for n in schemes().objects(c, SKOS.notation)
    }
    assert notations == {"binding", "customary", "nonbinding", "recommendation"}


@pytest.mark.parametrize("cls", typed(CLASS_TYPES), ids=lambda t: t.n3())
def test_no_class_is_both_odrl_duty_and_prohibition(cls: URIRef) -> None:
    assert not {ODRL.Duty, ODRL.Prohibition} <= superclasses(cls)


def test_normative_statement_is_not_an_odrl_rule() -> None:
    assert superclasses(DG.NormativeStatement).isdisjoint({ODRL.Duty, ODRL.Rule})
    assert ODRL.Duty not in superclasses(DG.Recommendation)


def test_leaf_statement_classes_are_declared_disjoint() -> None:
    graph = ontology()
    member_sets = [
        set(graph.items(graph.value(node, OWL.members)))
        for node in graph.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert set(LEAF_CLASSES) in member_sets


def test_no_owl_imports() -> None:
    assert not list(ontology().triples((None, OWL.imports, None)))


def test_all_states_is_an_actor_group() -> None:
    assert (DG.AllStates, RDF.type, DG.ActorGroup) in ontology()


def test_bind_prefixes_binds_every_prefix() -> None:
    graph = Graph()
    bind_prefixes(graph)
    bound = dict(graph.namespaces())
    for prefix, namespace in PREFIXES.items():
        assert str(bound[prefix]) == str(namespace)
