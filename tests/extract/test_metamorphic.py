"""Metamorphic: the same text with real names (shipped vocabulary) and with fictional names
(fictional vocabulary) gives the same numbers of statements, party facts, memberships and
entities, so no rule depends on a particular name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from dutygraph.extract.gazetteer import Gazetteer, default_gazetteer
from dutygraph.extract.ir import Extraction

ExtractText = Callable[[str, Gazetteer], Extraction]

TEMPLATE = """\
{A} and the {SHORT}

{A} ratified the {TREATY} in 1982. It acceded to its Protocol in 1986. {A} is also a member of \
the {BODY}.1 The {ADJ} government should stop the forced return of {PEOPLE}, and should allow \
the Lorimer Foundation to visit the border. {B} must not punish returnees. It shall not execute \
them either.

The international community should urge {A} to grant {PEOPLE} asylum. Countries affected by the \
crisis, including {A}, {B} and {C}, should share the burden. {C} is not a party to the \
{SHORT}, and {B} is not a party to the {TREATY}. {PEOPLE} face punishment should they return.

1 {TREATY}, article 33.
"""

REAL = {
    "A": "China",
    "ADJ": "Chinese",
    "B": "North Korea",
    "C": "Russia",
    "PEOPLE": "North Koreans",
    "TREATY": "Convention relating to the Status of Refugees",
    "SHORT": "Refugee Convention",
    "BODY": "Human Rights Council",
}
FICTIONAL = {
    "A": "Freedonia",
    "ADJ": "Freedonian",
    "B": "Sylvania",
    "C": "Ruritania",
    "PEOPLE": "Sylvanians",
    "TREATY": "Convention on the Rights of Sylvanians",
    "SHORT": "CRS",
    "BODY": "Committee on Sylvanian Rights",
}
SWAPPED = {**FICTIONAL, "A": "Ruritania", "ADJ": "Ruritanian", "C": "Freedonia"}


def profile(x: Extraction) -> dict[str, object]:
    return {
        "statements by type": Counter(s.type for s in x.statements),
        "triggers": [s.trigger for s in x.statements],
        "bearers per statement": [len(s.bearers) for s in x.statements],
        "nested": [s.urged_by for s in x.statements],
        "party facts": [(p.act, p.date) for p in x.parties],
        "memberships": len(x.memberships),
        "entities by category": Counter(e.category for e in x.entities),
    }


def test_the_text_says_something(extract_text: ExtractText) -> None:
    x = extract_text(TEMPLATE.format(**REAL), default_gazetteer())
    assert x.statements
    assert x.parties
    assert x.memberships


def test_real_and_fictional_names_give_the_same_profile(
    fictional_gazetteer: Gazetteer, extract_text: ExtractText
) -> None:
    real = extract_text(TEMPLATE.format(**REAL), default_gazetteer())
    fictional = extract_text(TEMPLATE.format(**FICTIONAL), fictional_gazetteer)
    assert profile(real) == profile(fictional)


def test_renaming_a_fictional_state_changes_only_names(
    fictional_gazetteer: Gazetteer, extract_text: ExtractText
) -> None:
    baseline = extract_text(TEMPLATE.format(**FICTIONAL), fictional_gazetteer)
    renamed = extract_text(TEMPLATE.format(**SWAPPED), fictional_gazetteer)
    assert profile(renamed) == profile(baseline)


def test_the_fictional_entries_change_nothing_for_real_names(
    fictional_gazetteer: Gazetteer, extract_text: ExtractText
) -> None:
    shipped = extract_text(TEMPLATE.format(**REAL), default_gazetteer())
    union = extract_text(TEMPLATE.format(**REAL), fictional_gazetteer)
    assert union.statements == shipped.statements
    assert union.parties == shipped.parties
    assert union.entities == shipped.entities
