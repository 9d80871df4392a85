"""Themes and affected persons in the exports: the GraphML and GEXF ``themes`` and ``affected``
columns, and each Web Annotation's ``dcterms:subject`` and classifying bodies."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from dutygraph.export import export
from dutygraph.namespace import DG
from dutygraph.network import NODE_ATTRIBUTES, to_networkx

THEMED = Path(__file__).parent / "themed.ttl"
DOC = "https://example.org/fictland/doc/"
THEME = "https://w3id.org/dutygraph/theme/"
AFFECTED = "https://w3id.org/dutygraph/affected/"


@pytest.fixture(scope="module")
def themed() -> Graph:
    return Graph().parse(THEMED, format="turtle")


def test_statement_nodes_carry_theme_and_affected_labels(themed: Graph) -> None:
    network = to_networkx(themed)
    # A concept's skos:prefLabel when the graph holds one, else its IRI's last segment.
    assert network.nodes[f"{DOC}detention"]["themes"] == "Non-refoulement | immigration-detention"
    assert network.nodes[f"{DOC}detention"]["affected"] == "children | refugees-and-asylum-seekers"
    assert network.nodes[f"{DOC}birth"]["themes"] == "statelessness"
    assert network.nodes[f"{DOC}birth"]["affected"] == ""
    assert network.nodes[f"{DOC}register"]["themes"] == ""
    assert network.nodes[f"{DOC}register"]["affected"] == ""
    assert network.nodes["https://example.org/fictland/fictland"]["themes"] == ""


def test_every_node_has_the_declared_attributes(themed: Graph) -> None:
    assert {"themes", "affected"} <= set(NODE_ATTRIBUTES)
    for _, attributes in to_networkx(themed).nodes(data=True):
        assert set(attributes) == set(NODE_ATTRIBUTES)


@pytest.mark.parametrize(
    ("fmt", "reader", "declared"),
    [
        ("graphml", nx.read_graphml, 'attr.name="{}"'),
        ("gexf", nx.read_gexf, 'title="{}"'),
    ],
)
def test_network_formats_declare_and_carry_themes(
    themed: Graph, fmt: str, reader: Callable[[io.BytesIO], nx.Graph], declared: str
) -> None:
    text = str(export(themed, fmt))  # type: ignore[arg-type]
    for name in ("themes", "affected"):
        assert declared.format(name) in text
    found = reader(io.BytesIO(text.encode("utf-8")))
    detention, register = found.nodes[f"{DOC}detention"], found.nodes[f"{DOC}register"]
    assert detention["themes"] == "Non-refoulement | immigration-detention"
    assert detention["affected"] == "children | refugees-and-asylum-seekers"
    assert str(register.get("themes", "")) == "" and str(register.get("affected", "")) == ""


def annotations_by_statement(graph: Graph) -> dict[str, dict[str, Any]]:
    collection = json.loads(str(export(graph, "wa")))  # type: ignore[arg-type]
    return {item["body"][1]["source"]: item for item in collection["first"]["items"]}


def test_annotations_name_their_subjects_and_classify_by_theme(themed: Graph) -> None:
    detention = annotations_by_statement(themed)[f"{DOC}detention"]
    assert detention["dcterms:subject"] == [
        {"id": f"{AFFECTED}children"},
        {"id": f"{AFFECTED}refugees-and-asylum-seekers"},
        {"id": f"{THEME}immigration-detention"},
        {"id": f"{THEME}non-refoulement"},
    ]
    classifying = [body for body in detention["body"] if body.get("purpose") == "classifying"]
    assert classifying == [
        {"type": "SpecificResource", "purpose": "classifying", "source": f"{THEME}{slug}"}
        for slug in ("immigration-detention", "non-refoulement")
    ]
    assert [body["purpose"] for body in detention["body"][:2]] == ["describing", "identifying"]


def test_an_annotation_without_themes_has_no_subject_and_no_classifying_body(
    themed: Graph,
) -> None:
    register = annotations_by_statement(themed)[f"{DOC}register"]
    assert "dcterms:subject" not in register
    assert [body["purpose"] for body in register["body"]] == ["describing", "identifying"]


def test_affected_persons_alone_are_subjects_but_not_classifying_bodies(themed: Graph) -> None:
    graph = Graph()
    for triple in themed:
        graph.add(triple)
    graph.remove((None, URIRef(f"{DG}theme"), None))
    detention = annotations_by_statement(graph)[f"{DOC}detention"]
    assert [s["id"] for s in detention["dcterms:subject"]] == [
        f"{AFFECTED}children",
        f"{AFFECTED}refugees-and-asylum-seekers",
    ]
    assert len(detention["body"]) == 2
