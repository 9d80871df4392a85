"""Reading and writing graphs: format by file name, parse errors in one line, atomic writes."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.term import Node

from dutygraph.errors import DutygraphError
from dutygraph.namespace import bind_prefixes

FORMATS = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".ntriples": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
}
OUTPUT_FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
QUAD_FORMATS = frozenset({"nquads", "trig"})


def format_for(path: Path, given: str | None = None) -> str:
    if given:
        return OUTPUT_FORMATS.get(given, given)
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise DutygraphError(
            f"{path}: unknown graph format (use one of {known} or --input-format)"
        ) from None


def load_graphs(paths: Iterable[str | Path], input_format: str | None = None) -> Dataset:
    """All files into one dataset; triples of plain-graph formats go into a graph per file."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for raw in paths:
        path = Path(raw)
        _check_readable(path)
        fmt = format_for(path, input_format)
        try:
            data = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise DutygraphError(f"{path}: not UTF-8 text, so not a graph file") from None
        try:
            if fmt in QUAD_FORMATS:
                dataset.parse(data=data, format=fmt)
            else:
                dataset.graph(path.resolve().as_uri()).parse(data=data, format=fmt)
        except Exception as error:  # rdflib raises many types; all mean "bad file"
            raise DutygraphError(f"{path}: {fmt} parse error{_where(error)}") from None
    return dataset


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise DutygraphError(f"{path}: no such file")
    if path.is_dir():
        raise DutygraphError(f"{path}: is a directory, not a file")
    if not os.access(path, os.R_OK):
        raise DutygraphError(f"{path}: not readable (permission denied)")


def _where(error: Exception) -> str:
    message = " ".join(str(error).split())
    line = re.search(r"line (\d+)", message) or re.search(r"at line:? ?(\d+)", message)
    detail = message[:160]
    return f" at line {line.group(1)}: {detail}" if line else f": {detail}"


def serialize(graph: Graph | Dataset, fmt: str) -> str:
    """Serialize in a stable order: the same graph, the same bytes, whatever the hash seed."""
    rdflib_format = OUTPUT_FORMATS.get(fmt, fmt)
    if isinstance(graph, Dataset) and rdflib_format not in QUAD_FORMATS:
        graph = _sorted_graph(graph.triples((None, None, None)))
    elif isinstance(graph, Dataset) and rdflib_format == "trig":
        return _trig(graph)
    elif isinstance(graph, Dataset):
        graph = _sorted_dataset(graph)
    else:
        graph = _sorted_graph(graph)
    text = graph.serialize(format=rdflib_format)
    text = text if isinstance(text, str) else text.decode("utf-8")
    if rdflib_format in {"nt", "nquads"}:
        text = "".join(sorted(text.splitlines(keepends=True)))
    if rdflib_format == "json-ld":
        text = json.dumps(_canonical_json(json.loads(text)), indent=2, ensure_ascii=False) + "\n"
    return text


def _canonical_json(value: Any) -> Any:
    """JSON-LD arrays are unordered (outside @list): sort them so the output is stable."""
    if isinstance(value, dict):
        return {
            key: (item if key == "@list" else _canonical_json(item))
            for key, item in sorted(value.items())
        }
    if isinstance(value, list):
        items = [_canonical_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def _trig(dataset: Dataset) -> str:
    """TriG: each named graph as sorted Turtle in IRI order, its lines kept as they are (an
    indent would change the text of a multi-line literal)."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    for context in sorted(dataset.graphs(), key=lambda graph: str(graph.identifier)):
        if len(context):
            text = _sorted_graph(context).serialize(format="turtle")
            lines = text.splitlines()
            head = [line for line in lines if line.startswith("@prefix")]
            prefixes.update(head)
            body = "\n".join(lines[len(head) :]).strip()
            blocks.append(f"<{context.identifier}> {{\n{body}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def _sorted_graph(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    for triple in sorted(triples):
        graph.add(triple)
    return graph


def _sorted_dataset(dataset: Dataset) -> Dataset:
    result = Dataset()
    bind_prefixes(result)
    for context in sorted(dataset.graphs(), key=lambda g: str(g.identifier)):
        if not len(context):
            continue
        named = result.graph(context.identifier)
        for triple in sorted(context):
            named.add(triple)
    return result


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it, so no half-written file is left;
    the file gets the usual permissions (``mkstemp`` alone would make it private)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise DutygraphError(f"{path}: folder {folder} does not exist")
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise DutygraphError(f"{path}: cannot write ({error.strerror})") from None


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
