"""Corpus commands: ``dutygraph publish``, and the ``--store``/``--endpoint`` options and the
corpus build that ``build``, ``query``, ``duties`` and ``explain`` share."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click
from rdflib import Graph

from dutygraph.backends import EndpointSource, Source, StoreSource, run_on_source
from dutygraph.build import union_graph
from dutygraph.corpus import Summary, build_corpus
from dutygraph.errors import DutygraphError, user_errors
from dutygraph.query import Result, run
from dutygraph.remote import DEFAULT_TIMEOUT, publish
from dutygraph.sources import graph_option, load_dataset
from dutygraph.store import Store

F = TypeVar("F", bound=Callable[..., Any])


# --- options shared with the reading commands ------------------------------------------------


def store_option(command: F) -> F:
    return click.option(
        "--store",
        "store_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Read the on-disk store built by `build --store DIR` (queries run in Oxigraph).",
    )(command)


def endpoint_option(command: F) -> F:
    return click.option(
        "--endpoint",
        default=None,
        metavar="URL",
        help="Query a SPARQL 1.1 endpoint whose default graph is the union of the published "
        "graphs (Oxigraph: http://HOST:7878/query).",
    )(command)


def source_options(command: F) -> F:
    return endpoint_option(store_option(command))


def jobs_option(command: F) -> F:
    return click.option(
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes for `--store` builds (default: the number of cores).",
    )(command)


def open_source_for(
    graphs: Sequence[Path],
    store_dir: Path | None,
    endpoint: str | None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Graph | Source:
    """What a reading command reads: the store, an endpoint, or graph files / bundled report."""
    chosen = [name for name, value in (("--graph", graphs), ("--store", store_dir),
                                       ("--endpoint", endpoint)) if value]  # fmt: skip
    if len(chosen) > 1:
        raise DutygraphError(f"give only one of {' and '.join(chosen)}")
    if store_dir is not None:
        return StoreSource.open(store_dir)
    if endpoint is not None:
        return EndpointSource(endpoint, timeout=timeout or DEFAULT_TIMEOUT)
    return union_graph(load_dataset(graphs))


def run_anywhere(
    source: Graph | Source,
    name: str,
    params: dict[str, str],
    allow_service: bool = False,
) -> Result:
    """A named query or query file on an in-memory graph, the store or an endpoint."""
    if isinstance(source, Graph):
        return run(source, name, params, allow_service=allow_service)
    return run_on_source(source, name, params, allow_service=allow_service)


def explain_graph_for(source: Graph | Source, statement: str) -> Graph:
    """The graph ``explain`` works on: all of an in-memory graph, or the statement's part."""
    return source if isinstance(source, Graph) else source.explain_graph(statement)


# --- build --store ---------------------------------------------------------------------------


def build_into_store(
    inputs: Sequence[Path], store_dir: Path, jobs: int | None, max_bytes: int | None
) -> int:
    """``build INPUTS --store DIR``: the corpus build; returns the exit status.

    1 when a document has SHACL violations (a bug in dutygraph), 2 when a document could not
    be read (it is skipped; the others are loaded), else 0.
    """
    if not inputs:
        raise DutygraphError("--store needs input files or folders")
    summary = build_corpus(
        inputs, store_dir, jobs=jobs or os.cpu_count() or 1, progress=True, max_bytes=max_bytes
    )
    _report(summary)
    if summary.violations:
        return 1
    return 2 if summary.failed else 0


def _report(summary: Summary) -> None:
    for warning in summary.warnings:
        click.echo(f"dutygraph: warning: {warning}", err=True)
    for failure in summary.failures:
        click.echo(f"dutygraph: skipped: {failure.message}", err=True)
    for other in summary.not_reports:
        click.echo(f"dutygraph: skipped: {other.to_text()}", err=True)
    click.echo(f"dutygraph: {summary.to_text()}", err=True)


# --- publish ---------------------------------------------------------------------------------


@click.command("publish")
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store HTTP Protocol endpoint (Oxigraph: http://HOST:7878/store; "
    "Fuseki: http://HOST:3030/DATASET/data).",
)
@click.option(
    "--graph-iri",
    default=None,
    metavar="IRI",
    help="Send everything into this one graph (default: one graph per document).",
)
@graph_option
@store_option
@click.option(
    "--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Per request, s."
)
@user_errors
def publish_command(
    endpoint: str,
    graph_iri: str | None,
    graphs: tuple[Path, ...],
    store_dir: Path | None,
    timeout: float,
) -> None:
    """Send each named graph (documents, inferred) to a SPARQL 1.1 triplestore with PUT.

    Reads graph files, the store (--store), or the bundled report.
    """
    if graphs and store_dir is not None:
        raise DutygraphError("give only one of --graph and --store")
    source = Store(store_dir, read_only=True) if store_dir is not None else load_dataset(graphs)
    published = publish(source, endpoint, graph_iri=graph_iri, timeout=timeout)
    click.echo(
        f"dutygraph: published {published.graphs} graph(s), {published.statements:,} "
        f"statements to {endpoint}",
        err=True,
    )
