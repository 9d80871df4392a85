"""Provisions: each article citation becomes a provision of the instrument it belongs to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dutygraph.extract.ir import Citation, Entity, Mention, Sentence, Span


def find_provisions(
    text: str,
    citations: Sequence[Citation],
    mentions: Sequence[Mention],
    own: str | None,
    sentences: Sequence[Sentence],
    monitored: str | None = None,
) -> tuple[dict[str, Entity], list[Mention]]:
    entities: dict[str, Entity] = {}
    found: list[Mention] = []
    articles = [c for c in citations if c.kind == "provision" and c.field("article")]
    named = _list_instruments(
        text, articles, [_instrument_of_provision(text, c.span, mentions) for c in articles]
    )
    for citation, of_list in zip(articles, named, strict=True):
        number = citation.field("article")
        instrument = (
            of_list
            or own
            or _instrument_earlier_in_sentence(citation.span, mentions, sentences)
            or monitored
        )
        if instrument is None:
            continue
        key = f"{instrument}#article-{number}"
        entities.setdefault(
            key,
            Entity(
                key,
                "provision",
                f"Article {number}",
                "Provision",
                citation.span,
                part_of=instrument,
                number=number,
            ),
        )
        found.append(Mention(citation.span, key, "provision", citation.text, "citation"))
    return entities, found


def _list_instruments(
    text: str, articles: Sequence[Citation], named: list[str | None]
) -> list[str | None]:
    """``articles 6, 7 and 13 of the Covenant``: every article of a list belongs to the
    instrument its last item names."""
    result = list(named)
    run: list[int] = []
    for index in range(len(articles) + 1):
        joined = (
            index < len(articles)
            and run
            and re.fullmatch(
                r"\s?,?\s?(?:and\s|or\s)?",
                text[articles[run[-1]].span.end : articles[index].span.start],
            )
        )
        if joined:
            run.append(index)
            continue
        owner = next((result[i] for i in reversed(run) if result[i]), None)
        for i in run:
            result[i] = result[i] or owner
        run = [index]
    return result


def _instrument_of_provision(text: str, span: Span, mentions: Sequence[Mention]) -> str | None:
    # "Article 5 § 4 of the Convention": a paragraph sign may part the article from its treaty
    after = re.match(
        r"(?:\s*§\s*\d+)?\s*(?:of|to|in)\s+(?P<the>the\s+)?", text[span.end : span.end + 24]
    )
    instruments = [m for m in mentions if m.category == "instrument"]
    if after is not None:
        # a title starts after "the"; a reference ("the Convention") starts with it
        starts = {span.end + after.end()}
        if after.group("the"):
            starts.add(span.end + after.start("the"))
        hit = next((m for m in instruments if m.span.start in starts), None)
        if hit is not None:
            return hit.key
    before = next(
        (
            m
            for m in reversed(instruments)
            if m.span.end <= span.start and re.fullmatch(r"\s*,?\s*", text[m.span.end : span.start])
        ),
        None,
    )
    return before.key if before else None


def _instrument_earlier_in_sentence(
    span: Span, mentions: Sequence[Mention], sentences: Sequence[Sentence]
) -> str | None:
    """``States parties to the Convention are bound by article 33``: the one instrument the
    sentence names before the article."""
    sentence = next((s.span for s in sentences if s.span.contains(span)), None)
    if sentence is None:
        return None
    before = Span(sentence.start, span.start)
    keys = {m.key for m in mentions if m.category == "instrument" and before.contains(m.span)}
    return keys.pop() if len(keys) == 1 else None
