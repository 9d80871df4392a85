"""Shape cases: Turtle files holding data and, for invalid cases, the results they must raise.

``cases/<ShapeName>/valid-*.ttl`` must give no finding at the level of the file the shape is in;
``cases/<ShapeName>/invalid-*.ttl`` must give exactly the ``dgt:ExpectedResult`` set it lists.
"""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH, SKOS
from rdflib.plugins.sparql import prepareQuery, prepareUpdate
from rdflib.term import Node

from dutygraph.validate import (
    LEVELS,
    Finding,
    _ontology_graph,
    _ontology_read_by,
    _shapes_graph,
    assert_conforms,
    validate,
)

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).resolve().parent / "cases"
SHAPES = ROOT / "shapes"
CHECK_QUERY = ROOT / "queries" / "checks" / "span-quote-mismatch-violation.rq"
DGT = Namespace("https://w3id.org/dutygraph/test#")
CASE_CLASSES = (DGT.ExpectedResult, DGT.Case)

Expectation = tuple[Node, Node | None, Node, Node]


def named_shapes() -> dict[str, str]:
    """Local name of every shape with an IRI -> level (the stem of the file declaring it)."""
    shapes: dict[str, str] = {}
    for path in sorted(SHAPES.glob("*.ttl")):
        graph = Graph().parse(path)
        for kind in (SH.NodeShape, SH.PropertyShape):
            for shape in graph.subjects(RDF.type, kind):
                if isinstance(shape, URIRef):
                    shapes[str(shape).rsplit("#", 1)[-1]] = path.stem
    return shapes


SHAPE_LEVELS = named_shapes()


def case_files(prefix: str) -> list[Path]:
    return sorted(CASES.glob(f"*/{prefix}-*.ttl"))


def case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


def load_case(path: Path) -> tuple[Graph, set[Expectation]]:
    """The case's data without its dgt: nodes, and the expectations those nodes state."""
    graph = Graph().parse(path)
    expected: set[Expectation] = set()
    for node in graph.subjects(RDF.type, DGT.ExpectedResult):
        expected.add(
            (
                graph.value(node, DGT.focus),
                graph.value(node, DGT.path),
                graph.value(node, DGT.constraint),
                graph.value(node, DGT.severity),
            )
        )
    for case_class in CASE_CLASSES:
        for node in list(graph.subjects(RDF.type, case_class)):
            graph.remove((node, None, None))
    return graph, expected


def as_expectation(finding: Finding) -> Expectation:
    return (finding.focus, finding.path, finding.constraint, SH[finding.severity])


def level_of(path: Path) -> str:
    return SHAPE_LEVELS[path.parent.name]


@pytest.mark.parametrize("path", case_files("valid"), ids=case_id)
def test_valid_case_has_no_findings(path: Path) -> None:
    graph, expected = load_case(path)
    assert not expected, "a valid case lists no expected results"
    report = validate(graph, level_of(path))
    assert report.conforms
    assert report.findings == (), report.to_text()


@pytest.mark.parametrize("path", case_files("invalid"), ids=case_id)
def test_invalid_case_raises_exactly_its_expected_results(path: Path) -> None:
    graph, expected = load_case(path)
    assert expected, "an invalid case lists its expected results"
    report = validate(graph, level_of(path))
    assert {as_expectation(f) for f in report.findings} == expected, report.to_text()
    assert len(report.findings) == len(expected), report.to_text()


@pytest.mark.parametrize("path", case_files("*"), ids=case_id)
def test_case_folder_names_a_shape(path: Path) -> None:
    assert path.parent.name in SHAPE_LEVELS


@pytest.mark.parametrize("shape", sorted(SHAPE_LEVELS))
def test_every_named_shape_has_valid_and_invalid_cases(shape: str) -> None:
    folder = CASES / shape
    assert list(folder.glob("valid-*.ttl")), f"no valid case in {folder}"
    assert list(folder.glob("invalid-*.ttl")), f"no invalid case in {folder}"


def test_recommended_shapes_are_warnings() -> None:
    graph = Graph().parse(SHAPES / "recommended.ttl")
    for shape, level in SHAPE_LEVELS.items():
        if level == "recommended":
            iri = URIRef(f"https://w3id.org/dutygraph/ns#{shape}")
            assert graph.value(iri, SH.severity) == SH.Warning, shape


def test_core_shapes_have_no_sparql_constraint() -> None:
    graph = Graph().parse(SHAPES / "core.ttl")
    assert not list(graph.triples((None, SH.sparql, None)))


@pytest.mark.parametrize("path", sorted(CASES.glob("SpanQuoteShape/*.ttl")), ids=case_id)
def test_check_query_agrees_with_quote_shape(path: Path) -> None:
    graph, expected = load_case(path)
    rows = graph.query(CHECK_QUERY.read_text(encoding="utf-8"))
    assert {row[0] for row in rows} == {focus for focus, *_ in expected}


BASE_CASE = CASES / "NormativeStatementShape" / "valid-each-leaf-type.ttl"
WARNING_CASE = CASES / "RecommendationIssuerShape" / "invalid-missing-issuer.ttl"
VIOLATION_CASE = CASES / "StatementBearerShape" / "invalid-missing-bearer.ttl"


def split_into_named_graphs(graph: Graph) -> Dataset:
    dataset = Dataset()
    halves = (dataset.graph(URIRef("urn:case:a")), dataset.graph(URIRef("urn:case:b")))
    for index, triple in enumerate(sorted(graph)):
        halves[index % 2].add(triple)
    return dataset


def test_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    graph, _ = load_case(BASE_CASE)
    assert validate(split_into_named_graphs(graph)).conforms
    broken, _ = load_case(VIOLATION_CASE)
    assert not validate(split_into_named_graphs(broken)).conforms


def test_warnings_do_not_break_conformance() -> None:
    graph, _ = load_case(WARNING_CASE)
    report = validate(graph, "recommended")
    assert report.conforms
    assert report.warnings and not report.violations
    assert "Warning" in report.to_text()


def test_report_keeps_the_results_graph_out_of_equality() -> None:
    graph, _ = load_case(VIOLATION_CASE)
    report = validate(graph)
    assert len(report.violations) == 1
    assert (None, RDF.type, SH.ValidationResult) in report.graph
    assert report == validate(graph)
    assert "graph=" not in repr(report)


def test_assert_conforms_raises_with_the_text_report() -> None:
    graph, _ = load_case(VIOLATION_CASE)
    with pytest.raises(AssertionError, match="StatementBearerShape"):
        assert_conforms(graph)
    valid, _ = load_case(BASE_CASE)
    assert_conforms(valid, "deep")


def test_unknown_level_is_rejected() -> None:
    with pytest.raises(ValueError, match="level"):
        validate(Graph(), "strict")


def test_validation_leaves_the_graph_as_it_was() -> None:
    graph, _ = load_case(VIOLATION_CASE)
    before = set(graph)
    for level in LEVELS:
        validate(graph, level)
    assert set(graph) == before


def whole_ontology_results(graph: Graph, level: str) -> set[Expectation]:
    """The results with the whole ontology mixed in, as pyshacl's ontology graph."""
    _, results, _ = pyshacl.validate(
        graph,
        shacl_graph=_shapes_graph(level),
        ont_graph=_ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    return {
        (
            results.value(r, SH.focusNode),
            results.value(r, SH.resultPath),
            results.value(r, SH.sourceConstraintComponent),
            results.value(r, SH.resultSeverity),
        )
        for r in results.subjects(RDF.type, SH.ValidationResult)
    }


@pytest.mark.parametrize("path", case_files("*"), ids=case_id)
def test_the_ontology_triples_the_shapes_read_give_the_whole_ontologys_results(
    path: Path,
) -> None:
    graph, _ = load_case(path)
    level = level_of(path)
    report = validate(graph, level)
    assert {as_expectation(f) for f in report.findings} == whole_ontology_results(graph, level)


def test_only_a_level_that_may_read_anything_gets_the_whole_ontology() -> None:
    read = {predicate for _, predicate, _ in _ontology_read_by("core")}
    assert {RDF.type, RDFS.subClassOf} <= read
    assert SKOS.definition not in read
    assert len(_ontology_read_by("deep")) == len(_ontology_graph())


def data_files(suffix: str) -> list[Path]:
    folders = (ROOT / "ontology", SHAPES, ROOT / "queries")
    return sorted(p for folder in folders for p in folder.rglob(f"*{suffix}"))


@pytest.mark.parametrize("path", data_files(".ttl"), ids=lambda p: str(p.relative_to(ROOT)))
def test_turtle_file_parses(path: Path) -> None:
    assert len(Graph().parse(path, format="turtle")) > 0


@pytest.mark.parametrize("path", data_files(".rq"), ids=lambda p: str(p.relative_to(ROOT)))
def test_query_file_prepares(path: Path) -> None:
    prepareQuery(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", data_files(".ru"), ids=lambda p: str(p.relative_to(ROOT)))
def test_update_file_prepares(path: Path) -> None:
    prepareUpdate(path.read_text(encoding="utf-8"))
