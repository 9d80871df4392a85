"""Emit: the only place that turns the IR into triples and mints IRIs.

IRIs are stable: a document's IRI comes from its SHA-256, a statement's from its span and
its rank among statements, a local entity's from its normalised label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from dutygraph.extract.ir import Entity, Extraction, Page, Span, Statement, ThemeAssignment
from dutygraph.namespace import AFFECTED, DG, DGID, ELI, NIF, ORG, THEME, bind_prefixes
from dutygraph.vocabulary import vocabulary_graph

_COPIED = (
    ELI.passed_by,
    RDF.type,
    SKOS.prefLabel,
    SKOS.notation,
    DG.protocolTo,
    DG.monitoredBy,
    DG.citation,
    ELI.date_document,
    ELI.first_date_entry_in_force,
    DG.issuerKind,
)
_CUSTOMARY_KEY = "local:rule:"
_ACTOR_TYPES = {"State", "Organization", "Body", "SpecialProcedure", "ActorGroup"}


def document_iri(sha256: str) -> URIRef:
    return DGID[f"doc/{sha256[:16]}"]


class _Emitter:
    def __init__(self, extraction: Extraction, include_text: bool, vocab: Graph | None) -> None:
        self.x = extraction
        self.text = extraction.document.text
        self.doc = document_iri(extraction.document.sha256)
        self.graph = Graph(identifier=self.doc)
        self.include_text = include_text
        self.vocab = vocabulary_graph() if vocab is None else vocab
        self.themes: dict[int, list[ThemeAssignment]] = {}
        for assignment in extraction.themes:
            self.themes.setdefault(assignment.statement, []).append(assignment)
        bind_prefixes(self.graph)

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.graph.add((s, p, o))

    def iri(self, key: str) -> URIRef:
        if key == "dg:AllStates":
            return DG.AllStates
        if key.startswith("http"):
            base, _, fragment = key.partition("#")
            return URIRef(f"{base}/{_slug(fragment)}") if fragment else URIRef(base)
        if key.startswith("local:group:all-state"):
            return DG.AllStates
        if key.startswith(_CUSTOMARY_KEY):
            # A customary rule binds all States whichever report names it: one node for the
            # corpus, so the same duty stated in many reports is recognised as one.
            return DGID[f"rule/{_path(key.removeprefix(_CUSTOMARY_KEY))}"]
        base, _, fragment = key.partition("#")
        tail = base.removeprefix("local:").replace(":", "/")
        suffix = f"/{_slug(fragment)}" if fragment else ""
        return URIRef(f"{self.doc}/{_path(tail)}{suffix}")

    def span(self, span: Span) -> URIRef:
        node = URIRef(f"{self.doc}/span/{span.start}-{span.end}")
        if (node, RDF.type, NIF.OffsetBasedString) not in self.graph:
            self.add(node, RDF.type, NIF.OffsetBasedString)
            self.add(node, NIF.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger))
            self.add(node, NIF.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger))
            self.add(node, NIF.anchorOf, Literal(span.of(self.text)))
            self.add(node, NIF.referenceContext, self.doc)
            page = self.x.document.page_at(span.start)
            if page is not None:
                self.add(node, DG.onPage, self.page(page))
        return node

    def page(self, page: Page) -> URIRef:
        return URIRef(f"{self.doc}/page/{page.number}/{page.span.start}-{page.span.end}")

    def run(self) -> Graph:
        self.document()
        for entity in self.x.entities:
            self.entity(entity)
        for index, statement in enumerate(self.x.statements):
            self.statement(index, statement)
        self.monitoring_bodies()
        self.parties()
        self.memberships()
        self.reports()
        return self.graph

    def document(self) -> None:
        d = self.x.document
        self.add(self.doc, RDF.type, DG.Document)
        self.add(self.doc, RDF.type, NIF.Context)
        self.add(self.doc, DG.textSha256, Literal(d.sha256))
        self.add(self.doc, DCTERMS.source, Literal(d.name or d.sha256[:16]))
        media_type = d.media_type or f"text/plain; charset={d.encoding}"
        self.add(self.doc, DCTERMS.format, Literal(media_type))
        for page in d.pages:
            node = self.page(page)
            self.add(node, RDF.type, DG.Page)
            self.add(node, DG.pageNumber, Literal(page.number, datatype=XSD.positiveInteger))
            self.add(
                node, NIF.beginIndex, Literal(page.span.start, datatype=XSD.nonNegativeInteger)
            )
            self.add(node, NIF.endIndex, Literal(page.span.end, datatype=XSD.nonNegativeInteger))
            self.add(node, NIF.referenceContext, self.doc)
        if self.include_text:
            self.add(self.doc, NIF.isString, Literal(self.text))
        if self.x.author:
            self.add(self.doc, DCTERMS.creator, self.iri(self.x.author))
        if self.x.date:
            self.add(self.doc, DCTERMS.date, _date_literal(self.x.date))

    def entity(self, entity: Entity) -> None:
        node = self.iri(entity.key)
        if entity.key.startswith("http") and "#" not in entity.key:
            for p, o in self.vocab.predicate_objects(URIRef(entity.key)):
                if p in _COPIED and (p != RDF.type or str(o).startswith(str(DG))):
                    self.add(node, p, o)
        else:
            self.add(node, RDF.type, DG[entity.rdf_type])
            if node != DG.AllStates:  # its one label: a second one doubles each of its rows
                self.add(node, RDFS.label, Literal(entity.label))
        if entity.rdf_type in _ACTOR_TYPES:
            self.add(node, RDF.type, DG.Actor)
        if node == DG.AllStates:
            self.all_states()
        for member in entity.members:
            self.add(node, DG.includes, self.iri(member))
        if entity.part_of:
            self.add(node, ELI.is_part_of, self.iri(entity.part_of))
            self.add(node, DG.articleNumber, Literal(entity.number or ""))
        if entity.adopted_by:
            self.add(node, DG.adoptedBy, self.iri(entity.adopted_by))
        if entity.organ_of:
            self.add(node, ORG.subOrganizationOf, self.iri(entity.organ_of))
        if entity.citation and entity.rdf_type != "Provision":
            self.add(node, DG.citation, Literal(entity.citation))
        if entity.span is not None and not entity.key.startswith("http"):
            self.add(node, PROV.wasDerivedFrom, self.span(entity.span))
        if entity.span is not None and entity.key.startswith("http"):
            self.add(node, PROV.wasDerivedFrom, self.span(entity.span))

    def monitoring_bodies(self) -> None:
        """A body that monitors a named instrument (dg:monitoredBy, copied from the vocabulary)
        gets the vocabulary's name even when the text does not name it; it is not made an actor
        of the text."""
        for body in set(self.graph.objects(None, DG.monitoredBy)):
            if (body, SKOS.prefLabel, None) not in self.graph:
                for label in self.vocab.objects(body, SKOS.prefLabel):
                    self.add(body, SKOS.prefLabel, label)

    def statement(self, index: int, statement: Statement) -> None:
        node = self.statement_iri(index, statement)
        self.add(node, RDF.type, DG[statement.type])
        self.add(node, RDF.type, DG.NormativeStatement)
        if statement.finding:
            self.add(node, RDF.type, DG.ViolationFinding)
        for bearer in statement.bearers:
            self.add(node, DG.bearer, self.iri(bearer))
            if self.iri(bearer) == DG.AllStates:
                self.all_states()
        self.add(node, DG.action, Literal(_one_line(statement.action)))
        self.add(node, DG.trigger, Literal(statement.trigger))
        self.add(node, DG.bindingForce, DG[statement.force])
        basis = DG.invokes if statement.type == "Recommendation" else DG.legalBasis
        for key in statement.bases:
            self.add(node, basis, self.iri(key))
        for beneficiary in statement.beneficiaries:
            self.add(node, DG.beneficiary, Literal(beneficiary))
        for issuer in (statement.issuer, *statement.co_issuers):
            if issuer:
                self.add(node, DG.issuer, self.iri(issuer))
        self.attribute(node)
        for concerned in statement.concerns:
            self.add(node, DG.concernsActor, self.iri(concerned))
        if statement.urged_by is not None:
            outer = self.x.statements[statement.urged_by]
            self.add(node, DG.urgedBy, self.statement_iri(statement.urged_by, outer))
        self.add(node, PROV.wasDerivedFrom, self.span(statement.span))
        for assignment in self.themes.get(index, ()):
            self.classification(node, assignment)

    def classification(self, node: URIRef, assignment: ThemeAssignment) -> None:
        """``dg:theme`` or ``dg:affects``, and the assignment with the words that cued it."""
        concept = URIRef(assignment.concept)
        kind = "theme" if concept.startswith(str(THEME)) else "affected"
        if kind == "affected" and not concept.startswith(str(AFFECTED)):
            raise ValueError(f"{concept}: neither a theme nor an affected-persons concept")
        self.add(node, DG.theme if kind == "theme" else DG.affects, concept)
        for label in self.vocab.objects(concept, SKOS.prefLabel):  # its name, for every view
            self.add(concept, SKOS.prefLabel, label)
        slug = concept.removeprefix(str(THEME)).removeprefix(str(AFFECTED))
        reason = URIRef(f"{node}/{kind}/{slug}")
        self.add(node, DG.classification, reason)
        self.add(reason, RDF.type, DG.ThemeAssignment)
        self.add(reason, DG.concept, concept)
        self.add(reason, DG.cue, Literal(assignment.cue))
        self.add(reason, DG.cueField, Literal(assignment.cue_field))

    def attribute(self, node: URIRef) -> None:
        """Claims, not truth: what a text states is attributed to its author, when known."""
        if self.x.author:
            self.add(node, PROV.wasAttributedTo, self.iri(self.x.author))

    def all_states(self) -> None:
        self.add(DG.AllStates, RDF.type, DG.ActorGroup)
        self.add(DG.AllStates, RDF.type, DG.Actor)
        self.add(DG.AllStates, RDFS.label, Literal("all States"))

    def statement_iri(self, index: int, statement: Statement) -> URIRef:
        return URIRef(f"{self.doc}/statement/{statement.span.start}-{statement.span.end}-{index}")

    def parties(self) -> None:
        for index, fact in enumerate(self.x.parties):
            node = URIRef(f"{self.doc}/act/{fact.span.start}-{index}")
            self.add(node, RDF.type, DG.TreatyAction)
            self.add(node, PROV.wasAssociatedWith, self.iri(fact.state))
            self.add(node, DG.instrument, self.iri(fact.instrument))
            self.add(node, DG.actionType, DG[fact.act])
            if fact.date:
                self.add(node, DG.date, _date_literal(fact.date))
            if fact.negated:
                self.add(node, DG.negated, Literal(True))
            self.attribute(node)
            self.add(node, PROV.wasDerivedFrom, self.span(fact.span))

    def memberships(self) -> None:
        for index, fact in enumerate(self.x.memberships):
            node = URIRef(f"{self.doc}/membership/{fact.span.start}-{index}")
            self.add(node, RDF.type, DG.Membership)
            self.add(node, DG.member, self.iri(fact.member))
            self.add(node, DG.memberOf, self.iri(fact.body))
            self.add(self.iri(fact.member), ORG.memberOf, self.iri(fact.body))
            self.attribute(node)
            self.add(node, PROV.wasDerivedFrom, self.span(fact.span))

    def reports(self) -> None:
        """A report is attributed to its state (not to the author, as claims are): that is
        whose report it is."""
        for index, fact in enumerate(self.x.reports):
            node = URIRef(f"{self.doc}/report/{fact.span.start}-{index}")
            self.add(node, RDF.type, DG.PeriodicReport)
            self.add(node, RDFS.label, Literal(fact.label))
            self.add(node, PROV.wasAttributedTo, self.iri(fact.state))
            if fact.body:
                self.add(node, DG.submittedTo, self.iri(fact.body))
            if fact.due:
                self.add(node, DG.dueDate, _date_literal(fact.due))
            if fact.submitted:
                self.add(node, DG.submissionDate, _date_literal(fact.submitted))
            self.add(node, PROV.wasDerivedFrom, self.span(fact.span))


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "x"


def _path(tail: str) -> str:
    return "/".join(_slug(part) for part in tail.split("/"))


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def emit(extraction: Extraction, include_text: bool = True, vocab: Graph | None = None) -> Graph:
    """The document's graph (its identifier is the document IRI). ``vocab`` is the vocabulary
    the extraction used (default: the shipped one), whose entries' labels and types are copied."""
    return _Emitter(extraction, include_text, vocab).run()


def emit_all(extractions: Iterable[Extraction]) -> list[Graph]:
    return [emit(x) for x in extractions]
