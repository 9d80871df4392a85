"""A picture of who owes what: bearers -> duties -> provisions -> instruments.

``picture_html`` writes one self-contained page (inline CSS and JS, no network, a content
security policy that allows only its own script) from the package files ``page.html``,
``page.css``, ``themes.js`` and ``page.js``; ``picture_svg`` draws the same layered layout as
a static SVG written by hand; ``picture_png`` draws it with matplotlib (the optional
``picture`` extra). All three start from ``picture_data``; the static two lay it out with
``layout``, or, for the theme view (each bearer's duties by theme, as cells of passages), with
``theme_layout``.
"""

from dutygraph.picture.data import KINDS, VIEWS, picture_data, summary
from dutygraph.picture.html import embedded_json, picture_html
from dutygraph.picture.png import PICTURE_EXTRA, picture_png, scene_png
from dutygraph.picture.scene import Scene, layout
from dutygraph.picture.svg import picture_svg, scene_svg
from dutygraph.picture.theme_scene import ThemeScene, theme_layout

__all__ = [
    "KINDS",
    "PICTURE_EXTRA",
    "VIEWS",
    "Scene",
    "ThemeScene",
    "embedded_json",
    "layout",
    "picture_data",
    "picture_html",
    "picture_png",
    "picture_svg",
    "scene_png",
    "scene_svg",
    "summary",
    "theme_layout",
]
