"""``--param`` values made terms and joined to query text safely, and the one label resolver.

Values never enter a query as raw text: IRIs are validated and literals escaped, and they are
joined with a ``VALUES`` block at the top of each ``WHERE`` group that uses the variable, so a
subquery sees the binding too. Every engine takes its parameters this way, so a query file
behaves the same in memory, in the store and at an endpoint, and a linked-data user binds the
same variables with a ``VALUES`` block of their own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from dutygraph.errors import DutygraphError
from dutygraph.namespace import NOT_IN_IRI
from dutygraph.sparql.files import parameters_of
from dutygraph.sparql.result import Result

# A variable bound to one term, or to several (one row of the VALUES block each).
Bindings = Mapping[str, Node | Sequence[Node]]
Select = Callable[[str, Bindings], Result]
Resolve = Callable[[str], list[URIRef]]
Params = Mapping[str, str | Sequence[str] | None]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_LANGUAGE = re.compile(r"^[A-Za-z]+(?:-[A-Za-z0-9]+)*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_WHERE = re.compile(r"WHERE\s*\{", re.IGNORECASE)
_IRI_IN_TEXT = re.compile(r"<[^<>\"{}|^`\\\s]*>")
_IRI_PARAMETER = re.compile(r"^\s*<?(?:https?|urn):")
LABEL_PROPERTIES = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2004/02/skos/core#hiddenLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "https://w3id.org/dutygraph/ns#demonym",
    "http://www.w3.org/2004/02/skos/core#notation",
)
_LABEL_VALUES = " ".join(f"<{p}>" for p in LABEL_PROPERTIES)
_LABELS_AS_WRITTEN = f"""
SELECT DISTINCT ?s ?label WHERE {{
  VALUES ?p {{ {_LABEL_VALUES} }}
  ?s ?p ?label
  FILTER(isIRI(?s))
}}"""
_LABELS_EQUAL = f"""
SELECT DISTINCT ?s ?label WHERE {{
  VALUES ?p {{ {_LABEL_VALUES} }}
  ?s ?p ?label
  FILTER(isIRI(?s) && REPLACE(LCASE(STR(?label)), "\u2019", "'") = ?wanted)
}}"""


# --- parameters ------------------------------------------------------------------------------


def bind(text: str, params: Params, resolve: Resolve) -> list[dict[str, Node | tuple[Node, ...]]]:
    """The bindings to run ``text`` under, once each: ``key`` binds ``?key_iri`` to the nodes
    ``resolve`` finds for each value (a label, alias, code or IRI), one run per node; or
    ``?key`` to the values as plain literals, all in one run (a search term, a kind)."""
    combos: list[dict[str, Node | tuple[Node, ...]]] = [{}]
    for key, given in params.items():
        variable = variable_for(text, key)  # a wrong name is refused even with no value
        values = [given] if isinstance(given, str) else list(given or ())
        if not values:
            continue
        if variable.endswith("_iri"):
            nodes = dict.fromkeys(node for value in values for node in _found(key, value, resolve))
            combos = [{**combo, variable: node} for combo in combos for node in nodes]
        else:
            literals = tuple(Literal(value) for value in values)
            term = literals[0] if len(literals) == 1 else literals
            combos = [{**combo, variable: term} for combo in combos]
    return combos


def _found(key: str, value: str, resolve: Resolve) -> list[URIRef]:
    nodes = resolve(value)
    if not nodes:
        raise DutygraphError(f"{key} {value!r}: nothing in the graph has that name, code or IRI")
    return nodes


def variable_for(text: str, key: str) -> str:
    """The variable ``--param key=...`` binds: ``?key_iri`` if the query uses it, else ``?key``."""
    for candidate in (f"{key}_iri", key):
        if re.search(rf"\?{re.escape(candidate)}\b", text):
            return candidate
    declared = parameters_of(text)
    takes = f"it takes {', '.join(declared)}" if declared else "it takes no parameters"
    raise DutygraphError(f"unknown parameter {key!r}: {takes}")


# --- VALUES ----------------------------------------------------------------------------------


def with_values(query_text: str, bindings: Bindings) -> str:
    """The query with ``VALUES (?v ...) { (term ...) }`` first in every WHERE group using ?v."""
    if not bindings:
        return query_text
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise DutygraphError(f"not a SPARQL variable name: {name!r}")
    terms = {name: _terms(value) for name, value in bindings.items()}
    pieces: list[str] = []
    last = 0
    for opening in where_groups(query_text):
        group = query_text[opening : _group_end(query_text, opening)]
        used = [name for name in terms if re.search(rf"[?$]{name}\b", group)]
        if used:
            pieces.append(query_text[last : opening + 1])
            pieces.append(_values_block(used, terms))
            last = opening + 1
    if not pieces:
        raise DutygraphError("cannot bind parameters: the query has no WHERE { ... } using them")
    return "".join(pieces) + query_text[last:]


def _terms(value: Node | Sequence[Node]) -> list[str]:
    nodes = [value] if isinstance(value, Node) else list(value)
    return [sparql_term(node) for node in nodes]


def _values_block(names: list[str], terms: Mapping[str, list[str]]) -> str:
    variables = " ".join(f"?{name}" for name in names)
    rows = itertools.product(*(terms[name] for name in names))
    values = " ".join(f"({' '.join(row)})" for row in rows)
    return f" VALUES ({variables}) {{ {values} }} "


def where_groups(text: str) -> list[int]:
    """Offsets of the ``{`` of each ``WHERE {`` outside comments, IRIs and strings."""
    found = []
    for start, end in _code_ranges(text):
        for match in _WHERE.finditer(text, start, end):
            found.append(match.end() - 1)
    return found


def _code_ranges(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of ``text`` that are neither comments nor string literals nor IRIs."""
    start = index = 0
    while index < len(text):
        char = text[index]
        skip_to = _skip(text, index, char)
        if skip_to is None:
            index += 1
            continue
        yield start, index
        start = index = skip_to
    yield start, len(text)


def code_of(text: str) -> str:
    """``text`` without its comments, string literals and IRIs (for a keyword search)."""
    return " ".join(text[start:end] for start, end in _code_ranges(text))


def _skip(text: str, index: int, char: str) -> int | None:
    if char == "#":
        newline = text.find("\n", index)
        return len(text) if newline < 0 else newline
    if char in "\"'":
        end = index + 1
        while end < len(text) and text[end] != char:
            end += 2 if text[end] == "\\" else 1
        return min(end + 1, len(text))
    if char == "<":
        match = _IRI_IN_TEXT.match(text, index)
        return match.end() if match else None
    return None


def _group_end(text: str, opening: int) -> int:
    depth = 0
    for start, end in _code_ranges(text[opening:]):
        for index in range(opening + start, opening + end):
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            if depth == 0:
                return index + 1
    return len(text)


def sparql_term(node: Node) -> str:
    """``node`` in SPARQL syntax: IRIs checked, literals escaped; blank nodes refused."""
    if isinstance(node, URIRef):
        return sparql_iri(str(node))
    if isinstance(node, Literal):
        return sparql_literal(node)
    if isinstance(node, BNode):
        raise DutygraphError("a blank node cannot be sent as a parameter")
    raise DutygraphError(f"cannot send {node!r} as a parameter")


def sparql_iri(iri: str) -> str:
    if not _SCHEME.match(iri) or NOT_IN_IRI.search(iri):
        raise DutygraphError(f"not a valid absolute IRI: {iri!r}")
    return f"<{iri}>"


def sparql_literal(literal: Literal) -> str:
    text = "".join(_ESCAPES.get(char, char) for char in str(literal))
    if literal.language:
        if not _LANGUAGE.match(literal.language):
            raise DutygraphError(f"not a valid language tag: {literal.language!r}")
        return f'"{text}"@{literal.language}'
    if literal.datatype is not None:
        return f'"{text}"^^{sparql_iri(str(literal.datatype))}'
    return f'"{text}"'


# --- labels ----------------------------------------------------------------------------------


def is_iri_parameter(value: str) -> bool:
    """An IRI, bare or in angle brackets as the tables print it."""
    return _IRI_PARAMETER.match(value) is not None


def unbracketed(value: str) -> str:
    """An IRI as a table prints it, ``<https://...>``, or bare."""
    stripped = value.strip()
    return stripped[1:-1] if stripped.startswith("<") and stripped.endswith(">") else stripped


def resolve(value: str, selects: Sequence[Select]) -> list[URIRef]:
    """An IRI as given (``<...>`` or bare), or every IRI whose label, alias or code (a state's
    ISO 3166 alpha-3) equals ``value`` case-insensitively, in the first of ``selects`` (each
    runs a SELECT on one source) where any does.

    The index answers first, for the value as written and its usual casings (0.3 ms on a
    1,000-report store); only when none matches are all labels compared, lower-cased by the
    engine (80 ms there; sending them all to Python took 0.2 s). Candidates are checked with
    Unicode case folding."""
    if is_iri_parameter(value):
        iri = unbracketed(value)
        sparql_iri(iri)  # refuses an IRI that could not be sent
        return [URIRef(iri)]
    for select in selects:
        found = _labelled(select(_labels_as_written(value), {}), value)
        found = found or _labelled(select(_LABELS_EQUAL, {"wanted": Literal(_lower(value))}), value)
        if found:
            return found
    return []


def _labelled(result: Result, value: str) -> list[URIRef]:
    return sorted({URIRef(iri) for iri, label in result.rows if fold(label) == fold(value)})


def _labels_as_written(value: str) -> str:
    """A query for the IRIs labelled ``value`` as written or in its usual casings, plain or
    tagged English (the vocabularies' labels are ``@en``)."""
    casings = dict.fromkeys([value, value.lower(), value.title(), value.capitalize()])
    terms = [sparql_term(Literal(text, lang=lang)) for text in casings for lang in (None, "en")]
    values = f"VALUES ?label {{ {' '.join(terms)} }}"
    return _LABELS_AS_WRITTEN.replace("?s ?p ?label", f"{values} ?s ?p ?label")


def fold(text: str) -> str:
    """A label compared case-insensitively, with curly apostrophes made straight."""
    return text.casefold().replace("\u2019", "'")


def _lower(text: str) -> str:
    """What SPARQL's LCASE gives (no Unicode case folding), apostrophes made straight."""
    return text.lower().replace("\u2019", "'")
