"""Which engine finds a web page's main content: dutygraph's own rule or trafilatura.

Four page shapes are built here (an article page marked with <main>, a page of plain <div>s
marked only by class names, a press release with sharing widgets and breadcrumbs, a
recommendations page with nested lists). Each engine's text is scored: content kept (each
expected paragraph, heading and list item found as a block of its own), chrome leaked
(navigation, cookie notice, banner, sharing, footer strings found), and time per page.

    python benchmarks/html_engines.py        # trafilatura is measured when it is installed
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from dutygraph.extract.html import html_to_text

CHROME = [
    "We use cookies to improve your experience",
    "Accept all",
    "Home",
    "Our work",
    "Donate",
    "Share on social media",
    "Subscribe to our newsletter",
    "All rights reserved",
    "You are here: Reports",
]
CONTENT = [
    "Fictland: Closed Borders",
    "Thousands of Fictish refugees have crossed into Freedonia since 2001, fleeing "
    "persecution by the security forces of Fictland.",
    "Freedonia shall not expel refugees who have registered with the authorities.",
    "Recommendations",
    "Freedonia should end forced returns of Fictish refugees to Fictland.",
    "Fictland should repeal all laws that punish citizens who leave the country.",
]


def _chrome_top() -> str:
    return (
        '<div id="cookie-notice">We use cookies to improve your experience. '
        "<button>Accept all</button></div><header><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/work'>Our work</a></li><li><a href='/give'>Donate</a></li></ul></nav>"
        "</header>"
    )


def _chrome_bottom() -> str:
    return (
        '<div class="share-tools">Share on social media</div>'
        '<div class="newsletter">Subscribe to our newsletter</div>'
        "<footer>Fictional Rights Watch. All rights reserved.</footer>"
    )


def _content(list_tag: str = "ul") -> str:
    head, lead, duty, recs, first, second = CONTENT
    return (
        f"<h1>{head}</h1><p>{lead}</p><p>{duty}</p><h2>{recs}</h2>"
        f"<{list_tag}><li>{first}</li><li>{second}</li></{list_tag}>"
    )


PAGES: dict[str, str] = {
    "article with <main>": (
        f"<html><body>{_chrome_top()}<main><article>{_content()}</article></main>"
        f"{_chrome_bottom()}</body></html>"
    ),
    "divs marked by class": (
        "<html><body><div class='cookie-banner'>We use cookies to improve your experience. "
        "Accept all</div><div class='site-nav'><a>Home</a> <a>Our work</a> <a>Donate</a></div>"
        f"<div class='content'>{_content()}</div><div class='social-share'>Share on social "
        "media</div><div class='site-footer'>All rights reserved</div></body></html>"
    ),
    "press release with breadcrumbs": (
        f"<html><body>{_chrome_top()}<div class='breadcrumb'>You are here: Reports</div>"
        f"<div role='main'>{_content()}</div>{_chrome_bottom()}</body></html>"
    ),
    "recommendations in an ordered list": (
        f"<html><body>{_chrome_top()}<section>{_content('ol')}</section>"
        f"{_chrome_bottom()}</body></html>"
    ),
}


def _blocks(text: str) -> set[str]:
    return {" ".join(block.lstrip("·•-* ").split()) for block in text.split("\n") if block.strip()}


def score(engine: Callable[[str], str]) -> tuple[float, float, float]:
    """Content kept, chrome leaked (shares over all pages) and the median ms per page."""
    kept = leaked = 0
    times: list[float] = []
    for markup in PAGES.values():
        start = time.perf_counter()
        text = engine(markup)
        times.append((time.perf_counter() - start) * 1000)
        blocks = _blocks(text)
        kept += sum(paragraph in blocks for paragraph in CONTENT)
        leaked += sum(chrome in text for chrome in CHROME)
    pages = len(PAGES)
    return kept / (pages * len(CONTENT)), leaked / (pages * len(CHROME)), statistics.median(times)


def _trafilatura() -> Callable[[str], str] | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return lambda markup: trafilatura.extract(markup, include_formatting=False) or ""


def main() -> None:
    engines: dict[str, Callable[[str], str] | None] = {
        "dutygraph rule": html_to_text,
        "trafilatura": _trafilatura(),
    }
    print(f"{'engine':<16} {'content kept':>12} {'chrome leaked':>13} {'ms/page':>8}")
    for name, engine in engines.items():
        if engine is None:
            print(f"{name:<16} (not installed)")
            continue
        engine(next(iter(PAGES.values())))  # warm up: imports and caches
        kept, leaked, ms = score(engine)
        print(f"{name:<16} {kept:>12.0%} {leaked:>13.0%} {ms:>8.2f}")


if __name__ == "__main__":
    main()
