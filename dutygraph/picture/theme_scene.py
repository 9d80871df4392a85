"""The theme view's static layout: per bearer a heading and a row of cells whose width grows
with the cell's passages (the widest cell spans the row), wrapped onto new rows as needed."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dutygraph.picture.shapes import Rect, Shape, Text
from dutygraph.picture.themes import passage_count

WIDTH, MARGIN, TOP = 980, 20, 96
CONTENT = WIDTH - 2 * MARGIN
CELL_HEIGHT, CELL_GAP, MIN_WIDTH, UNIT = 62, 8, 120, 80
HEADING, SECTION_GAP = 26, 20
CHAR_WIDTH = 6.6
THEME_COLOURS = ("#dcebf7", "#0072B2")  # fill, outline
NO_THEME_COLOURS = ("#f2f2f2", "#777777")
EMPTY = "No duty matches these filters."
LEGEND = (
    "Each box: a theme of the bearer's duties and recommendations; its width grows with the "
    "number of passages (the HTML page lists them on a click)."
)


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    width: float
    label: str
    count: int
    theme: str


@dataclass(frozen=True)
class ThemeScene:
    title: str
    subtitle: str
    headings: tuple[tuple[float, str], ...]
    cells: tuple[Cell, ...]
    height: float
    width: float = WIDTH


def cell_width(count: int, largest: int) -> float:
    """Wide in proportion to its passages, the largest cell of a section the whole row."""
    unit = min(UNIT, CONTENT / max(largest, 1))
    return max(MIN_WIDTH, unit * count)


def theme_layout(data: dict[str, Any]) -> ThemeScene:
    headings: list[tuple[float, str]] = []
    cells: list[Cell] = []
    y = float(TOP)
    for section in data["themeSections"]:
        counts = [passage_count(cell) for cell in section["cells"]]
        label = data["actors"][section["bearer"]]["label"]
        headings.append((y + 14, f"{label} \u00b7 {_passages(sum(counts))}"))
        y += HEADING
        x = float(MARGIN)
        for cell, count in zip(section["cells"], counts, strict=True):
            width = cell_width(count, max(counts))
            if x > MARGIN and x + width > MARGIN + CONTENT:
                x, y = float(MARGIN), y + CELL_HEIGHT + CELL_GAP
            cells.append(Cell(x, y, width, cell["label"], count, cell["theme"]))
            x += width + CELL_GAP
        y += CELL_HEIGHT + SECTION_GAP
    return ThemeScene(data["title"], data["subtitle"], tuple(headings), tuple(cells), y + 10)


def theme_shapes(scene: ThemeScene) -> list[Shape]:
    """Title, legend, each bearer's heading and its cells: what both drawings draw."""
    shapes: list[Shape] = [
        Text(MARGIN, 26, scene.title, size=18, bold=True),
        Text(MARGIN, 46, scene.subtitle, "#555555", size=12),
        Text(MARGIN, 70, LEGEND, "#333333"),
    ]
    if not scene.cells:
        shapes.append(Text(MARGIN, TOP + 14, EMPTY))
    shapes.extend(Text(MARGIN, y, text, size=13, bold=True) for y, text in scene.headings)
    for cell in scene.cells:
        shapes.extend(_cell_shapes(cell))
    return shapes


def _cell_shapes(cell: Cell) -> Iterator[Shape]:
    fill, stroke = THEME_COLOURS if cell.theme else NO_THEME_COLOURS
    yield Rect(cell.x, cell.y, cell.width, CELL_HEIGHT, fill, stroke, dashed=not cell.theme)
    limit = max(8, int((cell.width - 16) / CHAR_WIDTH))
    lines = textwrap.wrap(cell.label, limit) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: limit - 1] + "\u2026"]
    for index, line in enumerate(lines):
        yield Text(cell.x + 8, cell.y + 18 + index * 14, line, bold=True)
    yield Text(cell.x + 8, cell.y + CELL_HEIGHT - 10, _passages(cell.count), "#444444", size=10)


def _passages(count: int) -> str:
    return f"{count} passage" if count == 1 else f"{count} passages"
