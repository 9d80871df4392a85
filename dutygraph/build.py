"""Building: input files -> one named graph per document, validated before anyone sees it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from rdflib import RDF, Dataset, Graph

from dutygraph import resources
from dutygraph.errors import DutygraphError
from dutygraph.extract.emit import emit
from dutygraph.extract.ir import Document, Extraction
from dutygraph.extract.pipeline import extract
from dutygraph.extract.read import InputError, read_bytes, read_path
from dutygraph.infer import infer
from dutygraph.inputs import Skipped, reports_in
from dutygraph.namespace import DG, INFERRED, bind_prefixes

# The kinds of statement a build summary counts, with the types each kind takes in.
SUMMARY_TYPES = (
    ("duty", (DG.Obligation, DG.Prohibition)),
    ("recommendation", (DG.Recommendation,)),
    ("right", (DG.Right,)),
)


@dataclass(frozen=True)
class Built:
    extractions: tuple[Extraction, ...]
    dataset: Dataset
    not_reports: tuple[Skipped, ...] = ()  # files in the folders given that were not read

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(w for x in self.extractions for w in x.document.warnings)


def default_document() -> Document:
    source = resources.default_report()
    return read_bytes(source.read_bytes(), source.name)


def read_documents(paths: Iterable[str | Path], max_bytes: int | None = None) -> list[Document]:
    documents: list[Document] = []
    for path in paths:
        try:
            documents.append(read_path(path, max_bytes=max_bytes))
        except InputError as error:
            raise DutygraphError(str(error)) from None
    return documents


def document_graph(document: Document) -> tuple[Extraction, Graph]:
    """One document's extraction and its named graph: the step every build shares (in memory
    here, in the worker processes of a corpus build)."""
    extraction = extract(document)
    return extraction, emit(extraction)


def build_documents(documents: Iterable[Document], infer_rules: bool = True) -> Built:
    """One named graph per document, plus the inferred graph when ``infer_rules``."""
    dataset = Dataset(default_union=True)
    bind_prefixes(dataset)
    extractions = []
    for document in documents:
        extraction, graph = document_graph(document)
        extractions.append(extraction)
        named = dataset.graph(graph.identifier)
        for triple in graph:
            named.add(triple)
    if infer_rules:
        infer(dataset)
    return Built(tuple(extractions), dataset)


def build(
    paths: Iterable[str | Path] = (), max_bytes: int | None = None, infer_rules: bool = True
) -> Built:
    """Build the given files, or the bundled report when none are given."""
    given = [Path(path) for path in paths]
    found = reports_in(given)
    documents = read_documents(found.files, max_bytes) if given else [default_document()]
    return replace(build_documents(documents, infer_rules), not_reports=found.skipped)


def build_summary(dataset: Dataset, inferred: bool = True) -> str:
    """What a build made, in one line: "1 document: 42 statements (6 duties, 35
    recommendations, 1 right), 1 inferred" (statements by type in the document graphs;
    inferred: the statements only the inferred graph holds)."""
    documents = [g for g in dataset.graphs() if (g.identifier, RDF.type, DG.Document) in g]
    stated = {s for graph in documents for s in graph.subjects(RDF.type, DG.NormativeStatement)}
    counts = [
        (sum(any((s, RDF.type, t) in g for g in documents for t in types) for s in stated), noun)
        for noun, types in SUMMARY_TYPES
    ]
    parts = [_counted(count, noun) for count, noun in counts if count]
    derived = {
        s
        for graph in dataset.graphs()
        if graph.identifier == INFERRED
        for s in graph.subjects(RDF.type, DG.NormativeStatement)
    } - stated
    return (
        f"{_counted(len(documents), 'document')}: {_counted(len(stated), 'statement')}"
        + (f" ({', '.join(parts)})" if parts else "")
        + (f", {len(derived)} inferred" if inferred else ", no rules run")
    )


def _counted(count: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{count} {noun if count == 1 else plural}"
