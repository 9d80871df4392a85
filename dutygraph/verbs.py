"""The library's verbs.

    from dutygraph import verbs as dg
    built = dg.build(["report.txt"])                    # files -> validated named graphs
    dg.validate(built.dataset).conforms                 # SHACL, with the shipped shapes
    dg.query(built.dataset, "duties", {"bearer": "Fictland"})
    print(dg.explain(built.dataset, "release all detainees"))
    dg.export(built.dataset, "jsonld")                  # any format of `dutygraph export`
    dg.picture(built.dataset, "svg")                    # html, svg or png

Each is a thin layer over the module that does the job; the CLI's commands call the same ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rdflib import Dataset, Graph

from dutygraph.build import build
from dutygraph.errors import DutygraphError
from dutygraph.explain import explain as explain_node
from dutygraph.explain import find_statement
from dutygraph.export import export
from dutygraph.extract.ir import Extraction
from dutygraph.extract.pipeline import extract as extract_document
from dutygraph.extract.read import InputError, read_bytes, read_path
from dutygraph.matches import choose, statement_matches
from dutygraph.picture import picture_html, picture_png, picture_svg
from dutygraph.rdfio import union
from dutygraph.sparql.params import Params
from dutygraph.sparql.result import Result
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import MemorySource, Source
from dutygraph.validate import Report, validate

Drawing = Callable[[Dataset, str | None, tuple[str, ...]], str | bytes]
PICTURES: dict[str, Drawing] = {"html": picture_html, "svg": picture_svg, "png": picture_png}


def extract(source: str | Path | bytes, name: str = "") -> Extraction:
    """The extraction of one report: a path, or its bytes (with a ``name`` for messages)."""
    try:
        if isinstance(source, bytes):
            return extract_document(read_bytes(source, name))
        return extract_document(read_path(source))
    except InputError as error:
        raise DutygraphError(str(error)) from None


def query(data: Graph | Source, name_or_file: str, params: Params | None = None) -> Result:
    """A named query (``duties``, ``parties``, ...) or a query file, on a graph or a Source."""
    source = MemorySource(union(data)) if isinstance(data, Graph) else data
    return run(source, name_or_file, params)


def explain(data: Graph, target: str) -> str:
    """Why the graph holds the statement ``target`` (its IRI, or words of its action when
    only one statement's action holds them): its passage, who says so, what it rests on."""
    graph = union(data)
    if not target.startswith(("http://", "https://", "<")):
        matches = statement_matches(MemorySource(graph).select, target)
        chosen = choose(matches, target, pick=None)
        if chosen is None:
            raise DutygraphError(f"{len(matches)} statements match {target!r}; give an IRI")
        target = str(chosen.statement)
    return explain_node(graph, find_statement(graph, target)).to_text()


def picture(
    data: Dataset, fmt: str = "html", bearer: str | None = None, kinds: Sequence[str] = ()
) -> str | bytes:
    """Who owes what, drawn: ``html`` (interactive), ``svg`` or ``png``."""
    if fmt not in PICTURES:
        raise DutygraphError(f"unknown picture format {fmt!r} (known: {', '.join(PICTURES)})")
    return PICTURES[fmt](data, bearer, tuple(kinds))


__all__ = ["Report", "build", "explain", "export", "extract", "picture", "query", "validate"]
