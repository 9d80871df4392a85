"""How a query's answer is shown: a table, CSV, TSV or JSON, and the duties view grouped by
bearer."""

from __future__ import annotations

import csv
import io
import json

from rdflib import Graph

from dutygraph.rdfio import serialize
from dutygraph.sparql.result import Result


def grouped_table(result: Result) -> str:
    """One block per bearer: kind, derivation, action, basis, issuer, and the passage with its
    offsets and statement IRI; a group's duty stated in several passages says how many."""
    column = {name: i for i, name in enumerate(result.columns)}
    lines: list[str] = []
    current = None
    folded = 0
    for row in result.rows:
        cell = {name: row[i] for name, i in column.items()}
        if cell["bearer"] != current:
            current = cell["bearer"]
            lines.extend(["", f"{current}  <{cell['bearer_iri']}>"])
        lines.extend(duty_lines(cell))
        folded += int(cell["passages"] or 1) - 1
    note = f"; {folded:,} more passages of group duties folded in" if folded else ""
    lines.append(f"\n({len(result.rows)} duties{note})")
    return "\n".join(lines).lstrip("\n") + "\n"


def duty_lines(cell: dict[str, str], indent: str = "  ") -> list[str]:
    """One duties row as the table shows it: kind and action, basis, issuer, passage, IRI."""
    passages = int(cell["passages"] or 1)
    more = f"; first of {passages} passages" if passages > 1 else ""
    lines = [f"{indent}[{cell['kind']}, {cell['derivation']}] {cell['action']}"]
    lines.append(f"{indent}    basis: {cell['basis'] or '-'}")
    if cell["issuer"]:
        lines.append(f"{indent}    said by: {cell['issuer']}")
    lines.append(
        f'{indent}    "{shorten(cell["evidence"], 160)}" '
        f"({cell['source']} {cell['start']}-{cell['end']}{more})"
    )
    lines.append(f"{indent}    <{cell['statement']}>")
    return lines


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def render(result: Result, fmt: str) -> str:
    """A SELECT's or an ASK's rows as a table, CSV, TSV or JSON; a CONSTRUCT's graph as
    Turtle whatever the format."""
    if result.graph is not None:
        return serialize(Graph().parse(data=result.graph, format="nt"), "ttl")
    if fmt == "json":
        return (
            json.dumps(
                [dict(zip(result.columns, row, strict=True)) for row in result.rows],
                indent=1,
                ensure_ascii=False,
            )
            + "\n"
        )
    if fmt in {"csv", "tsv"}:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        return buffer.getvalue()
    return _table(result)


def _table(result: Result, width: int = 60) -> str:
    rows = [tuple(shorten(v, width) for v in row) for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows)
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"
