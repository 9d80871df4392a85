"""The duties answer by theme: each duties row under the themes of its statement (the first
passage's, for a folded group row), from the named query ``statement-themes``."""

from __future__ import annotations

from dutygraph.concepts import Concept, statement_concepts
from dutygraph.sparql.result import Result
from dutygraph.sparql.sources import Source

THEME_COLUMNS = ("theme", "theme_iri")
NO_THEME = Concept("", "")


def duties_by_theme(source: Source, duties: Result) -> Result:
    """The duties rows with ``theme`` and ``theme_iri`` added at the end: a row once per theme
    of its statement, or once with both empty when it has none; ordered by theme first."""
    index = duties.columns.index("statement")
    concepts = statement_concepts(source, [row[index] for row in duties.rows])
    rows = [
        (*row, theme.label, theme.iri)
        for row in duties.rows
        for theme in concepts.get(row[index], {}).get("theme") or [NO_THEME]
    ]
    bearer, bearer_iri = duties.columns.index("bearer"), duties.columns.index("bearer_iri")
    # stable: within a bearer and a theme, the rows keep the duties order
    rows.sort(key=lambda r: (r[bearer].lower(), r[bearer_iri], r[-1] == "", r[-2].lower()))
    return Result((*duties.columns, *THEME_COLUMNS), tuple(rows))
