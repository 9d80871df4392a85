"""The shapes both static drawings draw: rectangles, text and curves, in drawing order."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

from dutygraph.picture.data import KIND_COLOURS, KIND_NAMES, KINDS
from dutygraph.picture.scene import BOX, MARGIN, TOP, Link, Placed, Scene

COLUMN_TITLES = {
    "bearer": "bearer",
    "group": "as one of",
    "duty": "duty or recommendation",
    "provision": "provision",
    "instrument": "instrument",
}
COLUMN_CHARS = {"bearer": 24, "group": 22, "duty": 64, "provision": 21, "instrument": 36}
FONT, NOTE_COLOUR = 11, "#666666"


def wrap(text: str, column: str) -> list[str]:
    """At most two lines that fit the column's box, the second cut with an ellipsis."""
    limit = COLUMN_CHARS[column]
    lines = textwrap.wrap(" ".join(text.split()), limit) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: limit - 1] + "\u2026"]
    return lines


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str
    dashed: bool = False


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    colour: str = "#111111"
    size: float = FONT
    bold: bool = False


@dataclass(frozen=True)
class Curve:
    points: tuple[tuple[float, float], ...]
    colour: str
    dashed: bool


Shape = Rect | Text | Curve


def scene_shapes(scene: Scene) -> list[Shape]:
    """Title, legend, column titles, links under boxes: what both drawings draw."""
    shapes: list[Shape] = [
        Text(MARGIN, 26, scene.title, size=18, bold=True),
        Text(MARGIN, 46, scene.subtitle, "#555555", size=12),
    ]
    shapes.extend(_legend_shapes())
    for column, x in scene.columns.items():
        shapes.append(Text(x, TOP - 14, COLUMN_TITLES[column].upper(), "#555555", bold=True))
    boxes = {box.id: box for box in scene.boxes}
    for link in scene.links:
        shapes.append(_curve(boxes[link.source], boxes[link.target], link))
    for box in scene.boxes:
        shapes.extend(_box_shapes(box))
    return shapes


def _legend_shapes() -> Iterator[Shape]:
    x = float(MARGIN)
    for kind in KINDS:
        yield Rect(x, 60, 14, 14, KIND_COLOURS[kind], KIND_COLOURS[kind])
        yield Text(x + 20, 71, KIND_NAMES[kind])
        x += 30 + 6.2 * len(KIND_NAMES[kind])
    yield Curve(((20, 92), (60, 92)), "#444444", False)
    yield Text(66, 96, "stated in the text")
    yield Curve(((200, 92), (240, 92)), "#444444", True)
    yield Text(246, 96, "derived by a rule (party status, one of a group)")


def _curve(source: Placed, target: Placed, link: Link) -> Curve:
    x1, y1 = source.x + source.width, source.y + BOX / 2
    x2, y2 = target.x, target.y + BOX / 2
    middle = (x1 + x2) / 2
    return Curve(((x1, y1), (middle, y1), (middle, y2), (x2, y2)), link.colour, link.dashed)


def _box_shapes(box: Placed) -> Iterator[Shape]:
    fill, stroke, ink = box_colours(box)
    yield Rect(box.x, box.y, box.width, BOX, fill, stroke, box.dashed)
    lines = wrap(box.label, box.column)
    notes = [box.note] if box.note and len(lines) == 1 else []
    top = box.y + BOX / 2 - (len(lines) + len(notes) - 1) * 6.5 + 4
    for index, line in enumerate(lines):
        yield Text(box.x + 8, top + index * 13, line, ink)
    for note in notes:
        yield Text(box.x + 8, top + 13, note, NOTE_COLOUR, size=FONT - 1.5)


def box_colours(box: Placed) -> tuple[str, str, str]:
    """Fill, outline and text colour of a box."""
    if box.column == "duty":
        return (_tint(KIND_COLOURS[box.kind]), KIND_COLOURS[box.kind], "#111111")
    if box.column == "bearer":
        return ("#333333", "#333333", "#ffffff")
    if box.column == "group":
        return ("#dddddd", "#333333", "#111111")
    return ("#f2f2f2" if box.column == "instrument" else "#ffffff", "#777777", "#111111")


def _tint(colour: str, amount: float = 0.82) -> str:
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(c + (255 - c) * amount) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)
