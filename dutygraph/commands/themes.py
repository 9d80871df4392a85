"""``dutygraph matrix`` and ``dutygraph recurring``: an actor's statements by theme, issuer and
year, and the recommendations made to it again and again, on a graph, store or endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from dutygraph.commands.options import (
    bearer_option,
    open_source,
    source_options,
    table_options,
    user_errors,
)
from dutygraph.commands.overview import matrix_table, recurring_table
from dutygraph.commands.render import render
from dutygraph.limits import time_limit
from dutygraph.recurring import recurring
from dutygraph.sparql.run import run


@click.command("matrix")
@bearer_option
@table_options
@source_options
@user_errors
def matrix_command(
    bearer: str | None,
    fmt: str,
    timeout: float,
    graphs: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """An actor's duties and recommendations as a matrix of theme x issuer x year.

    Each cell counts the statements and documents of one theme, issuer and year and quotes its
    first passage with the statement IRI, for `dutygraph explain`. The statements are the
    actor's own and those of the groups it is part of (all States, a named group).
    """
    source = open_source(graphs, store_dir, endpoint, timeout)
    with time_limit(timeout):
        result = run(source, "matrix", {"bearer": bearer or None})
    click.echo(matrix_table(result) if fmt == "table" else render(result, fmt), nl=False)


@click.command("recurring")
@bearer_option
@click.option(
    "--min-documents",
    type=click.IntRange(min=2),
    default=2,
    show_default=True,
    help="Only recommendations made in at least this many documents.",
)
@table_options
@source_options
@user_errors
def recurring_command(
    bearer: str | None,
    min_documents: int,
    fmt: str,
    timeout: float,
    graphs: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Recommendations made again and again, in several documents.

    The same bearer, theme and near-identical action (content words overlapping by 75% or
    more) in at least --min-documents documents, with the years, the issuers and the first
    passage, and the statement IRI for `dutygraph explain`.
    """
    source = open_source(graphs, store_dir, endpoint, timeout)
    with time_limit(timeout):
        result = recurring(source, bearer or None, min_documents)
    click.echo(recurring_table(result) if fmt == "table" else render(result, fmt), nl=False)
