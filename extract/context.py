"""The relations stage's shared state and the pieces every statement rule uses: the
context it reads, what it has found, and how an action, its bases and beneficiaries are cut."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from dutygraph.extract.attribution import attribution_start
from dutygraph.extract.ir import (
    Block,
    Layout,
    MembershipFact,
    Mention,
    PartyFact,
    Sentence,
    Span,
    Statement,
)
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.literals import LiteralIndex, shared_index
from dutygraph.extract.mention_index import MentionIndex
from dutygraph.extract.screens import C, SentenceScreens
from dutygraph.extract.subjects import Groups

# "shall be given", "should also be informed": a passive after the modal
PASSIVE = re.compile(
    r"^(?:also\s+|further\s+|then\s+)?be\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|ld|nt)\b"
)

# "(b) admit monitors; and", and a lead-in item's "..., including by:" that opens its means
_TRAILING_JOINER = re.compile(
    r"\s*[;,]\s*(?:and|or)$|,?\s+(?:including|inter\s+alia|notably)(?:,?\s+(?:by|through))?$"
    r"|,\s+(?:by|through)$"
)


ACTORS = frozenset({"state", "body", "organization", "group"})


@dataclass
class Context:
    """What the relations stage reads: the masked text, its units and the mentions in it."""

    text: str
    layout: Layout
    sentences: Sequence[Sentence]
    mentions: Sequence[Mention]
    groups: Groups
    note_bases: dict[int, tuple[str, ...]]
    article_of_heading: dict[int, str] = field(default_factory=dict)  # heading line end -> article
    legal_text: bool = False  # a treaty or statute speaking for itself, not a report about one
    own_instrument: str | None = None
    statute: bool = False  # a state's own law (its bearerless duties are the State's)
    subject_state: str | None = None  # the one state the document is about, if any
    adopted: dict[str, str] = field(default_factory=dict)  # instrument -> its year of adoption
    _index: MentionIndex = field(init=False, repr=False, compare=False)
    _literals: LiteralIndex = field(init=False, repr=False, compare=False)
    _screens: SentenceScreens = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index = MentionIndex(self.mentions)
        self._literals = shared_index(self.text) or LiteralIndex(self.text)
        self._screens = SentenceScreens(self._literals, self.sentences)

    def candidates(self, cues: Sequence[C], span: Span) -> Sequence[C]:
        """The cues of a list built once (the lexicon's), in order, that may match inside
        ``span``: the rest have no match there."""
        return self._screens.candidates(cues, span)

    def may_match(self, pattern: re.Pattern[str], span: Span) -> bool:
        """False only when ``pattern`` has no match inside ``span``: a screen of its literal words
        that spares most sentences the regex."""
        if self._screens.excludes(pattern, span):
            return False
        return self._literals.may_match(pattern, span.start, span.end)

    def finditer(self, pattern: re.Pattern[str], span: Span) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, span.start, span.end)``, the regex tried only where its
        literal words put a match in reach."""
        if self._screens.excludes(pattern, span):  # most sentences, screened all at once
            return iter(())
        return self._literals.finditer(pattern, span.start, span.end)

    def mentions_in(self, span: Span) -> list[Mention]:
        return self._index.inside(span)

    def block_of(self, sentence: Sentence) -> Block:
        return self.layout.blocks[sentence.block]


@dataclass
class Found:
    statements: list[Statement] = field(default_factory=list)
    parties: list[PartyFact] = field(default_factory=list)
    memberships: list[MembershipFact] = field(default_factory=list)
    _by_action: dict[Span | None, list[int]] = field(default_factory=dict, repr=False)
    _indexed: int = 0

    def with_action(self, action: Span) -> list[int]:
        """The indices of the statements whose action is ``action``, in order. Statements are
        only appended, and one put in another's place keeps its action."""
        for index in range(self._indexed, len(self.statements)):
            self._by_action.setdefault(self.statements[index].action_span, []).append(index)
        self._indexed = len(self.statements)
        return self._by_action.get(action, [])


def cut_action(text: str, start: int, end: int) -> Span | None:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ";,.:-\u2014"):
        end -= 1
    said = attribution_start(text, start, end)
    if said is not None and said > start:  # "..., the group said today": no part of the action
        return cut_action(text, start, said)
    onward = lexicon().pattern("operative_continuation").search(text, start, end)
    if onward is not None:  # "Encourages States to X, and reaffirms ...": the body goes on
        end = onward.start()
    joiner = _TRAILING_JOINER.search(text, start, end)
    if joiner is not None:  # "(b) admit monitors; and": the list's joiner is no part of it
        end = joiner.start()
    return Span(start, end) if end - start >= 2 else None


def trimmed_span(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and not (text[start].isalnum() or text[start] in "\"'(\u201c"):
        start += 1
    return Span(start, end)


def recommendation_of(
    ctx: Context,
    span: Span,
    bearers: tuple[str, ...],
    action: Span,
    trigger: str,
    bases: tuple[str, ...],
    urged_by: int | None = None,
) -> Statement:
    return Statement(
        span=span,
        type="Recommendation",
        bearers=bearers,
        action=action.of(ctx.text),
        action_span=action,
        trigger=trigger,
        force="NonBinding",
        bases=bases,
        beneficiaries=beneficiaries_of(ctx, action),
        urged_by=urged_by,
    )


def bases_of(ctx: Context, span: Span) -> tuple[str, ...]:
    keys: list[str] = []
    for match in ctx.finditer(lexicon().pattern("basis_phrases"), span):
        window = Span(match.end(), min(span.end, match.end() + 160))
        keys.extend(
            m.key for m in ctx.mentions_in(window) if m.category in {"instrument", "provision"}
        )
    for marker in ctx.layout.markers:
        if span.start <= marker.span.start <= span.end + 3:
            keys.extend(ctx.note_bases.get(marker.number, ()))
    article = _article_heading(ctx, span)
    if article is not None:
        keys.append(article)
    covered = {k.split("#", 1)[0] for k in keys if "#" in k}
    return tuple(dict.fromkeys(k for k in keys if k not in covered))


def _article_heading(ctx: Context, span: Span) -> str | None:
    for end in sorted(ctx.article_of_heading, reverse=True):
        if end <= span.start:
            return ctx.article_of_heading[end]
    return None


def beneficiaries_of(ctx: Context, action: Span) -> tuple[str, ...]:
    found = [m.group() for m in _beneficiary_pattern().finditer(ctx.text, action.start, action.end)]
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _beneficiary_pattern() -> re.Pattern[str]:
    heads = sorted(lexicon().lower_words("beneficiary_heads"), key=len, reverse=True)
    return re.compile(
        r"\b(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+ans\b|\b(?:" + "|".join(map(re.escape, heads)) + r")\b"
    )


def is_conditional(text: str, clause: Span) -> bool:
    """``If Freedonia ratified X, ...``: a clause opened by a conditional states no fact."""
    words = re.findall(r"[A-Za-z]+", clause.of(text))
    return bool(words) and words[0].lower() in lexicon().lower_words("conditional_openers")
