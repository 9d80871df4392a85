"""The instrument and body gazetteers: well-formed entries, unique labels, links that resolve."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from importlib.resources.abc import Traversable

import pytest
from rdflib import RDF, SKOS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from dutygraph.namespace import DG, DGID, ELI, ORG
from dutygraph.resources import vocabulary_files

INSTRUMENT_FILE = "instruments.ttl"
BODY_FILE = "bodies.ttl"
INSTRUMENT_CLASSES = frozenset({DG.Treaty, DG.Declaration, DG.SoftLawInstrument})
BODY_CLASSES = frozenset({DG.Organization, DG.Body, DG.SpecialProcedure})
LABEL_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
LINK_PROPERTIES = (DG.protocolTo, DG.monitoredBy, ORG.subOrganizationOf, ELI.passed_by)
YEAR = re.compile(r"^\d{4}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})

# Additional Protocols add to all four Geneva Conventions at once, so they name no single parent.
PROTOCOLS_WITHOUT_PARENT = frozenset(
    {
        "instrument/geneva-protocol-i",
        "instrument/geneva-protocol-ii",
        "instrument/geneva-protocol-iii",
    }
)

# References that only a document can resolve ("the Convention" means a different treaty in
# every report), and acronyms shared by two entries in common use.
GENERIC_LABELS = (
    "Convention",
    "the Convention",
    "Covenant",
    "the Covenant",
    "Protocol",
    "the Protocol",
    "Optional Protocol",
    "Additional Protocol",
    "Charter",
    "Declaration",
    "Committee",
    "Commission",
    "Council",
    "Court",
    "Special Rapporteur",
    "Working Group",
    "HRC",
)

# (label as a report writes it, expected entry relative to the id namespace)
LABEL_CASES = [
    ("ICCPR", "instrument/iccpr"),
    ("International Covenant on Civil and Political Rights", "instrument/iccpr"),
    ("Covenant on Civil and Political Rights", "instrument/iccpr"),
    ("First Optional Protocol to the ICCPR", "instrument/iccpr-op1"),
    ("Second Optional Protocol to the ICCPR", "instrument/iccpr-op2"),
    ("ICESCR", "instrument/icescr"),
    ("International Covenant on Economic, Social and Cultural Rights", "instrument/icescr"),
    ("Refugee Convention", "instrument/refugee-convention-1951"),
    ("1951 Refugee Convention", "instrument/refugee-convention-1951"),
    ("1951 Convention", "instrument/refugee-convention-1951"),
    ("Convention on the Status of Refugees", "instrument/refugee-convention-1951"),
    ("1951 Convention on the Status of Refugees", "instrument/refugee-convention-1951"),
    ("Convention relating to the Status of Refugees", "instrument/refugee-convention-1951"),
    ("1967 Protocol", "instrument/refugee-protocol-1967"),
    ("Refugee Protocol", "instrument/refugee-protocol-1967"),
    ("Protocol relating to the Status of Refugees", "instrument/refugee-protocol-1967"),
    ("Convention against Torture", "instrument/cat"),
    ("Torture Convention", "instrument/cat"),
    ("CAT", "instrument/cat"),
    ("OPCAT", "instrument/opcat"),
    ("Optional Protocol to the Convention against Torture", "instrument/opcat"),
    ("CEDAW", "instrument/cedaw"),
    ("CRC", "instrument/crc"),
    ("CERD", "instrument/icerd"),
    ("ICERD", "instrument/icerd"),
    ("CRPD", "instrument/crpd"),
    ("ICMW", "instrument/icmw"),
    ("ICPPED", "instrument/icpped"),
    ("Genocide Convention", "instrument/genocide-convention-1948"),
    ("UDHR", "instrument/udhr"),
    ("UN Charter", "instrument/un-charter"),
    ("ECHR", "instrument/echr"),
    ("European Convention on Human Rights", "instrument/echr"),
    ("ACHR", "instrument/achr"),
    ("ACHPR", "instrument/achpr"),
    ("Palermo Protocol", "instrument/trafficking-protocol"),
    (
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons",
        "instrument/trafficking-protocol",
    ),
    ("Nelson Mandela Rules", "instrument/nelson-mandela-rules"),
    ("OAU Refugee Convention", "instrument/oau-refugee-convention-1969"),
    ("ExCom", "body/excom"),
    ("EXCOM", "body/excom"),
    ("UNHCR Executive Committee", "body/excom"),
    ("Executive Committee of the High Commissioner’s Programme", "body/excom"),
    ("UNCHR", "body/commission-on-human-rights"),
    ("U.N. Commission on Human Rights", "body/commission-on-human-rights"),
    ("UNHCR", "body/unhcr"),
    ("UN Refugee Agency", "body/unhcr"),
    ("U.N. High Commissioner for Refugees", "body/unhcr"),
    ("OHCHR", "body/ohchr"),
    ("U.N. General Assembly", "body/general-assembly"),
    ("UN General Assembly", "body/general-assembly"),
    ("United Nations General Assembly", "body/general-assembly"),
    ("U.N.", "body/un"),
    ("ECOSOC", "body/ecosoc"),
    ("UN Secretary-General", "body/secretary-general"),
    ("Human Rights Committee", "body/human-rights-committee"),
    ("Human Rights Council", "body/human-rights-council"),
    ("CEDAW Committee", "body/cedaw-committee"),
    ("Committee against Torture", "body/committee-against-torture"),
    ("Committee on the Rights of the Child", "body/crc-committee"),
    ("CERD Committee", "body/cerd-committee"),
    ("CESCR", "body/cescr"),
    ("SPT", "body/spt"),
    ("CMW", "body/cmw"),
    ("CED", "body/ced"),
    (
        "Sub-Commission on Prevention of Discrimination and Protection of Minorities",
        "body/sub-commission",
    ),
    ("Working Group on Enforced and Involuntary Disappearances", "body/wgeid"),
    ("Special Rapporteur on Torture", "body/sr-torture"),
    ("World Food Program", "body/wfp"),
    ("WFP", "body/wfp"),
    ("International Organization for Migration", "body/iom"),
    ("ICRC", "body/icrc"),
    ("ICC", "body/icc"),
    ("Organization for Security and Cooperation in Europe", "body/osce"),
    ("OAS", "body/oas"),
    ("AICHR", "body/aichr"),
    # treaty bodies and the UN human-rights offices
    ("CCPR", "body/human-rights-committee"),
    ("High Commissioner for Human Rights", "body/ohchr"),
    ("UN High Commissioner for Human Rights", "body/ohchr"),
    ("UN Refugee Agency", "body/unhcr"),
    ("UPR Working Group", "body/upr-working-group"),
    ("UNODC", "body/unodc"),
    ("UN Women", "body/un-women"),
    ("IMO", "body/imo"),
    # thematic special procedures by mandate
    ("Special Rapporteur on the human rights of migrants", "body/sr-migrants"),
    (
        "Special Rapporteur on torture and other cruel, inhuman or degrading treatment"
        " or punishment",
        "body/sr-torture",
    ),
    (
        "Special Rapporteur on the situation of human rights defenders",
        "body/sr-human-rights-defenders",
    ),
    ("Working Group on Arbitrary Detention", "body/wgad"),
    ("Working Group on Enforced or Involuntary Disappearances", "body/wgeid"),
    ("Independent Expert on sexual orientation and gender identity", "body/ie-sogi"),
    ("Special Rapporteur on contemporary forms of slavery", "body/sr-slavery"),
    ("Special Rapporteur on the right to education", "body/sr-education"),
    ("Working Group on Business and Human Rights", "body/wg-business"),
    # the European Union
    ("European Central Bank", "body/ecb"),
    ("European Court of Auditors", "body/european-court-of-auditors"),
    ("Frontex", "body/frontex"),
    ("European Border and Coast Guard Agency", "body/frontex"),
    ("EUAA", "body/euaa"),
    ("EASO", "body/euaa"),
    ("FRA", "body/fra"),
    ("Fundamental Rights Agency", "body/fra"),
    ("Europol", "body/europol"),
    ("Eurojust", "body/eurojust"),
    ("eu-LISA", "body/eu-lisa"),
    ("ECJ", "body/cjeu"),
    # the Council of Europe, the OSCE, the African Union
    ("Committee of Ministers", "body/committee-of-ministers"),
    ("PACE", "body/pace"),
    ("Council of Europe Commissioner for Human Rights", "body/coe-commissioner-for-human-rights"),
    ("Commissioner for Human Rights", "body/coe-commissioner-for-human-rights"),
    ("CoE Commissioner", "body/coe-commissioner-for-human-rights"),
    ("CPT", "body/cpt"),
    ("ECRI", "body/ecri"),
    ("GRETA", "body/greta"),
    ("ODIHR", "body/odihr"),
    ("OSCE/ODIHR", "body/odihr"),
    ("ACERWC", "body/acerwc"),
    # non-governmental and humanitarian organisations
    ("Amnesty International", "body/amnesty-international"),
    ("HRW", "body/human-rights-watch"),
    ("International Commission of Jurists", "body/international-commission-of-jurists"),
    ("FIDH", "body/fidh"),
    ("OMCT", "body/omct"),
    ("Doctors Without Borders", "body/msf"),
    ("Médecins Sans Frontières", "body/msf"),
    ("Norwegian Refugee Council", "body/norwegian-refugee-council"),
    ("Danish Refugee Council", "body/danish-refugee-council"),
    ("ECRE", "body/ecre"),
    ("Caritas", "body/caritas"),
    ("Sea-Watch", "body/sea-watch"),
    ("SOS Méditerranée", "body/sos-mediterranee"),
    ("Reporters Without Borders", "body/reporters-without-borders"),
    ("UPR Info", "body/upr-info"),
    ("ISHR", "body/ishr"),
    ("Global Detention Project", "body/global-detention-project"),
]

# Acronyms and short names that clash with another thing, left out on purpose.
CLASHING_LABELS = (
    "Commissioner",
    "the Commissioner",
    "Parliamentary Assembly",
    "Amnesty",
    "Article 19",
    "ARTICLE 19",
    "Red Cross",
    "DRC",
    "GDP",
    "ECA",
    "ILC",
    "Court of Justice",
)


def normalise(label: str) -> str:
    return " ".join(label.translate(APOSTROPHES).casefold().split())


def parse(files: Iterable[Traversable]) -> Graph:
    graph = Graph()
    for file in files:
        graph.parse(data=file.read_text(encoding="utf-8"), format="turtle")
    return graph


def vocabulary_file(name: str) -> Graph:
    (file,) = [f for f in vocabulary_files() if f.name == name]
    return parse([file])


def entries_of(graph: Graph, scheme: URIRef) -> list[URIRef]:
    return sorted(s for s in graph.subjects(SKOS.inScheme, scheme) if isinstance(s, URIRef))


def labels_of(graph: Graph, entry: Node) -> Iterator[str]:
    for prop in LABEL_PROPERTIES:
        for label in graph.objects(entry, prop):
            yield str(label)


def entry_key(entry: Node) -> str:
    return str(entry).removeprefix(str(DGID))


@pytest.fixture(scope="module")
def instruments() -> Graph:
    return vocabulary_file(INSTRUMENT_FILE)


@pytest.fixture(scope="module")
def bodies() -> Graph:
    return vocabulary_file(BODY_FILE)


@pytest.fixture(scope="module")
def both(instruments: Graph, bodies: Graph) -> Graph:
    return instruments + bodies


@pytest.fixture(scope="module")
def schemes(instruments: Graph, bodies: Graph) -> list[tuple[Graph, URIRef, frozenset[URIRef]]]:
    return [
        (instruments, DG.InstrumentScheme, INSTRUMENT_CLASSES),
        (bodies, DG.BodyScheme, BODY_CLASSES),
    ]


@pytest.fixture(scope="module")
def entry_by_label(both: Graph) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for scheme in (DG.InstrumentScheme, DG.BodyScheme):
        for entry in entries_of(both, scheme):
            for label in labels_of(both, entry):
                found[normalise(label)].add(entry_key(entry))
    return found


def test_schemes_are_declared(schemes: list[tuple[Graph, URIRef, frozenset[URIRef]]]) -> None:
    for graph, scheme, _ in schemes:
        assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
        assert graph.value(scheme, SKOS.prefLabel) is not None
        assert graph.value(scheme, SKOS.definition) is not None


def test_every_entry_has_one_english_pref_label(
    schemes: list[tuple[Graph, URIRef, frozenset[URIRef]]],
) -> None:
    for graph, scheme, _ in schemes:
        for entry in entries_of(graph, scheme):
            labels = list(graph.objects(entry, SKOS.prefLabel))
            assert len(labels) == 1, (entry, labels)
            assert isinstance(labels[0], Literal) and labels[0].language == "en", entry


def test_every_label_is_english_and_trimmed(
    schemes: list[tuple[Graph, URIRef, frozenset[URIRef]]],
) -> None:
    for graph, scheme, _ in schemes:
        for entry in entries_of(graph, scheme):
            for prop in LABEL_PROPERTIES:
                for label in graph.objects(entry, prop):
                    assert isinstance(label, Literal) and label.language == "en", (entry, label)
                    assert str(label) == " ".join(str(label).split()), (entry, label)


def test_every_entry_is_a_concept_of_exactly_one_allowed_class(
    schemes: list[tuple[Graph, URIRef, frozenset[URIRef]]],
) -> None:
    for graph, scheme, allowed in schemes:
        for entry in entries_of(graph, scheme):
            types = set(graph.objects(entry, RDF.type))
            assert SKOS.Concept in types, entry
            assert len(types & allowed) == 1, (entry, types)
            assert types <= allowed | {SKOS.Concept}, (entry, types)


def test_every_typed_node_is_in_its_scheme(
    schemes: list[tuple[Graph, URIRef, frozenset[URIRef]]],
) -> None:
    for graph, scheme, allowed in schemes:
        typed = {s for cls in allowed for s in graph.subjects(RDF.type, cls)}
        typed |= set(graph.subjects(RDF.type, SKOS.Concept))
        assert typed == set(entries_of(graph, scheme))


def test_entry_iris_use_lower_case_hyphenated_slugs(
    schemes: list[tuple[Graph, URIRef, frozenset[URIRef]]],
) -> None:
    for graph, scheme, _ in schemes:
        folder = "instrument/" if scheme == DG.InstrumentScheme else "body/"
        for entry in entries_of(graph, scheme):
            key = entry_key(entry)
            assert key.startswith(folder), entry
            assert SLUG.match(key.removeprefix(folder)), entry


def test_no_two_entries_share_a_label(entry_by_label: dict[str, set[str]]) -> None:
    # Checked across both schemes: an acronym such as CEDAW must name the treaty or the committee.
    shared = {label: sorted(keys) for label, keys in entry_by_label.items() if len(keys) > 1}
    assert not shared, shared


@pytest.mark.parametrize("label", GENERIC_LABELS)
def test_generic_references_are_not_labels(label: str, entry_by_label: dict[str, set[str]]) -> None:
    assert normalise(label) not in entry_by_label


@pytest.mark.parametrize("label", CLASHING_LABELS)
def test_clashing_short_names_are_not_labels(
    label: str, entry_by_label: dict[str, set[str]]
) -> None:
    assert normalise(label) not in entry_by_label


def test_icj_is_only_the_court(entry_by_label: dict[str, set[str]]) -> None:
    assert entry_by_label["icj"] == {"body/icj"}


@pytest.mark.parametrize("prop", LINK_PROPERTIES, ids=lambda p: str(p).rsplit("#", 1)[-1])
def test_every_link_target_exists(prop: URIRef, both: Graph) -> None:
    known = set(entries_of(both, DG.InstrumentScheme)) | set(entries_of(both, DG.BodyScheme))
    missing = sorted({(str(s), str(o)) for s, o in both.subject_objects(prop) if o not in known})
    assert not missing, missing


def test_links_point_to_the_right_kind_of_entry(both: Graph) -> None:
    instruments = set(both.subjects(SKOS.inScheme, DG.InstrumentScheme))
    bodies = set(both.subjects(SKOS.inScheme, DG.BodyScheme))
    treaties = set(both.subjects(RDF.type, DG.Treaty))
    for child, parent in both.subject_objects(DG.protocolTo):
        assert child in treaties and parent in treaties, (child, parent)
    for prop in (DG.monitoredBy, ELI.passed_by):
        for source, actor in both.subject_objects(prop):
            assert source in instruments and actor in bodies, (prop, source, actor)
    for child, parent in both.subject_objects(ORG.subOrganizationOf):
        assert child in bodies and parent in bodies, (child, parent)


def parents_of(graph: Graph, nodes: set[Node]) -> set[Node]:
    return {p for n in nodes for p in graph.objects(n, ORG.subOrganizationOf)}


def test_no_body_is_its_own_ancestor(both: Graph) -> None:
    for start in set(both.subjects(ORG.subOrganizationOf, None)):
        seen: set[Node] = set()
        frontier = parents_of(both, {start})
        while frontier:
            assert start not in frontier, start
            seen |= frontier
            frontier = parents_of(both, frontier) - seen


def test_every_protocol_names_its_parent(instruments: Graph) -> None:
    for entry in entries_of(instruments, DG.InstrumentScheme):
        title = str(instruments.value(entry, SKOS.prefLabel))
        if "Protocol" not in title or entry_key(entry) in PROTOCOLS_WITHOUT_PARENT:
            continue
        assert instruments.value(entry, DG.protocolTo) is not None, entry


def test_protocols_without_parent_exist(instruments: Graph) -> None:
    keys = {entry_key(e) for e in entries_of(instruments, DG.InstrumentScheme)}
    assert keys >= PROTOCOLS_WITHOUT_PARENT


def test_every_instrument_has_one_adoption_year(instruments: Graph) -> None:
    for entry in entries_of(instruments, DG.InstrumentScheme):
        years = list(instruments.objects(entry, ELI.date_document))
        assert len(years) == 1, (entry, years)


def test_adoption_years_are_gyears(instruments: Graph) -> None:
    for entry, value in instruments.subject_objects(ELI.date_document):
        assert isinstance(value, Literal) and value.datatype == XSD.gYear, (entry, value)
        assert YEAR.match(str(value)), (entry, value)


def test_entry_into_force_dates_are_real_days(instruments: Graph) -> None:
    for entry, value in instruments.subject_objects(ELI.first_date_entry_in_force):
        assert isinstance(value, Literal) and value.datatype == XSD.date, (entry, value)
        assert DAY.match(str(value)), (entry, value)
        date.fromisoformat(str(value))


def test_entry_into_force_follows_adoption(instruments: Graph) -> None:
    for entry, in_force in instruments.subject_objects(ELI.first_date_entry_in_force):
        adopted = instruments.value(entry, ELI.date_document)
        assert adopted is not None and str(in_force)[:4] >= str(adopted)[:4], entry


def test_citations_are_plain_strings(instruments: Graph) -> None:
    for entry, citation in instruments.subject_objects(DG.citation):
        assert isinstance(citation, Literal), entry
        assert citation.language is None and citation.datatype in (None, XSD.string), entry


@pytest.mark.parametrize(("label", "expected"), LABEL_CASES)
def test_label_names_its_entry(
    label: str, expected: str, entry_by_label: dict[str, set[str]]
) -> None:
    assert entry_by_label.get(normalise(label)) == {expected}


# --- labels inside labels, across every vocabulary file -----------------------------------------


def gazetteer_labels() -> dict[str, set[str]]:
    """Every label of every vocabulary entry that is an actor or an instrument, normalised."""
    graph = parse(vocabulary_files())
    found: dict[str, set[str]] = defaultdict(set)
    for entry in set(graph.subjects(RDF.type, SKOS.Concept)):
        if not any(str(t).startswith(str(DG)) for t in graph.objects(entry, RDF.type)):
            continue  # a concept of a closed scheme (binding force, ...), not a named thing
        for label in labels_of(graph, entry):
            found[normalise(label)].add(entry_key(entry))
    return found


def word_pattern(labels: Iterable[str]) -> re.Pattern[str]:
    """Whole-word alternation, longest first, so the first alternative that fits is the longest."""
    ordered = sorted(labels, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")


def leftmost_longest(pattern: re.Pattern[str], text: str) -> str | None:
    found = pattern.search(text)
    return found.group(0) if found else None


def contained_pairs(labels: Iterable[str]) -> list[tuple[str, str]]:
    """(shorter, longer) where the shorter label occurs inside the longer one at word boundaries."""
    ordered = sorted(set(labels), key=len)
    pairs: list[tuple[str, str]] = []
    for i, short in enumerate(ordered):
        inside = re.compile(r"(?<!\w)" + re.escape(short) + r"(?!\w)")
        pairs.extend(
            (short, long)
            for long in ordered[i + 1 :]
            if len(long) > len(short) and inside.search(long)
        )
    return pairs


def test_substring_labels_are_listed() -> None:
    labels = gazetteer_labels()
    pairs = contained_pairs(labels)
    pattern = word_pattern(labels)
    print(f"{len(pairs)} labels occur inside longer labels")
    assert isinstance(pairs, list)
    for short, long in pairs:
        # Leftmost-longest matching over the longer label finds that label, never the shorter one.
        assert leftmost_longest(pattern, long) == long, (short, long)
        assert leftmost_longest(pattern, f"as the {long} said") == long, (short, long)


@pytest.fixture(scope="module")
def issuer_kinds() -> Graph:
    return vocabulary_file("schemes.ttl")


def test_every_body_has_one_issuer_kind_of_the_scheme(bodies: Graph, issuer_kinds: Graph) -> None:
    kinds = set(issuer_kinds.subjects(SKOS.inScheme, DG.IssuerKindScheme))
    for entry in entries_of(bodies, DG.BodyScheme):
        given = list(bodies.objects(entry, DG.issuerKind))
        assert len(given) == 1 and given[0] in kinds, f"{entry_key(entry)}: {given}"


def test_the_issuer_kinds_agree_with_the_classes_and_links(both: Graph) -> None:
    base = "https://w3id.org/dutygraph/issuer-kind/"
    for entry in both.subjects(RDF.type, DG.SpecialProcedure):
        assert both.value(entry, DG.issuerKind) == URIRef(base + "special-procedure"), entry
    monitors = set(both.objects(None, DG.monitoredBy))
    for entry in both.subjects(DG.issuerKind, URIRef(base + "treaty-body")):
        assert entry in monitors or both.value(entry, ORG.subOrganizationOf) in monitors, entry


def test_every_issuer_kind_has_a_label_and_a_definition(issuer_kinds: Graph) -> None:
    kinds = list(issuer_kinds.subjects(SKOS.inScheme, DG.IssuerKindScheme))
    assert len(kinds) >= 9
    for concept in kinds:
        assert issuer_kinds.value(concept, SKOS.prefLabel) is not None, concept
        assert issuer_kinds.value(concept, SKOS.definition) is not None, concept
        assert (DG.IssuerKindScheme, SKOS.hasTopConcept, concept) in issuer_kinds
