"""Entities: what a document names, as the graph's nodes.

A vocabulary entry the text names (directly, or through one of its organs or articles), a local
name the text gives (a fallback title, an organ, a group), a provision, and a UN document,
resolution or conclusion named by its citation, with the body that adopted it.
"""

from __future__ import annotations

from collections.abc import Sequence

from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.ir import Citation, Entity, Mention, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.mention_index import MentionIndex
from dutygraph.extract.subjects import Groups
from dutygraph.extract.titles import instrument_class, local_key

_BEFORE_CITATION = frozenset(" ,'\u2019s")
_CITATION_INSTRUMENTS = {
    "un_symbol": "UNDocument",
    "resolution": "Resolution",
    "conclusion": "SoftLawInstrument",
    "general_comment": "SoftLawInstrument",
}


def cited_instruments(
    text: str, citations: Sequence[Citation], mentions: Sequence[Mention]
) -> tuple[dict[str, Entity], list[Mention]]:
    """UN documents, resolutions and conclusions named by their citation are instruments too;
    a body named right before (``the Sylvanian Council resolution 2001/16``, ``SSC Conclusion
    No. 22``) adopted it, and an elliptical ``No. 85`` shares the adopter of the one before."""
    entities: dict[str, Entity] = {}
    found: list[Mention] = []
    previous: tuple[int, str | None] = (-(10**9), None)
    ordered = MentionIndex(mentions)
    for citation in citations:
        rdf_type = _CITATION_INSTRUMENTS.get(citation.kind)
        if rdf_type is None:
            continue
        label = _citation_label(citation)
        key = local_key(citation.kind, label)
        adopter = _adopter(text, citation, ordered)
        if adopter is None and citation.span.start - previous[0] < 300:
            adopter = previous[1]
        previous = (citation.span.end, adopter)
        entities.setdefault(
            key,
            Entity(
                key,
                "instrument",
                label,
                rdf_type,
                citation.span,
                citation=citation.text,
                adopted_by=adopter,
            ),
        )
        found.append(Mention(citation.span, key, "instrument", citation.text, "citation"))
    return entities, found


def _adopter(text: str, citation: Citation, mentions: MentionIndex) -> str | None:
    """The first body or organisation (in text order) inside the citation or right before it,
    with nothing but spaces, commas and a possessive between them."""
    start, end = citation.span.start, citation.span.end
    left = start
    while left > 0 and text[left - 1] in _BEFORE_CITATION:
        left -= 1
    for mention in mentions.reaching(left, end):
        if mention.category not in {"body", "organization"}:
            continue
        right_before = left <= mention.span.end <= start
        if right_before or citation.span.contains(mention.span):
            return mention.key
    return None


def _citation_label(citation: Citation) -> str:
    number = citation.field("number") or citation.field("symbol") or citation.text
    if citation.kind == "conclusion":
        return f"Conclusion No. {number}"
    if citation.kind == "resolution":
        return f"resolution {number}"
    if citation.kind == "general_comment":
        return citation.text
    return number


def entities_of(
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    groups: Groups,
    provisions: dict[str, Entity],
    cited: dict[str, Entity],
) -> tuple[Entity, ...]:
    entities: dict[str, Entity] = {}

    def add_entry(key: str | None, span: Span | None) -> None:
        """A vocabulary entry the document names, directly or through an organ or article."""
        entry = gaz.entries.get(key or "")
        if entry is not None and entry.key not in entities:
            entities[entry.key] = Entity(
                entry.key, entry.category, entry.label, entry.rdf_type, span
            )

    for mention in mentions:
        if mention.key in entities or mention.key in provisions or mention.key in cited:
            continue
        if mention.key in gaz.entries:
            add_entry(mention.key, mention.span)
        elif mention.via == "organ" and mention.organ_of is not None:
            entities[mention.key] = Entity(
                mention.key, "body", mention.label, "Body", mention.span, organ_of=mention.organ_of
            )
            add_entry(mention.organ_of, mention.span)
        elif mention.via == "fallback":
            entities[mention.key] = Entity(
                mention.key, mention.category, mention.label, _local_type(mention), mention.span
            )
    entities.update(provisions)
    for provision in provisions.values():
        # "(arts. 2 and 16)" of the treaty a named body monitors: that treaty, though unnamed
        add_entry(provision.part_of, provision.span)
    entities.update(cited)
    entities.update(groups.entities)
    return tuple(sorted(entities.values(), key=lambda e: e.key))


def _local_type(mention: Mention) -> str:
    if mention.category == "instrument":
        return instrument_class(mention.label)
    if mention.category == "body":
        titles = lexicon().words("special_procedure_titles")
        return "SpecialProcedure" if mention.label.startswith(tuple(titles)) else "Body"
    return "Organization"
