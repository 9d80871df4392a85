"""A prohibition reads as a prohibition wherever its action is shown as text: the duty network
(GraphML, GEXF), the picture (its data, its SVG) and the Web Annotations."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable

import networkx as nx
import pytest
from rdflib import Graph

from dutygraph.export import to_gexf, to_graphml, to_web_annotations
from dutygraph.picture import picture_data, picture_html, picture_svg
from dutygraph.wording import duty_phrase

EX = "https://example.org/fictland/"
DUTIES = f"""\
@prefix dg: <https://w3id.org/dutygraph/ns#> .
@prefix ex: <{EX}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:fictland a dg:State, dg:Actor ;
    skos:prefLabel "Fictland"@en .

ex:detention a dg:Prohibition, dg:NormativeStatement ;
    dg:bearer ex:fictland ;
    dg:action "detain asylum-seeking children" ;
    dg:trigger "shall not" ;
    dg:bindingForce dg:Binding .

ex:births a dg:Obligation, dg:NormativeStatement ;
    dg:bearer ex:fictland ;
    dg:action "register every birth" ;
    dg:trigger "shall" ;
    dg:bindingForce dg:Binding .

ex:return a dg:Prohibition, dg:NormativeStatement ;
    dg:bearer ex:fictland ;
    dg:action "never return refugees to the border" ;
    dg:trigger "shall" ;
    dg:bindingForce dg:Binding .
"""
READS = {
    f"{EX}detention": "not detain asylum-seeking children",
    f"{EX}births": "register every birth",
    f"{EX}return": "never return refugees to the border",
}
DATA = re.compile(r'<script type="application/json" id="dutygraph-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def duties() -> Graph:
    return Graph().parse(data=DUTIES, format="turtle")


@pytest.mark.parametrize(
    ("statement_type", "action", "reads"),
    [
        ("Prohibition", "detain asylum-seeking children", "not detain asylum-seeking children"),
        ("Prohibition", "never return refugees", "never return refugees"),
        ("Prohibition", "Not punish those returned", "Not punish those returned"),
        ("Prohibition", "refrain from expulsions", "refrain from expulsions"),
        ("Prohibition", "abstain from raids", "abstain from raids"),
        ("Prohibition", "no longer detain children", "no longer detain children"),
        ("Prohibition", "neither detain nor expel", "neither detain nor expel"),
        ("Prohibition", "notify the family", "not notify the family"),
        ("Prohibition", "nominate a judge", "not nominate a judge"),
        ("Prohibition", "", ""),
        ("Obligation", "detain no one arbitrarily", "detain no one arbitrarily"),
        ("Obligation", "register every birth", "register every birth"),
        ("Recommendation", "open the border", "open the border"),
    ],
)
def test_duty_phrase(statement_type: str, action: str, reads: str) -> None:
    assert duty_phrase(statement_type, action) == reads


@pytest.mark.parametrize("writer", [to_graphml, to_gexf])
def test_network_label_and_action_read_as_the_duty(
    duties: Graph, writer: Callable[[Graph], str]
) -> None:
    text = writer(duties)
    read = nx.read_graphml if writer is to_graphml else nx.read_gexf
    network = read(io.BytesIO(text.encode("utf-8")))
    for node, reads in READS.items():
        attributes = network.nodes[node]
        assert attributes["label"] == reads
        assert attributes["action"] == reads
    assert "not never" not in text


def test_web_annotation_text_reads_as_the_duty(duties: Graph) -> None:
    items = json.loads(to_web_annotations(duties))["first"]["items"]
    texts = {item["body"][1]["source"]: item["body"][0]["value"] for item in items}
    for node, reads in READS.items():
        assert texts[node].endswith(f": {reads}")
    assert not any("not never" in text for text in texts.values())


def test_picture_shows_the_duty_as_it_reads(duties: Graph) -> None:
    data = picture_data(duties)
    shown = {duty["id"]: (duty["label"], duty["action"]) for duty in data["duties"]}
    assert shown == {node: (reads, reads) for node, reads in READS.items()}
    found = DATA.search(picture_html(duties))
    assert found is not None
    embedded = {duty["id"]: duty["action"] for duty in json.loads(found.group(1))["duties"]}
    assert embedded == READS
    svg = picture_svg(duties)
    assert "not detain asylum-seeking children" in svg
    assert ">register every birth<" in svg
    assert "not never" not in svg and "not register" not in svg
