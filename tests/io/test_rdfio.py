"""The format table, reading, canonical writing, atomic writes and the union of a dataset."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SKOS, XSD

from dutygraph.errors import DutygraphError
from dutygraph.namespace import DG, INFERRED, NIF
from dutygraph.rdfio import (
    BUILD,
    EXPORT,
    FORMATS,
    Format,
    format_for_out,
    jsonld_context,
    lookup,
    read,
    serialize,
    union,
    write_atomically,
    written_by,
)

EX = Namespace("https://example.org/fictland/")
RDF_ROWS = [row for row in FORMATS if row.rdflib is not None]
REAL_FDOPEN = os.fdopen
READ_SUFFIXES = [
    (row, suffix) for row in FORMATS if row.readable for suffix in row.suffixes + row.also_read
]


def fictional_dataset(reverse: bool = False, blank: bool = False) -> Dataset:
    """A report graph and an inferred graph, each triple added in the given order; with
    ``blank``, the duty is derived from a passage that is a blank node."""
    passage: URIRef | BNode = BNode("passage") if blank else EX.passage
    report = [
        (EX.fictland, RDF.type, DG.State),
        (EX.fictland, SKOS.prefLabel, Literal("Fictland", lang="en")),
        (EX.duty, RDF.type, DG.Obligation),
        (EX.duty, DG.bearer, EX.fictland),
        (EX.duty, DG.action, Literal("open the border\nto every Fictish «refugee»")),
        (EX.duty, NIF.beginIndex, Literal(3, datatype=XSD.nonNegativeInteger)),
        (EX.duty, DG.derivedFrom, passage),
        (passage, NIF.anchorOf, Literal("shall open the border")),
    ]
    inferred = [
        (EX.derived, RDF.type, DG.Obligation),
        (EX.derived, DG.bearer, EX.fictland),
        (EX.fictland, RDF.type, DG.State),
    ]
    dataset = Dataset(default_union=True)
    for identifier, triples in ((EX.report, report), (INFERRED, inferred)):
        graph = dataset.graph(identifier)
        for triple in reversed(triples) if reverse else triples:
            graph.add(triple)
    return dataset


def named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


# --- the table -------------------------------------------------------------------------------


def test_each_name_and_each_suffix_belongs_to_one_row() -> None:
    names = [row.name for row in FORMATS]
    suffixes = [s for row in FORMATS for s in row.suffixes + row.also_read]
    assert len(names) == len(set(names))
    assert len(suffixes) == len(set(suffixes))


def test_the_commands_write_the_formats_their_option_lists() -> None:
    assert written_by(BUILD) == ("ttl", "jsonld", "nt", "nq", "trig")
    assert written_by(EXPORT) == tuple(row.name for row in FORMATS)


def test_a_format_is_found_by_its_name_or_by_rdflibs() -> None:
    assert lookup("ttl") is lookup("turtle") is FORMATS[0]
    assert lookup("nq") is lookup("nquads")
    assert lookup("yaml") is None


@pytest.mark.parametrize("command", [BUILD, EXPORT])
def test_the_out_suffix_names_the_format(command: str) -> None:
    for row in FORMATS:
        for suffix in row.suffixes:
            out = Path(f"fictland{suffix.upper()}")
            if command in row.writers:
                assert format_for_out(out, command) == row.name
            else:
                with pytest.raises(DutygraphError, match="unknown suffix"):
                    format_for_out(out, command)
    assert format_for_out(None, command) == "ttl"


@pytest.mark.parametrize("name", ["fictland.foo", "fictland", "fictland.json"])
def test_an_unknown_out_suffix_is_a_one_line_error(name: str) -> None:
    with pytest.raises(DutygraphError) as raised:
        format_for_out(Path(name), EXPORT)
    message = str(raised.value)
    assert message.startswith(f"{name}: unknown suffix ")
    assert message.endswith(".graphml, .gexf or give --format")
    assert "\n" not in message


def test_an_unknown_graph_suffix_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "fictland.graphml"
    path.write_text("<graphml/>\n", encoding="utf-8")
    with pytest.raises(DutygraphError, match=r"fictland\.graphml: unknown graph format \(use"):
        read([path])


# --- reading and writing ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "suffix"), READ_SUFFIXES, ids=[f"{r.name}{s}" for r, s in READ_SUFFIXES]
)
def test_every_format_reads_back_what_it_wrote(tmp_path: Path, row: Format, suffix: str) -> None:
    dataset = fictional_dataset()
    path = tmp_path / f"fictland{suffix}"
    write_atomically(path, serialize(dataset, row.name))
    parsed = read([path])
    assert isomorphic(union(parsed), union(dataset))
    if row.quads:
        expected, found = named_graphs(dataset), named_graphs(parsed)
        assert sorted(found) == sorted(expected)
        for identifier, graph in expected.items():
            assert isomorphic(found[identifier], graph), identifier
    else:
        assert list(named_graphs(parsed)) == [path.resolve().as_uri()]


# dutygraph's own graphs hold no blank node; a graph read from elsewhere may.
BLANK_NODE_ROWS = [
    pytest.param(
        row,
        id=row.name,
        marks=[
            pytest.mark.xfail(
                strict=True,
                reason="rdflib's JSON-LD compaction drops a blank node that is the object of "
                "a term typed @id in the context",
            )
        ]
        if row.name == "jsonld"
        else [],
    )
    for row in FORMATS
    if row.readable
]


@pytest.mark.parametrize("row", BLANK_NODE_ROWS)
def test_a_blank_node_reads_back(tmp_path: Path, row: Format) -> None:
    dataset = fictional_dataset(blank=True)
    path = tmp_path / f"fictland{row.suffixes[0]}"
    write_atomically(path, serialize(dataset, row.name))
    assert isomorphic(union(read([path])), union(dataset))


@pytest.mark.parametrize("row", RDF_ROWS, ids=lambda row: row.name)
def test_the_same_graph_gives_the_same_bytes_whatever_the_order(row: Format) -> None:
    assert serialize(fictional_dataset(), row.name) == serialize(fictional_dataset(True), row.name)


def test_jsonld_is_compact_with_the_shipped_context() -> None:
    graph = Graph()
    graph.add((EX.duty, DG.bearer, EX.fictland))
    text = serialize(graph, "jsonld")
    assert '"bearer"' in text and str(DG.bearer) not in text
    assert isomorphic(Graph().parse(data=text, format="json-ld"), graph)
    assert jsonld_context()["bearer"]


@pytest.mark.parametrize("name", ["graphml", "gexf", "wa", "yaml"])
def test_only_an_rdf_format_is_serialized(name: str) -> None:
    with pytest.raises(DutygraphError, match=f"unknown RDF format '{name}'"):
        serialize(fictional_dataset(), name)


def test_an_input_format_overrides_the_suffix(tmp_path: Path) -> None:
    path = tmp_path / "fictland.txt"
    path.write_text(serialize(fictional_dataset(), "nt"), encoding="utf-8")
    assert isomorphic(union(read([path], "nt")), union(fictional_dataset()))
    assert isomorphic(union(read([path], "ntriples")), union(fictional_dataset()))


# --- atomic writes ---------------------------------------------------------------------------


class HalfWritten:
    """A file that takes the first bytes and then finds the disk full."""

    def __init__(self, handle: int, mode: str) -> None:
        self.stream = REAL_FDOPEN(handle, mode)

    def __enter__(self) -> HalfWritten:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def write(self, data: bytes) -> Any:
        self.stream.write(data[:4])
        self.stream.flush()
        raise OSError(28, "No space left on device")


def test_a_failed_write_leaves_the_old_file_and_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fictland.ttl"
    target.write_text("the old graph\n", encoding="utf-8")
    monkeypatch.setattr("dutygraph.rdfio.os.fdopen", HalfWritten)
    with pytest.raises(DutygraphError, match=r"fictland\.ttl: cannot write \(No space left"):
        write_atomically(target, "the new graph\n")
    assert target.read_text(encoding="utf-8") == "the old graph\n"
    assert [path.name for path in tmp_path.iterdir()] == ["fictland.ttl"]


def test_a_write_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "fictland.ttl"
    write_atomically(target, b"bytes as they are\n")
    umask = os.umask(0)
    os.umask(umask)
    assert target.read_bytes() == b"bytes as they are\n"
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_write_into_a_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(DutygraphError, match="does not exist"):
        write_atomically(tmp_path / "missing" / "fictland.ttl", "")


# --- the union -------------------------------------------------------------------------------


def union_by_triples(dataset: Graph) -> Graph:
    """As ``build`` and ``network`` took it: the triples the dataset shows as a graph."""
    graph = Graph()
    for triple in dataset.triples((None, None, None)):
        graph.add(triple)
    return graph


def union_by_quads(dataset: Dataset) -> Graph:
    """As ``validate`` took it: the triples of every quad."""
    graph = Graph()
    for subject, predicate, obj, _context in dataset.quads((None, None, None, None)):
        graph.add((subject, predicate, obj))
    return graph


def test_the_union_is_what_build_network_and_validate_took() -> None:
    dataset = fictional_dataset()
    found = union(dataset)
    assert set(found) == set(union_by_triples(dataset)) == set(union_by_quads(dataset))
    assert len(found) == 10  # the state's type is in both graphs, once in the union
    assert found.namespace_manager.store.namespace("dg") == URIRef(str(DG))


def test_the_union_takes_every_graph_when_the_default_graph_is_not_the_union() -> None:
    separate = Dataset()
    for s, p, o, g in fictional_dataset().quads((None, None, None, None)):
        separate.graph(g).add((s, p, o))  # type: ignore[arg-type]
    assert set(union(separate)) == set(union_by_quads(separate)) == set(union(fictional_dataset()))


def test_the_union_of_a_plain_graph_is_a_copy() -> None:
    graph = union_by_triples(fictional_dataset())
    copy = union(graph)
    assert set(copy) == set(graph) and copy is not graph
