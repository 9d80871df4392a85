"""The statements whose action contains a text, for ``explain TEXT``: one SPARQL query that runs
the same on a graph in memory, the store and an endpoint, and the choice among its matches."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from dutygraph.errors import DutygraphError
from dutygraph.sparql.params import Select

SHOWN = 20  # matches listed before "and N more"
_MATCHES = """
PREFIX dg: <https://w3id.org/dutygraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?s ?bearer ?quote ?start ?source WHERE {
  ?s dg:action ?action .
  FILTER(CONTAINS(LCASE(STR(?action)), LCASE(?wanted)))
  OPTIONAL { ?s dg:bearer ?b }
  BIND(COALESCE(?b, dg:NoValue) AS ?b_node)
  OPTIONAL { ?b_node skos:prefLabel ?b_pref }
  OPTIONAL { ?b_node rdfs:label ?b_plain }
  BIND(STR(COALESCE(?b_pref, ?b_plain, ?b, "")) AS ?bearer)
  OPTIONAL { ?s prov:wasDerivedFrom ?span }
  BIND(COALESCE(?span, dg:NoValue) AS ?span_node)
  OPTIONAL { ?span_node nif:anchorOf ?quote }
  OPTIONAL { ?span_node nif:beginIndex ?start }
  OPTIONAL { ?span_node nif:referenceContext ?doc }
  BIND(COALESCE(?doc, dg:NoValue) AS ?doc_node)
  OPTIONAL { ?doc_node dcterms:source ?doc_source }
  BIND(STR(COALESCE(?doc_source, ?doc, "")) AS ?source)
}"""


@dataclass(frozen=True)
class Match:
    """A statement whose action contains the text: its bearers and its first passage."""

    statement: str
    bearers: str
    quote: str
    start: int
    source: str

    def to_text(self, number: int) -> str:
        quote = " ".join(self.quote.split())
        quote = quote if len(quote) <= 120 else quote[:119] + "\u2026"
        where = f"{self.source} {self.start}" if self.source else "no passage"
        return f'{number}. <{self.statement}>\n   {self.bearers or "-"}: "{quote}" ({where})'


def statement_matches(select: Select, text: str) -> list[Match]:
    """Every statement whose action contains ``text`` (case-insensitive), in text order."""
    if not text.strip():
        raise DutygraphError("give a statement IRI or some words of its action")
    result = select(_MATCHES, {"wanted": Literal(text)})
    found: dict[str, list[tuple[str, ...]]] = {}
    for row in result.rows:
        found.setdefault(row[0], []).append(row)
    return sorted((_match(iri, rows) for iri, rows in found.items()), key=_text_order)


def _match(iri: str, rows: list[tuple[str, ...]]) -> Match:
    bearers = ", ".join(sorted({row[1] for row in rows if row[1]}))
    first = min(rows, key=lambda row: (row[4], _offset(row[3])))
    return Match(iri, bearers, first[2], _offset(first[3]), first[4])


def _offset(cell: str) -> int:
    return int(cell) if cell.isdigit() else 10**12


def _text_order(match: Match) -> tuple[str, int, str]:
    return (match.source, match.start, match.statement)


def choose(matches: list[Match], text: str, pick: int | None) -> Match | None:
    """The match to explain: the only one, or the ``pick``-th; None when the user must choose."""
    if not matches:
        raise DutygraphError(f"no statement's action contains {text!r}")
    if pick is not None:
        if pick > len(matches):
            raise DutygraphError(f"--pick {pick}: only {len(matches)} statement(s) match {text!r}")
        return matches[pick - 1]
    return matches[0] if len(matches) == 1 else None


def listing(matches: list[Match], text: str) -> str:
    """The numbered matches, and how to explain one of them."""
    lines = [match.to_text(number) for number, match in enumerate(matches[:SHOWN], start=1)]
    if len(matches) > SHOWN:
        lines.append(f"... and {len(matches) - SHOWN} more")
    lines.append(
        f"{len(matches)} statements match {text!r}: explain one with --pick N or by its IRI."
    )
    return "\n".join(lines)
