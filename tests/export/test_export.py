"""Exports: every RDF format parses back to the same graph; Web Annotations quote the text;
GraphML and GEXF re-read with networkx with the same nodes, edges and attributes."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from dutygraph.commands.export import export_command
from dutygraph.export import FORMATS, export
from dutygraph.namespace import DG, INFERRED, NIF
from dutygraph.network import to_networkx
from dutygraph.rdfio import jsonld_context, read, serialize

KITCHEN_SINK = Path(__file__).parent.parent / "fixtures" / "kitchen-sink.txt"
TRIPLE_FORMATS = {"ttl": "turtle", "nt": "nt", "xml": "xml"}
QUAD_FORMATS = {"nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
READABLE_PREFIXES = ("dg", "odrl", "eli", "prov", "nif", "skos", "org")
# A group duty on a treaty basis, so the rules derive a duty of each party.
TREATY_DUTY = (
    "\nThe Contracting States shall not expel a Sylvanian under the Convention on the Rights of "
    "Sylvanians.\n"
)


@pytest.fixture(scope="module")
def kitchen(build_fictional: Callable[[str], Dataset]) -> Dataset:
    return build_fictional(KITCHEN_SINK.read_text(encoding="utf-8") + TREATY_DUTY)


def union(dataset: Dataset) -> Graph:
    graph = Graph()
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    result = {}
    for context in dataset.graphs():
        if len(context):
            graph = Graph()
            for triple in context:
                graph.add(triple)
            result[str(context.identifier)] = graph
    return result


def text_of(content: str | bytes) -> str:
    return content.decode("utf-8") if isinstance(content, bytes) else content


def test_the_fixture_has_a_document_graph_and_an_inferred_graph(kitchen: Dataset) -> None:
    graphs = named_graphs(kitchen)
    assert str(INFERRED) in graphs
    assert len(graphs) == 2
    assert any(kitchen.subjects(DG.inferredBy, None))


@pytest.mark.parametrize("fmt", sorted(TRIPLE_FORMATS))
def test_triple_formats_parse_back_to_the_union(kitchen: Dataset, fmt: str) -> None:
    parsed = Graph().parse(data=text_of(export(kitchen, fmt)), format=TRIPLE_FORMATS[fmt])
    assert isomorphic(parsed, union(kitchen))


@pytest.mark.parametrize("fmt", sorted(QUAD_FORMATS))
def test_quad_formats_keep_each_named_graph(kitchen: Dataset, fmt: str) -> None:
    parsed = Dataset()
    parsed.parse(data=text_of(export(kitchen, fmt)), format=QUAD_FORMATS[fmt])
    expected, found = named_graphs(kitchen), named_graphs(parsed)
    assert sorted(found) == sorted(expected)
    for identifier, graph in expected.items():
        assert isomorphic(found[identifier], graph), identifier


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_stable(kitchen: Dataset, fmt: str) -> None:
    assert export(kitchen, fmt) == export(kitchen, fmt)


def test_turtle_binds_the_readable_prefixes(kitchen: Dataset) -> None:
    text = text_of(export(kitchen, "ttl"))
    for prefix in READABLE_PREFIXES:
        assert f"@prefix {prefix}: " in text
    assert text == serialize(kitchen, "ttl")


def test_jsonld_is_compact_with_the_shipped_context(kitchen: Dataset) -> None:
    document = json.loads(text_of(export(kitchen, "jsonld")))
    assert document["@context"] == jsonld_context()
    flat = json.dumps(document["@graph"])
    for term in ('"bearer"', '"action"', '"wasDerivedFrom"', '"beginIndex"', '"Obligation"'):
        assert term in flat
    assert str(DG.bearer) not in flat


def test_the_shipped_context_expands_its_terms_to_the_vocabulary() -> None:
    context = jsonld_context()
    data = {"@context": context, "@id": "urn:x:s", "@type": "Obligation", "bearer": "urn:x:a"}
    graph = Graph().parse(data=json.dumps(data), format="json-ld")
    assert (URIRef("urn:x:s"), RDF.type, DG.Obligation) in graph
    assert (URIRef("urn:x:s"), DG.bearer, URIRef("urn:x:a")) in graph


def annotations(dataset: Dataset) -> list[dict[str, object]]:
    collection = json.loads(text_of(export(dataset, "wa")))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    items: list[dict[str, object]] = collection["first"]["items"]
    assert collection["total"] == len(items)
    return items


def test_web_annotations_one_per_statement(kitchen: Dataset) -> None:
    items = annotations(kitchen)
    statements = set(kitchen.subjects(RDF.type, DG.NormativeStatement))
    assert len(items) == len(statements)
    sources = {item["body"][1]["source"] for item in items}  # type: ignore[index]
    assert sources == {str(statement) for statement in statements}
    assert all(item["type"] == "Annotation" for item in items)


def test_web_annotation_quotes_are_the_text_slices(kitchen: Dataset) -> None:
    document = next(kitchen.subjects(RDF.type, DG.Document))
    text = str(kitchen.value(document, NIF.isString))
    for item in annotations(kitchen):
        target = item["target"]
        assert target["source"] == str(document)  # type: ignore[index]
        position, quote = target["selector"]  # type: ignore[index]
        start, end = position["start"], position["end"]
        assert position["type"] == "TextPositionSelector"
        assert quote["type"] == "TextQuoteSelector"
        assert quote["exact"] == text[start:end]
        assert len(quote["prefix"]) <= 32 and len(quote["suffix"]) <= 32
        assert text[start - len(quote["prefix"]) : start] == quote["prefix"]
        assert text[end : end + len(quote["suffix"])] == quote["suffix"]


def test_web_annotations_without_the_text_keep_the_exact_quote(kitchen: Dataset) -> None:
    without_text = Dataset()
    for s, p, o, g in kitchen.quads((None, None, None, None)):
        if p != NIF.isString:
            without_text.graph(g).add((s, p, o))  # type: ignore[arg-type]
    for item in annotations(without_text):
        quote = item["target"]["selector"][1]  # type: ignore[index]
        assert quote["exact"] and "prefix" not in quote


# Who is addressed and who issued it: an issuer (dg:issuer) other than the report's author
# (prov:wasAttributedTo), an issuer who is the author, an author alone, and neither.
ADDRESSED = """\
@prefix dg: <https://w3id.org/dutygraph/ns#> .
@prefix ex: <https://example.org/fictland/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ex:fictland a dg:State, dg:Actor ; skos:prefLabel "Fictland"@en .
ex:committee a dg:Body, dg:Actor ; rdfs:label "Fictish Rights Committee" .
ex:watch a dg:Organization, dg:Actor ; rdfs:label "Fictland Watch" .

ex:quoted a dg:Recommendation, dg:NormativeStatement ;
    dg:bearer ex:fictland ; dg:action "open the border" ;
    dg:issuer ex:committee ; prov:wasAttributedTo ex:watch .
ex:own a dg:Recommendation, dg:NormativeStatement ;
    dg:bearer ex:fictland ; dg:action "publish the register" ;
    dg:issuer ex:watch ; prov:wasAttributedTo ex:watch .
ex:stated a dg:Obligation, dg:NormativeStatement ;
    dg:bearer ex:fictland ; dg:action "register every birth" ; prov:wasAttributedTo ex:watch .
ex:derived a dg:Prohibition, dg:NormativeStatement ;
    dg:bearer ex:fictland ; dg:action "detain asylum-seeking children" .
"""


def test_web_annotation_text_says_to_whom_and_by_whom() -> None:
    graph = Graph().parse(data=ADDRESSED, format="turtle")
    texts = {
        item["body"][1]["source"]: item["body"][0]["value"]  # type: ignore[index]
        for item in annotations(graph)
    }
    assert texts == {
        "https://example.org/fictland/quoted": "Recommendation to Fictland (issued by Fictish "
        "Rights Committee, according to Fictland Watch): open the border",
        "https://example.org/fictland/own": "Recommendation to Fictland (issued by Fictland "
        "Watch): publish the register",
        "https://example.org/fictland/stated": "Obligation of Fictland (according to Fictland "
        "Watch): register every birth",
        "https://example.org/fictland/derived": "Prohibition for Fictland: not detain "
        "asylum-seeking children",
    }


def test_web_annotations_of_an_extracted_report_name_the_issuer(kitchen: Dataset) -> None:
    recommendations = {str(r) for r in kitchen.subjects(RDF.type, DG.Recommendation)}
    texts = [
        item["body"][0]["value"]  # type: ignore[index]
        for item in annotations(kitchen)
        if item["body"][1]["source"] in recommendations  # type: ignore[index]
    ]
    assert texts and all(text.startswith("Recommendation to ") for text in texts)
    assert all(" (issued by " in text for text in texts)


def network_formats() -> list[tuple[str, Callable[[io.BytesIO], nx.Graph]]]:
    return [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)]


@pytest.mark.parametrize(("fmt", "reader"), network_formats())
def test_network_formats_reread_with_networkx(
    kitchen: Dataset, fmt: str, reader: Callable[[io.BytesIO], nx.Graph]
) -> None:
    expected = to_networkx(kitchen)
    found = reader(io.BytesIO(text_of(export(kitchen, fmt)).encode("utf-8")))
    assert found.number_of_nodes() == expected.number_of_nodes()
    assert found.number_of_edges() == expected.number_of_edges()
    for node, attributes in expected.nodes(data=True):
        for name in ("category", "kind", "force", "derivation", "label", "quote"):
            assert str(found.nodes[node].get(name, "")) == attributes[name], (node, name)
    relations = {data["relation"] for *_, data in found.edges(data=True)}
    assert {"bearer", "basis", "part_of", "party_to", "member_of", "includes"} <= relations


def test_network_has_the_four_kinds_of_node(kitchen: Dataset) -> None:
    network = to_networkx(kitchen)
    categories = {data["category"] for _, data in network.nodes(data=True)}
    assert categories == {"actor", "statement", "instrument", "provision"}
    values = [v for _, data in network.nodes(data=True) for v in data.values()]
    values += [v for *_, data in network.edges(data=True) for v in data.values()]
    assert all(isinstance(value, str) for value in values)
    kinds = {data["kind"] for _, data in network.nodes(data=True)}
    assert {"binding", "customary", "recommendation"} <= kinds


def test_inferred_duties_and_edges_are_marked(kitchen: Dataset) -> None:
    network = to_networkx(kitchen)
    inferred = [n for n, d in network.nodes(data=True) if d["derivation"] == "inferred"]
    assert inferred
    assert all(network.nodes[n]["category"] == "statement" for n in inferred)
    party_to = [d for *_, d in network.edges(data=True) if d["relation"] == "party_to"]
    assert party_to and all(d["derivation"] == "inferred" for d in party_to)


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_writes_each_format(kitchen: Dataset, tmp_path: Path, fmt: str) -> None:
    source = tmp_path / "kitchen.trig"
    source.write_text(text_of(export(kitchen, "trig")), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(
        export_command, ["--format", fmt, "--out", str(out), "--graph", str(source)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == text_of(export(read([source]), fmt))
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_writes_each_format_to_stdout_unchanged(
    kitchen: Dataset, tmp_path: Path, fmt: str
) -> None:
    source = tmp_path / "kitchen.trig"
    source.write_text(text_of(export(kitchen, "trig")), encoding="utf-8")
    result = CliRunner().invoke(export_command, ["--format", fmt, "--graph", str(source)])
    assert result.exit_code == 0, result.output
    expected = export(read([source]), fmt)
    as_bytes = expected if isinstance(expected, bytes) else expected.encode("utf-8")
    assert result.stdout_bytes == as_bytes


def test_cli_takes_the_format_from_the_extension(kitchen: Dataset, tmp_path: Path) -> None:
    source = tmp_path / "kitchen.trig"
    source.write_text(text_of(export(kitchen, "trig")), encoding="utf-8")
    out = tmp_path / "network.graphml"
    result = CliRunner().invoke(export_command, ["--out", str(out), "--graph", str(source)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "<graphml" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--format", "yaml"], "Invalid value"),
        (["--graph", "missing.ttl"], "missing.ttl: no such file"),
        (["--out", "no/such/folder/x.ttl", "--graph", "{source}"], "does not exist"),
    ],
)
def test_cli_user_errors_exit_2(
    kitchen: Dataset, tmp_path: Path, arguments: list[str], message: str
) -> None:
    source = tmp_path / "kitchen.trig"
    source.write_text(text_of(export(kitchen, "trig")), encoding="utf-8")
    filled = [a.replace("{source}", str(source)) for a in arguments]
    result = CliRunner().invoke(export_command, filled)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_exports_the_bundled_report_as_web_annotations() -> None:
    result = CliRunner().invoke(export_command, ["--format", "wa"])
    assert result.exit_code == 0, result.output
    collection = json.loads(result.output)
    assert collection["total"] > 30
    quotes = [item["target"]["selector"][1]["exact"] for item in collection["first"]["items"]]
    assert any("China" in quote for quote in quotes)
