"""Resolutions: the body that adopts one, the duties its operative paragraphs restate, and the
note markers glued after instrument names in its text."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.ir import Entity, Layout, Mention, Span, Statement
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.subjects import INHERIT, resolve_subject
from dutygraph.resources import extract_data

if TYPE_CHECKING:
    from dutygraph.extract.context import Context

_BODIES = frozenset({"body", "organization"})
_OPENING_BLOCKS = 4
# a lone note number: 1-3 digits between an instrument's name and a word or punctuation
_LONE_NUMBER = re.compile(r" (\d{1,3})(?=[ ,;:.)]| ?$)")


@lru_cache(maxsize=1)
def _symbol_prefixes() -> tuple[tuple[str, str], ...]:
    raw = json.loads(extract_data("resolution_symbols.json").read_text(encoding="utf-8"))
    pairs = [(p["prefix"], p["body"]) for p in raw["prefixes"]]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def adopting_body(text: str, lay: Layout, mentions: Sequence[Mention]) -> str | None:
    """The body that opens the preamble (``The General Assembly,``) or the title (``Resolution
    adopted by the Human Rights Council``), else the one its symbol at the top names."""
    pattern = lexicon().pattern("resolution_opening")
    for block in lay.blocks[:_OPENING_BLOCKS]:
        for line in _lines(text, block.span):
            match = pattern.search(line.of(text))
            if match is None:
                continue
            group = "body" if match.group("body") else "title"
            named = Span(line.start + match.start(group), line.start + match.end(group))
            body = next(
                (m.key for m in mentions if m.category in _BODIES and named.contains(m.span)),
                None,
            )
            if body is not None:
                return body
    return symbol_body(text)


def _lines(text: str, span: Span) -> list[Span]:
    lines, start = [], span.start
    for line in span.of(text).split("\n"):
        lines.append(Span(start, start + len(line)))
        start += len(line) + 1
    return lines


def symbol_body(text: str) -> str | None:
    first = text.lstrip().split("\n", 1)[0].strip()
    return next((body for prefix, body in _symbol_prefixes() if first.startswith(prefix)), None)


def with_body(entities: tuple[Entity, ...], body: str | None, gaz: Gazetteer) -> tuple[Entity, ...]:
    """The adopting body as an entity, when only the symbol named it."""
    entry = gaz.entries.get(body or "")
    if entry is None or any(e.key == entry.key for e in entities):
        return entities
    added = Entity(entry.key, entry.category, entry.label, entry.rdf_type)
    return tuple(sorted((*entities, added), key=lambda e: e.key))


def stated_duties(ctx: Context) -> list[Statement]:
    """``Emphasizes the responsibility of all States to cooperate with X``: the body restates a
    duty; customary when it says the duty is one under international law, else its
    recommendation."""
    made: list[Statement] = []
    pattern = lexicon().pattern("stated_responsibility")
    for sentence in ctx.sentences:
        # the pattern is anchored at the sentence's start, so it is run on the sentence alone
        at = sentence.span.start
        match = pattern.match(sentence.span.of(ctx.text))
        if match is None:
            continue
        who = Span(at + match.start("who"), at + match.end("who"))
        bearers = resolve_subject(ctx.text, who, ctx.mentions_in(who), ctx.groups)
        action = _action(ctx.text, at + match.end(), sentence.span.end)
        if not bearers or bearers == INHERIT or action is None:
            continue
        customary = bool(match.group("law1") or match.group("law2"))
        made.append(
            Statement(
                span=Span(
                    match.start() + len(match.group()) - len(match.group().lstrip()), action.end
                ),
                type="Obligation" if customary else "Recommendation",
                bearers=bearers,
                action=action.of(ctx.text),
                action_span=action,
                trigger=re.sub(r"\s+", " ", match.group().strip().split(" of ")[0]),
                force="Binding" if customary else "NonBinding",
                customary=customary,
            )
        )
    return made


def _action(text: str, start: int, end: int) -> Span | None:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ";,.:"):
        end -= 1
    return Span(start, end) if end - start >= 2 else None


def note_numbers(text: str, lay: Layout, mentions: Sequence[Mention]) -> list[Span]:
    """Lone numbers right after instrument names (``the Fictish Convention 3 and the Fictish
    Protocol 5 relating to``): note markers when the notes explain them, or, where the notes
    were cut off, when two or more of them run in increasing order."""
    notes = {b.note for b in lay.blocks if b.note is not None}
    found: list[tuple[Span, int]] = []
    for mention in mentions:
        if mention.category != "instrument":
            continue
        lone = _LONE_NUMBER.match(text, mention.span.end)
        if lone is not None and not re.search(r"No\.?$", mention.label):
            found.append((Span(lone.start(1), lone.end(1)), int(lone.group(1))))
    if notes:
        return [span for span, number in found if number in notes]
    numbers = [number for _, number in found]
    increasing = len(found) >= 2 and numbers == sorted(set(numbers))
    return [span for span, _ in found] if increasing else []


def without_note_numbers(
    text: str, statements: Sequence[Statement], numbers: Sequence[Span]
) -> tuple[Statement, ...]:
    """Actions as the text reads with the note numbers left out."""
    result = []
    for statement in statements:
        inside = [n for n in numbers if statement.action_span.contains(n)]
        if not inside:
            result.append(statement)
            continue
        action = statement.action
        base = len(action) - len(statement.action_span)  # a lead-in may open the action
        for number in sorted(inside, reverse=True):
            start = number.start - statement.action_span.start + base
            action = action[: start - 1] + action[number.end - statement.action_span.start + base :]
        result.append(replace(statement, action=action))
    return tuple(result)
