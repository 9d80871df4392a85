"""The ``dutygraph`` command line: help, build, validate, query and duties, through CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, SH

from dutygraph.build import build
from dutygraph.cli import main
from dutygraph.namespace import DG, INFERRED, NIF
from dutygraph.rdfio import jsonld_context, serialize

NAMED_QUERY_COLUMNS = {
    "duties": "bearer,bearer_iri,kind,action,basis,basis_iri,evidence,source,start,end,derivation,"
    "statement,type,issuer,document,inherited_from,passages,page",
    "instruments": "instrument_iri,label,type,citation,date",
    "parties": "state,state_iri,instrument,instrument_iri,relation,date,evidence,status",
    "actors": "actor_iri,label,type",
    "provisions": "provision_iri,label,instrument_iri,instrument",
}
SMALL_TEXT = "Freedonia should open the border.\n\nSylvania shall not expel refugees.\n"
OTHER_TEXT = "Ruritania should publish its refugee statistics.\n"
DUTIES_TEXT = (
    "The Contracting States shall not detain children at the border.\n\n"
    "The Contracting States shall register every birth.\n\n"
    "Everyone has the right to a Fictish interpreter.\n"
)

PREFIXES = """\
@prefix dg: <https://w3id.org/dutygraph/ns#> .
@prefix ex: <https://example.org/case/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
DOCUMENT = """\
ex:report a dg:Document, nif:Context ;
    dg:textSha256 "5d1e2f7a9c0b3e4d6f8a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6" ;
    nif:isString "Freedonia shall not expel refugees." .

ex:quote a nif:OffsetBasedString ;
    nif:beginIndex "0"^^xsd:nonNegativeInteger ;
    nif:endIndex "35"^^xsd:nonNegativeInteger ;
    nif:anchorOf "Freedonia shall not expel refugees." ;
    nif:referenceContext ex:report .

ex:freedonia a dg:State ;
    skos:prefLabel "Freedonia"@en .
"""
# A prohibition with no bearer: a core violation.
NO_BEARER_GRAPH = (
    PREFIXES
    + DOCUMENT
    + """
ex:duty a dg:Prohibition ;
    dg:action "expel refugees" ;
    dg:trigger "shall not" ;
    dg:bindingForce dg:NonBinding ;
    prov:wasDerivedFrom ex:quote .
"""
)
# A recommendation that names no issuer: only a warning of the recommended shapes.
NO_ISSUER_GRAPH = (
    PREFIXES
    + DOCUMENT
    + """
ex:advice a dg:Recommendation ;
    dg:bearer ex:freedonia ;
    dg:action "publish its refugee statistics" ;
    dg:trigger "should" ;
    dg:bindingForce dg:NonBinding ;
    prov:wasDerivedFrom ex:quote .
"""
)


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def csv_rows(text: str, delimiter: str = ",") -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.fixture(scope="module")
def bundled_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled report's graph as a Turtle file."""
    path = tmp_path_factory.mktemp("bundled") / "report.ttl"
    path.write_text(serialize(build().dataset, "ttl"), encoding="utf-8")
    return path


# --- help ---------------------------------------------------------------------------------------


def first_help_line(command: click.Command) -> str:
    return (command.help or "").strip().splitlines()[0].strip() if command.help else ""


def test_group_has_help() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert first_help_line(main)
    assert first_help_line(main) in " ".join(result.output.split())


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help(name: str) -> None:
    command = main.commands[name]
    result = invoke(name, "--help")
    assert result.exit_code == 0, result.output
    assert first_help_line(command), f"{name} has no help text"
    assert first_help_line(command) in " ".join(result.output.split())


# --- build --------------------------------------------------------------------------------------


def test_build_without_input_writes_the_bundled_report_as_turtle() -> None:
    result = invoke("build")
    assert result.exit_code == 0, result.stderr
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert len(graph) > 0
    assert any(graph.subjects(RDF.type, DG.NormativeStatement))


def test_build_a_text_file_into_a_turtle_file(tmp_path: Path) -> None:
    source = write(tmp_path / "small.txt", SMALL_TEXT)
    out = tmp_path / "x.ttl"
    result = invoke("build", source, "--out", out)
    assert result.exit_code == 0, result.stderr
    graph = Graph().parse(out, format="turtle")
    documents = list(graph.subjects(RDF.type, DG.Document))
    assert len(documents) == 1
    assert str(graph.value(documents[0], NIF.isString)) == SMALL_TEXT
    assert str(graph.value(documents[0], DCTERMS.source)).endswith("small.txt")


def test_build_nquads_keeps_one_named_graph_per_input(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", SMALL_TEXT)
    second = write(tmp_path / "second.txt", OTHER_TEXT)
    out = tmp_path / "both.nq"
    result = invoke("build", first, second, "--format", "nq", "--out", out)
    assert result.exit_code == 0, result.stderr
    dataset = Dataset()
    dataset.parse(out, format="nquads")
    named = [
        g for g in dataset.graphs() if len(g) and g.identifier != dataset.default_graph.identifier
    ]
    assert len(named) == 2
    for graph in named:
        assert (graph.identifier, RDF.type, DG.Document) in graph


def test_build_jsonld_is_the_compact_export_and_keeps_each_named_graph(tmp_path: Path) -> None:
    first = write(tmp_path / "first.txt", SMALL_TEXT)
    second = write(tmp_path / "second.txt", OTHER_TEXT)
    out = tmp_path / "both.jsonld"
    result = invoke("build", first, second, "--out", out)
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert json.loads(text)["@context"] == jsonld_context()
    parsed = Dataset()
    parsed.parse(data=text, format="json-ld")
    expected = build([first, second]).dataset
    found = {str(g.identifier): g for g in parsed.graphs() if len(g)}
    assert sorted(found) == sorted(str(g.identifier) for g in expected.graphs() if len(g))
    for graph in expected.graphs():
        if len(graph):
            assert isomorphic(found[str(graph.identifier)], graph), graph.identifier


def test_build_ir_writes_json(tmp_path: Path) -> None:
    source = write(tmp_path / "small.txt", SMALL_TEXT)
    ir = tmp_path / "ir.json"
    result = invoke("build", source, "--out", tmp_path / "x.ttl", "--ir", ir)
    assert result.exit_code == 0, result.stderr
    documents = json.loads(ir.read_text(encoding="utf-8"))
    assert isinstance(documents, list)
    assert len(documents) == 1


def statement_counts(dataset: Dataset) -> tuple[int, int, int, int, int]:
    """Statements in the document graphs, their duties, recommendations and rights, and the
    statements of the inferred graph alone: counted here from the written graph."""
    stated: set[object] = set()
    derived: set[object] = set()
    for graph in dataset.graphs():
        statements = set(graph.subjects(RDF.type, DG.NormativeStatement))
        if graph.identifier == INFERRED:
            derived |= statements
        elif (graph.identifier, RDF.type, DG.Document) in graph:
            stated |= statements

    def typed(*types: URIRef) -> int:
        return sum(any((s, RDF.type, t) in dataset for t in types) for s in stated)

    duties = typed(DG.Obligation, DG.Prohibition)
    return len(stated), duties, typed(DG.Recommendation), typed(DG.Right), len(derived - stated)


def test_build_of_one_file_says_what_it_built(tmp_path: Path) -> None:
    source = write(tmp_path / "duties.txt", DUTIES_TEXT)
    out = tmp_path / "g.nq"
    result = invoke("build", source, "--out", out)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    dataset = Dataset(default_union=True)
    dataset.parse(out, format="nquads")
    assert statement_counts(dataset) == (3, 2, 0, 1, 0)
    assert result.stderr.splitlines() == [
        "dutygraph: built 1 document: 3 statements (2 duties, 1 right), 0 inferred; conforms"
    ]


def test_build_of_the_bundled_report_says_what_it_built_and_prints_only_the_graph() -> None:
    result = invoke("build", "--format", "nq")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == serialize(build().dataset, "nq")
    dataset = Dataset(default_union=True)
    dataset.parse(data=result.stdout, format="nquads")
    total, duties, recommendations, rights, inferred = statement_counts(dataset)
    assert total == duties + recommendations + rights
    assert duties and recommendations and rights and inferred
    assert result.stderr.splitlines() == [
        f"dutygraph: built 1 document: {total} statements ({duties} duties, {recommendations} "
        f"recommendations, {rights} right{'' if rights == 1 else 's'}), {inferred} inferred; "
        "conforms"
    ]


def test_build_without_rules_says_so(tmp_path: Path) -> None:
    source = write(tmp_path / "duties.txt", DUTIES_TEXT)
    result = invoke("build", source, "--no-infer", "--out", tmp_path / "g.ttl")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "dutygraph: built 1 document: 3 statements (2 duties, 1 right), no rules run; conforms"
    ]


# --- validate -----------------------------------------------------------------------------------


def test_validate_a_built_graph_exits_0(bundled_graph: Path) -> None:
    result = invoke("validate", bundled_graph)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


def test_validate_a_statement_without_bearer_exits_1(tmp_path: Path) -> None:
    graph = write(tmp_path / "no-bearer.ttl", NO_BEARER_GRAPH)
    result = invoke("validate", graph)
    assert result.exit_code == 1
    assert "bearer" in result.stdout


def test_validate_json_report_parses(tmp_path: Path) -> None:
    graph = write(tmp_path / "no-bearer.ttl", NO_BEARER_GRAPH)
    result = invoke("validate", graph, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    assert any(row["severity"] == "Violation" for row in report["results"])


def test_validate_turtle_report_parses(tmp_path: Path) -> None:
    graph = write(tmp_path / "no-bearer.ttl", NO_BEARER_GRAPH)
    result = invoke("validate", graph, "--format", "ttl")
    assert result.exit_code == 1
    report = Graph().parse(data=result.stdout, format="turtle")
    assert any(report.subjects(RDF.type, SH.ValidationReport))
    assert any(report.subjects(RDF.type, SH.ValidationResult))


def test_warning_only_graph_conforms_without_strict(tmp_path: Path) -> None:
    graph = write(tmp_path / "no-issuer.ttl", NO_ISSUER_GRAPH)
    assert invoke("validate", graph).exit_code == 0
    result = invoke("validate", graph, "--level", "recommended", "--format", "json")
    assert result.exit_code == 0
    severities = [row["severity"] for row in json.loads(result.stdout)["results"]]
    assert severities == ["Warning"]


def test_strict_turns_a_warning_into_exit_1(tmp_path: Path) -> None:
    graph = write(tmp_path / "no-issuer.ttl", NO_ISSUER_GRAPH)
    result = invoke("validate", graph, "--level", "recommended", "--strict")
    assert result.exit_code == 1


# --- query --------------------------------------------------------------------------------------


def test_query_list_names_every_shipped_query() -> None:
    result = invoke("query", "--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    listed = {line.split()[0] for line in lines if line.strip() and not line.startswith(" ")}
    shipped = {path.stem for path in Path(__file__).parents[2].joinpath("queries").glob("*.rq")}
    assert set(NAMED_QUERY_COLUMNS) <= listed
    assert listed == shipped


def test_query_list_shows_the_parameters_of_each_query() -> None:
    lines = invoke("query", "--list").stdout.splitlines()
    below = {lines[i].split()[0]: lines[i + 1].strip() for i in range(len(lines) - 1)}
    assert below["duties"] == "--param bearer=..., kind=..., derivation=..."
    assert below["party-treaty-duties"] == "--param instrument=..., bearer=..."
    assert below["actors"].split()[0] != "--param"


def test_one_parameter_name_per_meaning_across_the_named_queries() -> None:
    from dutygraph.sparql.files import named_parameters

    used = {name for names in named_parameters().values() for name in names}
    assert used == {
        "bearer",
        "state",
        "instrument",
        "body",
        "holder",
        "concerned",
        "statement",
        "topic",
        "kind",
        "derivation",
    }


def test_a_wrong_parameter_name_says_which_the_query_takes(bundled_graph: Path) -> None:
    result = invoke(
        "query", "party-treaty-duties", "--graph", bundled_graph, "--param", "country=China"
    )
    assert result.exit_code == 2
    assert "instrument, bearer" in result.stderr


def test_party_treaty_duties_take_the_bearer_by_iso_code(bundled_graph: Path) -> None:
    result = invoke(
        "query",
        "party-treaty-duties",
        "--graph",
        bundled_graph,
        "--param",
        "bearer=CHN",
        "--format",
        "csv",
    )
    assert result.exit_code == 0, result.stderr
    assert "China" in result.stdout.splitlines()[1]


@pytest.mark.parametrize(("name", "header"), sorted(NAMED_QUERY_COLUMNS.items()))
def test_named_query_csv_has_exactly_its_columns(
    bundled_graph: Path, name: str, header: str
) -> None:
    result = invoke("query", name, "--graph", bundled_graph, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == header
    assert len(lines) > 1, f"{name} gave no rows on the bundled report"


def test_query_json_and_tsv_agree_with_csv(bundled_graph: Path) -> None:
    outputs = {
        fmt: invoke("query", "duties", "--graph", bundled_graph, "--format", fmt)
        for fmt in ("csv", "tsv", "json")
    }
    assert all(result.exit_code == 0 for result in outputs.values())
    from_csv = csv_rows(outputs["csv"].stdout)
    from_tsv = csv_rows(outputs["tsv"].stdout, delimiter="\t")
    from_json = json.loads(outputs["json"].stdout)
    assert outputs["tsv"].stdout.splitlines()[0].split("\t") == NAMED_QUERY_COLUMNS["duties"].split(
        ","
    )
    assert from_csv
    assert from_tsv == from_csv
    assert from_json == from_csv


def test_table_format_ends_with_the_row_count(bundled_graph: Path) -> None:
    result = invoke("query", "actors", "--graph", bundled_graph)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1].endswith("rows)")


def assert_all_rows_for(rows: list[dict[str, str]], label: str) -> None:
    assert rows, f"no rows for {label}"
    assert len({row["bearer_iri"] for row in rows}) == 1
    for row in rows:
        assert row["bearer"] == label or row["bearer"].startswith(f"{label} (as one of ")


def test_param_matches_a_label_case_insensitively(bundled_graph: Path) -> None:
    result = invoke(
        "query", "duties", "--graph", bundled_graph, "--param", "bearer=china", "--format", "json"
    )
    assert result.exit_code == 0, result.stderr
    assert_all_rows_for(json.loads(result.stdout), "China")


def test_duties_bearer_gives_only_that_bearer(bundled_graph: Path) -> None:
    result = invoke("duties", "--bearer", "China", "--graph", bundled_graph, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert_all_rows_for(json.loads(result.stdout), "China")


def test_duties_is_the_duties_query(bundled_graph: Path) -> None:
    friendly = invoke("duties", "--graph", bundled_graph, "--format", "csv")
    named = invoke("query", "duties", "--graph", bundled_graph, "--format", "csv")
    assert friendly.exit_code == named.exit_code == 0
    assert friendly.stdout == named.stdout


def test_own_query_file_runs(tmp_path: Path, bundled_graph: Path) -> None:
    query = write(
        tmp_path / "count.rq",
        "PREFIX dg: <https://w3id.org/dutygraph/ns#>\n"
        "SELECT (COUNT(?s) AS ?n) WHERE { ?s a dg:NormativeStatement }\n",
    )
    result = invoke("query", query, "--graph", bundled_graph, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = csv_rows(result.stdout)
    assert len(rows) == 1
    assert int(rows[0]["n"]) > 0
