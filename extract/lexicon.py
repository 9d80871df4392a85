"""The relations stage's word lists and cue patterns, read from ``extract/data/lexicon.json``."""

from __future__ import annotations

import json
import re
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
    name: str
    act: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    # word sets by (list name, lower-cased): the stages ask for them per token
    _sets: dict[tuple[str, bool], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False
    )

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

    def cues(self) -> tuple[Cue, ...]:
        return tuple(
            Cue(c["name"], c["type"], c["force"], _compile(c["regex"])) for c in self.raw["cues"]
        )

    def filters(self) -> tuple[re.Pattern[str], ...]:
        return tuple(_compile(f["regex"]) for f in self.raw["filters"])

    def party_cues(self) -> tuple[PartyCue, ...]:
        return tuple(PartyCue(p["name"], p["act"], _compile(p["regex"])) for p in self.raw["party"])

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
