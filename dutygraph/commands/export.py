"""``dutygraph export``: the graph in an RDF format, as Web Annotations, GraphML or GEXF."""

from __future__ import annotations

from pathlib import Path

import click

from dutygraph.commands.options import open_dataset, reading_options, user_errors
from dutygraph.export import FORMATS, export
from dutygraph.rdfio import EXPORT, format_for_out, write_atomically


def write_output(out: Path | None, content: str | bytes) -> None:
    """To ``out`` atomically, or to stdout; text or bytes (``click.echo`` writes bytes to the
    binary stream underneath, so GraphML's bytes reach stdout unchanged)."""
    if out is not None:
        write_atomically(out, content)
    else:
        click.echo(content, nl=False)


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="ttl, jsonld (compact, with the shipped context), nt, nq and trig (named graphs "
    "kept), xml (RDF/XML), graphml and gexf (the duty network), wa (W3C Web Annotations). "
    "Default: from --out's extension (an unknown one is an error), else ttl.",
)
@click.option("--out", type=click.Path(path_type=Path), help="Write here (default: stdout).")
@reading_options
@user_errors
def export_command(
    fmt: str | None,
    out: Path | None,
    graphs: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Export the graph (default: the bundled report) for linked-data and network tools.

    Every RDF format parses back to the same graph; GraphML and GEXF open in Gephi and
    Cytoscape with the nodes' kind, force, derivation, label and quote as columns.
    """
    chosen = fmt or format_for_out(out, EXPORT)
    write_output(out, export(open_dataset(graphs, store_dir, endpoint), chosen))
