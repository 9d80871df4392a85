"""The options the commands share (where a command reads its graph, the corpus store, the
endpoint, worker processes), what they open, and the one-line user errors."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from rdflib import Dataset

from dutygraph.bundled_graph import load_dataset
from dutygraph.errors import DutygraphError
from dutygraph.rdfio import union
from dutygraph.remote import DEFAULT_TIMEOUT
from dutygraph.sparql.sources import EndpointSource, MemorySource, Source, StoreSource

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(command: F) -> F:
    """Turn a user error into one line on stderr and exit status 2."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DutygraphError as error:
            click.echo(f"dutygraph: {error}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def graph_option(command: F) -> F:
    return allow_remote_context_option(
        click.option(
            "--graph",
            "graphs",
            multiple=True,
            type=click.Path(path_type=Path),
            help="Graph file(s) to read: Turtle, TriG, N-Triples, N-Quads, JSON-LD "
            "(default: the bundled report).",
        )(command)
    )


def _remember_remote_context(ctx: click.Context, _: click.Parameter, allowed: bool) -> None:
    ctx.meta["allow_remote_context"] = allowed


def allow_remote_context_option(command: F) -> F:
    """Not a parameter of the command: where graph files are read, it lets a JSON-LD context
    given by reference be fetched (refused otherwise)."""
    return click.option(
        "--allow-remote-context",
        is_flag=True,
        expose_value=False,
        callback=_remember_remote_context,
        help="Fetch a JSON-LD @context given by URL (refused by default: reading a graph "
        "touches no network).",
    )(command)


def remote_context_allowed() -> bool:
    context = click.get_current_context(silent=True)
    return bool(context is not None and context.meta.get("allow_remote_context"))


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


def open_source(
    graphs: Sequence[Path],
    store_dir: Path | None,
    endpoint: str | None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Source:
    """What a reading command reads: the store, an endpoint, or graph files / bundled report."""
    chosen = [name for name, value in (("--graph", graphs), ("--store", store_dir),
                                       ("--endpoint", endpoint)) if value]  # fmt: skip
    if len(chosen) > 1:
        raise DutygraphError(f"give only one of {' and '.join(chosen)}")
    if store_dir is not None:
        return StoreSource.open(store_dir)
    if endpoint is not None:
        return EndpointSource(endpoint, timeout=timeout or DEFAULT_TIMEOUT)
    return MemorySource(union(load_dataset(graphs, remote_context_allowed())))


def open_dataset(
    graphs: Sequence[Path],
    store_dir: Path | None,
    endpoint: str | None,
    timeout: float = DEFAULT_TIMEOUT,
    input_format: str | None = None,
) -> Dataset:
    """The whole graph a command draws, exports or validates: the graph files (default: the
    bundled report) as read (in ``input_format``, else by suffix), or every named graph of the
    store or the endpoint."""
    if store_dir is None and endpoint is None:
        return load_dataset(graphs, remote_context_allowed(), input_format)
    return open_source(graphs, store_dir, endpoint, timeout).dataset()


def reading_options(command: F) -> F:
    """--graph, --store and --endpoint: where a reading command reads from."""
    return graph_option(source_options(command))


TABLE_FORMATS = ("table", "csv", "tsv", "json")


def table_options(command: F) -> F:
    """The graph files, a query timeout and the table formats of a command that shows rows."""
    command = graph_option(command)
    command = click.option(
        "--timeout",
        type=float,
        default=30.0,
        show_default=True,
        help="Stop a query that runs longer than this many seconds (0: no limit).",
    )(command)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(TABLE_FORMATS),
        default="table",
        show_default=True,
        help="Output format.",
    )(command)


def bearer_option(command: F) -> F:
    return click.option(
        "--bearer", default=None, help="Only this actor: a label (a state's usual name) or an IRI."
    )(command)
