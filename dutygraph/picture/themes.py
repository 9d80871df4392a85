"""The theme view's data: for each bearer, its duties by theme, as cells of passages.

A cell holds the passages of a bearer's duties under one theme (or under none); a passage is
listed once with every duty it states, so a group's duty and the duty a rule derives from it
for the bearer (which quotes the same passage) count once.
"""

from __future__ import annotations

from typing import Any

NO_THEME = "no theme"


def theme_sections(duties: list[dict[str, Any]], bearers: list[str]) -> list[dict[str, Any]]:
    """One section per bearer (in the given order) that owes any of ``duties``, directly or as
    one of a group, as the bearer filter shows them."""
    sections = []
    for bearer in bearers:
        owed = [d for d in duties if any(e["actor"] == bearer for e in d["owedBy"])]
        if owed:
            sections.append({"bearer": bearer, "cells": theme_cells(owed)})
    return sections


def theme_cells(duties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The duties by theme, a duty under each of its themes: the cells with the most passages
    first, then by label; the cell of duties with no theme last."""
    by_theme: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for duty in duties:
        for theme in duty["themes"] or [{"iri": "", "label": NO_THEME}]:
            by_theme.setdefault((theme["iri"], theme["label"]), []).append(duty)
    cells = [
        {"theme": iri, "label": label, "passages": passages(owed)}
        for (iri, label), owed in by_theme.items()
    ]
    return sorted(
        cells, key=lambda c: (c["theme"] == "", -len(c["passages"]), c["label"].casefold())
    )


def passages(duties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Distinct passages in text order, each with the duties that state it; a duty with no
    passage is one of its own."""
    grouped: dict[tuple[str, ...], list[str]] = {}
    for duty in sorted(duties, key=_text_order):
        grouped.setdefault(_passage_key(duty), []).append(duty["id"])
    return [{"statements": statements} for statements in grouped.values()]


def passage_count(cell: dict[str, Any]) -> int:
    return len(cell["passages"])


def _text_order(duty: dict[str, Any]) -> tuple[str, int, int, str]:
    return (duty["source"], int(duty["begin"] or 0), int(duty["end"] or 0), duty["id"])


def _passage_key(duty: dict[str, Any]) -> tuple[str, ...]:
    if not duty["quote"]:
        return ("", duty["id"])
    return (duty["source"], duty["begin"], duty["end"], duty["quote"])
