"""Each inference rule fires on a small case and does not fire on its near miss."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from dutygraph.infer import infer, rules
from dutygraph.namespace import DG, INFERRED, ODRL
from dutygraph.store import Store

PREFIXES = """
@prefix dg: <https://w3id.org/dutygraph/ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix odrl: <http://www.w3.org/ns/odrl/2/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
"""
ACT = """
ex:act a dg:TreatyAction ; prov:wasAssociatedWith ex:freedonia ; dg:instrument ex:pact ;
    dg:actionType dg:{act} ; dg:date "1982"^^xsd:gYear ; prov:wasDerivedFrom ex:span1 .
"""
GROUP_DUTY = """
ex:freedonia a dg:State .
ex:pact a dg:Treaty .
ex:art3 a dg:Provision ; eli:is_part_of ex:pact .
ex:parties a dg:ActorGroup .
ex:duty a dg:Prohibition ; dg:bearer ex:parties ; dg:action "return refugees" ;
    dg:bindingForce dg:{force} ; dg:legalBasis ex:art3 ; prov:wasDerivedFrom ex:span2 .
"""
EX = "https://example.org/"


def _inferred(turtle: str) -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.graph(URIRef(EX + "doc")).parse(data=PREFIXES + turtle, format="turtle")
    infer(dataset)
    return dataset


def _party(dataset: Dataset) -> bool:
    return (URIRef(EX + "freedonia"), DG.partyTo, URIRef(EX + "pact")) in dataset.graph(INFERRED)


def test_every_rule_file_states_its_rule_and_legal_reading() -> None:
    for rule in rules():
        assert "# Rule:" in rule.text and "# Legal reading:" in rule.text, rule.name


def test_ratification_makes_a_party() -> None:
    assert _party(_inferred(ACT.replace("{act}", "Ratification")))


def test_signature_alone_makes_no_party() -> None:
    assert not _party(_inferred(ACT.replace("{act}", "Signature")))


def test_a_later_denunciation_undoes_the_party_status() -> None:
    denounced = (
        ACT.replace("{act}", "Ratification")
        + """
    ex:exit a dg:TreatyAction ; prov:wasAssociatedWith ex:freedonia ; dg:instrument ex:pact ;
        dg:actionType dg:Denunciation ; dg:date "1999"^^xsd:gYear .
    """
    )
    assert not _party(_inferred(denounced))


NEGATED = " ; dg:negated true ; prov:wasDerivedFrom ex:span1 ."


@pytest.mark.parametrize("act", ["Ratification", "Accession", "Succession", "ConsentToBeBound"])
def test_a_negated_act_makes_no_party_and_owes_no_duty(act: str, tmp_path: Path) -> None:
    """``Freedonia is not a party to the pact``, ``has yet to ratify it``: never a party."""
    denied = ACT.replace("{act}", act).replace(" ; prov:wasDerivedFrom ex:span1 .", NEGATED)
    dataset = _inferred(denied + GROUP_DUTY.replace("{force}", "Binding"))
    assert not _party(dataset)
    assert _derived(dataset) == []
    assert not _party(_in_store(dataset, tmp_path))


def test_a_negated_act_beside_a_stated_one_is_never_the_evidence() -> None:
    """Party by one passage, denied by another (``has not ratified``, then ``acceded``): the
    derived duty rests on the act that happened."""
    denied = (
        ACT.replace("{act}", "Ratification")
        .replace("ex:act ", "ex:denied ")
        .replace(' ; dg:date "1982"^^xsd:gYear', "")
        .replace(" ; prov:wasDerivedFrom ex:span1 .", NEGATED.replace("span1", "span0"))
    )
    stated = ACT.replace("{act}", "Accession").replace(' ; dg:date "1982"^^xsd:gYear', "")
    dataset = _inferred(denied + stated + GROUP_DUTY.replace("{force}", "Binding"))
    (derived,) = _derived(dataset)
    inferred = dataset.graph(INFERRED)
    assert (derived, DG.derivedFrom, URIRef(EX + "act")) in inferred
    assert (derived, DG.derivedFrom, URIRef(EX + "denied")) not in inferred


def test_a_negated_denunciation_ends_no_party_status() -> None:
    """``Freedonia has not withdrawn from the pact``: still a party."""
    kept = ACT.replace("{act}", "Ratification") + (
        "ex:exit a dg:TreatyAction ; prov:wasAssociatedWith ex:freedonia ; dg:instrument ex:pact ;"
        ' dg:actionType dg:Denunciation ; dg:negated true ; dg:date "1999"^^xsd:gYear .'
    )
    assert _party(_inferred(kept))


EXIT = """
ex:exit{n} a dg:TreatyAction ; prov:wasAssociatedWith ex:freedonia ; dg:instrument ex:pact ;
    dg:actionType dg:Denunciation {date} .
"""


def _exits(*dates: str | None) -> str:
    return "".join(
        EXIT.format(n=n, date=f'; dg:date "{date}"^^xsd:gYear' if date else "")
        for n, date in enumerate(dates)
    )


@pytest.mark.parametrize(
    ("act_dated", "exit_dates", "party"),
    [
        (True, ("1975",), True),  # left before, joined again in 1982
        (True, ("1975", "1990"), False),  # joined again, then left again
        (True, (None,), False),  # an undated exit may be the later one
        (True, ("1982",), False),  # same year: the exit is not shown to come first
        (False, ("1975",), False),  # an undated act cannot be shown to follow the exit
        (True, (), True),
    ],
)
def test_an_exit_undoes_only_an_act_it_does_not_precede(
    act_dated: bool, exit_dates: tuple[str | None, ...], party: bool, tmp_path: Path
) -> None:
    act = ACT.replace("{act}", "Accession")
    if not act_dated:
        act = act.replace(' ; dg:date "1982"^^xsd:gYear', "")
    dataset = _inferred(act + _exits(*exit_dates))
    assert _party(dataset) is party
    assert _party(_in_store(dataset, tmp_path)) is party


def _in_store(dataset: Dataset, folder: Path) -> Dataset:
    """The same triples through the store's rules (Oxigraph), read back as a dataset."""
    store = Store(folder)
    asserted = Graph()
    for triple in dataset.graph(URIRef(EX + "doc")):
        asserted.add(triple)
    store.load_document(EX + "doc", asserted.serialize(format="nt"))
    store.run_rules()
    result = Dataset()
    result.graph(INFERRED).parse(data=store.graph_text(str(INFERRED)), format="nt")
    return result


def test_every_state_is_part_of_all_states_but_not_a_group() -> None:
    dataset = _inferred("ex:freedonia a dg:State . ex:parties a dg:ActorGroup .")
    inferred = dataset.graph(INFERRED)
    assert (URIRef(EX + "freedonia"), ODRL.partOf, DG.AllStates) in inferred
    assert (URIRef(EX + "parties"), ODRL.partOf, DG.AllStates) not in inferred


def test_named_members_are_part_of_their_group_and_others_are_not() -> None:
    dataset = _inferred(
        "ex:group a dg:ActorGroup ; dg:includes ex:freedonia . ex:sylvania a dg:State ."
    )
    inferred = dataset.graph(INFERRED)
    assert (URIRef(EX + "freedonia"), ODRL.partOf, URIRef(EX + "group")) in inferred
    assert (URIRef(EX + "sylvania"), ODRL.partOf, URIRef(EX + "group")) not in inferred


def _derived(dataset: Dataset) -> list[URIRef]:
    return [
        s
        for s in dataset.graph(INFERRED).subjects(DG.bearer, URIRef(EX + "freedonia"))
        if isinstance(s, URIRef)
    ]


def test_a_party_owes_the_binding_group_duty_of_its_treaty() -> None:
    dataset = _inferred(
        ACT.replace("{act}", "Accession") + GROUP_DUTY.replace("{force}", "Binding")
    )
    (derived,) = _derived(dataset)
    inferred = dataset.graph(INFERRED)
    assert (derived, DG.inferredBy, None) in inferred
    assert (derived, DG.legalBasis, URIRef(EX + "art3")) in inferred
    assert (derived, DG.bindingForce, DG.Binding) in inferred
    # The evidence is the norm's passage; the party fact's passage is one step away, on the act.
    evidence = set(inferred.objects(derived, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
    assert evidence == {URIRef(EX + "span2")}
    assert (derived, DG.derivedFrom, URIRef(EX + "act")) in inferred
    assert (derived, DG.derivedFrom, URIRef(EX + "duty")) in inferred


def test_no_duty_is_derived_for_a_signatory_or_from_soft_law() -> None:
    signed = _inferred(ACT.replace("{act}", "Signature") + GROUP_DUTY.replace("{force}", "Binding"))
    soft = _inferred(
        ACT.replace("{act}", "Accession") + GROUP_DUTY.replace("{force}", "PersuasiveAuthority")
    )
    assert _derived(signed) == []
    assert _derived(soft) == []


def test_the_rules_reach_a_fixpoint() -> None:
    dataset = _inferred(
        ACT.replace("{act}", "Ratification") + GROUP_DUTY.replace("{force}", "Binding")
    )
    before = len(dataset.graph(INFERRED))
    infer(dataset)
    assert len(dataset.graph(INFERRED)) == before
