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
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph

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
    script_hash = base64.b64encode(hashlib.sha256(PAGE_SCRIPT.encode()).digest()).decode()
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{script_hash}'"
    )
    return PAGE_TEMPLATE.format(
        policy=html.escape(policy, quote=False),
        title=html.escape(data["title"]),
        css=PAGE_CSS,
        data=embedded_json(data),
        script=PAGE_SCRIPT,
    )


def embedded_json(value: Any) -> str:
    """JSON safe inside a script element: no character can close it or start markup."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header>
  <h1 id="title"></h1>
  <p id="subtitle"></p>
  <div id="controls">
    <label>bearer <select id="bearer"></select></label>
    <span id="kinds"></span>
    <label>search <input id="search" type="search" placeholder="action, label or passage"></label>
  </div>
  <div id="legend"></div>
</header>
<main>
  <div id="canvas"><svg id="graph" xmlns="http://www.w3.org/2000/svg"></svg></div>
  <aside id="panel"><p class="hint">Click a duty to see its action, basis and passage.</p></aside>
</main>
<script type="application/json" id="dutygraph-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""

PAGE_CSS = """
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; background: #fff; }
header { padding: 10px 16px; border-bottom: 1px solid #ddd; }
h1 { font-size: 19px; margin: 0 0 2px; }
#subtitle { margin: 0 0 8px; color: #555; }
#controls { display: flex; flex-wrap: wrap; gap: 14px; align-items: center; }
#controls select, #controls input { font: inherit; padding: 2px 4px; }
#bearer { max-width: 260px; }
#search { width: 240px; }
.kind-toggle { display: inline-flex; align-items: center; gap: 4px; margin-right: 8px; }
.swatch { display: inline-block; width: 13px; height: 13px; border-radius: 3px; }
#legend { margin-top: 8px; color: #333; display: flex; flex-wrap: wrap; gap: 16px; }
.line-sample { display: inline-block; width: 36px; border-top: 2px solid #444;
  vertical-align: middle; margin-right: 4px; }
.line-sample.dashed { border-top-style: dashed; }
main { display: flex; height: calc(100vh - 130px); }
#canvas { flex: 1; overflow: auto; }
#graph { max-width: 100%; height: auto; display: block; }
#panel { width: 340px; border-left: 1px solid #ddd; padding: 12px 16px; overflow: auto; }
#panel h2 { font-size: 15px; margin: 0 0 6px; }
#panel dt { font-weight: bold; margin-top: 8px; color: #444; }
#panel dd { margin: 2px 0 0; }
#panel blockquote { margin: 10px 0; padding: 8px 10px; background: #f6f6f6;
  border-left: 4px solid #999; white-space: pre-wrap; }
.hint { color: #666; }
.node { cursor: pointer; }
.node text { pointer-events: none; font-size: 11px; }
.node text.note { font-size: 9.5px; }
.node.selected rect { stroke-width: 3; }
.dim { opacity: 0.18; }
.match rect { stroke: #000; stroke-width: 2.5; }
.column-title { font-weight: bold; fill: #555; font-size: 11px; }
"""

PAGE_SCRIPT = r"""
(function () {
  "use strict";
  var SVGNS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("dutygraph-data").textContent);
  var KINDS = data.kinds.map(function (k) { return k.kind; });
  var COLOUR = {};
  data.kinds.forEach(function (k) { COLOUR[k.kind] = k.colour; });
  var COLUMNS = ["bearer", "group", "duty", "provision", "instrument"];
  var TITLES = {bearer: "bearer", group: "as one of", duty: "duty or recommendation",
                provision: "provision", instrument: "instrument"};
  var WIDTH = {bearer: 170, group: 160, duty: 400, provision: 150, instrument: 250};
  var CHARS = {bearer: 24, group: 22, duty: 64, provision: 21, instrument: 36};
  var ROW = 44, BOX = 36, TOP = 36, MARGIN = 20, GAP = 50;
  var X = {}, GROUPS = {};
  var state = {bearer: data.selectedBearer, kinds: {}, search: "", selected: ""};
  KINDS.forEach(function (k) { state.kinds[k] = true; });
  var dutyById = {};
  data.duties.forEach(function (d) { dutyById[d.id] = d; });

  function make(tag, attributes, text, namespace) {
    var node = namespace ? document.createElementNS(namespace, tag) : document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) { node.setAttribute(k, attributes[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function svg(tag, attributes, text) { return make(tag, attributes, text, SVGNS); }

  function labelOf(id) {
    if (data.actors[id]) { return data.actors[id].label; }
    if (data.sources[id]) { return data.sources[id].label; }
    return dutyById[id] ? dutyById[id].label : id;
  }
  function noteOf(id) {
    if (!data.sources[id] || data.sources[id].category !== "instrument") { return ""; }
    return data.sources[id].type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  }
  function columnOf(id) {
    if (data.sources[id]) { return data.sources[id].category; }
    if (GROUPS[id]) { return "group"; }
    return data.actors[id] ? "bearer" : "duty";
  }
  function shownBearers(duty) {
    if (state.bearer) {
      return duty.owedBy.filter(function (e) { return e.actor === state.bearer; });
    }
    return duty.direct;
  }
  function visibleDuties() {
    return data.duties.filter(function (d) {
      return state.kinds[d.kind] && shownBearers(d).length > 0;
    });
  }

  function links(duties) {
    var result = [], seen = {}, shown = {};
    function add(source, target, colour, dashed, duty) {
      var key = source + " " + target;
      if (!seen[key]) {
        seen[key] = true;
        result.push({source: source, target: target, colour: colour, dashed: dashed, duty: duty});
      }
    }
    duties.forEach(function (d) {
      shownBearers(d).forEach(function (e) {
        if (e.via) {
          add(e.actor, e.via, "#444444", true, "");
          var stated = d.direct.filter(function (s) { return s.actor === e.via; });
          add(e.via, d.id, COLOUR[d.kind],
              stated.every(function (s) { return s.derivation === "inferred"; }), d.id);
        } else {
          add(e.actor, d.id, COLOUR[d.kind], e.derivation === "inferred", d.id);
        }
      });
      d.basis.forEach(function (b) {
        add(d.id, b, COLOUR[d.kind], d.derivation === "inferred", d.id);
        shown[b] = true;
      });
    });
    Object.keys(shown).sort().forEach(function (s) {
      data.sources[s].partOf.forEach(function (w) { add(s, w, "#888888", false, ""); });
    });
    return result;
  }

  function orderedDuties(duties) {
    var load = {};
    duties.forEach(function (d) {
      shownBearers(d).forEach(function (e) { load[e.actor] = (load[e.actor] || 0) + 1; });
    });
    var ranked = Object.keys(load).sort(function (a, b) {
      return load[b] - load[a] || labelOf(a).toLowerCase().localeCompare(labelOf(b).toLowerCase());
    });
    function rank(d) {
      var ranks = shownBearers(d).map(function (e) { return ranked.indexOf(e.actor); });
      return ranks.length ? Math.min.apply(null, ranks) : 0;
    }
    function via(d) {
      var vias = shownBearers(d).filter(function (e) { return e.via; })
        .map(function (e) { return labelOf(e.via).toLowerCase(); }).sort();
      return vias.length ? vias[0] : "";
    }
    return duties.slice().sort(function (a, b) {
      return rank(a) - rank(b) || via(a).localeCompare(via(b)) ||
        KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) ||
        a.label.toLowerCase().localeCompare(b.label.toLowerCase());
    });
  }

  function layout(duties, allLinks) {
    var boxes = {};
    orderedDuties(duties).forEach(function (d, row) {
      boxes[d.id] = {id: d.id, column: "duty", label: d.label, y: TOP + row * ROW,
                     kind: d.kind, dashed: d.derivation === "inferred"};
    });
    ["group", "bearer", "provision", "instrument"].forEach(function (column) {
      placeColumn(column, allLinks, boxes);
    });
    var x = MARGIN;
    X = {};
    COLUMNS.forEach(function (c) {
      if (c !== "group" || Object.keys(GROUPS).length) { X[c] = x; x += WIDTH[c] + GAP; }
    });
    return boxes;
  }

  function placeColumn(column, allLinks, boxes) {
    var heights = {};
    allLinks.forEach(function (l) {
      var leftward = column === "bearer" || column === "group";
      var node = leftward ? l.source : l.target, other = leftward ? l.target : l.source;
      if (columnOf(node) === column && boxes[other]) {
        (heights[node] = heights[node] || []).push(boxes[other].y);
      }
    });
    var placed = Object.keys(heights).sort().map(function (id) {
      var ys = heights[id];
      return {id: id, column: column, label: labelOf(id), kind: "", dashed: false,
              note: noteOf(id), y: ys.reduce(function (a, b) { return a + b; }, 0) / ys.length};
    });
    placed.sort(function (a, b) {
      return a.y - b.y || a.label.toLowerCase().localeCompare(b.label.toLowerCase());
    });
    var lowest = -Infinity;
    placed.forEach(function (box) {
      box.y = Math.max(box.y, lowest + ROW);
      lowest = box.y;
      boxes[box.id] = box;
    });
  }

  function wrap(text, column) {
    var words = [], lines = [], line = "", limit = CHARS[column];
    text.split(/\s+/).filter(Boolean).forEach(function (word) {
      while (word.length > limit) { words.push(word.slice(0, limit)); word = word.slice(limit); }
      words.push(word);
    });
    words.forEach(function (w) {
      if (line && (line + " " + w).length > limit) { lines.push(line); line = w; }
      else { line = line ? line + " " + w : w; }
    });
    if (line) { lines.push(line); }
    if (lines.length > 2) { lines = [lines[0], lines[1].slice(0, limit - 1) + "\u2026"]; }
    return lines.length ? lines : [""];
  }

  function tint(colour) {
    var parts = [1, 3, 5].map(function (i) {
      var c = parseInt(colour.slice(i, i + 2), 16);
      return Math.round(c + (255 - c) * 0.82);
    });
    return "rgb(" + parts.join(",") + ")";
  }

  function boxColours(box) {
    if (box.column === "duty") { return [tint(COLOUR[box.kind]), COLOUR[box.kind], "#111"]; }
    if (box.column === "bearer") { return ["#333", "#333", "#fff"]; }
    if (box.column === "group") { return ["#ddd", "#333", "#111"]; }
    return [box.column === "instrument" ? "#f2f2f2" : "#fff", "#777", "#111"];
  }

  function drawBox(group, box) {
    var colours = boxColours(box);
    var node = svg("g", {"class": "node " + box.column, "data-id": box.id});
    node.appendChild(svg("title", {}, labelOf(box.id)));
    var rect = svg("rect", {x: X[box.column], y: box.y, width: WIDTH[box.column], height: BOX,
                            rx: 5, fill: colours[0], stroke: colours[1], "stroke-width": 1.5});
    if (box.dashed) { rect.setAttribute("stroke-dasharray", "5 3"); }
    node.appendChild(rect);
    var lines = wrap(box.label, box.column);
    var notes = box.note && lines.length === 1 ? [box.note] : [];
    var top = box.y + BOX / 2 - (lines.length + notes.length - 1) * 6.5 + 4;
    lines.forEach(function (line, i) {
      node.appendChild(svg("text", {x: X[box.column] + 8, y: top + i * 13, fill: colours[2]},
                           line));
    });
    notes.forEach(function (note) {
      node.appendChild(svg("text", {x: X[box.column] + 8, y: top + 13, fill: "#666",
                                    "class": "note"}, note));
    });
    node.addEventListener("click", function () { select(box.id); });
    group.appendChild(node);
  }

  function drawLink(group, link, boxes) {
    var a = boxes[link.source], b = boxes[link.target];
    if (!a || !b) { return; }
    var x1 = X[a.column] + WIDTH[a.column], y1 = a.y + BOX / 2;
    var x2 = X[b.column], y2 = b.y + BOX / 2, m = (x1 + x2) / 2;
    var path = svg("path", {d: "M" + x1 + "," + y1 + " C" + m + "," + y1 + " " + m + "," + y2 +
                            " " + x2 + "," + y2,
                            fill: "none", stroke: link.colour, "stroke-width": 1.6,
                            "stroke-opacity": 0.8, "class": "link", "data-duty": link.duty});
    if (link.dashed) { path.setAttribute("stroke-dasharray", "6 4"); }
    group.appendChild(path);
  }

  function render() {
    var graph = document.getElementById("graph");
    while (graph.firstChild) { graph.removeChild(graph.firstChild); }
    var duties = visibleDuties();
    GROUPS = {};
    duties.forEach(function (d) {
      shownBearers(d).forEach(function (e) { if (e.via) { GROUPS[e.via] = true; } });
    });
    var allLinks = links(duties), boxes = layout(duties, allLinks);
    var bottom = TOP;
    Object.keys(boxes).forEach(function (id) { bottom = Math.max(bottom, boxes[id].y); });
    var width = X.instrument + WIDTH.instrument + MARGIN, height = bottom + BOX + 30;
    graph.setAttribute("viewBox", "0 0 " + width + " " + height);
    graph.setAttribute("width", width);
    graph.setAttribute("height", height);
    Object.keys(X).forEach(function (c) {
      graph.appendChild(svg("text", {x: X[c], y: TOP - 14, "class": "column-title"},
                            TITLES[c].toUpperCase()));
    });
    var edges = svg("g", {"class": "links"}), nodes = svg("g", {"class": "nodes"});
    allLinks.forEach(function (l) { drawLink(edges, l, boxes); });
    Object.keys(boxes).forEach(function (id) { drawBox(nodes, boxes[id]); });
    graph.appendChild(edges);
    graph.appendChild(nodes);
    if (!duties.length) {
      graph.appendChild(svg("text", {x: 20, y: TOP + 20}, "No duty matches these filters."));
    }
    document.body.setAttribute("data-rendered", String(duties.length));
    document.getElementById("subtitle").textContent = summary(duties);
    highlight();
  }

  function summary(duties) {
    var counts = data.kinds.map(function (k) {
      var n = duties.filter(function (d) { return d.kind === k.kind; }).length;
      return n ? n + " " + k.short : "";
    }).filter(Boolean);
    return duties.length + " duties and recommendations shown (" +
      (counts.join(", ") || "none") + ")";
  }

  function highlight() {
    var query = state.search.trim().toLowerCase();
    document.querySelectorAll("#graph .node").forEach(function (node) {
      var id = node.getAttribute("data-id"), d = dutyById[id];
      var text = (labelOf(id) + " " + (d ? d.action + " " + d.quote : "")).toLowerCase();
      var hit = query !== "" && text.indexOf(query) >= 0;
      node.classList.toggle("match", hit);
      node.classList.toggle("dim", query !== "" && !hit);
      node.classList.toggle("selected", id === state.selected);
    });
  }

  function select(id) {
    var duty = dutyById[id];
    if (!duty) { return; }
    state.selected = id;
    highlight();
    showDuty(duty);
  }

  function basisText(id) {
    var source = data.sources[id], wholes = source.partOf.map(labelOf);
    return source.label + (wholes.length ? ", " + wholes.join(", ") : "") +
      " (" + source.type + ")";
  }

  function bearerText(duty) {
    var entries = state.bearer ? shownBearers(duty) : duty.direct;
    return entries.map(function (e) {
      return labelOf(e.actor) + (e.via ? " (as one of " + labelOf(e.via) + ")" : "");
    }).join("; ");
  }

  function showDuty(duty) {
    var panel = document.getElementById("panel");
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    panel.appendChild(make("h2", {}, duty.type + " \u00b7 " + duty.kind));
    var list = make("dl");
    [["bearer", bearerText(duty)], ["action", duty.action],
     ["basis", duty.basis.map(basisText).join("; ") || "none stated"],
     ["binding force", duty.force], ["derivation", duty.derivation === "inferred" ?
       "derived by a rule from the party status and a group duty" : "stated in the text"]]
      .forEach(function (row) {
        list.appendChild(make("dt", {}, row[0]));
        list.appendChild(make("dd", {"class": "field-" + row[0].replace(" ", "-")}, row[1]));
      });
    panel.appendChild(list);
    panel.appendChild(make("blockquote", {id: "quote"}, duty.quote));
    panel.appendChild(make("p", {id: "offsets"}, duty.source + ", code points " + duty.begin +
                           "\u2013" + duty.end));
  }

  function controls() {
    document.getElementById("title").textContent = data.title;
    var select = document.getElementById("bearer");
    select.appendChild(make("option", {value: ""}, "all bearers"));
    data.bearerOptions.forEach(function (id) {
      select.appendChild(make("option", {value: id}, labelOf(id)));
    });
    select.value = state.bearer;
    select.addEventListener("change", function () { state.bearer = select.value; render(); });
    var kinds = document.getElementById("kinds");
    data.kinds.forEach(function (k) {
      var label = make("label", {"class": "kind-toggle"});
      var box = make("input", {type: "checkbox", value: k.kind});
      box.checked = true;
      box.addEventListener("change", function () { state.kinds[k.kind] = box.checked; render(); });
      label.appendChild(box);
      label.appendChild(make("span", {"class": "swatch", style: "background:" + k.colour}));
      label.appendChild(document.createTextNode(k.name));
      kinds.appendChild(label);
    });
    document.getElementById("search").addEventListener("input", function (event) {
      state.search = event.target.value;
      highlight();
    });
  }

  function legend() {
    var box = document.getElementById("legend");
    [["", "stated in the text"], ["dashed", "derived by a rule (party status, one of a group)"]]
      .forEach(function (item) {
        var entry = make("span");
        entry.appendChild(make("span", {"class": "line-sample " + item[0]}));
        entry.appendChild(document.createTextNode(item[1]));
        box.appendChild(entry);
      });
    box.appendChild(make("span", {}, "colour: kind of duty \u00b7 dark boxes: bearers \u00b7 " +
                         "grey boxes: provisions and instruments"));
  }

  controls();
  legend();
  render();
  // Test hook: "#test=click" clicks the first duty, "#test=click&duty=IRI" that duty.
  var hash = new URLSearchParams(window.location.hash.slice(1));
  if (hash.get("test") === "click") {
    var wanted = hash.get("duty"), target = null;
    document.querySelectorAll("#graph .node.duty").forEach(function (node) {
      if (!target && (!wanted || node.getAttribute("data-id") === wanted)) { target = node; }
    });
    if (target) { target.dispatchEvent(new MouseEvent("click", {bubbles: true})); }
  }
})();
"""
