"""The picture as a PNG, drawn with matplotlib (the optional ``picture`` extra)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from rdflib import Dataset, Graph

from dutygraph.errors import DutygraphError
from dutygraph.picture.data import picture_data
from dutygraph.picture.scene import Scene
from dutygraph.picture.shapes import Rect, Shape, Text, scene_shapes
from dutygraph.picture.views import view_drawing

PICTURE_EXTRA = "PNG output needs matplotlib: pip install 'dutygraph[picture]'"


def picture_png(
    dataset: Dataset | Graph,
    bearer: str | None = None,
    kind: str | Sequence[str] | None = None,
    view: str = "duties",
) -> bytes:
    return shapes_png(*view_drawing(picture_data(dataset, bearer, kind, view)))


def scene_png(scene: Scene, dpi: int = 150) -> bytes:
    return shapes_png(scene.width, scene.height, scene_shapes(scene), dpi)


def shapes_png(width: float, height: float, shapes: list[Shape], dpi: int = 150) -> bytes:
    """The SVG's shapes drawn with matplotlib, one unit a pixel at 100 dpi."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise DutygraphError(PICTURE_EXTRA) from None
    figure = Figure(figsize=(width / 100, height / 100), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(height, 0)
    axes.axis("off")
    for shape in shapes:
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
