"""Recurring recommendations: the same bearer, theme and near-identical action in several
documents ("first made in 2002, repeated in 2007 and 2015 by 3 issuers").

The rows come from the named query ``recommendation-history``, so a file, a store and an
endpoint give the same answer; only the grouping is done here, because "near-identical" is a
comparison of words that SPARQL cannot make. Two actions are near-identical when their content
words (lowercase, without function words and a plural ``s``) overlap by at least ``SIMILAR``
(Jaccard): "ratify the Optional Protocol" and "Ratify the Optional Protocols" are one, "ratify
the Optional Protocol" and "withdraw its reservations" are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dutygraph.sparql.result import LIST_SEPARATOR, Result
from dutygraph.sparql.run import run
from dutygraph.sparql.sources import Source

SIMILAR = 0.75
COLUMNS = (
    "bearer",
    "bearer_iri",
    "theme",
    "theme_iri",
    "action",
    "documents",
    "issuers",
    "first_year",
    "years",
    "issuer",
    "statement",
    "statements",
    "evidence",
    "source",
    "start",
    "end",
)
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "any",
        "all",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "its",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "them",
        "these",
        "this",
        "those",
        "to",
        "with",
        "without",
    ]
)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Made:
    """One recommendation under one theme, as the history query gives it."""

    cells: dict[str, str]
    words: frozenset[str]

    def key(self) -> tuple[str, str]:
        return self.cells["bearer_iri"], self.cells["theme_iri"]


def recurring(source: Source, bearer: str | None = None, min_documents: int = 2) -> Result:
    """The recommendations made to ``bearer`` (or to every bearer) in at least
    ``min_documents`` documents, one row per recurring recommendation, oldest first."""
    history = run(source, "recommendation-history", {"bearer": bearer})
    groups = [
        g
        for g in _grouped(sorted(_made(history), key=_made_order))
        if len(_documents(g)) >= min_documents
    ]
    rows = tuple(_row(group) for group in groups)
    return Result(COLUMNS, tuple(sorted(rows, key=_order)))


def content_words(action: str) -> frozenset[str]:
    """The words that carry an action's meaning, folded: lowercase, no function words, no
    plural ``s``."""
    words = (w.lower() for w in _WORD.findall(action))
    return frozenset(_singular(w) for w in words if w not in _FUNCTION_WORDS)


def near_identical(one: frozenset[str], other: frozenset[str]) -> bool:
    union = one | other
    return bool(union) and len(one & other) / len(union) >= SIMILAR


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _made(history: Result) -> list[Made]:
    made = []
    for row in history.rows:
        cells = dict(zip(history.columns, row, strict=True))
        if cells["theme_iri"]:
            made.append(Made(cells, content_words(cells["action"])))
    return made


def _grouped(made: Iterable[Made]) -> list[list[Made]]:
    """Each recommendation joins the first group of its bearer and theme whose first member
    it is near-identical to (given oldest first, so a group's first member is its oldest)."""
    groups: dict[tuple[str, str], list[list[Made]]] = {}
    for one in made:
        for group in groups.setdefault(one.key(), []):
            if near_identical(group[0].words, one.words):
                group.append(one)
                break
        else:
            groups[one.key()].append([one])
    return [group for per_key in groups.values() for group in per_key]


def _documents(group: Sequence[Made]) -> set[str]:
    return {m.cells["statement"].split("/statement/")[0] for m in group}


def _row(group: Sequence[Made]) -> tuple[str, ...]:
    first = min(group, key=_made_order).cells
    years = sorted({m.cells["year"] for m in group if m.cells["year"]})
    issuers = sorted({i for m in group for i in m.cells["issuer"].split(LIST_SEPARATOR) if i})
    cells = {
        **first,
        "documents": str(len(_documents(group))),
        "issuers": str(len(issuers)),
        "first_year": years[0] if years else "",
        "years": LIST_SEPARATOR.join(years),
        "issuer": LIST_SEPARATOR.join(issuers),
        "statements": LIST_SEPARATOR.join(sorted({m.cells["statement"] for m in group})),
    }
    return tuple(cells[name] for name in COLUMNS)


def _made_order(made: Made) -> tuple[str, str, int, str]:
    c = made.cells
    return (c["date"] or "9999", c["source"], int(c["start"] or 0), c["statement"])


def _order(row: tuple[str, ...]) -> tuple[str, ...]:
    cells = dict(zip(COLUMNS, row, strict=True))
    return (
        cells["bearer"].lower(),
        cells["bearer_iri"],
        cells["theme"],
        cells["first_year"] or "9999",
        cells["action"].lower(),
        cells["statement"],
    )
