"""SHACL validation of dutygraph graphs: ``validate(graph) -> Report`` and ``assert_conforms``.

Levels: ``core`` (violations the extractor must never produce), ``recommended`` (core plus
completeness warnings) and ``deep`` (both plus the per-span quote check, which is slow).
Validation runs without inference. Of the ontology and concept schemes, only the triples whose
predicate a shape can read (rdf:type, rdfs:subClassOf and the shapes' paths) are put beside the
data: the same results as mixing in the whole ontology, at a fraction of the cost. A plain graph
is read through a read-only view, not copied. A level with a constraint that may read any
predicate (SHACL-SPARQL) gets the whole ontology and a copy. Only violations make a graph
non-conforming; warnings are reported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby

import pyshacl
from rdflib import BNode, ConjunctiveGraph, Dataset, Graph, Literal, URIRef
from rdflib.graph import ReadOnlyGraphAggregate
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from dutygraph import resources
from dutygraph.namespace import bind_prefixes
from dutygraph.rdfio import union

LEVELS: dict[str, tuple[str, ...]] = {
    "core": ("core",),
    "recommended": ("core", "recommended"),
    "deep": ("core", "recommended", "deep"),
}
SCHEMES_FILE = "schemes.ttl"
# The predicates naming what a shape reads from the data graph besides rdf:type and
# rdfs:subClassOf (which targets and sh:class follow).
READING_PARAMETERS = (
    SH.path,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.equals,
    SH.disjoint,
    SH.lessThan,
    SH.lessThanOrEquals,
)
# Constraints, targets and rules that may read any predicate of the data graph.
OPEN_PARAMETERS = (SH.sparql, SH.select, SH.ask, SH.closed, SH.target, SH.rule, SH.expression)


@dataclass(frozen=True)
class Finding:
    """One SHACL validation result."""

    severity: str
    focus: Node
    path: Node | None
    constraint: URIRef
    message: str
    shape: Node

    @property
    def is_violation(self) -> bool:
        return self.severity == "Violation"


@dataclass(frozen=True)
class Report:
    """The outcome of one validation; ``graph`` is pyshacl's results graph, for Turtle output."""

    conforms: bool
    findings: tuple[Finding, ...]
    graph: Graph = field(default_factory=Graph, compare=False, repr=False)

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.is_violation)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "Warning")

    def to_text(self) -> str:
        """A plain-text report grouped by shape, then by focus node."""
        lines = [self._summary()]
        names = _name_graph()
        for shape, by_shape in groupby(self.findings, key=lambda f: f.shape):
            lines.append(_show(shape, names))
            for focus, by_focus in groupby(by_shape, key=lambda f: f.focus):
                lines.append(f"  {_show(focus, names)}")
                lines.extend(f"    {_describe(finding, names)}" for finding in by_focus)
        return "\n".join(lines)

    def _summary(self) -> str:
        verdict = "conforms" if self.conforms else "does not conform"
        return (
            f"Graph {verdict}: {len(self.violations)} violation(s), "
            f"{len(self.warnings)} warning(s)."
        )


def validate(data: Graph | Dataset, level: str = "core") -> Report:
    """Validate ``data`` against the shapes of ``level``; a Dataset is validated as one union."""
    if level not in LEVELS:
        raise ValueError(f"unknown validation level {level!r}; expected one of {sorted(LEVELS)}")
    # The graph is this call's own (a copy or a read-only view), so pyshacl need not clone it.
    _, results_graph, _ = pyshacl.validate(
        _data_graph(data, level),
        shacl_graph=_shapes_graph(level),
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,
    )
    findings = tuple(sorted(_findings(results_graph), key=_sort_key))
    conforms = not any(finding.is_violation for finding in findings)
    bind_prefixes(results_graph)
    return Report(conforms=conforms, findings=findings, graph=results_graph)


def assert_conforms(graph: Graph | Dataset, level: str = "core") -> None:
    """Raise AssertionError with the text report when ``graph`` has violations."""
    report = validate(graph, level)
    if not report.conforms:
        raise AssertionError(report.to_text())


@lru_cache(maxsize=len(LEVELS))
def _shapes_graph(level: str) -> Graph:
    graph = Graph()
    for name in LEVELS[level]:
        graph.parse(data=resources.shape_file(name).read_text(encoding="utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def _ontology_graph() -> Graph:
    graph = Graph()
    sources = [resources.ontology_file()]
    sources += [f for f in resources.vocabulary_files() if f.name == SCHEMES_FILE]
    for source in sources:
        graph.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    return graph


def _data_graph(data: Graph | Dataset, level: str) -> Graph:
    """``data`` with the ontology triples its shapes read: a plain graph is not copied but read
    through a view beside the triples it lacks; a dataset, or a level whose constraints may read
    anything (SPARQL), is copied into one graph."""
    ontology = _ontology_read_by(level)
    if isinstance(data, ConjunctiveGraph) or _reads_anything(level):
        graph = union(data)
        graph += ontology
        return graph
    missing = Graph()
    for triple in ontology:
        if triple not in data:
            missing.add(triple)
    return ReadOnlyGraphAggregate([data, missing])


@lru_cache(maxsize=len(LEVELS))
def _reads_anything(level: str) -> bool:
    shapes = _shapes_graph(level)
    return any((None, parameter, None) in shapes for parameter in OPEN_PARAMETERS)


@lru_cache(maxsize=len(LEVELS))
def _ontology_read_by(level: str) -> Graph:
    """The ontology triples that the shapes of ``level`` can read."""
    shapes, ontology = _shapes_graph(level), _ontology_graph()
    if _reads_anything(level):
        return ontology
    read = _read_predicates(shapes)
    graph = Graph()
    for triple in ontology:
        if triple[1] in read:
            graph.add(triple)
    return graph


def _read_predicates(shapes: Graph) -> set[Node]:
    read: set[Node] = {RDF.type, RDFS.subClassOf}
    for parameter in READING_PARAMETERS:
        for value in shapes.objects(None, parameter):
            read |= _path_iris(shapes, value)
    return read


def _path_iris(shapes: Graph, path: Node) -> set[Node]:
    """Every IRI in a SHACL path: the path itself, or the members of its lists and nodes."""
    if isinstance(path, URIRef):
        return {path}
    found: set[Node] = set()
    for _, value in shapes.predicate_objects(path):
        if value == RDF.nil:
            continue
        found |= _path_iris(shapes, value)
    return found


@lru_cache(maxsize=1)
def _name_graph() -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    graph.bind("sh", SH)
    return graph


def _findings(results: Graph) -> Iterable[Finding]:
    for result in results.subjects(RDF.type, SH.ValidationResult):
        yield Finding(
            severity=_local_name(results.value(result, SH.resultSeverity)),
            focus=_required(results.value(result, SH.focusNode)),
            path=results.value(result, SH.resultPath),
            constraint=URIRef(str(_required(results.value(result, SH.sourceConstraintComponent)))),
            message=_message(results, result),
            shape=_required(results.value(result, SH.sourceShape)),
        )


def _message(results: Graph, result: Node) -> str:
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    return " ".join(messages)


def _required(node: Node | None) -> Node:
    if node is None:
        raise ValueError("pyshacl returned a validation result without a required field")
    return node


def _local_name(node: Node | None) -> str:
    text = str(node or SH.Violation)
    return text.rsplit("#", 1)[-1]


def _sort_key(finding: Finding) -> tuple[str, str, str, str, str]:
    return (
        str(finding.shape),
        str(finding.focus),
        str(finding.path or ""),
        str(finding.constraint),
        finding.message,
    )


def _show(node: Node | None, names: Graph) -> str:
    if node is None:
        return "-"
    if isinstance(node, URIRef | BNode | Literal):
        return node.n3(names.namespace_manager)
    return str(node)


def _describe(finding: Finding, names: Graph) -> str:
    constraint = _show(finding.constraint, names).removeprefix("sh:")
    path = _show(finding.path, names)
    return f"{finding.severity}: {path} [{constraint}] {finding.message}"
