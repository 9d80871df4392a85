"""The duties answer by theme: each duties row under the themes of its statement (the first
passage's, for a folded group row), from the named query ``statement-themes``."""

from __future__ import annotations

from collections.abc import Sequence

from dutygraph.sparql.result import Result
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import Source

THEME_COLUMNS = ("theme", "theme_iri")


def themes_of(source: Source, statements: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Each statement's themes as (label, IRI), sorted; statements with none are left out."""
    if not statements:
        return {}
    params = {"statement": [f"<{iri}>" for iri in sorted(set(statements))]}
    result = run(source, "statement-themes", params)
    themes: dict[str, list[tuple[str, str]]] = {}
    for row in result.rows:
        cells = dict(zip(result.columns, row, strict=True))
        if cells["scheme"] == "theme":
            themes.setdefault(cells["statement"], []).append(
                (cells["concept"], cells["concept_iri"])
            )
    return {statement: sorted(set(found)) for statement, found in themes.items()}


def duties_by_theme(source: Source, duties: Result) -> Result:
    """The duties rows with ``theme`` and ``theme_iri`` added at the end: a row once per theme
    of its statement, or once with both empty when it has none; ordered by theme first."""
    index = duties.columns.index("statement")
    themes = themes_of(source, [row[index] for row in duties.rows])
    rows = [
        (*row, label, iri)
        for row in duties.rows
        for label, iri in themes.get(row[index]) or [("", "")]
    ]
    bearer, bearer_iri = duties.columns.index("bearer"), duties.columns.index("bearer_iri")
    # stable: within a bearer and a theme, the rows keep the duties order
    rows.sort(key=lambda r: (r[bearer].lower(), r[bearer_iri], r[-1] == "", r[-2].lower()))
    return Result((*duties.columns, *THEME_COLUMNS), tuple(rows))
