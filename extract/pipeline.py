"""The extractor: a chain of small stages from a document to an ``Extraction``."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from rdflib import URIRef

from dutygraph.extract.citations import find_citations
from dutygraph.extract.definitions import alias_mentions, find_aliases, find_equivalences
from dutygraph.extract.document_date import document_date
from dutygraph.extract.entities import cited_instruments, entities_of
from dutygraph.extract.gazetteer import Gazetteer, default_gazetteer, find_mentions
from dutygraph.extract.ir import (
    Alias,
    Document,
    Extraction,
    Layout,
    Mention,
    Sentence,
    Span,
    Statement,
)
from dutygraph.extract.layout import layout
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.literals import sharing_indexes
from dutygraph.extract.mention_index import MentionIndex
from dutygraph.extract.provisions import find_provisions
from dutygraph.extract.references import (
    find_references,
    find_salient_state_references,
    find_subject_state_references,
    monitored_treaty,
    subject_state,
)
from dutygraph.extract.relations import Context, relate
from dutygraph.extract.reports import find_reports
from dutygraph.extract.resolutions import (
    adopting_body,
    note_numbers,
    stated_duties,
    with_body,
    without_note_numbers,
)
from dutygraph.extract.sentences import split_sentences
from dutygraph.extract.subjects import Groups
from dutygraph.extract.themes import classify
from dutygraph.extract.titles import find_titles, instrument_class
from dutygraph.extract.tokens import span_tokens

_ARTICLE_HEADING = re.compile(r"^\s*Article\s+(?P<number>[0-9IVXLC]+[A-Z]?)\s*$", re.I)


def extract(doc: Document, gaz: Gazetteer | None = None) -> Extraction:
    """``emit`` aside, the whole extractor: layout, sentences, citations, names, relations."""
    with sharing_indexes():  # the stages find each pattern's words once per document
        return _extract(doc, gaz)


def _extract(doc: Document, gaz: Gazetteer | None) -> Extraction:
    gaz = gaz or default_gazetteer()
    lay = layout(doc)
    sentences = split_sentences(doc, lay)
    text = lay.masked
    citations = find_citations(text)
    found = _mentions(text, gaz, sentences)
    aliases = find_aliases(text, found, gaz)
    found = _without_alias_titles(found, aliases)
    mentions = _sorted([*found, *alias_mentions(text, aliases, {m.key: m for m in found})])
    mentions = _sorted(_identify(mentions, find_equivalences(text, mentions, gaz), gaz))
    own = _own_instrument(lay, mentions)
    labels = {key: entry.label for key, entry in gaz.entries.items()}
    references = find_references(
        text, sentences, mentions, gaz.protocols, own, labels, gaz.monitored
    )
    monitored = monitored_treaty(mentions, gaz.monitored)
    provisions, provision_mentions = find_provisions(
        text, citations, [*mentions, *references], own, sentences, monitored
    )
    cited, cited_mentions = cited_instruments(text, citations, mentions)
    mentions = _sorted(
        [*_outside(mentions, references), *references, *provision_mentions, *cited_mentions]
    )
    subject = subject_state(text, mentions)  # the state the document is about, found once
    mentions = _sorted([*mentions, *find_subject_state_references(text, mentions, subject)])
    mentions = _sorted([*mentions, *find_salient_state_references(text, mentions)])
    groups = Groups()
    notes = _note_bases(lay, mentions)
    articles = _article_headings(text, lay, own)
    ctx = Context(
        text,
        lay,
        sentences,
        mentions,
        groups,
        notes,
        articles,
        _is_legal_text(text, lay, own),
        own,
        _is_statute(own, mentions),
        subject,
        gaz.adopted,
    )
    statements, parties, memberships = relate(ctx)
    statements = (*statements, *stated_duties(ctx))
    statements = tuple(replace(s, action=_action_text(doc.text, s)) for s in statements)
    statements = without_note_numbers(doc.text, statements, note_numbers(text, lay, mentions))
    author = _author(text, mentions) or adopting_body(text, lay, mentions)
    if author is not None:
        statements = tuple(_with_issuer(s, author) for s in statements)
    entities = with_body(entities_of(gaz, mentions, groups, provisions, cited), author, gaz)
    return Extraction(
        doc,
        lay,
        sentences,
        citations,
        mentions,
        aliases,
        entities,
        parties,
        memberships,
        statements,
        author,
        reports=find_reports(text, sentences, mentions, gaz.monitored, subject),
        date=document_date(text, lay) or doc.published,
        themes=classify(text, statements, entities, mentions),
    )


def _action_text(text: str, statement: Statement) -> str:
    """The action as the document writes it; an item of a list the lead-in's verb opens
    (``shall have regard to:`` then ``(a) the information ...``) starts with that verb."""
    action = statement.action_span.of(text)
    lead = statement.action_lead
    return f"{lead.of(text)} {action}" if lead is not None else action


def _outside(mentions: Sequence[Mention], references: Sequence[Mention]) -> list[Mention]:
    """Mentions less the fallback titles a reference contains (``its Optional Protocol``)."""
    holding = MentionIndex(references)
    return [m for m in mentions if m.via != "fallback" or not _held(m, holding)]


def _held(mention: Mention, references: MentionIndex) -> bool:
    return any(r.span.contains(mention.span) for r in references.overlapping(mention.span))


def _identify(mentions: Sequence[Mention], same: dict[str, str], gaz: Gazetteer) -> list[Mention]:
    """Local mentions the text identifies with a vocabulary entry become mentions of it."""
    result = []
    for mention in mentions:
        entry = gaz.entries.get(same.get(mention.key, ""))
        if entry is not None:
            mention = replace(mention, key=entry.key, category=entry.category, via="alias")
        result.append(mention)
    return result


def _sorted(mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    unique = {(m.span, m.key): m for m in mentions}
    return tuple(sorted(unique.values(), key=lambda m: (m.span.start, -m.span.end, m.key)))


def _mentions(text: str, gaz: Gazetteer, sentences: Sequence[Sentence]) -> list[Mention]:
    """Vocabulary names and fallback titles; a state named inside a title (``the Freedonia
    Rights Foundation``) is part of that name, not a mention of the state."""
    spans = [s.span for s in sentences]
    tokens = span_tokens(text, spans)
    vocab = list(find_mentions(text, gaz, spans, tokens))
    titles = find_titles(text, spans, vocab, tokens)
    index = MentionIndex(titles)

    def inside_title(mention: Mention) -> bool:
        if mention.category != "state":
            return False
        return any(t.span.contains(mention.span) for t in index.overlapping(mention.span))

    return [*(m for m in vocab if not inside_title(m)), *titles]


def _without_alias_titles(mentions: Sequence[Mention], aliases: Sequence[Alias]) -> list[Mention]:
    """An alias is a name of its entity: a fallback title on an alias's words is dropped."""
    names = {a.alias for a in aliases}
    defined = [a.span for a in aliases]
    return [
        m
        for m in mentions
        if m.via != "fallback"
        or (m.label not in names and not any(m.span.overlaps(d) for d in defined))
    ]


def _own_instrument(lay: Layout, mentions: Sequence[Mention]) -> str | None:
    """A text whose first block is an instrument's title is that instrument."""
    if not lay.blocks:
        return None
    block = lay.blocks[0].span
    line = lay.masked[block.start : block.end].split("\n", 1)[0]
    first = Span(block.start, block.start + len(line))
    for mention in mentions:
        if mention.category == "instrument" and first.contains(mention.span):
            covered = len(mention.span) / max(1, len(line.strip()))
            return mention.key if covered > 0.8 else None
    return None


def _note_bases(lay: Layout, mentions: Sequence[Mention]) -> dict[int, tuple[str, ...]]:
    bases: dict[int, list[str]] = {}
    for block in lay.blocks:
        if block.kind != "footnote" or block.note is None:
            continue
        inside = [
            m
            for m in mentions
            if block.span.contains(m.span) and m.category in {"instrument", "provision"}
        ]
        bases.setdefault(block.note, []).extend(_prefer_provisions(inside))
    return {n: tuple(dict.fromkeys(keys)) for n, keys in bases.items()}


def _prefer_provisions(mentions: Sequence[Mention]) -> list[str]:
    provisions = [m.key for m in mentions if m.category == "provision"]
    covered = {p.split("#", 1)[0] for p in provisions}
    rest = [m.key for m in mentions if m.category == "instrument" and m.key not in covered]
    return provisions + rest


def _article_headings(text: str, lay: Layout, own: str | None) -> dict[int, str]:
    """Where each ``Article N`` heading line ends, and the provision it opens; a heading line
    may stand inside a block when no blank line sets it apart."""
    if own is None:
        return {}
    result: dict[int, str] = {}
    for block in lay.blocks:
        if block.kind == "footnote":
            continue
        start = block.span.start
        for line in block.span.of(text).split("\n"):
            match = _ARTICLE_HEADING.match(line)
            if match is not None:
                result[start + len(line)] = f"{own}#article-{match.group('number')}"
            start += len(line) + 1
    return result


def _is_legal_text(text: str, lay: Layout, own: str | None) -> bool:
    """A treaty or statute: its own title opens it, or it is cut into numbered sections."""
    sections = sum(
        1
        for b in lay.blocks
        if b.kind == "heading"
        and re.match(r"\s*(?:§|Article|Section|Sec\.|Art\.)\s*\d", b.span.of(text))
    )
    return own is not None or sections >= 2


def _is_statute(own: str | None, mentions: Sequence[Mention]) -> bool:
    """A text whose own instrument is a state's law (an Act, a Code), or that has none."""
    if own is None:
        return True
    label = next((m.label for m in mentions if m.key == own), "")
    return not own.startswith("http") and instrument_class(label) == "DomesticLaw"


def _author(text: str, mentions: Sequence[Mention]) -> str | None:
    """The organisation that speaks as the author: the most frequent subject of an author verb
    ('X believes', 'X makes the following findings', 'the sense of X')."""
    verbs = "|".join(sorted(lexicon().words("actor_verbs"), key=len, reverse=True))
    after = re.compile(rf"^(?:['\u2019]s\s+\w+\s+recommendations|\s+(?:{verbs})\b)")
    votes: Counter[str] = Counter()
    for mention in mentions:
        if mention.category not in {"organization", "body"}:
            continue
        if after.match(text[mention.span.end : mention.span.end + 40]):
            votes[mention.key] += 1
        if re.search(
            r"sense\s+of\s+(?:the\s+)?$", text[max(0, mention.span.start - 20) : mention.span.start]
        ):
            votes[mention.key] += 1
    return votes.most_common(1)[0][0] if votes else None


def _with_issuer(statement: Statement, author: str) -> Statement:
    if statement.type != "Recommendation" or statement.issuer is not None:
        return statement
    return replace(statement, issuer=author)


__all__ = ["URIRef", "extract"]
