"""Inference: the SPARQL UPDATE rules of ``queries/rules/*.ru``, run to a fixpoint.

Derived triples go into one named graph (``INFERRED``) so that what a text asserts and what
the rules derive stay apart; the rules read the union of all graphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Dataset
from rdflib.plugins.sparql import prepareUpdate
from rdflib.plugins.sparql.sparql import Update

from dutygraph import resources
from dutygraph.namespace import INFERRED

MAX_ROUNDS = 20


@dataclass(frozen=True)
class Rule:
    name: str
    text: str
    update: Update


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    found = []
    for source in resources.rule_files():
        text = source.read_text(encoding="utf-8")
        found.append(Rule(source.name.removesuffix(".ru"), text, prepareUpdate(text)))
    return tuple(found)


def infer(dataset: Dataset) -> int:
    """Apply every rule until none adds a triple; returns the number of inferred triples."""
    inferred = dataset.graph(INFERRED)
    for _ in range(MAX_ROUNDS):
        before = len(inferred)
        for rule in rules():
            dataset.update(rule.update)
        if len(inferred) == before:
            break
    return len(inferred)
