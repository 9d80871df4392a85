"""A web page -> the text of its main content, as blank-line-separated paragraphs.

Block tags end a paragraph and ``<li>`` opens one with "· ". What is no part of the content is
dropped with all it holds: scripts and styles, navigation, asides, forms, the page's header and
footer, and any element whose id, class or role matches a pattern of
``extract/data/boilerplate.json`` (menus, cookie notices, banners, sharing widgets,
breadcrumbs). When the page marks its content (``<main>``, ``<article>``, ``role="main"``),
only the densest such block is kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser

from dutygraph.resources import extract_data

_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article",
        "title", "ul", "ol", "table", "blockquote", "header", "footer", "nav", "main", "aside",
        "dd", "dt", "hr", "figcaption", "pre", "body",
    }
)  # fmt: skip
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe"})
_CHROME_TAGS = frozenset({"nav", "aside", "form", "footer", "button", "dialog"})
_VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_WHITESPACE = re.compile(r"\s+")
_MAIN_MARK = re.compile(r"<(?:main|article)[\s>]|role\s*=\s*[\"']?main\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def boilerplate_pattern() -> re.Pattern[str]:
    """One pattern for every entry of ``extract/data/boilerplate.json``."""
    data = json.loads(extract_data("boilerplate.json").read_text(encoding="utf-8"))
    return re.compile("|".join(f"(?:{entry['regex']})" for entry in data["patterns"]), re.I)


@dataclass
class _Open:
    tag: str
    kind: str  # "drop", "main" or "plain" (a tag like a tracked one, so nesting counts)


@dataclass
class _Paragraph:
    text: str
    block: int  # which main block it lies in (-1: none)


@dataclass
class _State:
    stack: list[_Open] = field(default_factory=list)
    blocks: int = 0


class _TextCollector(HTMLParser):
    def __init__(self, main_only: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.main_only = main_only
        self.paragraphs: list[_Paragraph] = []
        self.meta: dict[str, str] = {}  # a <meta> tag's content by its name, the first of each
        self._current: list[str] = []
        self._state = _State()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._remember_meta(dict(attrs))
        kind = self._kind(tag, dict(attrs))
        if tag not in _VOID_TAGS and (kind != "plain" or self._tracked(tag)):
            if kind == "main" and not self._inside("main"):
                self._state.blocks += 1
            self._state.stack.append(_Open(tag, kind))
        if tag in _BLOCK_TAGS:
            self._end_paragraph()
            if tag == "li":
                self._current.append("· ")
        elif tag in {"td", "th"}:
            self._current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._remember_meta(dict(attrs))
        if tag in _BLOCK_TAGS:
            self._end_paragraph()

    def _remember_meta(self, values: dict[str, str | None]) -> None:
        name = values.get("property") or values.get("name") or values.get("itemprop") or ""
        content = values.get("content")
        if content is not None:
            self.meta.setdefault(name.strip().lower(), content.strip())

    def handle_endtag(self, tag: str) -> None:
        stack = self._state.stack
        for index in range(len(stack) - 1, -1, -1):
            if stack[index].tag == tag:
                del stack[index:]
                break
        if tag in _BLOCK_TAGS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._inside("drop"):
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._end_paragraph()

    def _kind(self, tag: str, attrs: dict[str, str | None]) -> str:
        if tag in _DROPPED_TAGS or tag in _CHROME_TAGS:
            return "drop"
        if tag == "header" and not self._inside("main"):
            return "drop"
        marks = " ".join(attrs.get(name) or "" for name in ("id", "class", "role"))
        if tag in {"main", "article"} or (attrs.get("role") or "").lower() == "main":
            return "main"
        if marks.strip() and boilerplate_pattern().search(marks):
            return "drop"
        return "plain"

    def _tracked(self, tag: str) -> bool:
        return any(open_.tag == tag for open_ in self._state.stack)

    def _inside(self, kind: str) -> bool:
        return any(open_.kind == kind for open_ in self._state.stack)

    def _end_paragraph(self) -> None:
        paragraph = _WHITESPACE.sub(" ", "".join(self._current)).strip()
        self._current = []
        if not paragraph or paragraph == "·":
            return
        block = self._state.blocks if self._inside("main") else -1
        if not self.main_only or block >= 0:
            self.paragraphs.append(_Paragraph(paragraph, block))


def html_to_text(markup: str) -> str:
    """The main content of an HTML page as blank-line-separated paragraphs."""
    return read_page(markup)[0]


def published_date(markup: str) -> str | None:
    """The publication date a page's ``<meta>`` tags state (``extract/data/page_dates.json``),
    as ISO text of the precision given (``2021-06-23``, ``2002-11``), or None."""
    return read_page(markup)[1]


def read_page(markup: str) -> tuple[str, str | None]:
    """The page's main content (as ``html_to_text``) and its publication date (as
    ``published_date``), from one pass over the markup."""
    collector = _collect(markup, main_only=_MAIN_MARK.search(markup) is not None)
    if collector.main_only and not collector.paragraphs:  # the mark was in a comment or script
        collector = _collect(markup, main_only=False)
    paragraphs = collector.paragraphs
    if collector.main_only and paragraphs:
        sizes: dict[int, int] = {}
        for paragraph in paragraphs:
            sizes[paragraph.block] = sizes.get(paragraph.block, 0) + len(paragraph.text)
        densest = max(sizes, key=lambda block: (sizes[block], -block))
        paragraphs = [p for p in paragraphs if p.block == densest]
    texts = [p.text for p in paragraphs]
    return "\n\n".join(texts) + ("\n" if texts else ""), _published(collector.meta)


def _collect(markup: str, main_only: bool) -> _TextCollector:
    collector = _TextCollector(main_only)
    collector.feed(markup)
    collector.close()
    return collector


def _published(meta: dict[str, str]) -> str | None:
    for name in _meta_names():
        value = meta.get(name)
        if value is not None and (date := _iso(value)) is not None:
            return date
    return None


@lru_cache(maxsize=1)
def _meta_names() -> tuple[str, ...]:
    raw = json.loads(extract_data("page_dates.json").read_text(encoding="utf-8"))
    return tuple(name.lower() for name in raw["meta_names"])


_ISO = re.compile(
    r"(?P<year>1[89]\d\d|20\d\d)(?:[-/](?P<month>\d\d)(?:[-/](?P<day>\d\d))?)?(?=$|[T\s])"
)


def _iso(value: str) -> str | None:
    match = _ISO.match(value)
    if match is None:
        return None
    year, month, day = match["year"], match["month"], match["day"]
    if month is not None and not 1 <= int(month) <= 12:
        return None
    if day is not None and not 1 <= int(day) <= 31:
        return None
    return "-".join(part for part in (year, month, day) if part is not None)
