"""Explain a statement: its passage with offsets and context, who asserted it, and for a derived
statement the rule and the asserted facts it rests on, recursively, each with its own quote."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, RDFS, SKOS, Graph, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from dutygraph.errors import DutygraphError
from dutygraph.namespace import DG, NIF, THEME
from dutygraph.pages import page_label, page_of_span
from dutygraph.sparql.params import is_iri_parameter, unbracketed
from dutygraph.vocabulary import vocabulary_graph
from dutygraph.wording import duty_phrase

CONTEXT_CHARS = 60
_KINDS = (
    DG.Obligation,
    DG.Prohibition,
    DG.Right,
    DG.Recommendation,
    DG.TreatyAction,
    DG.Membership,
)


@dataclass(frozen=True)
class Passage:
    quote: str
    start: int
    end: int
    source: str
    before: str = ""
    after: str = ""
    page: int | None = None


@dataclass(frozen=True)
class Classification:
    """Why a statement has a theme or an affected group: the words that cued it, and where."""

    concept: str
    label: str
    scheme: str  # "theme" or "affected persons"
    cue: str
    field: str

    def to_text(self) -> str:
        where = {"action": "the action", "beneficiary": "a beneficiary", "basis": "a legal basis"}
        found = where.get(self.field, self.field)
        return f'{self.scheme}: {self.label}, because of "{self.cue}" in {found}'


@dataclass(frozen=True)
class Explanation:
    node: str
    kind: str
    summary: str
    passages: tuple[Passage, ...]
    asserted_by: str
    rule: str | None = None
    grounds: tuple[Explanation, ...] = field(default=())
    classifications: tuple[Classification, ...] = field(default=())

    def to_text(self, depth: int = 0) -> str:
        pad = "  " * depth
        lines = [f"{pad}{self.kind}: {self.summary}", f"{pad}  node: {self.node}"]
        for passage in self.passages:
            where = (
                f"{passage.source}, {page_label(passage.page)}" if passage.page else passage.source
            )
            lines.append(f"{pad}  passage [{passage.start}, {passage.end}) in {where}:")
            lines.append(f"{pad}    ...{passage.before}[{passage.quote}]{passage.after}...")
        lines.append(f"{pad}  asserted by: {self.asserted_by}")
        lines.extend(f"{pad}  {c.to_text()}" for c in self.classifications)
        if self.rule:
            lines.append(f"{pad}  derived by rule {self.rule} from:")
        lines.extend(ground.to_text(depth + 2) for ground in self.grounds)
        return "\n".join(lines)


def find_statement(graph: Graph, target: str) -> URIRef:
    """The statement with IRI ``target`` (bare or in ``<>``); text is matched by
    ``matches.statement_matches``, which can list several."""
    if not is_iri_parameter(target):
        raise DutygraphError(f"{target!r} is not an IRI")
    node = URIRef(unbracketed(target))
    if (node, None, None) not in graph:
        raise DutygraphError(f"{node}: no such node in the graph")
    return node


def explain(graph: Graph, node: URIRef, seen: frozenset[URIRef] = frozenset()) -> Explanation:
    rule = graph.value(node, DG.inferredBy)
    grounds = tuple(
        explain(graph, g, seen | {node})
        for g in sorted(graph.objects(node, DG.derivedFrom), key=str)
        if isinstance(g, URIRef) and g not in seen
    )
    return Explanation(
        node=str(node),
        kind=_kind(graph, node),
        summary=_summary(graph, node),
        passages=tuple(_passages(graph, node)),
        asserted_by=_asserted_by(graph, node, rule),
        rule=str(rule) if rule is not None else None,
        grounds=grounds,
        classifications=_classifications(graph, node),
    )


def _classifications(graph: Graph, node: Node) -> tuple[Classification, ...]:
    """The statement's theme assignments, themes first, each with the cue that made it."""
    found = []
    for assignment in graph.objects(node, DG.classification):
        concept = graph.value(assignment, DG.concept)
        if concept is None:
            continue
        scheme = "theme" if str(concept).startswith(str(THEME)) else "affected persons"
        found.append(
            Classification(
                concept=str(concept),
                label=_concept_label(graph, concept),
                scheme=scheme,
                cue=str(graph.value(assignment, DG.cue) or ""),
                field=str(graph.value(assignment, DG.cueField) or ""),
            )
        )
    return tuple(sorted(found, key=lambda c: (c.scheme != "theme", c.label)))


def _concept_label(graph: Graph, concept: Node) -> str:
    """The concept's label in the graph, else in the shipped vocabulary, else its IRI."""
    label = graph.value(concept, SKOS.prefLabel)
    if label is None:
        label = vocabulary_graph().value(concept, SKOS.prefLabel)
    return str(label) if label is not None else str(concept)


def _kind(graph: Graph, node: Node) -> str:
    types = set(graph.objects(node, RDF.type))
    for kind in _KINDS:
        if kind in types:
            return str(kind).rsplit("#", 1)[-1]
    return "Node"


def _is_negated(graph: Graph, node: Node) -> bool:
    value = graph.value(node, DG.negated)
    return value is not None and bool(getattr(value, "value", False))


def _label(graph: Graph, node: Node | None) -> str:
    if node is None:
        return ""
    for prop in (SKOS.prefLabel, RDFS.label):
        value = graph.value(node, prop)
        if value is not None:
            return str(value)
    return str(node)


def _summary(graph: Graph, node: Node) -> str:
    action = graph.value(node, DG.action)
    if action is not None:
        bearers = ", ".join(sorted(_label(graph, b) for b in graph.objects(node, DG.bearer)))
        force = _label(graph, graph.value(node, DG.bindingForce)).rsplit("#", 1)[-1]
        bases = "; ".join(sorted(_label(graph, b) for b in graph.objects(node, DG.legalBasis)))
        basis = f" (basis: {bases})" if bases else ""
        return f"{bearers} - {duty_phrase(_kind(graph, node), str(action))} [{force}]{basis}"
    state = graph.value(node, PROV.wasAssociatedWith)
    if state is not None:
        act = str(graph.value(node, DG.actionType) or "").rsplit("#", 1)[-1]
        date = graph.value(node, DG.date)
        when = f" ({date})" if date is not None else ""
        instrument = _label(graph, graph.value(node, DG.instrument))
        denied = " (the text says it did not happen)" if _is_negated(graph, node) else ""
        return f"{_label(graph, state)} - {act} of {instrument}{when}{denied}"
    return _label(graph, node)


def _passages(graph: Graph, node: Node) -> list[Passage]:
    result = []
    for span in sorted(graph.objects(node, PROV.wasDerivedFrom), key=str):
        quote = graph.value(span, NIF.anchorOf)
        begin, end = graph.value(span, NIF.beginIndex), graph.value(span, NIF.endIndex)
        if quote is None or begin is None or end is None:
            continue
        context = graph.value(span, NIF.referenceContext)
        text = str(graph.value(context, NIF.isString) or "")
        start, stop = int(str(begin)), int(str(end))
        result.append(
            Passage(
                quote=str(quote),
                start=start,
                end=stop,
                source=str(graph.value(context, DCTERMS.source) or context),
                before=_words(text[max(0, start - CONTEXT_CHARS) : start], tail=True),
                after=_words(text[stop : stop + CONTEXT_CHARS], tail=False),
                page=page_of_span(graph, span),
            )
        )
    return result


def _words(text: str, tail: bool) -> str:
    """Whole words only, so the context never starts or ends inside a word."""
    text = " ".join(text.split(" ")[1:]) if tail and " " in text else text
    text = " ".join(text.split(" ")[:-1]) if not tail and " " in text else text
    return text.replace("\n", " ")


def _asserted_by(graph: Graph, node: Node, rule: Node | None) -> str:
    if rule is not None:
        return f"dutygraph rule {rule} (inferred, not stated in any text)"
    who = graph.value(node, PROV.wasAttributedTo)
    span = graph.value(node, PROV.wasDerivedFrom)
    context = graph.value(span, NIF.referenceContext) if span is not None else None
    source = graph.value(context, DCTERMS.source) if context is not None else None
    text = f"the author of {source}" if source is not None else "the source text"
    return f"{_label(graph, who)} ({text})" if who is not None else text
