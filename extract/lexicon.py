"""The relations stage's word lists and cue patterns, read from ``extract/data/lexicon.json``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from dutygraph.resources import extract_data


@dataclass(frozen=True)
class Cue:
    """A modal cue: its match starts the action; the text before it names the bearer."""

    name: str
    type: str
    force: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class PartyCue:
    """A party-status cue. ``acts`` picks the act by the words of the match's ``verb`` group
    (``ratify`` -> Ratification), else ``act``. ``negated``: the cue itself denies the act
    (``remains outside``); ``only_negated``: a base form (``ratify``) that states a fact only
    when denied (``has yet to ratify``). ``state``: where the state is named: ``subject`` (the
    clause's subject, or the main clause's after an opener such as ``As a party to X, ...``),
    ``who`` (the regex's ``who`` group), ``by`` (right after the cue), ``possessive`` (right
    before the cue's ``'s``), ``previous`` (the sentence's last fact, whose act is denied for
    the instruments after the cue: ``has ratified X but not Y``), ``lead`` (the state that opens
    the clause: ``Freedonia is bound by X, having ratified it``), ``salient`` (the document's
    state, else the passage's: a status table's row), ``same`` (the sentence's last fact's:
    ``after signing it``). ``instruments``: ``after`` the cue, ``before`` it, or
    ``previous``: the sentence's last fact's (``... and by Sylvania``). ``noun``: the act is
    named as a noun (``the accession of Freedonia to``), a fact only when the sentence neither
    asks for it nor supposes it."""

    name: str
    act: str
    regex: re.Pattern[str]
    acts: tuple[tuple[str, str], ...] = ()
    negated: bool = False
    only_negated: bool = False
    state: str = "subject"
    instruments: str = "after"
    noun: bool = False

    def act_of(self, match: re.Match[str]) -> str:
        verb = match.groupdict().get("verb")
        if verb:
            for word, act in self.acts:
                if verb.lower().startswith(word):
                    return act
        return self.act


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    # word sets by (list name, lower-cased): the stages ask for them per token
    _sets: dict[tuple[str, bool], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # cue tuples by list name, built once: the stages ask for them per sentence
    _built: dict[str, tuple[Any, ...]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, name: str) -> frozenset[str]:
        return self._word_set(name, lower=False)

    def lower_words(self, name: str) -> frozenset[str]:
        return self._word_set(name, lower=True)

    def _word_set(self, name: str, lower: bool) -> frozenset[str]:
        found = self._sets.get((name, lower))
        if found is None:
            words = self.raw["words"][name]["words"]
            found = frozenset(w.lower() for w in words) if lower else frozenset(words)
            self._sets[(name, lower)] = found
        return found

    def _cached(self, name: str, build: Callable[[], tuple[Any, ...]]) -> tuple[Any, ...]:
        found = self._built.get(name)
        if found is None:
            found = self._built[name] = build()
        return found

    def cues(self) -> tuple[Cue, ...]:
        return self._cached(
            "cues",
            lambda: tuple(
                Cue(c["name"], c["type"], c["force"], _compile(c["regex"]))
                for c in self.raw["cues"]
            ),
        )

    def filters(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compile(f["regex"]) for f in self.raw["filters"])

    def party_cues(self) -> tuple[PartyCue, ...]:
        return self._cached("party", self._build_party_cues)

    def _build_party_cues(self) -> tuple[PartyCue, ...]:
        return tuple(
            PartyCue(
                p["name"],
                p["act"],
                _compile(p["regex"]),
                tuple(p.get("acts", {}).items()),
                p.get("negated", False),
                p.get("only_negated", False),
                p.get("state", "subject"),
                p.get("instruments", "after"),
                p.get("noun", False),
            )
            for p in self.raw["party"]
        )

    def pattern(self, name: str) -> re.Pattern[str]:
        return _compile(self.raw[name]["regex"])

    def date_patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compile(p["regex"]) for p in self.raw["dates"]["patterns"])


@lru_cache(maxsize=256)
def _compile(regex: str) -> re.Pattern[str]:
    return re.compile(regex, re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(json.loads(extract_data("lexicon.json").read_text(encoding="utf-8")))
