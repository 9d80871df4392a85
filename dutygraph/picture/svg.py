"""The picture as a static SVG, written by hand."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from rdflib import Dataset, Graph

from dutygraph.picture.data import picture_data
from dutygraph.picture.scene import Scene
from dutygraph.picture.shapes import Rect, Shape, Text, scene_shapes
from dutygraph.picture.views import view_drawing


def picture_svg(
    dataset: Dataset | Graph,
    bearer: str | None = None,
    kind: str | Sequence[str] | None = None,
    view: str = "duties",
) -> str:
    return shapes_svg(*view_drawing(picture_data(dataset, bearer, kind, view)))


def scene_svg(scene: Scene) -> str:
    return shapes_svg(scene.width, scene.height, scene_shapes(scene))


def shapes_svg(width_units: float, height_units: float, shapes: list[Shape]) -> str:
    width, height = round(width_units), round(height_units)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif">\n'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>'
    )
    body = [_svg_shape(shape) for shape in shapes]
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
