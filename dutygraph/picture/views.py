"""The static drawing of each view: its size and its shapes, for the SVG and the PNG alike."""

from __future__ import annotations

from typing import Any

from dutygraph.picture.scene import layout
from dutygraph.picture.shapes import Shape, scene_shapes
from dutygraph.picture.theme_scene import theme_layout, theme_shapes


def view_drawing(data: dict[str, Any]) -> tuple[float, float, list[Shape]]:
    """Width, height and shapes of ``data``'s view (``picture_data(..., view=...)``)."""
    if data["view"] == "theme":
        themes = theme_layout(data)
        return themes.width, themes.height, theme_shapes(themes)
    scene = layout(data)
    return scene.width, scene.height, scene_shapes(scene)
