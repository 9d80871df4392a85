"""A picture of who owes what: bearers -> duties -> provisions -> instruments.

``picture_html`` writes one self-contained page (inline CSS and JS, no network, a content
security policy that allows only its own script); the data sits in a JSON script element with
``<``, ``>`` and ``&`` escaped, and the page inserts every label with ``textContent``.
``picture_svg`` draws the same layered layout as a static SVG written by hand;
``picture_png`` draws it with matplotlib (the optional ``picture`` extra).
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import re
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph

from dutygraph import resources
from dutygraph.errors import DutygraphError
from dutygraph.network import to_networkx, union_of
from dutygraph.query import resolve_parameter

KINDS = ("binding", "customary", "nonbinding", "recommendation")
KIND_COLOURS = {
    "binding": "#0072B2",
    "customary": "#009E73",
    "nonbinding": "#E69F00",
    "recommendation": "#CC79A7",
}
KIND_NAMES = {
    "binding": "binding (treaty or statute)",
    "customary": "customary (binds all States)",
    "nonbinding": "non-binding (soft law)",
    "recommendation": "recommendation",
}
KIND_SHORT = {
    "binding": "binding",
    "customary": "customary",
    "nonbinding": "non-binding",
    "recommendation": "recommendations",
}
DUTY_TYPES = ("Obligation", "Prohibition", "Recommendation")
COLUMNS = ("bearer", "group", "duty", "provision", "instrument")
COLUMN_TITLES = {
    "bearer": "bearer",
    "group": "as one of",
    "duty": "duty or recommendation",
    "provision": "provision",
    "instrument": "instrument",
}
COLUMN_WIDTH = {"bearer": 170, "group": 160, "duty": 400, "provision": 150, "instrument": 250}
COLUMN_CHARS = {"bearer": 24, "group": 22, "duty": 64, "provision": 21, "instrument": 36}
ROW, BOX, TOP, FONT, MARGIN, GAP = 44, 36, 134, 11, 20, 50
MEMBERSHIP_COLOUR, PART_COLOUR, NOTE_COLOUR = "#444444", "#888888", "#666666"
PICTURE_EXTRA = "PNG output needs matplotlib: pip install 'dutygraph[picture]'"


# ---------------------------------------------------------------- the data behind the picture


def picture_data(
    dataset: Dataset | Graph, bearer: str | None = None, kind: str | Sequence[str] | None = None
) -> dict[str, Any]:
    """Duties of ``kind`` (one or several), who owes them (also via a group), bases and labels."""
    network = to_networkx(dataset)
    selected = _resolve_bearers(dataset, network, bearer) if bearer else []
    duties = [
        _duty(network, node)
        for node, attributes in network.nodes(data=True)
        if attributes["type"] in DUTY_TYPES
    ]
    duties = [d for d in duties if _wanted(d, selected, kind)]
    return {
        "title": f"Who owes what: {bearer}" if bearer else "Who owes what",
        "subtitle": summary(duties),
        "selectedBearer": selected[0] if selected else "",
        "bearerOptions": _bearer_options(network, duties, selected),
        "duties": duties,
        "actors": _labels(network, {e["actor"] for d in duties for e in d["owedBy"]}),
        "sources": _sources(network, duties),
        "kinds": [
            {"kind": k, "colour": KIND_COLOURS[k], "name": KIND_NAMES[k], "short": KIND_SHORT[k]}
            for k in KINDS
        ],
    }


def summary(duties: list[dict[str, Any]]) -> str:
    """How many duties of each kind, and from which documents."""
    counts = [(sum(d["kind"] == k for d in duties), k) for k in KINDS]
    kinds = ", ".join(f"{n} {KIND_SHORT[k]}" for n, k in counts if n)
    sources = ", ".join(sorted({d["source"] for d in duties if d["source"]}))
    return f"{len(duties)} duties and recommendations ({kinds or 'none'}) from {sources or '-'}"


def _resolve_bearers(dataset: Dataset | Graph, network: nx.MultiDiGraph, name: str) -> list[str]:
    found = [
        str(iri)
        for iri in resolve_parameter(union_of(dataset), name)
        if network.nodes.get(str(iri), {}).get("category") == "actor"
    ]
    if not found:
        raise DutygraphError(f"--bearer {name}: no actor in the graph has that label or IRI")
    return found


def _wanted(duty: dict[str, Any], selected: list[str], kind: str | Sequence[str] | None) -> bool:
    if kind and duty["kind"] not in ([kind] if isinstance(kind, str) else kind):
        return False
    return not selected or any(e["actor"] in selected for e in duty["owedBy"])


def _duty(network: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    attributes = network.nodes[node]
    direct = [
        {"actor": target, "via": "", "derivation": data["derivation"]}
        for target, data in _out(network, node, "bearer")
    ]
    basis = [
        target
        for target, _ in _out(network, node, "basis")
        if network.nodes[target]["category"] in ("provision", "instrument")
    ]
    return {
        "id": node,
        **{key: attributes[key] for key in ("label", "type", "kind", "force", "derivation")},
        **{key: attributes[key] for key in ("action", "quote", "source")},
        "begin": attributes["quote_begin"],
        "end": attributes["quote_end"],
        "basis": sorted(set(basis)),
        "direct": direct,
        "owedBy": direct + _through_groups(network, direct),
    }


def _out(network: nx.MultiDiGraph, node: str, relation: str) -> list[tuple[str, dict[str, Any]]]:
    return sorted(
        (target, data)
        for _, target, data in network.out_edges(node, data=True)
        if data["relation"] == relation
    )


def _through_groups(network: nx.MultiDiGraph, direct: list[dict[str, str]]) -> list[dict[str, str]]:
    """Members of a bearing group owe its duties too (rules 20 and 30: derived, not stated)."""
    owed: list[dict[str, str]] = []
    for entry in direct:
        group = entry["actor"]
        members = {
            m for m, _, d in network.in_edges(group, data=True) if d["relation"] == "part_of"
        }
        members |= {target for target, _ in _out(network, group, "includes")}
        owed.extend(
            {"actor": member, "via": group, "derivation": "inferred"}
            for member in sorted(members)
            if network.nodes[member]["category"] == "actor"
        )
    return owed


def _bearer_options(
    network: nx.MultiDiGraph, duties: list[dict[str, Any]], selected: list[str]
) -> list[str]:
    owing = selected or {e["actor"] for d in duties for e in d["owedBy"]}
    return sorted(owing, key=lambda actor: network.nodes[actor]["label"].casefold())


def _labels(network: nx.MultiDiGraph, nodes: set[str]) -> dict[str, dict[str, str]]:
    return {
        node: {"label": network.nodes[node]["label"], "type": network.nodes[node]["type"]}
        for node in sorted(nodes)
    }


def _sources(network: nx.MultiDiGraph, duties: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each basis, and for a provision the instruments it is part of."""
    sources: dict[str, dict[str, Any]] = {}
    for node in sorted({basis for duty in duties for basis in duty["basis"]}):
        wholes = [t for t, _ in _out(network, node, "part_of")]
        for whole in [node, *wholes]:
            attributes = network.nodes[whole]
            sources[whole] = {
                "label": attributes["label"],
                "type": attributes["type"],
                "category": attributes["category"],
                "partOf": [t for t, _ in _out(network, whole, "part_of")],
            }
    return sources


# ---------------------------------------------------------------- the layered layout


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


def wrap(text: str, column: str) -> list[str]:
    """At most two lines that fit the column's box, the second cut with an ellipsis."""
    limit = COLUMN_CHARS[column]
    lines = textwrap.wrap(" ".join(text.split()), limit) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: limit - 1] + "\u2026"]
    return lines


# ---------------------------------------------------------------- shapes, for SVG and PNG


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


# ---------------------------------------------------------------- SVG


def picture_svg(
    dataset: Dataset | Graph, bearer: str | None = None, kind: str | Sequence[str] | None = None
) -> str:
    return scene_svg(layout(picture_data(dataset, bearer, kind)))


def scene_svg(scene: Scene) -> str:
    width, height = round(scene.width), round(scene.height)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif">\n'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
    )
    body = [_svg_shape(shape) for shape in scene_shapes(scene)]
    return "\n".join([head, *body, "</svg>"]) + "\n"


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Rect):
        dash = ' stroke-dasharray="5 3"' if shape.dashed else ""
        return (
            f'<rect x="{shape.x:.1f}" y="{shape.y:.1f}" width="{shape.width:.1f}" '
            f'height="{shape.height:.1f}" rx="5" fill="{shape.fill}" stroke="{shape.stroke}" '
            f'stroke-width="1.5"{dash}/>'
        )
    if isinstance(shape, Text):
        clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", " ", shape.text)
        weight = ' font-weight="bold"' if shape.bold else ""
        return (
            f'<text x="{shape.x:.1f}" y="{shape.y:.1f}" font-size="{shape.size}" '
            f'fill="{shape.colour}"{weight}>{html.escape(clean)}</text>'
        )
    dash = ' stroke-dasharray="6 4"' if shape.dashed else ""
    return (
        f'<path d="{_svg_path(shape.points)}" fill="none" stroke="{shape.colour}" '
        f'stroke-width="1.6" stroke-opacity="0.85"{dash}/>'
    )


def _svg_path(points: tuple[tuple[float, float], ...]) -> str:
    (x1, y1), *rest = points
    command = "C" if len(rest) == 3 else "L"
    return f"M{x1:.1f},{y1:.1f} {command}" + " ".join(f"{x:.1f},{y:.1f}" for x, y in rest)


# ---------------------------------------------------------------- PNG


def picture_png(
    dataset: Dataset | Graph, bearer: str | None = None, kind: str | Sequence[str] | None = None
) -> bytes:
    return scene_png(layout(picture_data(dataset, bearer, kind)))


def scene_png(scene: Scene, dpi: int = 150) -> bytes:
    """The SVG's shapes drawn with matplotlib, one unit a pixel at 100 dpi."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise DutygraphError(PICTURE_EXTRA) from None
    figure = Figure(figsize=(scene.width / 100, scene.height / 100), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, scene.width)
    axes.set_ylim(scene.height, 0)
    axes.axis("off")
    for shape in scene_shapes(scene):
        _draw(axes, shape)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def _draw(axes: Any, shape: Shape) -> None:
    from matplotlib.patches import FancyBboxPatch, PathPatch
    from matplotlib.path import Path

    dashes = (0, (4, 3))
    if isinstance(shape, Rect):
        style = "round,pad=0,rounding_size=5" if shape.height > 20 else "square,pad=0"
        axes.add_patch(
            FancyBboxPatch(
                (shape.x, shape.y),
                shape.width,
                shape.height,
                boxstyle=style,
                facecolor=shape.fill,
                edgecolor=shape.stroke,
                linewidth=1.1,
                linestyle=dashes if shape.dashed else "-",
            )
        )
    elif isinstance(shape, Text):
        axes.text(
            shape.x,
            shape.y,
            shape.text,
            fontsize=shape.size * 0.72,
            color=shape.colour,
            weight="bold" if shape.bold else "normal",
            va="baseline",
        )
    else:
        codes = [Path.MOVETO] + [Path.CURVE4 if len(shape.points) == 4 else Path.LINETO] * (
            len(shape.points) - 1
        )
        axes.add_patch(
            PathPatch(
                Path(shape.points, codes),
                fill=False,
                edgecolor=shape.colour,
                linewidth=1.2,
                alpha=0.85,
                linestyle=dashes if shape.dashed else "-",
            )
        )


# ---------------------------------------------------------------- HTML


def picture_html(
    dataset: Dataset | Graph, bearer: str | None = None, kind: str | Sequence[str] | None = None
) -> str:
    data = picture_data(dataset, bearer, kind)
    script = _element_text("page.js")
    script_hash = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{script_hash}'"
    )
    return _page_file("page.html").format(
        policy=html.escape(policy, quote=False),
        title=html.escape(data["title"]),
        css=_element_text("page.css"),
        data=embedded_json(data),
        script=script,
    )


def _element_text(name: str) -> str:
    """A page file as its element's text, on lines of its own: what the script hash covers."""
    return "\n" + _page_file(name)


@cache
def _page_file(name: str) -> str:
    return resources.picture_file(name).read_text(encoding="utf-8")


def embedded_json(value: Any) -> str:
    """JSON safe inside a script element: no character can close it or start markup."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
