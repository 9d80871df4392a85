"""Exports for linked-data users and network tools: RDF formats, Web Annotations, GraphML, GEXF.

Every RDF format parses back to the graph it was made from: Turtle, N-Triples and RDF/XML hold
the union; N-Quads, TriG and JSON-LD keep one named graph per document plus the inferred graph.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF

from dutygraph import rdfio
from dutygraph.concepts import Concept, statement_concepts
from dutygraph.errors import DutygraphError
from dutygraph.namespace import DG, DGID, NIF
from dutygraph.network import Passage, action_of, label_of, passage_of, to_networkx
from dutygraph.pages import first_page, page_selector
from dutygraph.sparql.sources import MemorySource

FORMATS = rdfio.written_by(rdfio.EXPORT)
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ANNOTATION_COLLECTION = DGID["annotations"]
QUOTE_CONTEXT = 32
# The W3C context binds the dcterms prefix (and "id" to @id), so this key is dcterms:subject.
SUBJECT = "dcterms:subject"
# "Recommendation to Fictland", "Prohibition for Fictland"; any other statement "... of".
BEARER_WORDS = {"Recommendation": "to", "Prohibition": "for"}
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'


def export(dataset: Dataset, fmt: str) -> str | bytes:
    """``dataset`` in ``fmt`` (one of ``FORMATS``), in a stable order."""
    if fmt not in FORMATS:
        raise DutygraphError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    if fmt in NOT_RDF:
        return NOT_RDF[fmt](dataset)
    return rdfio.serialize(dataset, fmt)


def to_graphml(dataset: Dataset | Graph) -> str:
    return _xml_document(nx.generate_graphml(to_networkx(dataset), prettyprint=True))


def to_gexf(dataset: Dataset | Graph) -> str:
    return _xml_document(nx.generate_gexf(to_networkx(dataset), prettyprint=True))


def _xml_document(lines: Iterable[str]) -> str:
    """With an XML declaration, so a reader never guesses the encoding of a non-ASCII label."""
    text = "\n".join(lines).strip() + "\n"
    return text if text.startswith("<?xml") else XML_DECLARATION + text


def to_web_annotations(dataset: Dataset | Graph) -> str:
    """A W3C Web Annotation collection: one annotation per statement, on its passage."""
    union = rdfio.union(dataset)
    statements = sorted(
        {s for s in union.subjects(RDF.type, DG.NormativeStatement) if isinstance(s, URIRef)}
    )
    concepts = statement_concepts(MemorySource(union))
    items = [
        annotation(union, statement, concepts.get(str(statement), {})) for statement in statements
    ]
    collection = {
        "@context": ANNOTATION_CONTEXT,
        "id": str(ANNOTATION_COLLECTION),
        "type": "AnnotationCollection",
        "label": "duties, rights and recommendations with their passages",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, indent=2, ensure_ascii=False) + "\n"


NOT_RDF: dict[str, Callable[[Dataset], str]] = {
    "graphml": to_graphml,
    "gexf": to_gexf,
    "wa": to_web_annotations,
}


def annotation(
    union: Graph, statement: URIRef, concepts: dict[str, list[Concept]] | None = None
) -> dict[str, Any]:
    """The statement's annotation; ``concepts``: its themes and affected persons by scheme."""
    concepts = concepts or {}
    themes = sorted({c.iri for c in concepts.get("theme", [])})
    subjects = sorted({c.iri for scheme in concepts.values() for c in scheme})
    return {
        "id": f"{statement}/annotation",
        "type": "Annotation",
        "motivation": "describing",
        "body": [
            {
                "type": "TextualBody",
                "purpose": "describing",
                "format": "text/plain",
                "value": describe(union, statement),
            },
            {"type": "SpecificResource", "purpose": "identifying", "source": str(statement)},
            *(
                {"type": "SpecificResource", "purpose": "classifying", "source": theme}
                for theme in themes
            ),
        ],
        "target": _target(union, statement),
        **({SUBJECT: [{"id": iri} for iri in subjects]} if subjects else {}),
    }


def describe(union: Graph, statement: URIRef) -> str:
    """What the statement says, to or of whom, and who issued it ("Recommendation to Fictland
    (issued by the Fictish Committee): open the border")."""
    types = sorted(
        str(t).rpartition("#")[2]
        for t in union.objects(statement, RDF.type)
        if t != DG.NormativeStatement and str(t).startswith(str(DG))
    )
    kind = types[0] if types else "NormativeStatement"
    bearers = sorted(label_of(union, bearer) for bearer in union.objects(statement, DG.bearer))
    whom = f"{kind} {BEARER_WORDS.get(kind, 'of')} {', '.join(bearers) or 'no stated bearer'}"
    return f"{whom}{_issued_by(union, statement)}: {action_of(union, statement)}"


def _issued_by(union: Graph, statement: URIRef) -> str:
    """Who issued it (dg:issuer) and, when someone else states it (prov:wasAttributedTo, the
    author of the text), according to whom."""
    issuers = sorted({label_of(union, issuer) for issuer in union.objects(statement, DG.issuer)})
    authors = sorted(
        {label_of(union, author) for author in union.objects(statement, PROV.wasAttributedTo)}
        - set(issuers)
    )
    parts = [f"issued by {', '.join(issuers)}"] if issuers else []
    parts += [f"according to {', '.join(authors)}"] if authors else []
    return f" ({', '.join(parts)})" if parts else ""


def _target(union: Graph, statement: URIRef) -> dict[str, Any]:
    passage = passage_of(union, statement)
    if passage is None or passage.document is None:
        return {"source": str(statement)}
    page = first_page(union, statement)
    return {
        "source": str(passage.document),
        "selector": [
            {"type": "TextPositionSelector", "start": passage.begin, "end": passage.end},
            _quote_selector(union, passage),
            *([page_selector(page)] if page is not None else []),
        ],
    }


def _quote_selector(union: Graph, passage: Passage) -> dict[str, Any]:
    """The exact quote, with up to 32 code points either side when the graph holds the text."""
    selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": passage.quote}
    text = union.value(passage.document, NIF.isString)
    if text is not None:
        selector["prefix"] = str(text)[max(0, passage.begin - QUOTE_CONTEXT) : passage.begin]
        selector["suffix"] = str(text)[passage.end : passage.end + QUOTE_CONTEXT]
    return selector
