"""Themes and affected persons: each statement's cues matched against the rules of
``extract/data/themes.json`` and the legal bases looked up in
``extract/data/theme_provisions.json``.

A rule's cues are read in the action as written and, for affected persons, in the beneficiaries
(and a right's holders); a basis cues the themes of its provision or instrument. A concept whose
narrower concept is also assigned (``theme:refugees-and-migration`` beside
``theme:non-refoulement``) is dropped: the narrower one says more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from rdflib import SKOS, URIRef

from dutygraph.extract.factors import factor_of, fold
from dutygraph.extract.ir import Entity, Mention, Span, Statement, ThemeAssignment, ThemeField
from dutygraph.extract.mention_index import MentionIndex
from dutygraph.extract.wordscan import present
from dutygraph.namespace import AFFECTED, DGID, THEME
from dutygraph.resources import extract_data

_PREFIXES = {"theme:": str(THEME), "affected:": str(AFFECTED)}
_PASSIVE = re.compile(r"^be (?:\w+ly )?\w+(?:ed|en|wn|ne|t)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?P<instrument>[^#]+)#article-(?P<number>[^(]+)(?P<paragraphs>\(.*)?$")


def concept_iri(name: str) -> str:
    """``theme:torture`` -> its IRI; a name without a known prefix is an error in the data."""
    for prefix, base in _PREFIXES.items():
        if name.startswith(prefix):
            return base + name.removeprefix(prefix)
    raise ValueError(f"{name!r}: a concept is named theme:... or affected:...")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _pattern(regexes: Sequence[str]) -> re.Pattern[str] | None:
    """Whole-word alternation of ``regexes``, case-insensitive (a cue may turn it off inside)."""
    if not regexes:
        return None
    # one boundary pair around the alternation: the same matches as a pair per regex, at a
    # quarter of the cost (the engine tries fewer branches at each position)
    return re.compile(r"(?<!\w)(?:" + "|".join(regexes) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    concept: str  # IRI
    fields: tuple[ThemeField, ...]
    cues: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    requires: re.Pattern[str] | None = None
    implies: tuple[str, ...] = ()  # concepts assigned with this one, on the same cue
    # words one of which every cue match holds (in the folded text): most texts hold none
    screen: frozenset[str] | None = None

    def cue_in(
        self,
        text: str,
        statement_text: str,
        written: str | None = None,
        words: frozenset[str] | None = None,
    ) -> str | None:
        """The first cue in ``text`` (one line), if the rule applies to the statement: the
        same stretch of ``written`` when ``text`` is ``written`` with parts blanked; ``words``
        are the screen words ``fold(text)`` holds, when known."""
        if self.screen is not None and words is not None and self.screen.isdisjoint(words):
            return None
        found = self.cues.search(text)
        if found is None or (self.unless is not None and self.unless.search(text)):
            return None
        if self.requires is not None and not self.requires.search(statement_text):
            return None
        return (written or text)[found.start() : found.end()]


def _rule(raw: dict[str, Any]) -> Rule:
    cues = _pattern(raw["cues"])
    if cues is None:
        raise ValueError(f"{raw['concept']}: a rule has at least one cue")
    return Rule(
        concept_iri(raw["concept"]),
        tuple(raw["fields"]),
        cues,
        _pattern(raw.get("unless", ())),
        _pattern(raw.get("requires", ())),
        tuple(map(concept_iri, raw.get("implies", ()))),
        _screen(cues),
    )


def _screen(cues: re.Pattern[str]) -> frozenset[str] | None:
    factor = factor_of(cues)
    return factor.words if factor is not None and factor.folded and factor.words else None


def _masks(raw: list[dict[str, Any]]) -> tuple[re.Pattern[str], ...]:
    masks = tuple(re.compile(rf"(?<!\w)(?:{m['regex']})", re.IGNORECASE) for m in raw)
    for mask in masks:
        if "masked" not in mask.groupindex:
            raise ValueError(f"{mask.pattern}: a mask has a group named 'masked'")
    return masks


def blanked(text: str, masks: Sequence[re.Pattern[str]]) -> str:
    """``text`` with every mask's ``masked`` group made spaces (offsets are kept)."""
    for mask in masks:
        for found in mask.finditer(text):
            start, end = found.span("masked")
            if start >= 0:
                text = text[:start] + " " * (end - start) + text[end:]
    return text


@dataclass(frozen=True)
class Classifier:
    rules: tuple[Rule, ...]
    provisions: dict[str, tuple[str, ...]]  # gazetteer key -> concept IRIs
    instruments: dict[str, tuple[str, ...]]
    masks: tuple[re.Pattern[str], ...] = ()
    ratification: str = concept_iri("theme:ratification")

    @cached_property
    def screen_words(self) -> frozenset[str]:
        """Every rule's screen words, found in a text in one pass."""
        return frozenset(word for rule in self.rules for word in rule.screen or ())

    def basis_concepts(self, key: str) -> tuple[str, ...]:
        """The concepts a basis cues: its provision's (exact, else its article's), then its
        instrument's."""
        found: list[str] = []
        article = _ARTICLE.match(key)
        if article is not None:
            exact = self.provisions.get(key)
            base = f"{article['instrument']}#article-{article['number']}"
            found.extend(exact if exact is not None else self.provisions.get(base, ()))
        found.extend(self.instruments.get(key.partition("#")[0], ()))
        return tuple(dict.fromkeys(found))


def _keyed(table: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    return {str(DGID) + key: tuple(map(concept_iri, names)) for key, names in table.items()}


def read_rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(extract_data("themes.json").read_text(encoding="utf-8"))
    return data


def read_bases() -> dict[str, Any]:
    text = extract_data("theme_provisions.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def classifier() -> Classifier:
    bases, rules = read_bases(), read_rules()
    return Classifier(
        tuple(_rule(raw) for raw in rules["rules"]),
        _keyed(bases["provisions"]),
        _keyed(bases["instruments"]),
        _masks(rules.get("masks", [])),
    )


@lru_cache(maxsize=1)
def _broader() -> dict[str, frozenset[str]]:
    """Every concept's broader concepts, transitively, from the shipped vocabulary."""
    from dutygraph.vocabulary import vocabulary_graph

    graph = vocabulary_graph()
    result: dict[str, frozenset[str]] = {}
    for concept in set(graph.subjects(SKOS.broader, None)):
        if isinstance(concept, URIRef):
            up = set(graph.transitive_objects(concept, SKOS.broader)) - {concept}
            result[str(concept)] = frozenset(map(str, up))
    return result


@dataclass(frozen=True)
class _View:
    """What the rules read of one statement: its fields' texts, one line each; the action
    also with the masks' parts blanked, which the rules match."""

    action: str
    blank_action: str
    beneficiaries: tuple[str, ...]
    whole: str  # the statement's sentence and beneficiaries, for 'requires'

    def texts(self, field: ThemeField) -> list[tuple[str, str]]:
        """(text to match, text as written) pairs of ``field``."""
        if field == "action":
            return [(self.blank_action, self.action)]
        return [(b, b) for b in self.beneficiaries]


def _view(
    text: str, statement: Statement, entities: dict[str, Entity], masks: Sequence[re.Pattern[str]]
) -> _View:
    holders = [
        _one_line(entities[key].label)
        for key in statement.bearers
        if statement.type == "Right" and key in entities and entities[key].category == "group"
    ]
    action = _one_line(_patient(text, statement) + " " + statement.action)
    blank = blanked(action, masks)
    named = [_one_line(b) for b in statement.beneficiaries]
    beneficiaries = (*(b for b in named if _names(b, blank) or not _names(b, action)), *holders)
    whole = " ".join((_one_line(statement.span.of(text)), action, *beneficiaries))
    return _View(action, blank, tuple(dict.fromkeys(beneficiaries)), whole)


def _patient(text: str, statement: Statement) -> str:
    """``All persons detained for leaving should be released``: in the passive, the words
    before the modal name whom the action is done to, so they are read with the action."""
    if not _PASSIVE.match(statement.action) or statement.action_lead is not None:
        return ""
    if not statement.span.start <= statement.action_span.start <= statement.span.end:
        return ""
    return text[statement.span.start : statement.action_span.start]


def _names(words: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text, re.IGNORECASE) is not None


def _text_cues(rules: Classifier, view: _View) -> Iterator[tuple[str, str, ThemeField]]:
    screens = rules.screen_words
    texts = {
        field: [(m, w, present(fold(m), screens)) for m, w in view.texts(field)]
        for field in ("action", "beneficiary")
    }
    for rule in rules.rules:
        for field in rule.fields:
            cue = next(
                (
                    c
                    for match, written, held in texts[field]
                    if (c := rule.cue_in(match, view.whole, written, held)) is not None
                ),
                None,
            )
            if cue is not None:
                yield rule.concept, cue, field
                break


def _implied(
    rules: Classifier, found: dict[str, tuple[str, ThemeField]]
) -> Iterator[tuple[str, str, ThemeField]]:
    """The persons a found theme always concerns, on the theme's cue."""
    for rule in rules.rules:
        if rule.implies and rule.concept in found:
            cue, field = found[rule.concept]
            for concept in rule.implies:
                yield concept, cue, field


def _basis_cues(
    rules: Classifier, statement: Statement, cues: _Cues
) -> Iterator[tuple[str, str, ThemeField]]:
    for key in statement.bases:
        for concept in rules.basis_concepts(key):
            yield concept, cues.written(key, statement.span), "basis"


def _accepted_cues(
    rules: Classifier, statement: Statement, cues: _Cues
) -> Iterator[tuple[str, str, ThemeField]]:
    """``ratify the Convention on Statelessness``: the instrument the action accepts."""
    for mention in cues.inside(statement.action_span):
        if mention.category == "instrument":
            for concept in rules.instruments.get(mention.key, ()):
                yield concept, _one_line(mention.label), "action"


class _Cues:
    """The mentions a statement's bases and accepted instruments are written as."""

    def __init__(self, mentions: Sequence[Mention], entities: dict[str, Entity]) -> None:
        self.index = MentionIndex(list(mentions))
        self.entities = entities

    def inside(self, span: Span) -> list[Mention]:
        return self.index.inside(span)

    def written(self, key: str, span: Span) -> str:
        """The words naming ``key`` in the statement, else the entity's label."""
        for mention in self.inside(span):
            if mention.key == key:
                return _one_line(mention.label)
        entity = self.entities.get(key)
        if entity is None:
            return key.removeprefix(str(DGID))
        if entity.part_of and entity.part_of in self.entities:
            return f"{entity.label} of the {self.entities[entity.part_of].label}"
        return entity.label


def _pruned(found: dict[str, tuple[str, ThemeField]]) -> dict[str, tuple[str, ThemeField]]:
    broader = _broader()
    covered = {up for concept in found for up in broader.get(concept, ())}
    return {c: v for c, v in found.items() if c not in covered}


def classify_statement(
    index: int, text: str, statement: Statement, cues: _Cues, rules: Classifier | None = None
) -> list[ThemeAssignment]:
    rules = rules or classifier()
    found: dict[str, tuple[str, ThemeField]] = {}
    view = _view(text, statement, cues.entities, rules.masks)
    for concept, cue, field in _text_cues(rules, view):
        found.setdefault(concept, (cue, field))
    for concept, cue, field in list(_implied(rules, found)):
        found.setdefault(concept, (cue, field))
    if rules.ratification in found:
        for concept, cue, field in _accepted_cues(rules, statement, cues):
            found.setdefault(concept, (cue, field))
    for concept, cue, field in _basis_cues(rules, statement, cues):
        found.setdefault(concept, (cue, field))
    return [
        ThemeAssignment(index, concept, cue, field)
        for concept, (cue, field) in sorted(_pruned(found).items())
    ]


def classify(
    text: str,
    statements: Sequence[Statement],
    entities: Sequence[Entity],
    mentions: Sequence[Mention] = (),
) -> tuple[ThemeAssignment, ...]:
    """The themes and affected persons of every statement, in statement order."""
    cues = _Cues(mentions, {e.key: e for e in entities})
    rules = classifier()
    return tuple(
        a for i, s in enumerate(statements) for a in classify_statement(i, text, s, cues, rules)
    )
