"""The duty network: actors, statements, provisions and instruments as a networkx graph.

Edges keep the direction of the RDF triple they come from (a statement's ``bearer`` edge points
from the statement to the actor). Every attribute is a string, never None, so the GraphML and
GEXF writers accept the graph and Gephi and Cytoscape read every column.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from rdflib import RDF, RDFS, SKOS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from dutygraph import rdfio
from dutygraph.concepts import Concept, statement_concepts
from dutygraph.namespace import DG, ELI, INFERRED, NIF, ODRL, ORG
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import MemorySource
from dutygraph.wording import duty_phrase

STATEMENT_TYPES = (DG.Obligation, DG.Prohibition, DG.Right, DG.Recommendation)
ACTOR_TYPES = (DG.SpecialProcedure, DG.Body, DG.Organization, DG.State, DG.ActorGroup, DG.Actor)
INSTRUMENT_TYPES = (
    DG.Resolution,
    DG.SoftLawInstrument,
    DG.PeriodicReport,
    DG.UNDocument,
    DG.Treaty,
    DG.Declaration,
    DG.DomesticLaw,
    DG.CustomaryRule,
    DG.LegalInstrument,
)
CATEGORIES = {
    "statement": (*STATEMENT_TYPES, DG.NormativeStatement),
    "provision": (DG.Provision,),
    "instrument": INSTRUMENT_TYPES,
    "actor": ACTOR_TYPES,
}
RELATIONS = {
    DG.bearer: "bearer",
    DG.legalBasis: "basis",
    DG.invokes: "basis",
    ELI.is_part_of: "part_of",
    ODRL.partOf: "part_of",
    DG.partyTo: "party_to",
    ORG.memberOf: "member_of",
    DG.includes: "includes",
    DG.urgedBy: "urged_by",
}
NODE_ATTRIBUTES = (
    "category",
    "type",
    "label",
    "kind",
    "force",
    "derivation",
    "action",
    "quote",
    "quote_begin",
    "quote_end",
    "source",
    "themes",
    "affected",
)
# The statement-themes query's schemes, and the node attribute each one's labels go in.
CONCEPT_ATTRIBUTES = {"theme": "themes", "affected": "affected"}
LABEL_SEPARATOR = " | "


def to_networkx(
    dataset: Dataset | Graph,
    source: MemorySource | None = None,
    concepts: dict[str, dict[str, list[Concept]]] | None = None,
) -> nx.MultiDiGraph:
    """The duty network of ``dataset``; node keys are IRIs, edge keys are relation names.
    ``source``: the dataset's union, already open for queries (else it is made here);
    ``concepts``: its ``statement_concepts``, when the caller has them already."""
    source = source or MemorySource(rdfio.union(dataset))
    union = source.graph
    network = nx.MultiDiGraph()
    kinds = duty_kinds(source)
    concepts = statement_concepts(source) if concepts is None else concepts
    for node, category in _categorised_nodes(union):
        attributes = node_attributes(union, node, category, kinds)
        if category == "statement":
            attributes.update(concept_attributes(concepts.get(str(node), {})))
        network.add_node(str(node), **attributes)
    for subject, relation, target, derivation in _relation_edges(dataset, union):
        if str(subject) in network and str(target) in network:
            network.add_edge(
                str(subject), str(target), key=relation, relation=relation, derivation=derivation
            )
    return network


def _categorised_nodes(union: Graph) -> list[tuple[URIRef, str]]:
    found: dict[URIRef, str] = {}
    for category, types in CATEGORIES.items():
        for rdf_type in types:
            for node in union.subjects(RDF.type, rdf_type):
                if isinstance(node, URIRef):
                    found.setdefault(node, category)
    return sorted(found.items())


def node_attributes(
    union: Graph, node: URIRef, category: str, kinds: dict[str, str]
) -> dict[str, str]:
    attributes = dict.fromkeys(NODE_ATTRIBUTES, "")
    attributes["category"] = category
    attributes["type"] = most_specific_type(union, node, CATEGORIES[category])
    attributes["label"] = label_of(union, node)
    attributes["derivation"] = "inferred" if (node, DG.inferredBy, None) in union else "extracted"
    if category == "statement":
        attributes.update(_statement_attributes(union, node, kinds))
        # A statement without a label of its own is labelled by its action, as it reads.
        if attributes["label"] == str(union.value(node, DG.action) or ""):
            attributes["label"] = attributes["action"]
    attributes.update(evidence_of(union, node))
    return attributes


def most_specific_type(union: Graph, node: URIRef, candidates: Iterable[URIRef]) -> str:
    for rdf_type in candidates:
        if (node, RDF.type, rdf_type) in union:
            return str(rdf_type).rpartition("#")[2]
    return ""


def label_of(union: Graph, node: Node) -> str:
    for prop in (SKOS.prefLabel, RDFS.label, DG.action):
        labels = sorted(union.objects(node, prop), key=_english_first)
        if labels:
            return str(labels[0])
    return str(node).rstrip("/").rpartition("/")[2]


def _english_first(label: Node) -> tuple[int, str]:
    language = label.language if isinstance(label, Literal) else None
    return (0 if language in (None, "en") else 1, str(label))


def action_of(union: Graph, statement: URIRef) -> str:
    """The statement's action as it reads: a prohibition's with its "not"."""
    statement_type = most_specific_type(union, statement, STATEMENT_TYPES)
    return duty_phrase(statement_type, str(union.value(statement, DG.action) or ""))


def _statement_attributes(union: Graph, node: URIRef, kinds: dict[str, str]) -> dict[str, str]:
    force = union.value(node, DG.bindingForce)
    return {
        "action": action_of(union, node),
        "force": str(force).rpartition("#")[2] if force is not None else "",
        "kind": kinds.get(str(node), ""),
    }


def duty_kinds(source: MemorySource) -> dict[str, str]:
    """Each duty's kind as ``queries/duties.rq`` derives it, so every view shows the kind the
    duties answer gives (a right has none). A statement listed under several bearers takes the
    kind of its first row."""
    result = run(source, "duties")
    statement, kind = result.columns.index("statement"), result.columns.index("kind")
    kinds: dict[str, str] = {}
    for row in result.rows:
        kinds.setdefault(row[statement], row[kind])
    return kinds


def concept_attributes(concepts: dict[str, list[Concept]]) -> dict[str, str]:
    """The ``themes`` and ``affected`` attributes: labels, sorted, joined with " | "."""
    return {
        attribute: LABEL_SEPARATOR.join(sorted(c.label for c in concepts.get(scheme, [])))
        for scheme, attribute in CONCEPT_ATTRIBUTES.items()
    }


@dataclass(frozen=True)
class Passage:
    """Where the text says so: the quote, its code-point offsets and its document."""

    quote: str
    begin: int
    end: int
    document: URIRef | None
    source: str


def passage_of(union: Graph, node: Node) -> Passage | None:
    """The first passage (by offset) ``node`` was derived from."""
    passages = [
        _passage(union, span)
        for span in union.objects(node, PROV.wasDerivedFrom)
        if (span, NIF.anchorOf, None) in union
    ]
    return min(passages, key=lambda p: (p.begin, p.end, str(p.document)), default=None)


def _passage(union: Graph, span: Node) -> Passage:
    document = union.value(span, NIF.referenceContext)
    source = union.value(document, DCTERMS.source) if document is not None else None
    return Passage(
        quote=str(union.value(span, NIF.anchorOf)),
        begin=int(str(union.value(span, NIF.beginIndex) or 0)),
        end=int(str(union.value(span, NIF.endIndex) or 0)),
        document=document if isinstance(document, URIRef) else None,
        source=str(source or document or ""),
    )


def evidence_of(union: Graph, node: URIRef) -> dict[str, str]:
    passage = passage_of(union, node)
    if passage is None:
        return {}
    return {
        "quote": passage.quote,
        "quote_begin": str(passage.begin),
        "quote_end": str(passage.end),
        "source": passage.source,
    }


def _relation_edges(
    dataset: Dataset | Graph, union: Graph
) -> list[tuple[URIRef, str, URIRef, str]]:
    inferred_only = _inferred_only_triples(dataset)
    edges = []
    for predicate, relation in RELATIONS.items():
        for subject, target in union.subject_objects(predicate):
            if isinstance(subject, URIRef) and isinstance(target, URIRef):
                triple = (subject, predicate, target)
                derivation = "inferred" if triple in inferred_only else "extracted"
                edges.append((subject, relation, target, derivation))
    return sorted(edges)


def _inferred_only_triples(dataset: Dataset | Graph) -> set[tuple[Node, Node, Node]]:
    if not isinstance(dataset, Dataset):
        return set()
    contexts = list(dataset.graphs())
    inferred: set[tuple[Node, Node, Node]] = set()
    for context in contexts:
        if context.identifier == INFERRED:
            inferred.update(context)
    for context in contexts:
        if context.identifier != INFERRED:
            inferred.difference_update(context)
    return inferred
