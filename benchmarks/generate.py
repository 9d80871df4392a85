"""Synthetic reports for the scaling benchmark, deterministic by seed.

Each report is assembled from sentence templates for every construction the extractor knows
(party status, membership, obligations and prohibitions, recommendations in their many forms,
rights, customary rules, soft law, definitions, pronoun bearers, imperatives under ``To X:``
headings, and the traps it must not take for duties), mixed with narrative filler. Reports vary
in structure (headings, addressee sections with bullets, paragraphs, footnotes with glued
markers), vocabulary (fictional states and treaties invented here, real ones drawn from the
labels of ``ontology/vocab/*.ttl``), length and footnote density.

    python benchmarks/generate.py OUT_DIR --count 100 --seed 7 [--kb 30]
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from dutygraph import resources
from dutygraph.namespace import DG

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
SYLLABLES = (
    "ka", "lo", "ver", "na", "tis", "sel", "mor", "ba", "dre", "qui", "van", "ost", "ryn", "zel",
    "pah", "tor", "mi", "uld", "gar", "fen",
)  # fmt: skip
TOPICS = (
    "Protection of Coastal Fishers", "Rights of Seasonal Herders", "Status of Stateless Sailors",
    "Safety of River Pilots", "Welfare of Displaced Weavers", "Rights of Mountain Guides",
    "Protection of Forest Dwellers", "Status of Itinerant Traders",
)  # fmt: skip
VERBS = (
    "release", "grant access to", "stop the forced return of", "protect", "register",
    "investigate abuses against", "provide shelter to", "allow independent monitoring of",
    "end the detention of", "publish data on", "refrain from punishing",
    "ensure due process for", "consult", "fund legal aid for", "stop the harassment of",
)  # fmt: skip
IMPERATIVES = ("Release", "Grant", "Ensure", "Allow", "End", "Halt", "Establish", "Guarantee")
OBJECTS = (
    "asylum seekers", "detained migrants", "returnees", "humanitarian workers",
    "unaccompanied children", "refugees in the border region", "journalists",
    "families of the disappeared", "minority communities", "trafficked women",
)  # fmt: skip
QUALIFIERS = (
    "without delay", "in accordance with international standards", "", "", "in all provinces",
    "before the end of the year", "on a non-discriminatory basis",
)  # fmt: skip
RIGHTS = (
    "leave any country, including his own", "seek asylum from persecution",
    "a fair trial", "freedom of movement", "liberty and security of person",
)  # fmt: skip
PLACES = (
    "Ardent Ford", "Brell Crossing", "Cask Hollow", "Dunmere", "Eskby", "Farrow Gate", "Glimmerton",
)  # fmt: skip
# Treaty text quoted for all its parties ("the States Parties shall") is rare in reports; each
# such duty is owed by every party the corpus names, so it drives the size of the inferred graph.
GROUP_DUTY_SHARE = 0.03
HEADINGS = (
    "Background", "The Situation at the Border", "Legal Framework", "Conditions in Detention",
    "Forced Returns", "Access to Asylum", "International Obligations", "Responses of Governments",
    "Methodology", "Humanitarian Access",
)  # fmt: skip


@dataclass(frozen=True)
class State:
    name: str
    demonym: str
    code: str


@dataclass(frozen=True)
class Vocabulary:
    states: tuple[State, ...]
    treaties: tuple[str, ...]
    bodies: tuple[str, ...]


@dataclass
class Report:
    """A report under construction: its sentences and the notes their markers point to."""

    rng: random.Random
    vocab: Vocabulary
    cast: tuple[State, ...]
    treaties: tuple[str, ...]
    note_rate: float
    notes: list[str] = field(default_factory=list)
    last_state: State | None = None

    def state(self) -> State:
        self.last_state = self.rng.choice(self.cast)
        return self.last_state

    def treaty(self) -> str:
        return self.rng.choice(self.treaties)

    def action(self) -> str:
        qualifier = self.rng.choice(QUALIFIERS)
        action = f"{self.rng.choice(VERBS)} {self.rng.choice(OBJECTS)}"
        return f"{action} {qualifier}".strip()

    def date(self) -> str:
        year = self.rng.randint(1955, 2020)
        style = self.rng.randrange(3)
        if style == 0:
            return f"in {year}"
        if style == 1:
            return f"on {self.rng.randint(1, 28)} {self.rng.choice(MONTHS)} {year}"
        return f"in {self.rng.choice(MONTHS)} {year}"

    def noted(self, sentence: str) -> str:
        """Glue a note marker to the sentence (``text,12`` or ``text.12``) at the note rate."""
        if self.rng.random() >= self.note_rate:
            return sentence
        self.notes.append(footnote(self))
        number = len(self.notes)
        if self.rng.random() < 0.3 and "," in sentence:
            head, tail = sentence.split(",", 1)
            return f"{head},{number}{tail}"
        return f"{sentence}{number}"


# --- vocabulary ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def real_vocabulary() -> Vocabulary:
    graph = Graph()
    for source in resources.vocabulary_files():
        graph.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    states = tuple(
        State(str(graph.value(s, SKOS.prefLabel)), str(graph.value(s, DG.demonym) or ""), code)
        for s in graph.subjects(RDF.type, DG.State)
        if (code := str(graph.value(s, SKOS.notation) or "")) and graph.value(s, DG.demonym)
    )
    treaties = tuple(
        str(graph.value(t, SKOS.prefLabel)) for t in graph.subjects(RDF.type, DG.Treaty)
    )
    bodies = tuple(str(graph.value(b, SKOS.prefLabel)) for b in graph.subjects(RDF.type, DG.Body))
    return Vocabulary(tuple(sorted(states, key=lambda s: s.code)), tuple(sorted(treaties)),
                      tuple(sorted(bodies)))  # fmt: skip


def _typed(graph: Graph, kind: URIRef) -> list[Node]:
    return sorted(graph.subjects(RDF.type, kind), key=str)


def fictional_state(rng: random.Random, taken: set[str]) -> State:
    while True:
        stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        name = stem + rng.choice(("ia", "ania", "istan", "and"))
        if name.casefold() not in taken:
            taken.add(name.casefold())
            return State(name, f"{stem}ian", name[:3].upper())


def fictional_treaty(rng: random.Random) -> str:
    return f"{rng.choice(('', 'Regional ', 'Inter-State '))}Convention on the {rng.choice(TOPICS)}"


def cast_for(rng: random.Random, vocab: Vocabulary) -> tuple[tuple[State, ...], tuple[str, ...]]:
    """The states and treaties one report talks about: some real, some made up."""
    taken = {s.name.casefold() for s in vocab.states}
    real = rng.sample(vocab.states, rng.randint(2, 5))
    made_up = [fictional_state(rng, taken) for _ in range(rng.randint(0, 2))]
    popular = vocab.treaties[: max(4, len(vocab.treaties) // 3)]
    treaties = [*rng.sample(popular, 2), rng.choice(vocab.treaties)]
    if rng.random() < 0.5:
        treaties.append(fictional_treaty(rng))
    return tuple(real + made_up), tuple(treaties)


# --- sentence templates ----------------------------------------------------------------------


def party_sentence(r: Report) -> str:
    s, t, d = r.state().name, r.treaty(), r.date()
    return r.rng.choice((
        f"{s} is party to the {t}.",
        f"{s} ratified the {t} {d}.",
        f"{s} acceded to the {t} {d}.",
        f"{s}, a party to the {t}, submitted its periodic report {d}.",
        f"{s} became a party to the {t} {d}.",
        f"{s} signed the {t} {d}, but has taken no further step.",
        f"{s} is also a member of the {r.rng.choice(r.vocab.bodies)}.",
    ))  # fmt: skip


def duty_sentence(r: Report) -> str:
    state = r.state()
    s, a, t = state.name, r.action(), r.treaty()
    if r.rng.random() < GROUP_DUTY_SHARE:
        return f"Under article {r.rng.randint(1, 40)} of the {t}, the States Parties shall {a}."
    return r.rng.choice((
        f"{s} must {a}.",
        f"{s} shall not {a}.",
        f"{s} is obliged to {a} under the {t}.",
        f"As a party to the {t}, {s} has an obligation to {a}.",
        f"{state.demonym} authorities must {a}.",
        f"{s} remains bound to {a}, in accordance with the {t}.",
    ))  # fmt: skip


def recommendation_sentence(r: Report) -> str:
    state = r.state()
    s, a = state.name, r.action()
    body = r.rng.choice(r.vocab.bodies)
    return r.rng.choice((
        f"{s} should {a}.",
        f"{s} should not {a}.",
        f"{s} should be urged to {a}.",
        f"It is essential that {s} {a}.",
        f"We call on {s} to {a}.",
        f"The {body} calls on {s} to {a}.",
        f"{s} ought to {a}. It should also {r.action()}.",
        f"The {state.demonym} government should {a}.",
    ))  # fmt: skip


def norm_sentence(r: Report) -> str:
    return r.rng.choice((
        f"Everyone has the right to {r.rng.choice(RIGHTS)}.",
        "The principle of non-refoulement has become a rule of customary international law, "
        "binding on all states.",
        f"Conclusion No. {r.rng.randint(5, 110)} addresses the need to {r.action()}.",
        f"General Comment No. {r.rng.randint(1, 36)} calls on States to {r.action()}.",
        f"The {r.treaty()} (the \"Accord\") entered into force {r.date()}; the Accord is "
        "widely cited.",
    ))  # fmt: skip


def trap_sentence(r: Report) -> str:
    return r.rng.choice((
        f"Many {r.rng.choice(OBJECTS)} fear persecution should they return.",
        "This should not be seen as a substitute for durable solutions.",
        "Such conclusions are not legally binding on states, but carry persuasive authority.",
        "We chose to begin our interviews in the border towns.",
        f"If {r.state().name} should decide to change course, much could improve.",
    ))  # fmt: skip


def filler_sentence(r: Report) -> str:
    place, number = r.rng.choice(PLACES), r.rng.randint(12, 90_000)
    return r.rng.choice((
        f"According to local estimates, {number:,} people passed through {place} {r.date()}.",
        f"Interviews conducted in {place} describe long journeys on foot and scarce food.",
        f"Prices for a crossing near {place} rose sharply after the last crackdown.",
        f"Several witnesses in {place} said that officials asked for bribes at each checkpoint.",
        f"Aid groups reported that {number:,} meals were served in {place} over the winter.",
        f"Families separated at {place} often wait months for news of their relatives.",
        "Conditions in the camps remain difficult, and access for outside observers is rare.",
        f"Officials in {r.state().name} declined to comment on the figures.",
    ))  # fmt: skip


def footnote(r: Report) -> str:
    t, year = r.treaty(), r.rng.randint(1950, 2020)
    code = r.rng.choice(r.cast).code
    return r.rng.choice((
        f"{t}, {r.rng.randint(100, 2500)} UNTS {r.rng.randint(1, 600)}, {year}, entered into "
        f"force {r.rng.choice(MONTHS)} {r.rng.randint(1, 28)}, {year + 2}.",
        f"Report on {code}, A/{r.rng.randint(40, 75)}/{r.rng.randint(1, 400)}, {r.date()}.",
        f"See E/{year}/L.{r.rng.randint(1, 40)}, and resolution {year}/{r.rng.randint(1, 60)}.",
        f"{r.state().name} became a party to the {t} {r.date()}.",
        f"Interview with a former resident of {r.rng.choice(PLACES)}, {r.date()}.",
    ))  # fmt: skip


# --- assembly --------------------------------------------------------------------------------

SentenceMaker = Callable[[Report], str]
MIX: tuple[tuple[SentenceMaker, float], ...] = (
    (filler_sentence, 0.6),
    (party_sentence, 0.08),
    (duty_sentence, 0.08),
    (recommendation_sentence, 0.14),
    (norm_sentence, 0.015),
    (trap_sentence, 0.06),
)


def paragraph(r: Report) -> str:
    makers, weights = zip(*MIX, strict=True)
    count = r.rng.randint(3, 8)
    chosen = r.rng.choices(makers, weights=weights, k=count)
    return " ".join(r.noted(make(r)) for make in chosen)


def addressee_section(r: Report) -> list[str]:
    state = r.state()
    glyph = r.rng.choice(("·", "-", "*", "•"))
    lines = [f"To {state.name}:"]
    for _ in range(r.rng.randint(2, 5)):
        if r.rng.random() < 0.5:
            bullet = f"{state.name} should {r.action()};"
        else:
            verb, thing = r.rng.choice(IMPERATIVES), r.rng.choice(OBJECTS)
            bullet = f"{verb} the {thing} {r.rng.choice(QUALIFIERS)}."
        lines.append(f"    {glyph} {' '.join(bullet.split())}")
    return lines


def generate_report(seed: int, target_kb: float | None = None) -> str:
    """One report, the same for the same seed and size (10-60 KB when no size is given)."""
    rng = random.Random(seed)
    vocab = real_vocabulary()
    cast, treaties = cast_for(rng, vocab)
    report = Report(rng, vocab, cast, treaties, note_rate=rng.uniform(0.03, 0.2))
    budget = int((target_kb or rng.uniform(10, 60)) * 1000)
    blocks = [
        f"{rng.choice(('Report on', 'Briefing on'))} {' and '.join(s.name for s in cast[:2])}",
        *publication_date(seed),
    ]
    size = 0
    for heading in rng.sample(HEADINGS, len(HEADINGS)) * 20:
        blocks.append(heading)
        for _ in range(rng.randint(2, 5)):
            blocks.append(paragraph(report))
            size += len(blocks[-1])
        if size >= budget * 0.85:
            break
    blocks.append("Recommendations")
    for _ in range(rng.randint(2, 4)):
        blocks.append("\n\n".join(addressee_section(report)))
    notes = [f"{number} {text}" for number, text in enumerate(report.notes, start=1)]
    return "\n\n".join(blocks + notes) + "\n"


def publication_date(seed: int) -> list[str]:
    """The report's date line (most reports have one; a tenth do not), from a generator of its
    own so the rest of the report is the same with or without it."""
    rng = random.Random(f"date-{seed}")
    if rng.random() < 0.1:
        return []
    return [f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1995, 2024)}"]


def write_corpus(folder: Path, count: int, seed: int, target_kb: float | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"report-{seed}-{index:05d}.txt"
        path.write_text(generate_report(seed * 1_000_003 + index, target_kb), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--kb", type=float, default=None, help="size of each report (default 10-60)"
    )
    args = parser.parse_args()
    paths = write_corpus(args.out, args.count, args.seed, args.kb)
    print(f"{len(paths)} reports in {args.out}")


if __name__ == "__main__":
    main()
