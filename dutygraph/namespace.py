"""The dutygraph vocabulary as a checked namespace, and the prefixes every output binds.

``DG`` lists every term declared in ``ontology/dutygraph.ttl`` and ``ontology/vocab/schemes.ttl``;
a misspelt ``DG.Bearer`` raises instead of minting a new IRI. A test keeps both lists equal.
"""

from __future__ import annotations

import re

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDFS, SKOS, XSD, DefinedNamespace

DGID = Namespace("https://w3id.org/dutygraph/id/")
ODRL = Namespace("http://www.w3.org/ns/odrl/2/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")
THEME = Namespace("https://w3id.org/dutygraph/theme/")
AFFECTED = Namespace("https://w3id.org/dutygraph/affected/")
ISSUER_KIND = Namespace("https://w3id.org/dutygraph/issuer-kind/")
# The named graph of the triples the rules derive, apart from what any text asserts.
INFERRED = DGID["inferred"]
# What an IRI may not hold (RFC 3987): a space or control character, <>"{}|^`\
NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class DG(DefinedNamespace):
    """Terms of https://w3id.org/dutygraph/ns#."""

    _NS = Namespace("https://w3id.org/dutygraph/ns#")
    _fail = True

    # Classes: legal sources
    LegalSource: URIRef
    LegalInstrument: URIRef
    Treaty: URIRef
    Declaration: URIRef
    SoftLawInstrument: URIRef
    Resolution: URIRef
    DomesticLaw: URIRef
    UNDocument: URIRef
    PeriodicReport: URIRef
    Provision: URIRef
    CustomaryRule: URIRef

    # Classes: normative statements
    NormativeStatement: URIRef
    Obligation: URIRef
    Prohibition: URIRef
    Right: URIRef
    Recommendation: URIRef
    ViolationFinding: URIRef

    # Classes: actors, acts, documents
    Actor: URIRef
    State: URIRef
    Organization: URIRef
    Body: URIRef
    SpecialProcedure: URIRef
    ActorGroup: URIRef
    TreatyAction: URIRef
    Document: URIRef
    Membership: URIRef
    Page: URIRef

    # Individuals
    AllStates: URIRef

    # Object properties
    bearer: URIRef
    issuer: URIRef
    legalBasis: URIRef
    bindingForce: URIRef
    invokes: URIRef
    concernsActor: URIRef
    urgedBy: URIRef
    includes: URIRef
    partyTo: URIRef
    instrument: URIRef
    actionType: URIRef
    submittedTo: URIRef
    monitoredBy: URIRef
    protocolTo: URIRef
    adoptedBy: URIRef
    derivedFrom: URIRef
    memberOf: URIRef
    member: URIRef
    onPage: URIRef

    # Datatype properties
    beneficiary: URIRef
    action: URIRef
    trigger: URIRef
    date: URIRef
    negated: URIRef
    dueDate: URIRef
    submissionDate: URIRef
    citation: URIRef
    articleNumber: URIRef
    textSha256: URIRef
    pageNumber: URIRef
    demonym: URIRef
    issuerKind: URIRef
    inferredBy: URIRef

    # Themes and affected persons
    ThemeAssignment: URIRef
    theme: URIRef
    affects: URIRef
    classification: URIRef
    concept: URIRef
    cue: URIRef
    cueField: URIRef

    # Concept schemes
    BindingForceScheme: URIRef
    IssuerKindScheme: URIRef
    TreatyActionScheme: URIRef
    DutyKindScheme: URIRef
    StateScheme: URIRef
    InstrumentScheme: URIRef
    BodyScheme: URIRef
    ThemeScheme: URIRef
    AffectedPersonsScheme: URIRef
    SdgScheme: URIRef

    # Concepts: binding force
    Binding: URIRef
    PersuasiveAuthority: URIRef
    NonBinding: URIRef

    # Concepts: treaty actions
    Signature: URIRef
    Ratification: URIRef
    Accession: URIRef
    Succession: URIRef
    ConsentToBeBound: URIRef
    Denunciation: URIRef

    # Concepts: duty kinds
    BindingKind: URIRef
    CustomaryKind: URIRef
    NonBindingKind: URIRef
    RecommendationKind: URIRef


PREFIXES: dict[str, Namespace] = {
    "dg": Namespace(str(DG)),
    "dgid": DGID,
    "odrl": ODRL,
    "eli": ELI,
    "prov": Namespace(str(PROV)),
    "nif": NIF,
    "skos": Namespace(str(SKOS)),
    "org": ORG,
    "dcterms": Namespace(str(DCTERMS)),
    "xsd": Namespace(str(XSD)),
    "rdfs": Namespace(str(RDFS)),
    "owl": Namespace(str(OWL)),
    "wd": WD,
    "theme": THEME,
    "affected": AFFECTED,
    "kind": ISSUER_KIND,
}


def bind_prefixes(graph: Graph) -> None:
    """Bind the project's prefixes, replacing any other binding of the same prefix or namespace."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
