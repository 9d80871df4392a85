"""A SELECT's answer, and the one order of its multi-valued cells that every engine shares."""

from __future__ import annotations

from dataclasses import dataclass

from dutygraph.sparql.files import list_columns

LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Result:
    """A SELECT's answer: column names and rows of cells as text ("" when unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    graph: str | None = None  # a CONSTRUCT or DESCRIBE: its triples as N-Triples

    @staticmethod
    def of_ask(answer: bool) -> Result:
        """An ASK's answer as a table of one cell."""
        return Result(("ask",), (("true" if answer else "false",),))

    @staticmethod
    def combined(results: list[Result]) -> Result:
        """One result from the results of the same query under several parameter bindings."""
        columns = next((r.columns for r in results if r.columns), ())
        graphs = [r.graph for r in results if r.graph is not None]
        rows = tuple(row for result in results for row in result.rows)
        return Result(columns, rows, "".join(graphs) if graphs else None)


def tidy(text: str, result: Result) -> Result:
    """The same bytes from every engine: the values of each list column sorted; a label list and
    its ``_iri`` list of the same length sorted as pairs, so each label stays beside its IRI."""
    declared = list_columns(text)
    lists = [name for name in result.columns if name in declared]
    if not lists:
        return result
    index = {name: i for i, name in enumerate(result.columns)}
    rows = tuple(_sorted_cells(row, lists, index) for row in result.rows)
    return Result(result.columns, rows, result.graph)


def _sorted_cells(row: tuple[str, ...], lists: list[str], index: dict[str, int]) -> tuple[str, ...]:
    cells = list(row)
    for name in lists:
        if name.endswith("_iri") and name.removesuffix("_iri") in lists:
            continue  # sorted with its labels
        values, paired = _values(cells[index[name]]), f"{name}_iri"
        iris = _values(cells[index[paired]]) if paired in lists else []
        if paired in lists and len(values) == len(iris):
            pairs = sorted(zip(values, iris, strict=True))
            values, iris = [label for label, _ in pairs], [iri for _, iri in pairs]
        else:
            values, iris = sorted(values), sorted(iris)
        cells[index[name]] = LIST_SEPARATOR.join(values)
        if paired in lists:
            cells[index[paired]] = LIST_SEPARATOR.join(iris)
    return tuple(cells)


def _values(cell: str) -> list[str]:
    return cell.split(LIST_SEPARATOR) if cell else []
