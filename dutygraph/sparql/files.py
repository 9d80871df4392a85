"""The SPARQL files: the shipped named queries, a user's own, what their header comments declare
(question, parameters, list columns), and the refusals (updates; SERVICE unless allowed)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.sparql import Query

from dutygraph import resources
from dutygraph.errors import DutygraphError, one_line


@lru_cache(maxsize=1)
def named_queries() -> dict[str, str]:
    """Name -> the question its header comment asks."""
    return {name: question_of(text) for name, text in _shipped_texts().items()}


@lru_cache(maxsize=1)
def named_parameters() -> dict[str, tuple[str, ...]]:
    """Name -> the ``--param`` names its header declares."""
    return {name: parameters_of(text) for name, text in _shipped_texts().items()}


@lru_cache(maxsize=1)
def _shipped_texts() -> dict[str, str]:
    return {
        source.name.removesuffix(".rq"): source.read_text(encoding="utf-8")
        for source in resources.query_files()
    }


def question_of(text: str) -> str:
    match = re.search(r"Question:\s*(.*?)(?:\s+Parameters:|$)", _header(text))
    return match.group(1).strip() if match else ""


def parameters_of(text: str) -> tuple[str, ...]:
    """The ``--param`` names a query's header declares: ``?bearer_iri`` is ``bearer``."""
    match = re.search(r"Parameters:\s*(.*?)(?:\s+Columns:|$)", _header(text))
    names = re.findall(r"\?([A-Za-z_][A-Za-z0-9_]*)", match.group(1) if match else "")
    return tuple(dict.fromkeys(name.removesuffix("_iri") for name in names))


def list_columns(text: str) -> tuple[str, ...]:
    """The columns a header says hold several values joined with " | " (``Lists: a, b``)."""
    match = re.search(r"Lists:\s*([A-Za-z0-9_, ]+)", _header(text))
    return tuple(n.strip() for n in match.group(1).split(",") if n.strip()) if match else ()


def _header(text: str) -> str:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return " ".join(lines)


def is_shipped(name_or_file: str) -> bool:
    """Whether ``name_or_file`` names one of the shipped queries (not a file of one's own)."""
    return name_or_file in named_queries()


def query_text(name_or_file: str) -> str:
    path = Path(name_or_file)
    if path.suffix == ".rq" or "/" in name_or_file:
        if not path.is_file():
            raise DutygraphError(f"{name_or_file}: no such query file")
        return path.read_text(encoding="utf-8")
    known = named_queries()
    if name_or_file not in known:
        raise DutygraphError(f"unknown query {name_or_file!r} (known: {', '.join(sorted(known))})")
    return resources.query_file(name_or_file).read_text(encoding="utf-8")


def checked_text(name_or_file: str, allow_service: bool = False) -> str:
    """The text of a named query or a query file, ready to run on any source.

    A user's file is parsed by rdflib first, so the refusals and syntax messages are the same
    everywhere; a shipped query is known to be a plain SELECT (rdflib's parser alone takes
    100-200 ms for the duties query)."""
    text = query_text(name_or_file)
    if not is_shipped(name_or_file):
        prepare(text, allow_service=allow_service)
    return text


def prepare(text: str, allow_service: bool = False) -> Query:
    """Parse a SELECT/ASK/CONSTRUCT query; refuse updates, and SERVICE unless allowed."""
    try:
        prepared = prepareQuery(text)
    except Exception as error:
        if _is_update(text):
            raise DutygraphError(
                "refused: this is a SPARQL UPDATE; queries are read-only"
            ) from None
        raise DutygraphError(f"SPARQL syntax error: {one_line(error)}") from None
    if not allow_service and has_service(prepared):
        raise DutygraphError("refused: the query has a SERVICE clause (use --allow-service)")
    return prepared


@lru_cache(maxsize=64)
def parsed(text: str) -> Query:
    """``text`` parsed for rdflib's engine, once per text (its refusals came before)."""
    return prepare(text, allow_service=True)


def has_service(prepared: Query) -> bool:
    return "ServiceGraphPattern" in repr(prepared.algebra)


def _is_update(text: str) -> bool:
    try:
        parseUpdate(text)
    except Exception:
        return False
    return True
