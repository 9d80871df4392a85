"""RDF in and out: the one table of formats, reading graph files, canonical writing, the union.

Every format a command reads or writes is a row of ``FORMATS``; the suffix of a file, the
``--format`` choices of ``build`` and ``export`` and rdflib's names all come from it. Writing is
canonical: the same graph gives the same bytes whatever the hash seed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import ConjunctiveGraph, Dataset, Graph
from rdflib.term import Node

from dutygraph import resources
from dutygraph.errors import DutygraphError
from dutygraph.namespace import bind_prefixes
from dutygraph.read_guards import rdflib_quiet, refuse_unwritable_iris, refuse_what_reaches_out

BUILD = "build"
EXPORT = "export"


@dataclass(frozen=True)
class Format:
    """One format. ``suffixes`` name a file written in it (the first is the usual one) and are
    read; ``also_read`` are only read. ``rdflib`` is None for a format that is not RDF."""

    name: str
    suffixes: tuple[str, ...]
    rdflib: str | None
    quads: bool = False
    readable: bool = False
    writers: frozenset[str] = frozenset()
    also_read: tuple[str, ...] = ()

    @property
    def parses_as_dataset(self) -> bool:
        """rdflib parses N-Quads and TriG into the dataset itself, their unnamed triples into its
        default graph; any other file goes into a graph named after it (a JSON-LD file's named
        graphs still go into theirs)."""
        return self.rdflib in {"nquads", "trig"}


_BOTH = frozenset({BUILD, EXPORT})
FORMATS = (
    Format("ttl", (".ttl",), "turtle", readable=True, writers=_BOTH, also_read=(".turtle",)),
    Format("jsonld", (".jsonld",), "json-ld", True, True, _BOTH, also_read=(".json",)),
    Format("nt", (".nt",), "nt", readable=True, writers=_BOTH, also_read=(".ntriples",)),
    Format("nq", (".nq",), "nquads", True, True, _BOTH),
    Format("trig", (".trig",), "trig", True, True, _BOTH),
    Format("xml", (".rdf", ".xml"), "xml", readable=True, writers=frozenset({EXPORT})),
    Format("graphml", (".graphml",), None, writers=frozenset({EXPORT})),
    Format("gexf", (".gexf",), None, writers=frozenset({EXPORT})),
    # W3C Web Annotations: JSON that no suffix tells from JSON-LD, so only --format names it.
    Format("wa", (), None, writers=frozenset({EXPORT})),
)


def written_by(command: str) -> tuple[str, ...]:
    """The names of the formats ``command`` writes, in table order (its ``--format`` choices)."""
    return tuple(row.name for row in FORMATS if command in row.writers)


def lookup(name: str) -> Format | None:
    """The row called ``name``, or whose rdflib name it is (``ttl`` and ``turtle`` alike)."""
    for row in FORMATS:
        if name in (row.name, row.rdflib):
            return row
    return None


def format_for_out(out: Path | None, command: str, default: str = "ttl") -> str:
    """The format ``out``'s suffix names (``default`` for stdout); a suffix ``command`` does not
    write is a user error, not a silent default, so no file holds a format its name belies."""
    if out is None:
        return default
    rows = [row for row in FORMATS if command in row.writers]
    suffix = out.suffix.lower()
    for row in rows:
        if suffix in row.suffixes:
            return row.name
    known = ", ".join(s for row in rows for s in row.suffixes)
    raise DutygraphError(
        f"{out}: unknown suffix {out.suffix or '(none)'!r}; use one of {known} or give --format"
    )


def _read_format(path: Path, given: str | None) -> Format:
    if given:
        # Any other rdflib parser name is passed on: rdflib may know it (n3, trix).
        return lookup(given) or Format(given, (), given, readable=True)
    suffix = path.suffix.lower()
    readable = [row for row in FORMATS if row.readable]
    for row in readable:
        if suffix in row.suffixes + row.also_read:
            return row
    known = ", ".join(sorted(s for row in readable for s in row.suffixes + row.also_read))
    raise DutygraphError(f"{path}: unknown graph format (use one of {known} or --input-format)")


def read(
    paths: Iterable[str | Path],
    input_format: str | None = None,
    allow_remote_context: bool = False,
) -> Dataset:
    """All files into one dataset; triples of plain-graph formats go into a graph per file.

    Reading touches no file but those named and no network: a JSON-LD ``@context`` or
    ``@import`` given by reference is refused unless ``allow_remote_context``, and an RDF/XML
    file that declares entities is refused (an entity can expand without bound or read a file).
    """
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    for raw in paths:
        path = Path(raw)
        _check_readable(path)
        fmt = _read_format(path, input_format)
        parser = fmt.rdflib or fmt.name
        try:
            data = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise DutygraphError(f"{path}: not UTF-8 text, so not a graph file") from None
        refuse_what_reaches_out(path, parser, data, allow_remote_context)
        target = dataset if fmt.parses_as_dataset else dataset.graph(path.resolve().as_uri())
        try:
            with rdflib_quiet():
                target.parse(data=data, format=parser)
        except Exception as error:  # rdflib raises many types; all mean "bad file"
            raise DutygraphError(f"{path}: {parser} parse error{_where(error)}") from None
    refuse_unwritable_iris(dataset)
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


def union(data: Graph) -> Graph:
    """All triples of all graphs of a dataset in one new graph, whether or not its default graph
    is the union (a plain graph is copied)."""
    graph = Graph()
    bind_prefixes(graph)
    if isinstance(data, ConjunctiveGraph):
        for subject, predicate, obj, _context in data.quads((None, None, None, None)):
            graph.add((subject, predicate, obj))
    else:
        for triple in data:
            graph.add(triple)
    return graph


def serialize(graph: Graph, fmt: str) -> str:
    """``graph`` in the RDF format ``fmt`` (a table name or rdflib's), in a stable order: the
    same graph, the same bytes. A triple format holds a dataset's union; N-Quads, TriG and
    JSON-LD keep each named graph."""
    row = lookup(fmt)
    if row is None or row.rdflib is None:
        rdf = ", ".join(r.name for r in FORMATS if r.rdflib)
        raise DutygraphError(f"unknown RDF format {fmt!r} (known: {rdf})")
    if row.rdflib == "json-ld":
        return _jsonld(graph)
    if isinstance(graph, ConjunctiveGraph) and not row.quads:
        graph = _sorted_graph(union(graph))
    elif isinstance(graph, ConjunctiveGraph) and row.rdflib == "trig":
        return _trig(graph)
    elif isinstance(graph, ConjunctiveGraph):
        graph = _sorted_dataset(graph)
    else:
        graph = _sorted_graph(graph)
    text = graph.serialize(format=row.rdflib)
    if row.rdflib in {"nt", "nquads"}:
        text = "".join(sorted(text.splitlines(keepends=True)))
    if row.rdflib == "xml":
        text = _sorted_descriptions(text)
    return text


# rdflib writes RDF/XML subjects in the order of a set (the hash seed's order): sort them
_DESCRIPTION = re.compile(
    r"^  <rdf:Description\b[^\n]*/>\n|^  <rdf:Description\b.*?\n  </rdf:Description>\n",
    re.MULTILINE | re.DOTALL,
)


def _sorted_descriptions(text: str) -> str:
    found = list(_DESCRIPTION.finditer(text))
    if not found:
        return text
    start, end = found[0].start(), found[-1].end()
    blocks = [match.group() for match in found]
    if "".join(blocks) != text[start:end]:
        return text  # not the flat layout this expects: leave it as written
    return text[:start] + "".join(sorted(blocks)) + text[end:]


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The shipped context (``ontology/context.jsonld``): the terms, without the wrapper."""
    source = resources.jsonld_context_file()
    context: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))["@context"]
    return context


def _jsonld(graph: Graph) -> str:
    """Compact JSON-LD: the shipped context inline (no network to expand it), one named graph
    per document, arrays in a stable order."""
    context = jsonld_context()
    ordered = (
        _sorted_dataset(graph) if isinstance(graph, ConjunctiveGraph) else _sorted_graph(graph)
    )
    document = json.loads(ordered.serialize(format="json-ld", context=context))
    document.pop("@context", None)
    compact = {"@context": context, **_canonical_json(document)}
    return json.dumps(compact, indent=2, ensure_ascii=False) + "\n"


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


def _trig(dataset: ConjunctiveGraph) -> str:
    """TriG: each named graph as sorted Turtle in IRI order, its lines kept as they are (an
    indent would change the text of a multi-line literal)."""
    prefixes: set[str] = set()
    blocks: list[str] = []
    for context in _named_graphs(dataset):
        text = _sorted_graph(context).serialize(format="turtle")
        lines = text.splitlines()
        head = [line for line in lines if line.startswith("@prefix")]
        prefixes.update(head)
        body = "\n".join(lines[len(head) :]).strip()
        blocks.append(f"<{context.identifier}> {{\n{body}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def _named_graphs(dataset: ConjunctiveGraph) -> list[Graph]:
    """The graphs that hold a triple, in IRI order."""
    contexts = sorted(dataset.contexts(), key=lambda graph: str(graph.identifier))
    return [context for context in contexts if len(context)]


def _sorted_graph(triples: Iterable[tuple[Node, Node, Node]]) -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    for triple in sorted(triples):
        graph.add(triple)
    return graph


def _sorted_dataset(dataset: ConjunctiveGraph) -> Dataset:
    result = Dataset()
    bind_prefixes(result)
    for context in _named_graphs(dataset):
        named = result.graph(context.identifier)
        for triple in sorted(context):
            named.add(triple)
    return result


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside ``path`` and rename it, so no half-written file is left;
    the file gets the usual permissions (``mkstemp`` alone would make it private)."""
    write_together([(path, content)])


def write_together(outputs: Sequence[tuple[Path, str | bytes]]) -> None:
    """Several outputs of one command, all or none: each is written to a temporary file first,
    and only when all are written are they renamed into place. A symbolic link is written
    through (its target is replaced); a device, a pipe or a folder is refused."""
    staged: list[tuple[str, Path]] = []
    current = outputs[0][0] if outputs else Path(".")
    try:
        for current, content in outputs:
            target = _writable_target(current)
            staged.append((_staged(target, content), target))
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as error:
        raise DutygraphError(f"{current}: cannot write ({error.strerror})") from None
    finally:
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)  # gone already when renamed into place


def _writable_target(path: Path) -> Path:
    target = path.resolve() if path.is_symlink() else path
    if target.exists() and not target.is_file():
        raise DutygraphError(f"{path}: not a regular file, so not written")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise DutygraphError(f"{path}: folder {folder} does not exist")
    return target


def _staged(target: Path, content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
