"""Provisions: each article citation becomes a provision of the instrument it belongs to."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from dutygraph.extract.ir import Citation, Entity, Mention, Sentence, Span
from dutygraph.extract.mention_index import MentionIndex, SentenceIndex


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
    instruments = _Instruments(mentions)
    in_sentences = SentenceIndex(sentences)
    named = _list_instruments(
        text, articles, [_instrument_of_provision(text, c.span, instruments) for c in articles]
    )
    for citation, of_list in zip(articles, named, strict=True):
        number = citation.field("article")
        instrument = (
            of_list
            or own
            or _instrument_earlier_in_sentence(citation.span, instruments, in_sentences)
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


class _Instruments:
    """The instrument mentions by position (``MentionIndex``); on a tie the order in which they
    were given decides, as a scan in that order would."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        listed = [m for m in mentions if m.category == "instrument"]
        self.index = MentionIndex(listed)
        self._order = {id(m): i for i, m in enumerate(listed)}

    def first_starting_at(self, starts: set[int]) -> Mention | None:
        hits = [m for at in starts for m in self.index.starting_in(at, at + 1)]
        return min(hits, key=lambda m: self._order[id(m)], default=None)

    def last_ending_between(
        self, low: int, high: int, fits: Callable[[Mention], bool]
    ) -> Mention | None:
        """The last listed of those ending in ``[low, high]`` that ``fits``."""
        near = [m for m in self.index.reaching(low, high + 1) if m.span.end <= high and fits(m)]
        return max(near, key=lambda m: self._order[id(m)], default=None)


def _instrument_of_provision(text: str, span: Span, instruments: _Instruments) -> str | None:
    # "Article 5 § 4 of the Convention": a paragraph sign may part the article from its treaty
    after = re.match(
        r"(?:\s*§\s*\d+)?\s*(?:of|to|in)\s+(?P<the>the\s+)?", text[span.end : span.end + 24]
    )
    if after is not None:
        # a title starts after "the"; a reference ("the Convention") starts with it
        starts = {span.end + after.end()}
        if after.group("the"):
            starts.add(span.end + after.start("the"))
        hit = instruments.first_starting_at(starts)
        if hit is not None:
            return hit.key
    # the last listed that ends right before, with nothing but spaces and a comma between
    left = span.start
    while left > 0 and (text[left - 1].isspace() or text[left - 1] == ","):
        left -= 1
    before = instruments.last_ending_between(
        left,
        span.start,
        lambda m: re.fullmatch(r"\s*,?\s*", text[m.span.end : span.start]) is not None,
    )
    return before.key if before else None


def _instrument_earlier_in_sentence(
    span: Span, instruments: _Instruments, sentences: SentenceIndex
) -> str | None:
    """``States parties to the Convention are bound by article 33``: the one instrument the
    sentence names before the article."""
    sentence = sentences.holding(span)
    if sentence is None:
        return None
    before = Span(sentence.start, span.start)
    keys = {m.key for m in instruments.index.inside(before)}
    return keys.pop() if len(keys) == 1 else None
