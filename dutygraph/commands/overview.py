"""How the theme matrix and the recurring recommendations read in a terminal: one block per
bearer, one line per theme with its counts by year, and each cell's first passage with the
statement IRI that ``explain`` takes (the passages one step away)."""

from __future__ import annotations

from collections import defaultdict

from dutygraph.commands.render import duty_lines, shorten
from dutygraph.sparql.result import LIST_SEPARATOR, Result

UNDATED = "undated"
NO_THEME = "(no theme)"


def matrix_table(result: Result) -> str:
    """The matrix query's cells as blocks: bearer, then theme with its total and years, then
    one line per issuer and year with the count and the first passage."""
    lines: list[str] = []
    for bearer, cells in _by(result, "bearer_iri").items():
        lines.extend(["", f"{cells[0]['bearer']}  <{bearer}>"])
        for theme_cells in _by_rows(cells, "theme").values():
            lines.extend(_theme_block(theme_cells))
    total = sum(int(c["statements"]) for c in _cells(result))
    lines.append(f"\n({len(result.rows)} cells, {total} statement counts)")
    return "\n".join(lines).lstrip("\n") + "\n"


def recurring_table(result: Result) -> str:
    """Each recurring recommendation: bearer, theme, action, when and by how many issuers, and
    its first passage."""
    lines: list[str] = []
    for bearer, rows in _by(result, "bearer_iri").items():
        lines.extend(["", f"{rows[0]['bearer']}  <{bearer}>"])
        for row in rows:
            lines.append(f"  [{row['theme']}] {row['action']}")
            lines.append(f"      {_history(row)}")
            lines.append(f"      by: {row['issuer'] or '-'}")
            lines.append(f'      first: "{shorten(row["evidence"], 140)}" ({row["source"]})')
            lines.append(f"      <{row['statement']}>")
    lines.append(f"\n({len(result.rows)} recurring recommendations)")
    return "\n".join(lines).lstrip("\n") + "\n"


def by_theme_table(result: Result) -> str:
    """The duties by theme: per bearer and theme, its own duties one by one, and the duties of
    each group it is part of folded into one line with their counts and the first of them."""
    lines: list[str] = []
    folded = 0
    for bearer, rows in _by(result, "bearer_iri").items():
        lines.extend(["", f"{_own_name(rows)}  <{bearer}>"])
        for theme_rows in _by_rows(rows, "theme_iri").values():
            lines.append(f"  {theme_rows[0]['theme'] or NO_THEME}")
            lines.extend(
                line
                for row in theme_rows
                if not row["inherited_from"]
                for line in duty_lines(row, "    ")
            )
            for group, inherited in _by_rows(
                [row for row in theme_rows if row["inherited_from"]], "inherited_from"
            ).items():
                lines.extend(_folded_lines(group, inherited))
                folded += len(inherited) - 1
    note = f"; {folded:,} inherited rows folded by theme" if folded else ""
    lines.append(f"\n({len(result.rows)} rows{note})")
    return "\n".join(lines).lstrip("\n") + "\n"


def _own_name(rows: list[dict[str, str]]) -> str:
    """The bearer's name without the "(as one of ...)" the duties query adds to inherited rows."""
    first = rows[0]
    return first["bearer"].removesuffix(f" (as one of {first['inherited_from']})")


def _folded_lines(group: str, rows: list[dict[str, str]]) -> list[str]:
    passages = sum(int(row["passages"] or 1) for row in rows)
    first = rows[0]
    return [
        f"    as one of {group}: {len(rows)} dut{'y' if len(rows) == 1 else 'ies'} in "
        f"{passages} passage{'' if passages == 1 else 's'}; first: {first['action']}",
        f'        "{shorten(first["evidence"], 120)}" <{first["statement"]}>',
    ]


def _theme_block(cells: list[dict[str, str]]) -> list[str]:
    total = sum(int(c["statements"]) for c in cells)
    years: dict[str, int] = defaultdict(int)
    for cell in cells:
        years[cell["year"] or UNDATED] += int(cell["statements"])
    by_year = ", ".join(f"{year} {count}" for year, count in sorted(years.items()))
    lines = [f"  {cells[0]['theme'] or NO_THEME}: {total} ({by_year})"]
    for cell in cells:
        issuer = cell["issuer"] or "-"
        kind = f" [{cell['issuer_kind']}]" if cell["issuer_kind"] else ""
        lines.append(
            f"      {cell['year'] or UNDATED}  {issuer}{kind}: {cell['statements']} in "
            f"{cell['documents']} document{'s' if cell['documents'] != '1' else ''}"
        )
        lines.append(f'          "{shorten(cell["evidence"], 120)}" <{cell["statement"]}>')
    return lines


def _history(row: dict[str, str]) -> str:
    years = row["years"].split(LIST_SEPARATOR) if row["years"] else []
    when = f"first made in {years[0]}" if years else "undated"
    if len(years) > 1:
        when += f", repeated in {' and '.join(years[1:])}"
    return f"{when}; {row['documents']} documents, {row['issuers']} issuers"


def _cells(result: Result) -> list[dict[str, str]]:
    return [dict(zip(result.columns, row, strict=True)) for row in result.rows]


def _by(result: Result, column: str) -> dict[str, list[dict[str, str]]]:
    return _by_rows(_cells(result), column)


def _by_rows(rows: list[dict[str, str]], column: str) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        grouped.setdefault(row[column], []).append(row)
    return grouped
