"""Corpus commands: ``dutygraph publish``, and the corpus build of ``build --store``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click

from dutygraph.bundled_graph import load_dataset
from dutygraph.commands.options import (
    graph_option,
    remote_context_allowed,
    store_option,
    user_errors,
)
from dutygraph.corpus import Summary, build_corpus
from dutygraph.errors import DutygraphError, masked
from dutygraph.remote import DEFAULT_TIMEOUT, publish
from dutygraph.store import Store

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
    try:
        summary = build_corpus(
            inputs, store_dir, jobs=jobs or os.cpu_count() or 1, progress=True, max_bytes=max_bytes
        )
    except OSError as error:  # the store's own writes: a full disk, a folder not writable
        reason = " ".join(str(error).split())
        raise DutygraphError(f"{store_dir}: cannot write the store ({reason})") from None
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
    source = (
        Store(store_dir, read_only=True)
        if store_dir is not None
        else load_dataset(graphs, remote_context_allowed())
    )
    published = publish(source, endpoint, graph_iri=graph_iri, timeout=timeout)
    click.echo(
        f"dutygraph: published {published.graphs} graph(s), {published.statements:,} "
        f"statements to {masked(endpoint)}",
        err=True,
    )
