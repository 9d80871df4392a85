"""What reading a graph file may not do: reach the network or another file (a JSON-LD context
by reference, an XML entity), or bring in an IRI that cannot be written back; and the warning
line rdflib would print for such an IRI, which is said in our own words instead."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rdflib import Dataset, URIRef

from dutygraph.errors import DutygraphError, masked
from dutygraph.namespace import NOT_IN_IRI


@contextmanager
def rdflib_quiet() -> Iterator[None]:
    """rdflib logs a warning line for an IRI it will not write back; that IRI is refused in
    our own words below, so its line is not printed."""
    logger = logging.getLogger("rdflib")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def refuse_unwritable_iris(dataset: Dataset) -> None:
    for quad in dataset.quads((None, None, None, None)):
        for term in quad:
            node = getattr(term, "identifier", term)
            if isinstance(node, URIRef) and NOT_IN_IRI.search(node):
                shown = _one_line(repr(str(node)))
                raise DutygraphError(
                    f"IRI {shown} holds a space or another character an IRI may not hold"
                )


_ENTITY_DECLARATION = re.compile(r"<!ENTITY\b", re.IGNORECASE)


def refuse_what_reaches_out(path: Path, parser: str, data: str, allow_remote: bool) -> None:
    if parser == "xml" and _ENTITY_DECLARATION.search(data):
        raise DutygraphError(f"{path}: RDF/XML with entity declarations is not read")
    if parser == "json-ld" and not allow_remote:
        remote = _remote_context(_json_or_none(data))
        if remote is not None:
            raise DutygraphError(
                f"{path}: JSON-LD context by reference ({_one_line(remote)}) is not fetched; "
                "put the context inline, or pass --allow-remote-context"
            )


def _json_or_none(data: str) -> Any:
    try:
        return json.loads(data)
    except ValueError:
        return None  # the parser then reports the syntax error


def _remote_context(value: Any) -> str | None:
    """The first ``@context`` or ``@import`` given as a reference rather than inline."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            for key, inner in item.items():
                if key in {"@context", "@import"}:
                    found = _reference_in(inner)
                    if found is not None:
                        return found
                pending.append(inner)
    return None


def _reference_in(context: Any) -> str | None:
    entries = context if isinstance(context, list) else [context]
    return next((entry for entry in entries if isinstance(entry, str)), None)


def _one_line(text: str, width: int = 80) -> str:
    flat = masked(" ".join(text.split()))
    return flat if len(flat) <= width else flat[: width - 1] + "\u2026"
