"""What the picture shows, read from the duty network: duties, who owes them, their bases.

Every drawing starts here: the static ones lay this data out in ``scene``, the HTML page
carries it as JSON and lays it out in its script.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph, URIRef

from dutygraph import rdfio
from dutygraph.concepts import Concept, statement_concepts
from dutygraph.errors import DutygraphError
from dutygraph.network import to_networkx
from dutygraph.pages import first_page
from dutygraph.picture.themes import theme_sections
from dutygraph.sparql.run import resolve
from dutygraph.sparql.sources import MemorySource

KINDS = ("binding", "customary", "nonbinding", "recommendation")
KIND_COLOURS = {
    "binding": "#0072B2",
    "customary": "#009E73",
    "nonbinding": "#E69F00",
    "recommendation": "#CC79A7",
}
KIND_NAMES = {
    "binding": "binding (treaty or statute)",
    "customary": "customary (binds all States)",
    "nonbinding": "non-binding (soft law)",
    "recommendation": "recommendation",
}
KIND_SHORT = {
    "binding": "binding",
    "customary": "customary",
    "nonbinding": "non-binding",
    "recommendation": "recommendations",
}
DUTY_TYPES = ("Obligation", "Prohibition", "Recommendation")
# The drawings: who owes what (bearers, duties, bases), or each bearer's duties by theme.
VIEWS = ("duties", "theme")
TITLES = {"duties": "Who owes what", "theme": "Duties by theme"}


def picture_data(
    dataset: Dataset | Graph,
    bearer: str | None = None,
    kind: str | Sequence[str] | None = None,
    view: str = "duties",
) -> dict[str, Any]:
    """Duties of ``kind`` (one or several), who owes them (also via a group), bases, themes and
    labels; ``view`` (one of ``VIEWS``) is the drawing shown first."""
    if view not in VIEWS:
        raise DutygraphError(f"unknown view {view!r} (known: {', '.join(VIEWS)})")
    source = MemorySource(rdfio.union(dataset))  # one union, loaded once for every query
    concepts = statement_concepts(source)
    network = to_networkx(dataset, source, concepts)
    selected = _resolve_bearers(source, network, bearer) if bearer else []
    duties = [
        _duty(network, node)
        for node, attributes in network.nodes(data=True)
        if attributes["type"] in DUTY_TYPES
    ]
    duties = [d for d in duties if _wanted(d, selected, kind)]
    for duty in duties:
        duty["page"] = first_page(source.graph, URIRef(duty["id"]))
        duty.update(_concepts(concepts.get(duty["id"], {})))
    titles = {name: f"{title}: {bearer}" if bearer else title for name, title in TITLES.items()}
    options = _bearer_options(network, duties, selected)
    return {
        "view": view,
        "title": titles[view],
        "titles": titles,
        "subtitle": summary(duties),
        "selectedBearer": selected[0] if selected else "",
        "bearerOptions": options,
        "themeSections": theme_sections(duties, options),
        "duties": duties,
        "actors": _labels(network, {e["actor"] for d in duties for e in d["owedBy"]}),
        "sources": _sources(network, duties),
        "kinds": [
            {"kind": k, "colour": KIND_COLOURS[k], "name": KIND_NAMES[k], "short": KIND_SHORT[k]}
            for k in KINDS
        ],
    }


def summary(duties: list[dict[str, Any]]) -> str:
    """How many duties of each kind, and from which documents."""
    counts = [(sum(d["kind"] == k for d in duties), k) for k in KINDS]
    kinds = ", ".join(f"{n} {KIND_SHORT[k]}" for n, k in counts if n)
    sources = ", ".join(sorted({d["source"] for d in duties if d["source"]}))
    return f"{len(duties)} duties and recommendations ({kinds or 'none'}) from {sources or '-'}"


def _resolve_bearers(source: MemorySource, network: nx.MultiDiGraph, name: str) -> list[str]:
    found = [
        str(iri)
        for iri in resolve(source, name)
        if network.nodes.get(str(iri), {}).get("category") == "actor"
    ]
    if not found:
        raise DutygraphError(f"--bearer {name}: no actor in the graph has that label or IRI")
    return found


def _wanted(duty: dict[str, Any], selected: list[str], kind: str | Sequence[str] | None) -> bool:
    if kind and duty["kind"] not in ([kind] if isinstance(kind, str) else kind):
        return False
    return not selected or any(e["actor"] in selected for e in duty["owedBy"])


def _duty(network: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    attributes = network.nodes[node]
    direct = [
        {"actor": target, "via": "", "derivation": data["derivation"]}
        for target, data in _out(network, node, "bearer")
    ]
    basis = [
        target
        for target, _ in _out(network, node, "basis")
        if network.nodes[target]["category"] in ("provision", "instrument")
    ]
    return {
        "id": node,
        **{key: attributes[key] for key in ("label", "type", "kind", "force", "derivation")},
        **{key: attributes[key] for key in ("action", "quote", "source")},
        "begin": attributes["quote_begin"],
        "end": attributes["quote_end"],
        "basis": sorted(set(basis)),
        "direct": direct,
        "owedBy": direct + _through_groups(network, direct),
    }


def _concepts(concepts: dict[str, list[Concept]]) -> dict[str, list[dict[str, str]]]:
    return {
        key: [{"iri": c.iri, "label": c.label} for c in concepts.get(scheme, [])]
        for key, scheme in (("themes", "theme"), ("affected", "affected"))
    }


def _out(network: nx.MultiDiGraph, node: str, relation: str) -> list[tuple[str, dict[str, Any]]]:
    return sorted(
        (target, data)
        for _, target, data in network.out_edges(node, data=True)
        if data["relation"] == relation
    )


def _through_groups(network: nx.MultiDiGraph, direct: list[dict[str, str]]) -> list[dict[str, str]]:
    """Members of a bearing group owe its duties too (rules 20 and 30: derived, not stated)."""
    owed: list[dict[str, str]] = []
    for entry in direct:
        group = entry["actor"]
        members = {
            m for m, _, d in network.in_edges(group, data=True) if d["relation"] == "part_of"
        }
        members |= {target for target, _ in _out(network, group, "includes")}
        owed.extend(
            {"actor": member, "via": group, "derivation": "inferred"}
            for member in sorted(members)
            if network.nodes[member]["category"] == "actor"
        )
    return owed


def _bearer_options(
    network: nx.MultiDiGraph, duties: list[dict[str, Any]], selected: list[str]
) -> list[str]:
    owing = selected or {e["actor"] for d in duties for e in d["owedBy"]}
    return sorted(owing, key=lambda actor: network.nodes[actor]["label"].casefold())


def _labels(network: nx.MultiDiGraph, nodes: set[str]) -> dict[str, dict[str, str]]:
    return {
        node: {"label": network.nodes[node]["label"], "type": network.nodes[node]["type"]}
        for node in sorted(nodes)
    }


def _sources(network: nx.MultiDiGraph, duties: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each basis, and for a provision the instruments it is part of."""
    sources: dict[str, dict[str, Any]] = {}
    for node in sorted({basis for duty in duties for basis in duty["basis"]}):
        wholes = [t for t, _ in _out(network, node, "part_of")]
        for whole in [node, *wholes]:
            attributes = network.nodes[whole]
            sources[whole] = {
                "label": attributes["label"],
                "type": attributes["type"],
                "category": attributes["category"],
                "partOf": [t for t, _ in _out(network, whole, "part_of")],
            }
    return sources
