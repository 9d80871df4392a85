"""Pages of the passages in a graph: the number ``explain``, the Web Annotations and the
picture show beside a passage from a paged source (a PDF)."""

from __future__ import annotations

from typing import Any

from rdflib import Graph
from rdflib.namespace import PROV
from rdflib.term import Node

from dutygraph.namespace import DG, NIF

# RFC 3778 (the application/pdf media type) defines the "page=N" fragment.
RFC_3778 = "http://tools.ietf.org/rfc/rfc3778"


def page_of_span(graph: Graph, span: Node) -> int | None:
    """The number of the page a passage begins on (None for a text without pages)."""
    page = graph.value(span, DG.onPage)
    number = graph.value(page, DG.pageNumber) if page is not None else None
    return int(str(number)) if number is not None else None


def first_page(graph: Graph, node: Node) -> int | None:
    """The page of the first passage (by offset, as ``passage_of`` picks it) ``node`` rests on."""
    spans = [
        (int(str(graph.value(span, NIF.beginIndex) or 0)),
         int(str(graph.value(span, NIF.endIndex) or 0)),
         str(graph.value(span, NIF.referenceContext)), span)
        for span in graph.objects(node, PROV.wasDerivedFrom)
        if (span, NIF.anchorOf, None) in graph
    ]  # fmt: skip
    return page_of_span(graph, min(spans)[3]) if spans else None


def page_selector(number: int) -> dict[str, Any]:
    """A Web Annotation selector of a PDF page."""
    return {"type": "FragmentSelector", "conformsTo": RFC_3778, "value": f"page={number}"}


def page_label(number: int | None) -> str:
    return f"p. {number}" if number is not None else ""
