"""``dutygraph validate``: graph files, a store or an endpoint against the shipped shapes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dutygraph.commands.options import (
    allow_remote_context_option,
    open_dataset,
    source_options,
    user_errors,
)
from dutygraph.errors import DutygraphError
from dutygraph.rdfio import serialize
from dutygraph.validate import Report, validate


@click.command("validate")
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
    dataset = open_dataset(graphs, store_dir, endpoint, input_format=input_format)
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
