"""``dutygraph build``: reports in, validated named graphs out (a file, stdout or a store)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dutygraph.build import Built, build, build_summary
from dutygraph.commands.export import write_output
from dutygraph.commands.options import (
    jobs_option,
    store_option,
    user_errors,
)
from dutygraph.commands.store_commands import build_into_store
from dutygraph.rdfio import BUILD, format_for_out, serialize, write_together, written_by
from dutygraph.validate import validate


@click.command("build")
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
    """Extract the graph of INPUTS (text, HTML, PDF or DOCX files, or folders of them; default:
    the bundled report).

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
