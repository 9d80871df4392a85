"""The on-disk corpus store: an Oxigraph database with one named graph per document.

Layout of a store folder: ``oxigraph/`` holds the database, ``manifest.jsonl`` one line per
loaded document (SHA-256, graph IRI, file name). A manifest line is appended only after the
document's graph is in the database, so an interrupted build keeps every finished document and
the next build skips exactly those. A torn last line is ignored, and so is a line whose graph the
database does not hold.

Queries and rules read the union of all graphs, as the in-memory dataset does. Oxigraph's own
union default graph repeats a triple once per graph that holds it (state labels are in every
document), which would repeat result rows; so every triple is also stored in the default graph,
a set, and queries read that. A corpus build loads its documents in batches, each one
``bulk_load`` of N-Quads that name both graphs (a transactional ``load`` costs twice the CPU,
and its write buffers must be flushed). Each rule's ``INSERT { GRAPH <inferred> {...} }
WHERE {...}`` runs as the CONSTRUCT of its template, streamed to a temporary N-Triples file and
bulk-loaded into the inferred graph and the default graph: a corpus's rules derive about a
million triples, which one UPDATE transaction would hold in memory at once (4.5 GB at 1,000
reports).
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from dutygraph import resources
from dutygraph.errors import DutygraphError
from dutygraph.infer import MAX_ROUNDS
from dutygraph.namespace import INFERRED
from dutygraph.sparql.engine import select
from dutygraph.sparql.params import Bindings, with_values
from dutygraph.sparql.result import Result

DATABASE = "oxigraph"
MANIFEST = "manifest.jsonl"
# Inferred triples leave the default graph before the rules run again, unless a document
# graph states them too.
_FORGET_INFERRED = f"""
DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH <{INFERRED}> {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{INFERRED}>) }}
}}"""


@dataclass(frozen=True)
class ManifestEntry:
    sha256: str
    graph: str
    name: str


@dataclass(frozen=True)
class StoreRule:
    """A rule as the CONSTRUCT of the triples it inserts into the inferred graph."""

    name: str
    construct: str


class Store:
    """A dutygraph store folder, opened read-write (or read-only for queries)."""

    def __init__(self, directory: Path, read_only: bool = False) -> None:
        self.directory = Path(directory)
        self._database = self.directory / DATABASE
        if read_only and not self._database.is_dir():
            raise DutygraphError(f"{directory}: not a dutygraph store (no {DATABASE}/ inside)")
        if not read_only:
            self.directory.mkdir(parents=True, exist_ok=True)
        self._store = _open(self._database, read_only)

    # --- documents ------------------------------------------------------------------------

    def documents(self) -> dict[str, str]:
        """SHA-256 of each loaded document -> its graph IRI (only graphs the store holds)."""
        return {
            entry.sha256: entry.graph
            for entry in self.manifest()
            if self._store.contains_named_graph(ox.NamedNode(entry.graph))
        }

    def manifest(self) -> list[ManifestEntry]:
        return read_manifest(self.directory / MANIFEST)

    def load_document(self, graph_iri: str, ntriples: str) -> None:
        """Replace the named graph ``graph_iri`` by the N-Triples ``ntriples``, and add them to
        the default graph, in one transaction. (A document's graph is fixed by its SHA-256,
        so a replaced graph held the same triples and none must leave the default graph.)"""
        graph = ox.NamedNode(graph_iri)
        self._store.remove_graph(graph)
        try:
            self._store.load(input=_with_graph(ntriples, graph_iri), format=ox.RdfFormat.N_QUADS)
        except SyntaxError as error:
            raise DutygraphError(f"{graph_iri}: cannot load ({error})") from None

    def load_documents(self, documents: Sequence[tuple[str, bytes]]) -> None:
        """Replace each named graph by its N-Quads (from ``document_nquads``), all in one bulk
        load. Not one transaction: an interruption can leave part of the batch loaded, which
        the manifest does not list, so the next build loads those documents again."""
        for graph_iri, _ in documents:
            graph = ox.NamedNode(graph_iri)
            if self._store.contains_named_graph(graph):
                self._store.remove_graph(graph)
        try:
            self._store.bulk_load(
                b"".join(data for _, data in documents), format=ox.RdfFormat.N_QUADS
            )
        except SyntaxError as error:
            raise DutygraphError(f"{_unparsable(documents)}: cannot load ({error})") from None

    def record(self, sha256: str, graph_iri: str, name: str) -> None:
        """Append the manifest line of a document whose graph is already committed."""
        line = json.dumps({"sha256": sha256, "graph": graph_iri, "name": name}) + "\n"
        with open(self.directory / MANIFEST, "a", encoding="utf-8") as out:
            out.write(line)

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def statements(self) -> int:
        """Triples in the union of all graphs (each counted once)."""
        return int(self._solutions("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0][0])

    def graph_size(self, graph_iri: str) -> int:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}"
        return int(self._solutions(query)[0][0])

    def dump_graph(self, graph_iri: str, output: IO[bytes]) -> None:
        """Write one named graph as N-Triples."""
        self._store.dump(output, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph_iri))

    def graph_text(self, graph_iri: str) -> str:
        """One named graph as N-Triples text."""
        buffer = io.BytesIO()
        self.dump_graph(graph_iri, buffer)
        return buffer.getvalue().decode("utf-8")

    def construct(self, query_text: str, bindings: Bindings | None = None) -> str:
        """A CONSTRUCT over the union of all graphs, as N-Triples text."""
        triples = self._store.query(with_values(query_text, bindings or {}))
        if not isinstance(triples, ox.QueryTriples):
            raise DutygraphError("expected a CONSTRUCT query")
        data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        return (data or b"").decode("utf-8")

    def size_on_disk(self) -> int:
        return sum(p.stat().st_size for p in self.directory.rglob("*") if p.is_file())

    def flush(self) -> None:
        self._store.flush()

    def optimize(self) -> None:
        self._store.optimize()

    # --- rules ----------------------------------------------------------------------------

    def run_rules(self, rules: Sequence[StoreRule] | None = None) -> int:
        """Recompute the inferred graph: every rule (default: the shipped ones) until none adds
        a triple; returns its size."""
        self._store.update(_FORGET_INFERRED)
        self._store.remove_graph(ox.NamedNode(str(INFERRED)))
        for _ in range(MAX_ROUNDS):
            before = self.graph_size(str(INFERRED))
            for rule in store_rules() if rules is None else rules:
                self._apply(rule)
            if self.graph_size(str(INFERRED)) == before:
                break
        return self.graph_size(str(INFERRED))

    def _apply(self, rule: StoreRule) -> None:
        """Add the rule's triples to the inferred graph and the default graph."""
        with tempfile.TemporaryDirectory(prefix="dutygraph-rule-") as folder:
            path = Path(folder) / "derived.nt"
            triples = self._store.query(rule.construct)
            if not isinstance(triples, ox.QueryTriples):
                raise DutygraphError(f"rule {rule.name}: not a CONSTRUCT")
            ox.serialize(triples, output=str(path), format=ox.RdfFormat.N_TRIPLES)
            if path.stat().st_size == 0:
                return
            for graph in (ox.NamedNode(str(INFERRED)), ox.DefaultGraph()):
                self._store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)

    # --- queries --------------------------------------------------------------------------

    def select(self, query_text: str, bindings: Bindings | None = None) -> Result:
        """Run a SELECT over the union of all graphs; cells as rdflib's ``str`` gives them."""
        return select(self._store, query_text, bindings)

    def _solutions(self, query: str) -> list[tuple[str, ...]]:
        return list(self.select(query).rows)

    def quads(self) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None, None)


def _open(database: Path, read_only: bool) -> ox.Store:
    try:
        return ox.Store.read_only(str(database)) if read_only else ox.Store(str(database))
    except OSError as error:
        raise DutygraphError(f"{database.parent}: cannot open the store ({error})") from None


def read_manifest(path: Path) -> list[ManifestEntry]:
    """The manifest's complete lines; a torn last line (an interrupted write) is ignored."""
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            data = json.loads(line)
            entries.append(ManifestEntry(data["sha256"], data["graph"], data.get("name", "")))
        except (ValueError, KeyError, TypeError):
            continue
    return entries


@lru_cache(maxsize=1)
def store_rules() -> tuple[StoreRule, ...]:
    return rules_from(resources.rule_files())


def rules_from(sources: Iterable[Traversable | Path]) -> tuple[StoreRule, ...]:
    """Rule files (``*.ru``) rewritten for the store, in the order given."""
    rules = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        rules.append(StoreRule(source.name.removesuffix(".ru"), rule_as_construct(text)))
    return tuple(rules)


def rule_as_construct(text: str) -> str:
    """``PROLOGUE INSERT { GRAPH <inferred> { T } } WHERE { P }`` -> ``PROLOGUE CONSTRUCT { T }
    WHERE { P }``: the triples the rule would insert."""
    insert = re.search(r"\bINSERT\s*\{", text)
    if insert is None:
        raise DutygraphError("a rule must be INSERT { GRAPH <inferred> { ... } } WHERE { ... }")
    outer_end = _matching_brace(text, insert.end() - 1)
    inner = re.match(r"\s*GRAPH\s*<([^>]+)>\s*\{", text[insert.end() : outer_end])
    if inner is None or inner.group(1) != str(INFERRED):
        raise DutygraphError(f"a rule must insert into the graph <{INFERRED}>")
    template_start = insert.end() + inner.end()
    template_end = _matching_brace(text, template_start - 1)
    template = text[template_start:template_end].strip()
    return f"{text[: insert.start()]}CONSTRUCT {{ {template} }}{text[outer_end + 1 :]}"


def _matching_brace(text: str, opening: int) -> int:
    depth = 0
    for index in range(opening, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    raise DutygraphError("unbalanced braces in a rule")


def document_nquads(graph_iri: str, ntriples: bytes) -> bytes:
    """N-Quads: each triple of the N-Triples ``ntriples`` in the default graph and in the named
    graph ``graph_iri``. The N-Triples rdflib writes (one `` .``-terminated line per triple; a
    newline in a literal is escaped) take one bytes replace; other text goes line by line."""
    if ntriples.endswith(b" .\n") and ntriples.count(b" .\n") == ntriples.count(b"\n"):
        return ntriples + ntriples.replace(b" .\n", f" <{graph_iri}> .\n".encode())
    return _with_graph(ntriples.decode("utf-8"), graph_iri).encode("utf-8")


def _unparsable(documents: Sequence[tuple[str, bytes]]) -> str:
    """The graph IRI of the first document whose N-Quads do not parse."""
    for graph_iri, data in documents:
        try:
            list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        except SyntaxError:
            return graph_iri
    return ", ".join(graph_iri for graph_iri, _ in documents)


def _with_graph(ntriples: str, graph_iri: str) -> str:
    """N-Quads: each triple in the default graph and in the named graph ``graph_iri``."""
    suffix = f"<{graph_iri}> .\n"
    lines = [line.rstrip() for line in ntriples.splitlines()]
    triples = [line for line in lines if line and not line.startswith("#")]
    for line in triples:
        if not line.endswith("."):
            raise DutygraphError(f"{graph_iri}: not N-Triples: {line[:80]}")
    named = [line[:-1] + suffix for line in triples]
    return "\n".join(triples) + "\n" + "".join(named)
