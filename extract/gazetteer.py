"""Gazetteer: leftmost-longest matching of the SKOS vocabulary labels over the text.

Labels of three or more words match case-insensitively (titles vary in capitalisation); shorter
labels match with their exact capitals, so "Chad" the state is never "chad", nor "US" "us".
A demonym names its state only before an organ noun ("the Freedonian government", "the
Freedonian coast guard"); a state's name before an organ noun of two or more words ("Freedonia
border police") is taken together with it, since later stages see only a one-word organ after it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDF, SKOS, Graph, URIRef

from dutygraph.extract.ir import Entity, Mention, MentionCategory, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.titles import local_key
from dutygraph.extract.tokens import Token, span_tokens, token_words
from dutygraph.namespace import DG, ELI

_CATEGORY_BY_CLASS: dict[str, MentionCategory] = {
    "State": "state",
    "Treaty": "instrument",
    "Declaration": "instrument",
    "SoftLawInstrument": "instrument",
    "Resolution": "instrument",
    "DomesticLaw": "instrument",
    "UNDocument": "instrument",
    "Organization": "organization",
    "Body": "body",
    "SpecialProcedure": "body",
    "ActorGroup": "group",
}
_CASE_FREE_WORDS = 3
# "Latin American", "Inter-American", "Afro-Caribbean": the adjective names a region, not a state.
_REGION_PREFIXES = frozenset(
    {
        "Latin",
        "Central",
        "North",
        "South",
        "East",
        "West",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Pan",
        "Anglo",
        "Afro",
        "Inter",
    }
)


@dataclass(frozen=True)
class Entry:
    key: str
    category: MentionCategory
    rdf_type: str
    label: str  # the preferred label


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    # (entry, exact token spelling or None when case-free)
    ends: list[tuple[Entry, tuple[str, ...] | None]] = field(default_factory=list)


@dataclass
class Gazetteer:
    """A token trie over vocabulary labels; ``demonyms`` maps an adjective's tokens to its state
    entry (``("Bissau", "-", "Guinean")``)."""

    root: _Node = field(default_factory=_Node)
    demonyms: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    demonym_starts: set[str] = field(default_factory=set)  # most tokens start no demonym
    entries: dict[str, Entry] = field(default_factory=dict)
    protocols: dict[str, str] = field(default_factory=dict)  # treaty key -> its protocol's key
    monitored: dict[str, tuple[str, ...]] = field(default_factory=dict)  # body -> its treaties
    adopted: dict[str, str] = field(default_factory=dict)  # instrument -> the year it was adopted
    graph: Graph = field(default_factory=Graph)  # the vocabulary the entries come from

    def add(self, label: str, entry: Entry) -> None:
        words = token_words(label)
        if not words:
            return
        node = self.root
        for word in words:
            node = node.children.setdefault(word.lower(), _Node())
        exact = None if len(_content_words(words)) >= _CASE_FREE_WORDS else words
        node.ends.append((entry, exact))
        self.entries.setdefault(entry.key, entry)

    def longest_at(self, tokens: list[Token], i: int) -> tuple[Entry, int] | None:
        """The longest label starting at token ``i``: its entry and the index after its end."""
        node, best = self.root, None
        for j in range(i, len(tokens)):
            child = node.children.get(tokens[j].text.lower())
            if child is None:
                break
            node = child
            for entry, exact in node.ends:
                if exact is None or exact == tuple(t.text for t in tokens[i : j + 1]):
                    best = (entry, j + 1)
                    break
        return best


def _content_words(words: tuple[str, ...]) -> list[str]:
    return [w for w in words if w[0].isalnum()]


def _entity_class(graph: Graph, subject: URIRef) -> str | None:
    for cls in graph.objects(subject, RDF.type):
        name = str(cls).removeprefix(str(DG))
        if name in _CATEGORY_BY_CLASS:
            return name
    return None


def gazetteer_from_graph(graph: Graph) -> Gazetteer:
    gaz = Gazetteer(graph=graph)
    for protocol, parent in sorted(graph.subject_objects(DG.protocolTo), key=str):
        gaz.protocols.setdefault(str(parent), str(protocol))
    protocols = set(graph.subjects(DG.protocolTo, None))
    for instrument, date in graph.subject_objects(ELI.date_document):
        gaz.adopted[str(instrument)] = str(date)[:4]
    for treaty, body in sorted(graph.subject_objects(DG.monitoredBy), key=str):
        if treaty not in protocols:
            gaz.monitored[str(body)] = (*gaz.monitored.get(str(body), ()), str(treaty))
    for subject in sorted(set(graph.subjects(RDF.type, SKOS.Concept)), key=str):
        if not isinstance(subject, URIRef):
            continue
        cls = _entity_class(graph, subject)
        pref = graph.value(subject, SKOS.prefLabel)
        if cls is None or pref is None:
            continue
        entry = Entry(str(subject), _CATEGORY_BY_CLASS[cls], cls, str(pref))
        for prop in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            for label in graph.objects(subject, prop):
                gaz.add(str(label), entry)
        for demonym in graph.objects(subject, DG.demonym):
            words = token_words(str(demonym))
            gaz.demonyms[words] = entry
            gaz.demonym_starts.update(words[:1])
    return gaz


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    from dutygraph.vocabulary import vocabulary_graph

    return gazetteer_from_graph(vocabulary_graph())


def find_mentions(
    text: str, gaz: Gazetteer, spans: Sequence[Span], tokens: Sequence[list[Token]] | None = None
) -> tuple[Mention, ...]:
    """Vocabulary mentions inside ``spans`` (sentence spans of the masked text); ``tokens``, the
    spans' tokens when the caller has them already."""
    found: list[Mention] = []
    for words in span_tokens(text, spans) if tokens is None else tokens:
        found.extend(_mentions_in(text, gaz, words))
    return tuple(found)


def _mentions_in(text: str, gaz: Gazetteer, tokens: list[Token]) -> Iterator[Mention]:
    i = 0
    for start in _possible_starts(gaz, tokens):
        if start < i:
            continue  # inside the mention found before
        i = start
        word = tokens[i].text
        label_start = word.lower() in gaz.root.children and not _inside_symbol(tokens, i)
        hit = gaz.longest_at(tokens, i) if label_start else None
        if hit is not None:
            entry, after = hit
            end = _with_long_organ(tokens, after) if entry.category == "state" else after
            span = Span(tokens[i].start, tokens[end - 1].end)
            if end > after and _is_body_organ(tokens, after, end):
                yield organ_mention(text, span, entry.key)
            else:
                yield Mention(span, entry.key, entry.category, span.of(text), "label")
            i = end
            continue
        demonym = _demonym_at(text, gaz, tokens, i) if word in gaz.demonym_starts else None
        if demonym is not None:
            mention, i = demonym
            yield mention


def _possible_starts(gaz: Gazetteer, tokens: list[Token]) -> list[int]:
    """The tokens that may start a label or a demonym: most start neither, and need no walk
    down the trie."""
    first_words, demonym_starts = gaz.root.children, gaz.demonym_starts
    words = [t.text for t in tokens]
    return [
        i
        for i, (word, lower) in enumerate(zip(words, map(str.lower, words), strict=True))
        if lower in first_words or word in demonym_starts
    ]


def _inside_symbol(tokens: list[Token], i: int) -> bool:
    """``FRA`` in ``CAT/C/FRA/CO/7`` is a part of a document symbol, not a name."""
    if i < 2 or tokens[i - 1].text != "/":
        return False
    return tokens[i - 2].end == tokens[i - 1].start and tokens[i - 1].end == tokens[i].start


def _with_long_organ(tokens: list[Token], after: int) -> int:
    """The end of ``Freedonia coast guard``: past an organ noun of two or more words."""
    end = _organ_end(tokens, after)
    return end if end is not None and end - after >= 2 else after


def _demonym_at(
    text: str, gaz: Gazetteer, tokens: list[Token], i: int
) -> tuple[Mention, int] | None:
    """``Freedonian government``: a demonym (of up to three tokens, the first at ``i`` one of
    the gazetteer's ``demonym_starts``) followed by an organ noun; the mention and the index
    after it."""
    if _after_region_prefix(tokens, i):
        return None
    for width in (3, 2, 1):
        adjective = tuple(t.text for t in tokens[i : i + width])
        entry = gaz.demonyms.get(adjective) if i + width < len(tokens) else None
        end = _organ_end(tokens, i + width) if entry is not None else None
        if entry is not None and end is not None:
            span = Span(tokens[i].start, tokens[end - 1].end)
            if _is_body_organ(tokens, i + width, end):
                return organ_mention(text, span, entry.key), end
            return Mention(span, entry.key, entry.category, span.of(text), "demonym"), end
    return None


def _after_region_prefix(tokens: list[Token], i: int) -> bool:
    if i == 0:
        return False
    before = tokens[i - 1]
    attached = before.text == "-" and before.end == tokens[i].start
    return attached or before.text in _REGION_PREFIXES


def _organ_end(tokens: list[Token], i: int) -> int | None:
    """The index after the longest state organ noun at token ``i`` (``police``, ``coast guard``)."""
    phrases = _organ_phrases()
    widest = min(_widest_organ(), len(tokens) - i)
    for width in range(widest, 0, -1):
        if tuple(t.text.lower() for t in tokens[i : i + width]) in phrases:
            return None if _names_a_body(tokens[i + width - 1]) else i + width
    return None


def _names_a_body(head: Token) -> bool:
    """``the Freedonian Parliament``, ``the Freedonian Home Office``: a capitalised body head
    makes the phrase the name of a body of its own, which the fallback stage finds."""
    lex = lexicon()
    return head.text in lex.words("body_heads") | lex.words("single_word_bodies")


@lru_cache(maxsize=1)
def _organ_phrases() -> frozenset[tuple[str, ...]]:
    lex = lexicon()
    nouns = lex.lower_words("state_organ_nouns") | lex.lower_words("state_body_nouns")
    return frozenset(token_words(noun) for noun in nouns)


@lru_cache(maxsize=1)
def _widest_organ() -> int:
    """The most tokens of an organ phrase (measured once, not on every call)."""
    return max(map(len, _organ_phrases()), default=0)


@lru_cache(maxsize=1)
def _body_phrases() -> frozenset[tuple[str, ...]]:
    return frozenset(token_words(noun) for noun in lexicon().lower_words("state_body_nouns"))


def _is_body_organ(tokens: list[Token], start: int, end: int) -> bool:
    """``navy`` or ``border police``: an organ that is a body of its own, not the state."""
    return tuple(t.text.lower() for t in tokens[start:end]) in _body_phrases()


def organ_mention(text: str, span: Span, state: str) -> Mention:
    """``the Freedonian navy``: a local body, an organ of the state it is named after."""
    label = span.of(text)
    return Mention(span, local_key("body", label), "body", label, "organ", organ_of=state)


def entity_for(entry: Entry) -> Entity:
    return Entity(entry.key, entry.category, entry.label, entry.rdf_type)
