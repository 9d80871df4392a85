"""export, picture and validate read a store and an endpoint as they read graph files: the same
graph, so the same export, the same picture and the same verdict."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from store_helpers import Corpus

from dutygraph.cli import main
from dutygraph.rdfio import union
from dutygraph.remote import publish


def invoke(args: list[str]) -> str:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def endpoint(oxigraph_server: str, corpus: Corpus) -> Iterator[str]:
    dataset = Dataset()
    for iri in corpus.store().graph_names():
        dataset.graph(iri).parse(data=corpus.store().graph_text(iri), format="nt")
    publish(dataset, f"{oxigraph_server}/store")
    yield f"{oxigraph_server}/query"


def store_graph(corpus: Corpus) -> Graph:
    exported = invoke(["export", "--store", str(corpus.store_dir), "--format", "nq"])
    return union(Dataset().parse(data=exported, format="nquads"))


def test_export_from_a_store_holds_every_document_and_the_inferred_graph(corpus: Corpus) -> None:
    exported = Dataset().parse(
        data=invoke(["export", "--store", str(corpus.store_dir), "--format", "nq"]),
        format="nquads",
    )
    names = {str(g.identifier) for g in exported.graphs() if len(g)}
    assert names == set(corpus.store().graph_names())
    assert isomorphic(union(exported), store_graph(corpus))


def test_export_from_an_endpoint_equals_the_export_from_the_store(
    corpus: Corpus, endpoint: str
) -> None:
    exported = invoke(["export", "--endpoint", endpoint, "--format", "nq"])
    assert isomorphic(union(Dataset().parse(data=exported, format="nquads")), store_graph(corpus))


def test_validate_a_store_and_an_endpoint(corpus: Corpus, endpoint: str) -> None:
    for source in (["--store", str(corpus.store_dir)], ["--endpoint", endpoint]):
        assert "conforms" in invoke(["validate", *source]).lower()


def test_validate_with_nothing_to_read_says_what_to_give() -> None:
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "dutygraph: give the graph files to validate, --store DIR or --endpoint URL"
    )


def test_the_picture_of_a_store_is_the_picture_of_its_graph(corpus: Corpus, tmp_path: Path) -> None:
    graph_file = tmp_path / "store.nq"
    graph_file.write_text(
        invoke(["export", "--store", str(corpus.store_dir), "--format", "nq"]), encoding="utf-8"
    )
    from_store = invoke(["picture", "--store", str(corpus.store_dir)])
    from_file = invoke(["picture", "--graph", str(graph_file)])
    assert from_store == from_file
    assert "<svg" in from_store or "<html" in from_store.lower()


def test_one_source_at_a_time(corpus: Corpus, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "--store", str(corpus.store_dir), "--graph", str(tmp_path / "g.ttl")]
    )
    assert result.exit_code == 2
    assert "give only one of --graph and --store" in result.stderr
