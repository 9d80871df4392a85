"""The ``dutygraph`` command: each subcommand is a thin wrapper over the library.

Exit codes: 0 success (the graph conforms), 1 SHACL violations, 2 a user error (one line on
stderr, no traceback).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from dutygraph import __version__
from dutygraph.build import Built, build, build_summary
from dutygraph.commands.export import export_command, write_output
from dutygraph.commands.options import (
    allow_remote_context_option,
    graph_option,
    jobs_option,
    open_dataset,
    open_source,
    remote_context_allowed,
    source_options,
    store_option,
    user_errors,
)
from dutygraph.commands.picture import picture_command
from dutygraph.commands.render import grouped_table, render
from dutygraph.commands.store_commands import build_into_store, publish_command
from dutygraph.errors import DutygraphError
from dutygraph.explain import explain, find_statement
from dutygraph.limits import time_limit
from dutygraph.matches import choose, listing, statement_matches
from dutygraph.rdfio import BUILD, format_for_out, read, serialize, write_together, written_by
from dutygraph.sparql.files import named_parameters, named_queries
from dutygraph.sparql.params import is_iri_parameter, unbracketed
from dutygraph.sparql.run import run
from dutygraph.validate import Report, validate

F = TypeVar("F", bound=Callable[..., Any])
TABLE_FORMATS = ("table", "csv", "tsv", "json")


class OneLineErrors(click.Group):
    """Usage errors (unknown option, missing argument, bad choice) as one line, exit 2; Ctrl-C
    as one line, exit 130: never a traceback or a usage block on stderr."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            result = super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as shown:
            click.echo(shown.ctx.get_help())
            sys.exit(0)
        except click.ClickException as error:
            click.echo(f"dutygraph: {_one_line(error.format_message())}", err=True)
            sys.exit(2)
        except (click.exceptions.Abort, KeyboardInterrupt):
            click.echo("dutygraph: interrupted", err=True)
            sys.exit(130)
        except Exception as error:  # a fault of dutygraph's own: one line, unless debugging
            if os.environ.get("DUTYGRAPH_DEBUG"):
                raise
            fault = f"{type(error).__name__}: {_one_line(str(error))}"
            click.echo(
                f"dutygraph: internal error ({fault}); DUTYGRAPH_DEBUG=1 shows where", err=True
            )
            sys.exit(2)
        if isinstance(result, int) and result:
            sys.exit(result)
        return result


def _one_line(message: str) -> str:
    return " ".join(message.split())


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dutygraph")
def main() -> None:
    """Which party owes which duty, under which instrument, how binding, and where the text says so.

    Builds a validated RDF graph of legal instruments, actors, party status and duties from
    human-rights and refugee-law reports, and answers questions over it.
    """


@main.command("build")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--out", type=click.Path(path_type=Path), help="Write the graph here (default: stdout)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(written_by(BUILD)),
    default=None,
    help="Output format (default: from --out's extension, an unknown one is an error; else ttl).",
)
@click.option(
    "--ir",
    "ir_out",
    type=click.Path(path_type=Path),
    help="Also write the intermediate representation as JSON (for debugging).",
)
@click.option(
    "--max-bytes",
    type=int,
    default=50_000_000,
    show_default=True,
    help="Refuse input files larger than this.",
)
@click.option(
    "--infer/--no-infer",
    "infer_rules",
    default=True,
    show_default=True,
    help="Run the rules of queries/rules into the inferred named graph.",
)
@store_option
@jobs_option
@user_errors
def build_command(
    inputs: tuple[Path, ...],
    out: Path | None,
    fmt: str | None,
    ir_out: Path | None,
    max_bytes: int,
    infer_rules: bool,
    store_dir: Path | None,
    jobs: int | None,
) -> None:
    """Extract the graph of INPUTS (text or HTML files; default: the bundled report).

    The graph is validated against shapes/core.ttl before it is written; a violation is a bug
    in dutygraph and exits 1 with the report. One line on stderr then counts the documents and
    statements built (stdout holds only the graph). With --store DIR, INPUTS are files or folders of
    a corpus: each new document is extracted and validated in a worker process and loaded into
    the on-disk store (unchanged documents are skipped, an interrupted build resumes), then the
    rules run over the whole store.
    """
    if store_dir is not None:
        sys.exit(build_into_store(inputs, store_dir, jobs, max_bytes))
    chosen = fmt or format_for_out(out, BUILD)
    built = build(inputs, max_bytes=max_bytes, infer_rules=infer_rules)
    for warning in built.warnings:
        click.echo(f"dutygraph: warning: {warning}", err=True)
    for other in built.not_reports:
        click.echo(f"dutygraph: skipped: {other.to_text()}", err=True)
    report = validate(built.dataset)
    if not report.conforms:
        click.echo(report.to_text(), err=True)
        sys.exit(1)
    graph = serialize(built.dataset, chosen)
    files: list[tuple[Path, str | bytes]] = [] if out is None else [(out, graph)]
    if ir_out is not None:
        files.append((ir_out, _ir_json(built)))
    if out is None:
        write_output(None, graph)
    write_together(files)  # the graph and the IR land together or not at all
    others = f"; {len(built.not_reports)} not read" if built.not_reports else ""
    summary = build_summary(built.dataset, infer_rules)
    click.echo(f"dutygraph: built {summary}; conforms{others}", err=True)


def _ir_json(built: Built) -> str:
    from dataclasses import asdict

    documents = []
    for extraction in built.extractions:
        data = asdict(extraction)
        data["document"]["text"] = f"<{len(extraction.document.text)} code points>"
        data["layout"]["masked"] = "<masked text>"
        data["notes"] = {}
        documents.append(data)
    return json.dumps(documents, indent=1, ensure_ascii=False, default=str) + "\n"


@main.command("validate")
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "ttl", "json"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option(
    "--level",
    type=click.Choice(["core", "recommended", "deep"]),
    default="core",
    show_default=True,
    help="core: violations only; recommended: plus warnings; "
    "deep: plus the check of every quote against the text.",
)
@click.option("--input-format", default=None, help="rdflib format name, if not from the extension.")
@click.option("--strict", is_flag=True, help="Warnings also make the exit status 1.")
@allow_remote_context_option
@source_options
@user_errors
def validate_command(
    graphs: tuple[Path, ...],
    fmt: str,
    level: str,
    input_format: str | None,
    strict: bool,
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Validate GRAPHS (Turtle, N-Triples, N-Quads, TriG, JSON-LD), or every graph of a store
    or an endpoint, against the shipped shapes.

    Exit 0 when the graphs conform, 1 on violations (or warnings with --strict), 2 when a file
    cannot be read or parsed.
    """
    if not graphs and store_dir is None and endpoint is None:
        raise DutygraphError("give the graph files to validate, --store DIR or --endpoint URL")
    if graphs and input_format:
        dataset = read(graphs, input_format, allow_remote_context=remote_context_allowed())
    else:
        dataset = open_dataset(graphs, store_dir, endpoint)
    report = validate(dataset, level=level)
    click.echo(_report_text(report, fmt))
    failed = not report.conforms or (strict and bool(report.warnings))
    sys.exit(1 if failed else 0)


def _report_text(report: Report, fmt: str) -> str:
    if fmt == "ttl":
        return serialize(report.graph, "ttl")
    if fmt == "json":
        rows = [
            {
                "severity": f.severity,
                "focus": str(f.focus),
                "path": str(f.path or ""),
                "constraint": str(f.constraint),
                "shape": str(f.shape),
                "message": f.message,
            }
            for f in report.findings
        ]
        return json.dumps({"conforms": report.conforms, "results": rows}, indent=1)
    return report.to_text()


def _graph_options(command: F) -> F:
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


@main.command("query")
@click.argument("name", required=False)
@_graph_options
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


@main.command("duties")
@click.option(
    "--bearer", default=None, help="Only this actor: a label (a state's usual name) or an IRI."
)
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
@_graph_options
@source_options
@user_errors
def duties_command(
    bearer: str | None,
    kinds: tuple[str, ...],
    derivation: str | None,
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
    text = grouped_table(result) if fmt == "table" else render(result, fmt)
    click.echo(text, nl=False)


@main.command("explain")
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


main.add_command(export_command)
main.add_command(publish_command)
main.add_command(picture_command)


if __name__ == "__main__":
    main()
