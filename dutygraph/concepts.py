"""The themes and affected persons of statements, as ``queries/statement-themes.rq`` gives them:
one reader for the duties view, the exports and the picture."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dutygraph.sparql.run import run
from dutygraph.sparql.sources import Source


@dataclass(frozen=True, order=True)
class Concept:
    """A theme or a group of affected persons, as the statement-themes query labels it."""

    label: str
    iri: str


def statement_concepts(
    source: Source, statements: Sequence[str] | None = None
) -> dict[str, dict[str, list[Concept]]]:
    """Each statement's concepts by scheme ("theme", "affected"), sorted by label (one row per
    cue in the query, so a concept once here); only ``statements`` when given."""
    if statements is not None and not statements:
        return {}
    params = None
    if statements is not None:
        params = {"statement": [f"<{iri}>" for iri in sorted(set(statements))]}
    result = run(source, "statement-themes", params)
    column = {name: result.columns.index(name) for name in result.columns}
    found: dict[str, dict[str, set[Concept]]] = {}
    for row in result.rows:
        concept = Concept(row[column["concept"]], row[column["concept_iri"]])
        schemes = found.setdefault(row[column["statement"]], {})
        schemes.setdefault(row[column["scheme"]], set()).add(concept)
    return {
        statement: {scheme: sorted(concepts) for scheme, concepts in schemes.items()}
        for statement, schemes in found.items()
    }
