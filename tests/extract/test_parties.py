"""Party status through ``extract``: each form a text states it in, and what is never a fact.

A row is a sentence (or two) and the facts it states, in text order, each as
(state, instrument, act, date, negated). The names are the fictional ones of
``tests/fixtures/fictional-vocab.ttl``; ``tests/extract/test_relations.py`` holds the older rows.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dutygraph.extract.ir import Extraction

Extract = Callable[[str], Extraction]
Fact = tuple[str, str, str, str | None, bool]

CRS = "sylvanian-rights-convention"  # "the Convention on the Rights of Sylvanians"
PROTOCOL = "sylvanian-rights-protocol"  # "the Optional Protocol to ..."
LABOUR = "freedonian-labour-covenant"  # "the International Covenant on Freedonian Labour"
TRADE = "ruritanian-trade-covenant"  # "the International Covenant on Ruritanian Trade"
PARTY, RAT, ACC, SIG = "ConsentToBeBound", "Ratification", "Accession", "Signature"


def name(key: str) -> str:
    return key.rsplit("/", 1)[-1]


def facts(x: Extraction) -> list[Fact]:
    return [(name(p.state), name(p.instrument), p.act, p.date, p.negated) for p in x.parties]


def row(text: str, *expected: Fact) -> object:
    return pytest.param(text, list(expected), id=text[:80])


POSITIVE = [
    # a relative clause after the instrument
    row(
        "The Convention on the Rights of Sylvanians, to which Freedonia is a party, protects"
        " Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
    ),
    row(
        "Sylvania cited the Convention on the Rights of Sylvanians, to which Freedonia acceded in"
        " 1999.",
        ("XFD", CRS, ACC, "1999", False),
    ),
    row(
        "The International Covenant on Freedonian Labour, which Freedonia ratified in 1997,"
        " protects workers.",
        ("XFD", LABOUR, RAT, "1997", False),
    ),
    row(
        "The Convention on the Rights of Sylvanians, to which Freedonia has been a State party"
        " since 1990, protects Sylvanians.",
        ("XFD", CRS, PARTY, "1990", False),
    ),
    # "a State party", "one of the States parties"
    row(
        "Freedonia is a State party to the International Covenant on Freedonian Labour.",
        ("XFD", LABOUR, PARTY, None, False),
    ),
    row(
        "Freedonia is one of the States parties to the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
    ),
    row(
        "Freedonia is one of 150 States parties to the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
    ),
    row(
        "Freedonia and Sylvania are both parties to the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
        ("XSY", CRS, PARTY, None, False),
    ),
    # the phrase opens the sentence: the state is the main clause's subject
    row(
        "As a party to the Convention on the Rights of Sylvanians, Freedonia must protect"
        " Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
    ),
    row(
        "As a State party to the International Covenant on Freedonian Labour, the Government of"
        " Sylvania must protect workers.",
        ("XSY", LABOUR, PARTY, None, False),
    ),
    row(
        "As a signatory to the Convention on the Rights of Sylvanians, Freedonia must not defeat"
        " its object.",
        ("XFD", CRS, SIG, None, False),
    ),
    row(
        "As a party to the Convention on the Rights of Sylvanians since 1990, Freedonia must"
        " protect Sylvanians.",
        ("XFD", CRS, PARTY, "1990", False),
    ),
    row(
        "Despite being a party to the Convention on the Rights of Sylvanians, Freedonia has"
        " returned Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
    ),
    row(
        "Having ratified the Convention on the Rights of Sylvanians in 2001, Freedonia reported"
        " to the Committee on Sylvanian Rights.",
        ("XFD", CRS, RAT, "2001", False),
    ),
    # an appositive with a date
    row(
        "Freedonia, a party to the Convention on the Rights of Sylvanians since 1990, returned"
        " Sylvanians.",
        ("XFD", CRS, PARTY, "1990", False),
    ),
    row(
        "Freedonia, a signatory to the International Covenant on Freedonian Labour, detained"
        " workers.",
        ("XFD", LABOUR, SIG, None, False),
    ),
    # "it": the one state named just before, in the same or the previous sentence
    row(
        "Freedonia hosts many Sylvanians. It has ratified the Convention on the Rights of"
        " Sylvanians.",
        ("XFD", CRS, RAT, None, False),
    ),
    row(
        "Freedonia hosts many Sylvanians. It ratified the Convention on the Rights of Sylvanians"
        " in 2001.",
        ("XFD", CRS, RAT, "2001", False),
    ),
    row(
        "Freedonia hosts many Sylvanians, and it ratified the Convention on the Rights of"
        " Sylvanians in 2001.",
        ("XFD", CRS, RAT, "2001", False),
    ),
    # every instrument of a list
    row(
        "Freedonia has ratified the Convention on the Rights of Sylvanians, the International"
        " Covenant on Freedonian Labour and the International Covenant on Ruritanian Trade.",
        ("XFD", CRS, RAT, None, False),
        ("XFD", LABOUR, RAT, None, False),
        ("XFD", TRADE, RAT, None, False),
    ),
    row(
        "Freedonia has acceded to the Convention on the Rights of Sylvanians, the International"
        " Covenant on Freedonian Labour, and the International Covenant on Ruritanian Trade.",
        ("XFD", CRS, ACC, None, False),
        ("XFD", LABOUR, ACC, None, False),
        ("XFD", TRADE, ACC, None, False),
    ),
    row(
        "Sylvania has signed the International Covenant on Freedonian Labour and the"
        " International Covenant on Ruritanian Trade.",
        ("XSY", LABOUR, SIG, None, False),
        ("XSY", TRADE, SIG, None, False),
    ),
    row(
        "Freedonia ratified the Convention on the Rights of Sylvanians in 1981, the International"
        " Covenant on Freedonian Labour in 1990 and the International Covenant on Ruritanian Trade"
        " in 2004.",
        ("XFD", CRS, RAT, "1981", False),
        ("XFD", LABOUR, RAT, "1990", False),
        ("XFD", TRADE, RAT, "2004", False),
    ),
    row(
        "Freedonia ratified the Convention on the Rights of Sylvanians in 1981 and its Optional"
        " Protocol in 2004.",
        ("XFD", CRS, RAT, "1981", False),
        ("XFD", PROTOCOL, RAT, "2004", False),
    ),
    # passive
    row(
        "The Convention on the Rights of Sylvanians was ratified by Freedonia in 2003.",
        ("XFD", CRS, RAT, "2003", False),
    ),
    row(
        "The International Covenant on Freedonian Labour and the International Covenant on"
        " Ruritanian Trade, both ratified by Sylvania, protect workers.",
        ("XSY", LABOUR, RAT, None, False),
        ("XSY", TRADE, RAT, None, False),
    ),
    row(
        "The Convention on the Rights of Sylvanians was signed by Freedonia and Sylvania on"
        " 12 May 1999.",
        ("XFD", CRS, SIG, "1999-05-12", False),
        ("XSY", CRS, SIG, "1999-05-12", False),
    ),
    # becoming a party, and the nouns of the acts
    row(
        "Freedonia has become a party to the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
    ),
    row(
        "Freedonia's accession to the Convention on the Rights of Sylvanians in 1999 was welcomed.",
        ("XFD", CRS, ACC, "1999", False),
    ),
    row(
        "Since Freedonia's ratification of the International Covenant on Freedonian Labour,"
        " workers have been protected.",
        ("XFD", LABOUR, RAT, None, False),
    ),
    row(
        "The Committee on Sylvanian Rights welcomed Sylvania's signature of the Convention on the"
        " Rights of Sylvanians in March 2001.",
        ("XSY", CRS, SIG, "2001-03", False),
    ),
    row(
        "Since Freedonia ratified the Convention on the Rights of Sylvanians in 1990, it has"
        " reported twice.",
        ("XFD", CRS, RAT, "1990", False),
    ),
    row(
        "Because Freedonia is a party to the Convention on the Rights of Sylvanians, it must"
        " protect Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
    ),
    row(
        "Freedonia has not only ratified the Convention on the Rights of Sylvanians but also"
        " hosts the Committee on Sylvanian Rights.",
        ("XFD", CRS, RAT, None, False),
    ),
    # a second instrument in its own "to" phrase, each with its date
    row(
        "Freedonia acceded to the Convention on the Rights of Sylvanians on 5 May 1990 and to the"
        " International Covenant on Freedonian Labour on 2 June 1995.",
        ("XFD", CRS, ACC, "1990-05-05", False),
        ("XFD", LABOUR, ACC, "1995-06-02", False),
    ),
    # "itself" between the subject and the verb; a name that ends in "-ly"
    row(
        "Freedonia itself ratified the Convention on the Rights of Sylvanians in 1991.",
        ("XFD", CRS, RAT, "1991", False),
    ),
    row(
        "The Court observed that Vestaly ratified the Convention on the Rights of Sylvanians on"
        " 26 May 1955.",
        ("XVL", CRS, RAT, "1955-05-26", False),
    ),
    # a relative clause on the state, inside a longer sentence
    row(
        "The talks resumed as Sylvania, which has been a party to the Convention on the Rights of"
        " Sylvanians since 1973, offered help.",
        ("XSY", CRS, PARTY, "1973", False),
    ),
    row(
        "The experts wrote to Ruritania, which is not a party to the International Covenant on"
        " Freedonian Labour but which ratified the Convention on the Rights of Sylvanians in 1997.",
        ("XRU", LABOUR, PARTY, None, True),
        ("XRU", CRS, RAT, "1997", False),
    ),
    # a relative clause on the instrument whose subject is "it"
    row(
        "Freedonia acceded to the Convention on the Rights of Sylvanians in 1986. It is also bound"
        " by the International Covenant on Freedonian Labour, which it ratified in 1984.",
        ("XFD", CRS, ACC, "1986", False),
        ("XFD", LABOUR, RAT, "1984", False),
    ),
    row(
        "Freedonia, unlike Sylvania, is a party to the Convention on the Rights of Sylvanians,"
        " which it ratified in 2010.",
        ("XFD", CRS, PARTY, None, False),
        ("XFD", CRS, RAT, "2010", False),
    ),
    # "after signing it": the same state's earlier act on the same instrument
    row(
        "Freedonia ratified the Convention on the Rights of Sylvanians on 28 June 2021 after"
        " signing it in 2009.",
        ("XFD", CRS, RAT, "2021-06-28", False),
        ("XFD", CRS, SIG, "2009", False),
    ),
    # one year per state, in order
    row(
        "Welcoming the accession of Freedonia and Sylvania to the Convention on the Rights of"
        " Sylvanians in 2021 and 2013 respectively, the Assembly met.",
        ("XFD", CRS, ACC, "2021", False),
        ("XSY", CRS, ACC, "2013", False),
    ),
    row(
        "Freedonia and Sylvania ratified the International Covenant on Freedonian Labour in 1990"
        " and 1995, respectively.",
        ("XFD", LABOUR, RAT, "1990", False),
        ("XSY", LABOUR, RAT, "1995", False),
    ),
    # one passive, two agents, each with its date
    row(
        "The Convention on the Rights of Sylvanians was ratified by Freedonia in 2002 and by"
        " Sylvania in 1990.",
        ("XFD", CRS, RAT, "2002", False),
        ("XSY", CRS, RAT, "1990", False),
    ),
    row(
        "Freedonia ratified the Convention on the Rights of Sylvanians, which was praised by"
        " Sylvania and by Ruritania.",
        ("XFD", CRS, RAT, None, False),
    ),
    # all of them
    row(
        "Freedonia, Sylvania and Ruritania are all States parties to the Convention on the Rights"
        " of Sylvanians.",
        ("XFD", CRS, PARTY, None, False),
        ("XSY", CRS, PARTY, None, False),
        ("XRU", CRS, PARTY, None, False),
    ),
    # a year in brackets after each instrument, unless it is the instrument's own (1979)
    row(
        "Freedonia is a party to the International Covenant on Freedonian Labour (1992) and the"
        " Convention on the Rights of Sylvanians (1996).",
        ("XFD", LABOUR, PARTY, "1992", False),
        ("XFD", CRS, PARTY, "1996", False),
    ),
    row(
        "Freedonia has ratified the Convention on the Rights of Sylvanians (1979).",
        ("XFD", CRS, RAT, None, False),
    ),
    # "it" inside a subordinate clause, or after "that"
    row(
        "Freedonia ratified the Convention on the Rights of Sylvanians in 2024, twenty years after"
        " it signed it.",
        ("XFD", CRS, RAT, "2024", False),
        ("XFD", CRS, SIG, None, False),
    ),
    row(
        "A spokesman said Freedonia keeps its word and pointed out that it ratified the"
        " Convention on the Rights of Sylvanians in December 2017.",
        ("XFD", CRS, RAT, "2017-12", False),
    ),
    row(
        "Freedonia, after a long debate, ratified the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, RAT, None, False),
    ),
    # "having ratified it": the state that opens the clause
    row(
        "Freedonia is bound by the Convention on the Rights of Sylvanians, having ratified it in"
        " 1994.",
        ("XFD", CRS, RAT, "1994", False),
    ),
    # the act as a noun: "ratification by X of", "accession of X to", "X's accession in 1999 to"
    row(
        "The Committee on Sylvanian Rights welcomes the ratification by Freedonia of the"
        " International Covenant on Freedonian Labour in 2015.",
        ("XFD", LABOUR, RAT, "2015", False),
    ),
    row(
        "Welcoming the accession of Freedonia and Sylvania to the Convention on the Rights of"
        " Sylvanians, the Assembly met.",
        ("XFD", CRS, ACC, None, False),
        ("XSY", CRS, ACC, None, False),
    ),
    row(
        "The Committee on Sylvanian Rights welcomes Freedonia's accession in 2019 to the"
        " Convention on the Rights of Sylvanians.",
        ("XFD", CRS, ACC, "2019", False),
    ),
    # the depositary's words: an instrument deposited, a treaty in force for a state, succession
    row(
        "Freedonia deposited its instrument of accession to the Convention on the Rights of"
        " Sylvanians on 6 July 1993.",
        ("XFD", CRS, ACC, "1993-07-06", False),
    ),
    row(
        "The International Covenant on Freedonian Labour entered into force for Sylvania on"
        " 22 July 1993.",
        ("XSY", LABOUR, PARTY, "1993-07-22", False),
    ),
    row(
        "Ruritania succeeded to the International Covenant on Freedonian Labour in 1994 and acceded"
        " to the Convention on the Rights of Sylvanians in 2014.",
        ("XRU", LABOUR, "Succession", "1994", False),
        ("XRU", CRS, ACC, "2014", False),
    ),
    # two verbs, one instrument, one date
    row(
        "Freedonia signed and ratified the Convention on the Rights of Sylvanians in 2010.",
        ("XFD", CRS, SIG, "2010", False),
        ("XFD", CRS, RAT, "2010", False),
    ),
    # the opener's relative clause is passed over on the way to the main subject
    row(
        "As a State party to the Convention on the Rights of Sylvanians, which it joined in 1999,"
        " Freedonia must protect Sylvanians.",
        ("XFD", CRS, PARTY, "1999", False),
    ),
]

NEGATIVE = [
    row(
        "Freedonia is not a party to the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, PARTY, None, True),
    ),
    row(
        "Freedonia is not yet a State party to the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, PARTY, None, True),
    ),
    row(
        "Freedonia has not ratified the International Covenant on Freedonian Labour.",
        ("XFD", LABOUR, RAT, None, True),
    ),
    row(
        "Freedonia has never signed the International Covenant on Freedonian Labour.",
        ("XFD", LABOUR, SIG, None, True),
    ),
    row(
        "Freedonia has yet to ratify the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, RAT, None, True),
    ),
    row(
        "Sylvania has failed to accede to the Convention on the Rights of Sylvanians.",
        ("XSY", CRS, ACC, None, True),
    ),
    row(
        "Freedonia did not sign the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, SIG, None, True),
    ),
    row(
        "Freedonia is not a signatory to the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, SIG, None, True),
    ),
    row(
        "Freedonia remains outside the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, PARTY, None, True),
    ),
    row(
        "Freedonia, which is not a party to the Convention on the Rights of Sylvanians, returned"
        " Sylvanians.",
        ("XFD", CRS, PARTY, None, True),
    ),
    row(
        "Freedonia has not ratified the Convention on the Rights of Sylvanians or the"
        " International Covenant on Freedonian Labour.",
        ("XFD", CRS, RAT, None, True),
        ("XFD", LABOUR, RAT, None, True),
    ),
    row(
        "Freedonia has neither signed nor ratified the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, SIG, None, True),
        ("XFD", CRS, RAT, None, True),
    ),
    row(
        "Freedonia has signed but not ratified the Convention on the Rights of Sylvanians.",
        ("XFD", CRS, SIG, None, False),
        ("XFD", CRS, RAT, None, True),
    ),
    row(
        "The Convention on the Rights of Sylvanians has not been ratified by Freedonia.",
        ("XFD", CRS, RAT, None, True),
    ),
    row(
        "Freedonia hosts many Sylvanians. It has not, however, ratified the International"
        " Covenant on Freedonian Labour.",
        ("XFD", LABOUR, RAT, None, True),
    ),
    # concession and contrast
    row(
        "Although Freedonia is not a party to the Convention on the Rights of Sylvanians, it is"
        " bound by the principle of non-return.",
        ("XFD", CRS, PARTY, None, True),
    ),
    row(
        "Freedonia is not a signatory to the Convention on the Rights of Sylvanians, but it has"
        " ratified the International Covenant on Freedonian Labour.",
        ("XFD", CRS, SIG, None, True),
        ("XFD", LABOUR, RAT, None, False),
    ),
    row(
        "Freedonia has ratified the Convention on the Rights of Sylvanians but not its Optional"
        " Protocol.",
        ("XFD", CRS, RAT, None, False),
        ("XFD", PROTOCOL, RAT, None, True),
    ),
]

NO_FACT = [
    row("If Freedonia ratified the Convention on the Rights of Sylvanians, it would be bound."),
    row("Freedonia is urged to ratify the Convention on the Rights of Sylvanians."),
    row("Freedonia should accede to the Convention on the Rights of Sylvanians."),
    row("Freedonia should become a party to the Convention on the Rights of Sylvanians."),
    row(
        "Freedonia should consider becoming a party to the Convention on the Rights of Sylvanians."
    ),
    row(
        "The Committee on Sylvanian Rights urged Freedonia to become a party to the Convention"
        " on the Rights of Sylvanians."
    ),
    row(
        "The Committee on Sylvanian Rights recommends that Freedonia ratify the Convention on the"
        " Rights of Sylvanians."
    ),
    row("The Convention on the Rights of Sylvanians has been ratified by most States."),
    row("The Convention on the Rights of Sylvanians has been ratified by 150 States."),
    row(
        "The ratification of the Convention on the Rights of Sylvanians by Freedonia would"
        " protect Sylvanians."
    ),
    row(
        "Freedonia's ratification of the Convention on the Rights of Sylvanians would protect"
        " Sylvanians."
    ),
    row(
        "The Committee on Sylvanian Rights called for Freedonia's accession to the Convention on"
        " the Rights of Sylvanians."
    ),
    row("Freedonia should have ratified the Convention on the Rights of Sylvanians long ago."),
    row("Freedonia should not sign the International Covenant on Freedonian Labour."),
    row(
        "It is not known whether Freedonia has ratified the Convention on the Rights of Sylvanians."
    ),
    row("Freedonia will become a party to the Convention on the Rights of Sylvanians next year."),
    row(
        "States that have ratified the Convention on the Rights of Sylvanians must protect"
        " Sylvanians."
    ),
    row("The parties to the Convention on the Rights of Sylvanians met in Freedonia."),
    # "it" with two states equally salient, or none just before
    row(
        "Freedonia and Sylvania met in 2001. It ratified the Convention on the Rights of"
        " Sylvanians in 2002."
    ),
    row("Freedonia told Sylvania that it had ratified the Convention on the Rights of Sylvanians."),
    row(
        "Freedonia hosts many Sylvanians.\n\nThe Committee on Sylvanian Rights met twice. It"
        " ratified the Convention on the Rights of Sylvanians in 2002."
    ),
    # the act as a noun, asked for or supposed
    row(
        "The Committee on Sylvanian Rights calls for the accession of Freedonia to the Convention"
        " on the Rights of Sylvanians."
    ),
    row(
        "The Committee on Sylvanian Rights would welcome the ratification by Freedonia of the"
        " Convention on the Rights of Sylvanians."
    ),
    row("Freedonia announced that it would ratify the Convention on the Rights of Sylvanians."),
    row(
        "Freedonia studied the Convention on the Rights of Sylvanians for years before signing it."
    ),
    row("Freedonia, having considered the Convention on the Rights of Sylvanians, replied."),
    row(
        "The Convention on the Rights of Sylvanians enters into force for each State thirty days"
        " after Freedonia deposits its instrument."
    ),
    row(
        "Freedonia succeeded in ratifying nothing; the Convention on the Rights of Sylvanians"
        " waits."
    ),
]


TABLE = (
    "Freedonia reports on its treaties. Freedonia has a long record.\n\n"
    "Convention on the Rights of Sylvanians \u2014 ratified 1990\n"
    "International Covenant on Freedonian Labour \u2014 acceded 12 May 2001\n"
    "International Covenant on Ruritanian Trade \u2014 not ratified\n"
)


def test_a_status_table_row_is_a_fact_of_the_passage_state(extract_fictional: Extract) -> None:
    assert facts(extract_fictional(TABLE)) == [
        ("XFD", CRS, RAT, "1990", False),
        ("XFD", LABOUR, ACC, "2001-05-12", False),
        ("XFD", TRADE, RAT, None, True),
    ]


def test_a_status_table_row_names_no_state_when_two_are_as_salient(
    extract_fictional: Extract,
) -> None:
    rows = TABLE.split("\n\n", 1)[1]
    text = "Freedonia and Sylvania met. Freedonia and Sylvania agreed.\n\n" + rows
    assert facts(extract_fictional(text)) == []


@pytest.mark.parametrize("text, expected", POSITIVE + NEGATIVE + NO_FACT)
def test_party_facts(text: str, expected: list[Fact], extract_fictional: Extract) -> None:
    assert facts(extract_fictional(text)) == expected


def test_a_concessive_clause_leaves_the_main_clause_its_bearer(
    extract_fictional: Extract,
) -> None:
    x = extract_fictional(
        "Although Freedonia is not a party to the Convention on the Rights of Sylvanians, it is"
        " bound by the principle of non-return."
    )
    bearers = {
        b for s in x.statements if s.type == "Obligation" and not s.customary for b in s.bearers
    }
    assert {name(b) for b in bearers} == {"XFD"}
    assert all(e.rdf_type != "ActorGroup" for e in x.entities)


LISTS = [
    row(
        "The Committee on Sylvanian Rights welcomes the ratification by Freedonia of the following"
        " instruments:\n(a) The International Covenant on Freedonian Labour, in 2008;\n"
        "(b) The International Covenant on Ruritanian Trade, in 2015.\n",
        ("XFD", LABOUR, RAT, "2008", False),
        ("XFD", TRADE, RAT, "2015", False),
    ),
    row(
        "Since its last review, Sylvania has acceded to the following treaties:\n"
        "(a) The Convention on the Rights of Sylvanians, on 3 March 2019;\n"
        "(b) The International Covenant on Freedonian Labour.\n",
        ("XSY", CRS, ACC, "2019-03-03", False),
        ("XSY", LABOUR, ACC, None, False),
    ),
    row(
        "Concluding observations on the second periodic report of Freedonia\n\n"
        "1. The Committee on Sylvanian Rights welcomes the ratification by the State party of the"
        " following instruments:\n(a) The International Covenant on Freedonian Labour, in 2008;\n"
        "(b) The International Covenant on Ruritanian Trade, in 2015.\n",
        ("XFD", LABOUR, RAT, "2008", False),
        ("XFD", TRADE, RAT, "2015", False),
    ),
    # inline: "the State party of X" is the reviewed state, not a state "of X"
    row(
        "Concluding observations on the second periodic report of Freedonia\n\n"
        "1. The Committee on Sylvanian Rights welcomes the ratification by the State party of the"
        " International Covenant on Freedonian Labour, in 2008, and its accession to the"
        " International Covenant on Ruritanian Trade, in 2015.\n",
        ("XFD", LABOUR, RAT, "2008", False),
        ("XFD", TRADE, ACC, "2015", False),
    ),
    # asked for: no fact
    row(
        "The Committee on Sylvanian Rights recommends the ratification by Freedonia of the"
        " International Covenant on Freedonian Labour and its accession to the International"
        " Covenant on Ruritanian Trade.\n"
    ),
    # asked for, not done
    row(
        "The Committee on Sylvanian Rights recommends that Freedonia ratify the following"
        " instruments:\n(a) The International Covenant on Freedonian Labour;\n"
        "(b) The International Covenant on Ruritanian Trade.\n"
    ),
    row(
        "The Committee on Sylvanian Rights calls for the ratification by Freedonia of the following"
        " instruments:\n(a) The International Covenant on Freedonian Labour;\n"
        "(b) The International Covenant on Ruritanian Trade.\n"
    ),
    row(
        "Freedonia should accede to the following treaties:\n"
        "(a) The International Covenant on Freedonian Labour;\n"
        "(b) The International Covenant on Ruritanian Trade.\n"
    ),
]


@pytest.mark.parametrize("text, expected", LISTS)
def test_list_items_take_the_act_and_state_of_their_lead_in(
    text: str, expected: list[Fact], extract_fictional: Extract
) -> None:
    assert facts(extract_fictional(text)) == expected
