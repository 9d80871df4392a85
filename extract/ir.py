"""The intermediate representation: plain frozen dataclasses with code-point spans.

Every stage reads and returns these; only ``emit`` turns them into triples. Offsets are
Unicode code points into ``Document.text`` (the decoded original), half-open ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Page:
    """A stretch of the text printed on page ``number`` (1-based, as a viewer counts pages).

    A page's footnotes are gathered after the body text, so one page may own two stretches.
    """

    number: int
    span: Span


@dataclass(frozen=True)
class Document:
    """A decoded source text. ``name`` is what the user gave (a file name), for messages only.

    ``pages`` is empty for a text without pages (plain text, a web page); ``media_type`` is
    the format of the file read, when it was not text (``application/pdf``); ``published`` the
    publication date a web page's ``<meta>`` tags state.
    """

    text: str
    sha256: str
    encoding: str
    name: str = ""
    warnings: tuple[str, ...] = ()
    pages: tuple[Page, ...] = ()
    media_type: str = ""
    published: str | None = None  # the date a web page's metadata states, as ISO text

    def page_at(self, offset: int) -> Page | None:
        """The page whose stretch holds ``offset`` (None for a text without pages)."""
        for page in self.pages:
            if page.span.start <= offset < page.span.end:
                return page
        return None


BlockKind = Literal["heading", "paragraph", "bullet", "footnote"]


@dataclass(frozen=True)
class FootnoteMarker:
    """An in-text note marker such as the ``8`` in ``country,8``."""

    span: Span
    number: int


@dataclass(frozen=True)
class Block:
    """A paragraph-like unit of the text.

    ``heading`` is the index of the nearest heading block above (None when there is none);
    ``note`` is the footnote number for a footnote body (continuation paragraphs keep it);
    ``lead_in`` is, for a list item, the index of the block ending in a colon that introduces
    the list (``The State party should:``).
    """

    span: Span
    kind: BlockKind
    heading: int | None = None
    note: int | None = None
    lead_in: int | None = None


@dataclass(frozen=True)
class Layout:
    """The text cut into blocks, with note markers and the text with markers masked.

    ``masked`` has exactly the length of the document text: each marker digit is replaced by a
    space, so offsets found in ``masked`` are offsets into the original text.
    """

    blocks: tuple[Block, ...]
    markers: tuple[FootnoteMarker, ...]
    masked: str


@dataclass(frozen=True)
class Sentence:
    span: Span
    block: int  # index into Layout.blocks


@dataclass(frozen=True)
class Citation:
    """A citation found by a pattern of ``extract/data/citations.json``.

    ``kind`` is the pattern's kind (``treaty_series``, ``un_symbol``, ``resolution``,
    ``conclusion``, ``provision``, ...); ``fields`` are the named groups that matched, sorted.
    """

    span: Span
    kind: str
    pattern: str
    text: str
    fields: tuple[tuple[str, str], ...] = ()

    def field(self, name: str) -> str | None:
        return dict(self.fields).get(name)


MentionCategory = Literal["state", "instrument", "body", "group", "organization", "provision"]


@dataclass(frozen=True)
class Mention:
    """A span that names an entity.

    ``key`` is the IRI of a vocabulary entry, or a document-local key (``local:...``) for an
    entity found by a fallback pattern. ``via`` says how it was found (``label``, ``demonym``,
    ``alias``, ``fallback``, ``reference``).
    """

    span: Span
    key: str
    category: MentionCategory
    label: str
    via: str = "label"
    organ_of: str | None = None  # for an organ named by its state (``the Freedonian navy``)


@dataclass(frozen=True)
class Alias:
    """A document-local definition: ``(the "Sylvanian Convention")`` names ``key``."""

    span: Span
    alias: str
    key: str


@dataclass(frozen=True)
class PartyFact:
    """A state's stated relation to an instrument (party, ratified, acceded, signed...)."""

    span: Span
    state: str
    instrument: str
    act: str  # a TreatyActionScheme concept local name: Ratification, Accession, ...
    date: str | None = None  # "1982", "2001-08", "1954-04-22": what the text says, no more
    negated: bool = False  # "is not a party to", "has yet to ratify": the act did not happen


@dataclass(frozen=True)
class MembershipFact:
    span: Span
    member: str
    body: str


@dataclass(frozen=True)
class ReportFact:
    """A state's periodic report to a body, with the dates the text gives (as ``PartyFact``)."""

    span: Span
    state: str
    body: str | None
    label: str  # as written: "fifth periodic report", "combined second and third periodic reports"
    ordinal: str | None = None  # "fifth", "second and third", "initial", "next"
    due: str | None = None
    submitted: str | None = None


NormKind = Literal["Obligation", "Prohibition", "Right", "Recommendation"]
Force = Literal["Binding", "PersuasiveAuthority", "NonBinding"]


@dataclass(frozen=True)
class Statement:
    """A normative statement: who owes (or holds) what, on which basis, how binding."""

    span: Span
    type: NormKind
    bearers: tuple[str, ...]
    action: str
    action_span: Span
    trigger: str
    force: Force
    bases: tuple[str, ...] = ()
    beneficiaries: tuple[str, ...] = ()
    issuer: str | None = None
    co_issuers: tuple[str, ...] = ()  # the other issuers of a joint recommendation
    concerns: tuple[str, ...] = ()
    urged_by: int | None = None  # index of the outer statement of a nested directive
    customary: bool = False
    action_lead: Span | None = None  # a list's lead-in words that open each item's action
    finding: bool = False  # a court's or treaty body's finding that the bearer breached it


@dataclass(frozen=True)
class Entity:
    """An entity a document mentions: a vocabulary entry or a local node found in the text."""

    key: str
    category: MentionCategory
    label: str
    rdf_type: str  # local name of the dg: class (State, Treaty, Body, ActorGroup, ...)
    span: Span | None = None  # first mention, for local entities' evidence
    members: tuple[str, ...] = ()  # for groups
    part_of: str | None = None  # for provisions: the instrument key
    number: str | None = None  # for provisions: the article number as written
    citation: str | None = None
    date: str | None = None
    adopted_by: str | None = None  # for instruments: the body that adopted it
    organ_of: str | None = None  # for a state's organ: the state


ThemeField = Literal["action", "beneficiary", "basis"]


@dataclass(frozen=True)
class ThemeAssignment:
    """A theme or affected-persons concept assigned to ``statements[statement]``: ``cue`` is the
    words that triggered it as the text writes them (white space made single), ``cue_field``
    the part of the statement they were found in."""

    statement: int
    concept: str  # the concept's IRI
    cue: str
    cue_field: ThemeField


@dataclass(frozen=True)
class Extraction:
    """Everything the extractor found in one document."""

    document: Document
    layout: Layout
    sentences: tuple[Sentence, ...]
    citations: tuple[Citation, ...]
    mentions: tuple[Mention, ...]
    aliases: tuple[Alias, ...]
    entities: tuple[Entity, ...]
    parties: tuple[PartyFact, ...] = ()
    memberships: tuple[MembershipFact, ...] = ()
    statements: tuple[Statement, ...] = ()
    author: str | None = None
    notes: dict[int, Span] = field(default_factory=dict)
    reports: tuple[ReportFact, ...] = ()
    date: str | None = None  # the document's own date from its opening, as ISO text (dates.py)
    themes: tuple[ThemeAssignment, ...] = ()
