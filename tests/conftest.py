"""Shared fixtures: the fictional vocabulary, its gazetteer and the ``--update-golden`` flag."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from dutygraph.extract.emit import emit
from dutygraph.extract.gazetteer import Gazetteer, gazetteer_from_graph
from dutygraph.extract.ir import Extraction
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import read_bytes
from dutygraph.infer import infer
from dutygraph.vocabulary import vocabulary_graph

FICTIONAL_VOCAB = Path(__file__).parent / "fixtures" / "fictional-vocab.ttl"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden graphs in tests/golden/ from the current output",
    )


def extract_text(text: str, gaz: Gazetteer) -> Extraction:
    """Extract ``text`` as if it were read from a file named ``case.txt``."""
    return extract(read_bytes(text.encode(), "case.txt"), gaz)


@pytest.fixture(scope="session", name="extract_text")
def extract_text_fixture() -> Callable[[str, Gazetteer], Extraction]:
    """``extract_text`` itself, for tests that choose their gazetteer."""
    return extract_text


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def fictional_vocab() -> Graph:
    """The shipped vocabulary together with the fictional states, instruments and body."""
    graph = Graph()
    for triple in vocabulary_graph():
        graph.add(triple)
    graph.parse(FICTIONAL_VOCAB, format="turtle")
    return graph


@pytest.fixture(scope="session")
def fictional_gazetteer(fictional_vocab: Graph) -> Gazetteer:
    return gazetteer_from_graph(fictional_vocab)


@pytest.fixture(scope="session")
def extract_fictional(fictional_gazetteer: Gazetteer) -> Callable[[str], Extraction]:
    """``extract_text`` bound to the fictional gazetteer."""

    def run(text: str) -> Extraction:
        return extract_text(text, fictional_gazetteer)

    return run


@pytest.fixture(scope="session")
def build_fictional(
    fictional_gazetteer: Gazetteer, fictional_vocab: Graph
) -> Callable[[str], Dataset]:
    """A text's dataset as ``dutygraph build`` makes it (its named graph plus the inferred
    graph), extracted with the fictional vocabulary."""

    def run(text: str) -> Dataset:
        graph = emit(extract_text(text, fictional_gazetteer), vocab=fictional_vocab)
        dataset = Dataset(default_union=True)
        named = dataset.graph(graph.identifier)
        for triple in graph:
            named.add(triple)
        infer(dataset)
        return dataset

    return run
