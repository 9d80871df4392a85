"""``dutygraph picture``: who owes what, as a self-contained HTML page, an SVG or a PNG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click
from rdflib import Dataset

from dutygraph.commands.export import write_output
from dutygraph.commands.options import open_dataset, reading_options, user_errors
from dutygraph.errors import DutygraphError
from dutygraph.picture import KINDS, VIEWS, picture_html, picture_png, picture_svg

Drawing = Callable[[Dataset, str | None, tuple[str, ...], str], str | bytes]
DRAWINGS: dict[str, Drawing] = {
    ".html": picture_html,
    ".htm": picture_html,
    ".svg": picture_svg,
    ".png": picture_png,
}


@click.command("picture")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    help="FILE.html (interactive, works offline), FILE.svg or FILE.png (static, for papers; "
    "PNG needs the 'picture' extra). Default: HTML on stdout.",
)
@click.option("--bearer", default=None, help="Only this actor: a label or an IRI.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS),
    help="Only these kinds of duty (repeatable).",
)
@click.option(
    "--view",
    type=click.Choice(VIEWS),
    default="duties",
    show_default=True,
    help="duties: bearers, duties and their bases; theme: each bearer's duties by theme, "
    "a cell per theme sized by its passages (in HTML a click lists them).",
)
@reading_options
@user_errors
def picture_command(
    out: Path | None,
    bearer: str | None,
    kinds: tuple[str, ...],
    view: str,
    graphs: tuple[Path, ...],
    store_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Draw bearers, their duties and the provisions and instruments behind them.

    Colour shows the kind of duty, a dashed line what a rule derived. The HTML page filters by
    bearer and kind, searches, and shows a duty's action, basis and quoted passage on a click.
    With --view theme it draws each bearer's duties by theme instead.
    """
    suffix = out.suffix.lower() if out is not None else ".html"
    if suffix not in DRAWINGS:
        raise DutygraphError(f"{out}: use a name ending in .html, .svg or .png")
    dataset = open_dataset(graphs, store_dir, endpoint)
    write_output(out, DRAWINGS[suffix](dataset, bearer, kinds, view))
