"""``dutygraph query``, ``duties`` and ``explain``: the questions, on a graph, store or endpoint."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from dutygraph.by_theme import duties_by_theme
from dutygraph.commands.options import (
    bearer_option,
    graph_option,
    open_source,
    source_options,
    table_options,
    user_errors,
)
from dutygraph.commands.overview import by_theme_table
from dutygraph.commands.render import grouped_table, render
from dutygraph.errors import DutygraphError
from dutygraph.explain import explain, find_statement
from dutygraph.limits import time_limit
from dutygraph.matches import choose, listing, statement_matches
from dutygraph.sparql.files import named_parameters, named_queries
from dutygraph.sparql.params import is_iri_parameter, unbracketed
from dutygraph.sparql.run import run


@click.command("query")
@click.argument("name", required=False)
@table_options
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="Bind ?KEY_iri (or ?KEY) to the node with this label or IRI; a KEY given again adds "
    "a value.",
)
@click.option(
    "--list", "list_queries", is_flag=True, help="List the named queries and their questions."
)
@click.option("--allow-service", is_flag=True, help="Allow SERVICE clauses (network access).")
@source_options
@user_errors
def query_command(
    name: str | None,
    graphs: tuple[Path, ...],
    fmt: str,
    params: tuple[str, ...],
    list_queries: bool,
    allow_service: bool,
    timeout: float,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Run the named query NAME (see --list) or a query file NAME.rq, read-only."""
    if list_queries or name is None:
        click.echo(_query_list(), nl=False)
        return
    source = open_source(graphs, store_dir, endpoint, timeout)
    with time_limit(timeout):
        result = run(source, name, _parse_params(params), allow_service)
    click.echo(render(result, fmt), nl=False)


def _query_list() -> str:
    """Each named query with its question, and the parameters it takes on a line below."""
    listed = sorted(named_queries().items())
    width = max(len(query_name) for query_name, _ in listed)
    lines = []
    for query_name, question in listed:
        lines.append(f"{query_name:{width}s}  {question}")
        takes = named_parameters()[query_name]
        if takes:
            lines.append(f"{'':{width}s}  --param {', '.join(f'{p}=...' for p in takes)}")
    return "\n".join(lines) + "\n"


def _parse_params(params: Sequence[str]) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep or not key.strip():
            raise DutygraphError(f"--param {param!r}: expected KEY=VALUE")
        parsed.setdefault(key.strip(), []).append(value.strip())
    return parsed


@click.command("duties")
@bearer_option
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(["binding", "customary", "nonbinding", "recommendation"]),
    help="Only these kinds (repeatable).",
)
@click.option(
    "--derivation",
    type=click.Choice(["extracted", "inferred"]),
    default=None,
    help="Only duties the text states, or only those the rules derived.",
)
@click.option(
    "--by",
    type=click.Choice(["bearer", "theme"]),
    default="bearer",
    show_default=True,
    help="Group by bearer, or by bearer and theme (a group's duties folded per theme; the "
    "CSV and JSON gain theme and theme_iri columns, a row once per theme).",
)
@table_options
@source_options
@user_errors
def duties_command(
    bearer: str | None,
    kinds: tuple[str, ...],
    derivation: str | None,
    by: str,
    graphs: tuple[Path, ...],
    fmt: str,
    timeout: float,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Every duty and recommendation: bearer (and the group it is owed through), kind, action,
    basis, derivation, and the quoted passage with its offsets. The table groups by bearer."""
    source = open_source(graphs, store_dir, endpoint, timeout)
    params = {"bearer": bearer or None, "kind": kinds, "derivation": derivation}
    with time_limit(timeout):
        result = run(source, "duties", params)
        if by == "theme":
            result = duties_by_theme(source, result)
    table = by_theme_table if by == "theme" else grouped_table
    click.echo(table(result) if fmt == "table" else render(result, fmt), nl=False)


@click.command("explain")
@click.argument("target")
@click.option(
    "--pick",
    type=click.IntRange(min=1),
    default=None,
    help="With TEXT matching several statements: explain the Nth of the numbered list.",
)
@graph_option
@source_options
@user_errors
def explain_command(
    target: str,
    pick: int | None,
    graphs: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """The passage and derivation behind a statement.

    TARGET is a statement IRI (as `duties` prints it, with or without <>), or text: the
    statements whose action contains it. One match is explained; several are listed, numbered,
    with bearer and passage (choose with --pick N). Prints the quote with offsets and context,
    who asserted it, and for an inferred duty the rule and the facts it rests on (the norm's
    passage and the party fact's), each with its own quote.
    """
    source = open_source(graphs, store_dir, endpoint)
    if is_iri_parameter(target):
        statement = unbracketed(target)
    else:
        matches = statement_matches(source.select, target)
        chosen = choose(matches, target, pick)
        if chosen is None:
            click.echo(listing(matches, target))
            return
        statement = chosen.statement
    graph = source.explain_graph(statement)
    click.echo(explain(graph, find_statement(graph, statement)).to_text())
