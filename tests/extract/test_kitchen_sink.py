"""The kitchen sink: one short fictional report using every construction the extractor knows,
built with the fictional vocabulary, validated, and compared with its golden graph."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF

from dutygraph.extract.emit import emit
from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.ir import Extraction
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes
from dutygraph.namespace import NIF
from dutygraph.validate import assert_conforms

TESTS = Path(__file__).resolve().parents[1]
SOURCE = TESTS / "fixtures" / "kitchen-sink.txt"
GOLDEN_FILE = TESTS / "golden" / "kitchen-sink.ttl"
FREEDONIA = "https://w3id.org/dutygraph/id/state/XFD"
SHOWN_TRIPLES = 40


def build(gaz: Gazetteer, vocab: Graph) -> tuple[Extraction, Graph]:
    x = extract(read_bytes(SOURCE.read_bytes(), SOURCE.name), gaz)
    return x, emit(x, vocab=vocab)


@pytest.fixture(scope="module")
def kitchen_sink(
    fictional_gazetteer: Gazetteer, fictional_vocab: Graph
) -> tuple[Extraction, Graph]:
    return build(fictional_gazetteer, fictional_vocab)


def test_the_graph_conforms(kitchen_sink: tuple[Extraction, Graph]) -> None:
    assert_conforms(kitchen_sink[1])


def test_every_quote_is_the_text_slice(kitchen_sink: tuple[Extraction, Graph]) -> None:
    x, graph = kitchen_sink
    text = x.document.text
    spans = list(graph.subjects(RDF.type, NIF.OffsetBasedString))
    assert spans
    for node in spans:
        begin = graph.value(node, NIF.beginIndex)
        end = graph.value(node, NIF.endIndex)
        assert isinstance(begin, Literal) and isinstance(end, Literal), node
        assert graph.value(node, NIF.anchorOf) == Literal(text[int(begin) : int(end)]), node


def _triples(graph: Graph) -> str:
    lines = sorted(graph.serialize(format="nt").splitlines())
    shown = lines[:SHOWN_TRIPLES]
    more = len(lines) - len(shown)
    return "\n".join(shown + ([f"... and {more} more"] if more > 0 else []))


def test_the_graph_matches_the_golden_file(
    kitchen_sink: tuple[Extraction, Graph], update_golden: bool
) -> None:
    graph = kitchen_sink[1]
    if update_golden:
        GOLDEN_FILE.parent.mkdir(exist_ok=True)
        GOLDEN_FILE.write_text(graph.serialize(format="longturtle"), encoding="utf-8")
    assert GOLDEN_FILE.exists(), f"{GOLDEN_FILE} is missing: run pytest --update-golden"
    golden = Graph().parse(GOLDEN_FILE, format="turtle")
    if not isomorphic(graph, golden):
        _, only_output, only_golden = graph_diff(to_isomorphic(graph), to_isomorphic(golden))
        pytest.fail(
            "the kitchen-sink graph differs from tests/golden/kitchen-sink.ttl "
            "(run pytest --update-golden after checking the change)\n"
            f"only in the output:\n{_triples(only_output)}\n"
            f"only in the golden file:\n{_triples(only_golden)}"
        )


def test_two_builds_serialize_identically(
    fictional_gazetteer: Gazetteer, fictional_vocab: Graph
) -> None:
    first = build(fictional_gazetteer, fictional_vocab)[1].serialize(format="longturtle")
    second = build(fictional_gazetteer, fictional_vocab)[1].serialize(format="longturtle")
    assert first.encode() == second.encode()


Check = Callable[[Extraction], bool]
CONSTRUCTIONS: list[tuple[str, Check]] = [
    ("recommendation", lambda x: any(s.type == "Recommendation" for s in x.statements)),
    ("obligation", lambda x: any(s.type == "Obligation" for s in x.statements)),
    ("prohibition", lambda x: any(s.type == "Prohibition" for s in x.statements)),
    ("right", lambda x: any(s.type == "Right" for s in x.statements)),
    ("should not", lambda x: any(s.trigger == "should not" for s in x.statements)),
    ("customary rule", lambda x: any(s.customary for s in x.statements)),
    ("nested directive", lambda x: any(s.urged_by is not None for s in x.statements)),
    ("concerned actor", lambda x: any(s.concerns for s in x.statements)),
    (
        "heading addressee",
        lambda x: any(
            s.action == "be released" and s.bearers == (FREEDONIA,) for s in x.statements
        ),
    ),
    ("several bearers", lambda x: any(len(s.bearers) >= 3 for s in x.statements)),
    ("legal basis", lambda x: any(s.bases for s in x.statements)),
    ("provision basis", lambda x: any("#article-" in b for s in x.statements for b in s.bases)),
    ("footnote markers", lambda x: len(x.layout.markers) >= 3),
    ("party fact", lambda x: bool(x.parties)),
    ("party fact with a date", lambda x: any(p.date for p in x.parties)),
    ("ratification", lambda x: any(p.act == "Ratification" for p in x.parties)),
    ("membership", lambda x: bool(x.memberships)),
    ("alias", lambda x: bool(x.aliases)),
    ("reference", lambda x: any(m.via == "reference" for m in x.mentions)),
    ("demonym", lambda x: any(m.via == "demonym" for m in x.mentions)),
    ("fallback name", lambda x: any(m.via == "fallback" for m in x.mentions)),
    ("group with members", lambda x: any(e.members for e in x.entities)),
    ("heading blocks", lambda x: any(b.kind == "heading" for b in x.layout.blocks)),
    ("bullet blocks", lambda x: any(b.kind == "bullet" for b in x.layout.blocks)),
    ("footnote blocks", lambda x: any(b.kind == "footnote" for b in x.layout.blocks)),
]


@pytest.mark.parametrize("check", [c for _, c in CONSTRUCTIONS], ids=[n for n, _ in CONSTRUCTIONS])
def test_the_kitchen_sink_uses_the_construction(
    check: Check, kitchen_sink: tuple[Extraction, Graph]
) -> None:
    assert check(kitchen_sink[0])
