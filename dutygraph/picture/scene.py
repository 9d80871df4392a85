"""The layered layout of the static drawings: one box per node, in columns, and the links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dutygraph.picture.data import KIND_COLOURS, KINDS

COLUMNS = ("bearer", "group", "duty", "provision", "instrument")
COLUMN_WIDTH = {"bearer": 170, "group": 160, "duty": 400, "provision": 150, "instrument": 250}
ROW, BOX, TOP, MARGIN, GAP = 44, 36, 134, 20, 50
MEMBERSHIP_COLOUR, PART_COLOUR = "#444444", "#888888"


@dataclass
class Placed:
    id: str
    column: str
    label: str
    y: float
    kind: str = ""
    dashed: bool = False
    x: float = 0.0
    note: str = ""

    @property
    def width(self) -> float:
        return COLUMN_WIDTH[self.column]


@dataclass(frozen=True)
class Link:
    source: str
    target: str
    colour: str
    dashed: bool


@dataclass(frozen=True)
class Scene:
    title: str
    subtitle: str
    columns: dict[str, float]
    boxes: tuple[Placed, ...]
    links: tuple[Link, ...]

    @property
    def height(self) -> float:
        return max((box.y for box in self.boxes), default=TOP) + BOX + 30

    @property
    def width(self) -> float:
        return self.columns["instrument"] + COLUMN_WIDTH["instrument"] + MARGIN


def layout(data: dict[str, Any]) -> Scene:
    """Duties in rows; every other box at the mean height of the boxes it links to."""
    duties = _ordered_duties(data)
    boxes = {d["id"]: Placed(d["id"], "duty", d["label"], 0.0, d["kind"]) for d in duties}
    for row, duty in enumerate(duties):
        boxes[duty["id"]].y = TOP + row * ROW
        boxes[duty["id"]].dashed = duty["derivation"] == "inferred"
    links = list(dict.fromkeys([*_bearer_links(data, duties), *_source_links(data, duties)]))
    groups = _groups(data, duties)
    for column in ("group", "bearer", "provision", "instrument"):
        _place_column(data, groups, column, links, boxes)
    columns = column_positions(bool(groups))
    for box in boxes.values():
        box.x = columns[box.column]
    return Scene(data["title"], data["subtitle"], columns, tuple(boxes.values()), tuple(links))


def column_positions(with_groups: bool) -> dict[str, float]:
    """Left edge of each column; the group column only when a duty is owed through a group."""
    positions, x = {}, float(MARGIN)
    for column in COLUMNS:
        if column != "group" or with_groups:
            positions[column] = x
            x += COLUMN_WIDTH[column] + GAP
    return positions


def _ordered_duties(data: dict[str, Any]) -> list[dict[str, Any]]:
    bearer_rank = {actor: rank for rank, actor in enumerate(_bearers_by_load(data))}

    def key(duty: dict[str, Any]) -> tuple[int, str, int, str]:
        shown = _shown_bearers(data, duty)
        rank = min((bearer_rank[e["actor"]] for e in shown), default=0)
        via = min((_label_of(data, e["via"]) for e in shown if e["via"]), default="")
        return (rank, via.casefold(), KINDS.index(duty["kind"]), duty["label"].casefold())

    return sorted(data["duties"], key=key)


def _bearers_by_load(data: dict[str, Any]) -> list[str]:
    load: dict[str, int] = {}
    for duty in data["duties"]:
        for entry in _shown_bearers(data, duty):
            load[entry["actor"]] = load.get(entry["actor"], 0) + 1
    return sorted(load, key=lambda actor: (-load[actor], _label_of(data, actor).casefold()))


def _shown_bearers(data: dict[str, Any], duty: dict[str, Any]) -> list[dict[str, str]]:
    """The chosen bearer's entries (direct or through a group), else the stated bearers."""
    selected = data["selectedBearer"]
    if selected:
        return [e for e in duty["owedBy"] if e["actor"] == selected]
    return list(duty["direct"])


def _groups(data: dict[str, Any], duties: list[dict[str, Any]]) -> set[str]:
    return {e["via"] for d in duties for e in _shown_bearers(data, d) if e["via"]}


def _bearer_links(data: dict[str, Any], duties: list[dict[str, Any]]) -> Iterator[Link]:
    """Bearer -> duty; through a group: bearer -> group (derived) -> duty (as stated)."""
    for duty in duties:
        colour = KIND_COLOURS[duty["kind"]]
        for entry in _shown_bearers(data, duty):
            if entry["via"]:
                yield Link(entry["actor"], entry["via"], MEMBERSHIP_COLOUR, True)
                stated = [e for e in duty["direct"] if e["actor"] == entry["via"]]
                inferred = all(e["derivation"] == "inferred" for e in stated)
                yield Link(entry["via"], duty["id"], colour, inferred)
            else:
                yield Link(entry["actor"], duty["id"], colour, entry["derivation"] == "inferred")


def _source_links(data: dict[str, Any], duties: list[dict[str, Any]]) -> Iterator[Link]:
    shown: set[str] = set()
    for duty in duties:
        for basis in duty["basis"]:
            dashed = duty["derivation"] == "inferred"
            yield Link(duty["id"], basis, KIND_COLOURS[duty["kind"]], dashed)
            shown.add(basis)
    for source in sorted(shown):
        for whole in data["sources"][source]["partOf"]:
            yield Link(source, whole, PART_COLOUR, False)


def _place_column(
    data: dict[str, Any], groups: set[str], column: str, links: list[Link], boxes: dict[str, Placed]
) -> None:
    """Each box of ``column`` at the mean height of its placed neighbours, then pushed apart."""
    heights: dict[str, list[float]] = {}
    leftward = column in ("bearer", "group")
    for link in links:
        node, other = (link.source, link.target) if leftward else (link.target, link.source)
        if _column_of(data, groups, node) == column and other in boxes:
            heights.setdefault(node, []).append(boxes[other].y)
    placed = [
        Placed(node, column, _label_of(data, node), sum(ys) / len(ys), note=_note(data, node))
        for node, ys in sorted(heights.items())
    ]
    placed.sort(key=lambda box: (box.y, box.label.casefold()))
    lowest = float("-inf")
    for box in placed:
        box.y = max(box.y, lowest + ROW)
        lowest = box.y
        boxes[box.id] = box


def _column_of(data: dict[str, Any], groups: set[str], node: str) -> str:
    if node in data["sources"]:
        return str(data["sources"][node]["category"])
    if node in groups:
        return "group"
    return "bearer" if node in data["actors"] else "duty"


def _note(data: dict[str, Any], node: str) -> str:
    """What kind of source a box is ("soft law instrument"), shown under a short label."""
    if data["sources"].get(node, {}).get("category") != "instrument":
        return ""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", data["sources"][node]["type"]).lower()


def _label_of(data: dict[str, Any], node: str) -> str:
    for table in ("actors", "sources"):
        if node in data[table]:
            return str(data[table][node]["label"])
    return node
