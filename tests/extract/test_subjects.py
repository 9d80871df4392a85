"""Subjects: which actor, actors or group a noun phrase before a modal names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dutygraph.extract.ir import Extraction, Span
from dutygraph.extract.subjects import INHERIT, Groups, resolve_subject

STATE = "https://w3id.org/dutygraph/id/state/"
FREEDONIA, SYLVANIA, RURITANIA = f"{STATE}XFD", f"{STATE}XSY", f"{STATE}XRU"
COMMITTEE = "https://w3id.org/dutygraph/id/body/sylvanian-rights-committee"
FOUNDATION = "local:organization:freedonia-rights-foundation"

Extract = Callable[[str], Extraction]


def subject(phrase: str, extract_fictional: Extract) -> tuple[tuple[str, ...], Groups]:
    """Resolve ``phrase`` as a whole, with the mentions the extractor finds in it."""
    x = extract_fictional(phrase)
    groups = Groups()
    return resolve_subject(phrase, Span(0, len(phrase)), x.mentions, groups), groups


def group(label: str) -> str:
    """A group bearer, written by its label in the rows below."""
    return f"group: {label}"


def shown(keys: tuple[str, ...], groups: Groups) -> tuple[str, ...]:
    return tuple(group(groups.entities[k].label) if k in groups.entities else k for k in keys)


ROWS = [
    ("Freedonia", (FREEDONIA,)),
    ("The Freedonian government", (FREEDONIA,)),
    ("the Sylvanian authorities", (SYLVANIA,)),
    ("the Government of Freedonia", (FREEDONIA,)),
    ("the authorities of Sylvania", (SYLVANIA,)),
    # a state's government under its own name is the state
    ("the Freedonian Government of National Concord", (FREEDONIA,)),
    (
        "the Sylvanian authorities of the interior",
        (group("Sylvanian authorities of the interior"),),
    ),
    ("The Freedonia Rights Foundation", (FOUNDATION,)),
    ("the Committee on Sylvanian Rights", (COMMITTEE,)),
    # a body's office is the body; an acronym in parentheses adds nothing
    ("the Office of the Committee on Sylvanian Rights", (COMMITTEE,)),
    ("the Committee on Sylvanian Rights (CSR)", (COMMITTEE,)),
    ("the Office of the Committee on Sylvanian Rights (CSR)", (COMMITTEE,)),
    ("the Government of Freedonia (GOF)", (FREEDONIA,)),
    # determiners are dropped
    ("the Contracting States", (group("Contracting States"),)),
    ("each Contracting State", (group("Contracting State"),)),
    ("The international community", (group("international community"),)),
    ("all States", (group("all States"),)),
    # a bare generic plural is all States; a determiner or a modifier narrows it
    ("States", (group("all States"),)),
    ("the States", (group("States"),)),
    ("Neighbouring States", (group("Neighbouring States"),)),
    # a relative clause stays in the phrase; a complementiser starts a new subject
    ("States that have not yet done so", (group("States that have not yet done so"),)),
    ("It is the sense of the Committee on Sylvanian Rights that Freedonia", (FREEDONIA,)),
    ("Everyone", (group("Everyone"),)),
    # a state's relation makes a group, not the state
    ("Freedonia's neighbours", (group("Freedonia's neighbours"),)),
    ("Freedonia\u2019s neighbours", (group("Freedonia\u2019s neighbours"),)),
    # coordination gives one bearer per conjunct
    ("Freedonia and Sylvania", (FREEDONIA, SYLVANIA)),
    (
        "Freedonia, Sylvania, and the Committee on Sylvanian Rights",
        (FREEDONIA, SYLVANIA, COMMITTEE),
    ),
    # pronouns inherit the previous bearer; the author is no bearer
    ("It", INHERIT),
    ("They", INHERIT),
    ("We", ()),
    ("Our researchers", ()),
    # an opener before the subject is skipped
    ("As an interim step, Freedonia", (FREEDONIA,)),
    ("In the meantime, the Sylvanian authorities", (SYLVANIA,)),
    ("It is the sense of the Parliament that Freedonia", (FREEDONIA,)),
    # no actor
    ("The report", ()),
    ("Freedonian citizens", ()),
]


@pytest.mark.parametrize("phrase, expected", ROWS, ids=[row[0] for row in ROWS])
def test_subject(phrase: str, expected: tuple[str, ...], extract_fictional: Extract) -> None:
    keys, groups = subject(phrase, extract_fictional)
    assert shown(keys, groups) == expected


def test_determiners_give_one_group(extract_fictional: Extract) -> None:
    plural, _ = subject("the Contracting States", extract_fictional)
    singular, _ = subject("each Contracting State", extract_fictional)
    assert plural == singular


def test_including_list_gives_a_group_with_members(extract_fictional: Extract) -> None:
    phrase = "Countries affected by the drought, including Freedonia, Sylvania and Ruritania"
    keys, groups = subject(phrase, extract_fictional)
    assert len(keys) == 1
    entity = groups.entities[keys[0]]
    assert entity.category == "group"
    assert entity.rdf_type == "ActorGroup"
    assert entity.members == (FREEDONIA, SYLVANIA, RURITANIA)
    assert entity.span is not None
    assert entity.span.of(phrase) == entity.label


def test_a_group_key_is_stable_across_documents(extract_fictional: Extract) -> None:
    first, _ = subject("Freedonia's neighbours", extract_fictional)
    second, _ = subject("Freedonia's neighbours", extract_fictional)
    assert first == second
    assert first[0].startswith("local:group:")
