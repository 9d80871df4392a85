"""Fallback names: capitalised titles with a head noun that the vocabulary does not know.

``the Convention on the Rights of Sylvanians`` is an instrument, ``the Freedonia Rights
Foundation`` an organisation and ``the Ministry of Unification`` a body, each a document-local
entity. A title whose head noun lies inside a vocabulary mention is left to the gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from dutygraph.extract.ir import Mention, MentionCategory, Span
from dutygraph.extract.lexicon import lexicon
from dutygraph.extract.literals import shared_index
from dutygraph.extract.mention_index import MentionIndex
from dutygraph.extract.tokens import Token, span_tokens

_BEFORE_TO = frozenset({"relating", "Relating", "Protocol", "Amendment", "Amendments"})
_LEADING_ARTICLES = frozenset(
    {
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "To",
        "As",
        "Since",
        "Under",
        "After",
        "Before",
        "During",
        "Despite",
        "Although",
        "While",
        "When",
    }
)


def local_key(category: str, label: str) -> str:
    words = re.sub(r"[^\w]+", " ", label.lower()).split()
    if words and category == "group":
        words[-1] = _singular(words[-1])
    return f"local:{category}:{'-'.join(words)}"


def _singular(word: str) -> str:
    """``Parties`` and ``Party``, ``States`` and ``State`` share a key; ``crisis`` stays."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "is", "us")) and len(word) > 3:
        return word[:-1]
    return word


def find_titles(
    text: str,
    spans: Sequence[Span],
    known: list[Mention],
    tokens: Sequence[list[Token]] | None = None,
) -> tuple[Mention, ...]:
    """Fallback titles inside ``spans``; ``tokens``, the spans' tokens when the caller has them."""
    found: list[Mention] = []
    words_of = span_tokens(text, spans) if tokens is None else tokens
    index = MentionIndex(known)
    for span, words in zip(spans, words_of, strict=True):
        near = index.overlapping(span)  # a title inside the span meets no other known mention
        procedures = [
            m
            for m in _special_procedures(text, span)
            if not any(m.span.overlaps(k.span) and k.category == "body" for k in near)
        ]
        found.extend(procedures)
        taken = [*near, *procedures]
        for run in _capitalised_runs(words):
            mention = _title_mention(text, run, taken)
            if mention is not None and not any(mention.span.overlaps(p.span) for p in procedures):
                found.append(mention)
    return tuple(found)


_LAW_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_HOLDERS_OWN_ACT = re.compile(r"\s+(?:on|during|after|in|from)\s+(?:his|her|their)\b")


@lru_cache(maxsize=1)
def _special_procedure_pattern() -> re.Pattern[str]:
    titles = "|".join(sorted(lexicon().words("special_procedure_titles"), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{titles})\s+(?:of\s+the\s+Secretary-General\s+)?on\s+"
        r"(?:[^,;:.()\n]|,\s+(?:or\s+|and\s+)?(?=[A-Z]))+"
    )


def _special_procedures(text: str, span: Span) -> Iterator[Mention]:
    """``Special Rapporteur on the situation of human rights in X``: mandates in lower case,
    up to where the holder's own acts begin (``on his visit to X``)."""
    pattern = _special_procedure_pattern()
    literals = shared_index(text)
    if literals is not None and not literals.may_match(pattern, span.start, span.end):
        return  # most sentences name no mandate
    for match in pattern.finditer(text, span.start, span.end):
        own_act = _HOLDERS_OWN_ACT.search(match.group())
        mandate = match.group()[: own_act.start()] if own_act else match.group()
        end = match.start() + len(mandate.rstrip(" ,"))
        found = Span(match.start(), end)
        label = found.of(text)
        yield Mention(found, local_key("body", label), "body", label, "fallback")


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_title_year(tokens: list[Token], i: int) -> bool:
    """A year belongs to a title only in front of it (``1967 Protocol``)."""
    token = tokens[i]
    if len(token.text) != 4 or not token.text.isdigit():
        return False
    return i + 1 < len(tokens) and _is_capitalised(tokens[i + 1])


def _is_law_year(previous: Token, token: Token) -> bool:
    """A year right after a law's head noun is part of its title (``Fictland Residence Act
    2015``), unlike a footnote number after a treaty's (``the Convention 3``)."""
    return previous.text in lexicon().words("domestic_law_heads") and (
        _LAW_YEAR.fullmatch(token.text) is not None
    )


def _capitalised_runs(tokens: list[Token]) -> Iterator[list[Token]]:
    """Maximal runs of capitalised words, joined by title function words and abbreviation dots."""
    function_words = lexicon().words("title_function_words")
    heads = _all_heads()
    run: list[Token] = []
    for i, token in enumerate(tokens):
        if (
            token.text[:1].isupper()  # _is_capitalised, the test most tokens end at
            or (run and _extends_run(run, tokens, i, function_words, heads))
            or (len(token.text) == 4 and _is_title_year(tokens, i))  # no call for most tokens
        ):
            run.append(token)
        elif run:
            yield from _emit(run)
            run = []
    yield from _emit(run)


def _extends_run(
    run: list[Token],
    tokens: list[Token],
    i: int,
    function_words: frozenset[str],
    heads: frozenset[str],
) -> bool:
    """A token in lower case that continues ``run``: a law's year, the dot of an abbreviation,
    a hyphen, a function word before more of the title, or the brackets of a law's title."""
    token, last = tokens[i], run[-1]
    return (
        _is_law_year(last, token)
        or (token.text == "." and len(last.text) == 1 and _adjacent(last, token))
        or (token.text in {"-", "\u2019"} and _adjacent(last, token))
        or (token.text in function_words and _continues(tokens, i, function_words, heads))
        or (token.text == "(" and _bracketed_in_law_title(tokens, i))
        or (token.text == ")" and _open_bracket(run))
    )


_BRACKET_REACH = 8  # words inside the brackets of a law's title: ``(Asylum and Immigration)``


def _bracketed_in_law_title(tokens: list[Token], i: int) -> bool:
    """``Fictland Detention (Safeguards) Act 2025``: capitalised words in brackets that a law's
    head noun follows belong to its title."""
    function_words = lexicon().words("title_function_words")
    if i + 1 >= len(tokens) or not _is_capitalised(tokens[i + 1]):
        return False  # ``(the Council)`` defines a short name
    for j in range(i + 1, min(len(tokens) - 1, i + 1 + _BRACKET_REACH)):
        word = tokens[j].text
        if word == ")":
            return j > i + 1 and tokens[j + 1].text in lexicon().words("domestic_law_heads")
        if not (_is_capitalised(tokens[j]) or word in function_words):
            return False
    return False


def _open_bracket(run: list[Token]) -> bool:
    brackets = [t.text for t in run if t.text in {"(", ")"}]
    return bool(brackets) and brackets[-1] == "("


def _adjacent(left: Token, right: Token) -> bool:
    return left.end == right.start


def _continues(
    tokens: list[Token], i: int, function_words: frozenset[str], heads: frozenset[str]
) -> bool:
    """A function word stays in a title only when a capitalised word follows it, and ``and``
    only when it does not start a second name (``the Secretary of X and the Secretary of Y``)."""
    if tokens[i].text == "to" and (i == 0 or tokens[i - 1].text not in _BEFORE_TO):
        return False
    j = i + 1
    while j < len(tokens) and tokens[j].text in function_words:
        if tokens[i].text == "and" and tokens[j].text == "the":
            return False
        j += 1
    if j >= len(tokens) or not _is_capitalised(tokens[j]):
        return False
    return not (tokens[i].text == "and" and tokens[j].text in heads)


def _emit(run: list[Token]) -> Iterator[list[Token]]:
    """Trims leading articles and splits ``X Foundation and Y Foundation`` into two names."""
    heads = _all_heads()
    for index, token in enumerate(run):
        if (
            token.text == "and"
            and _has_head(run[:index], heads)
            and _has_head(run[index + 1 :], heads)
        ):
            yield from _emit(run[:index])
            yield from _emit(run[index + 1 :])
            return
    stripped_preposition = False
    while run and (
        run[0].text in _LEADING_ARTICLES
        or not run[0].text[:1].isalnum()
        or (run[0].text.isdigit() and (stripped_preposition or len(run) == 1))
    ):
        stripped_preposition = run[0].text in _LEADING_ARTICLES
        run = run[1:]
    if len(run) >= 2 or (len(run) == 1 and run[0].text in lexicon().words("single_word_bodies")):
        yield run


def _has_head(tokens: list[Token], heads: frozenset[str]) -> bool:
    return any(t.text in heads for t in tokens)


@lru_cache(maxsize=1)
def _all_heads() -> frozenset[str]:
    lex = lexicon()
    return lex.words("instrument_heads") | lex.words("organization_heads") | lex.words("body_heads")


def _head(run: list[Token]) -> tuple[int, MentionCategory] | None:
    """The last head noun before the title's complement (``Sylvanian Mission Agreement``: an
    agreement; ``Committee on Foreign Relations``: a committee; ``Experts on Mission``: none)."""
    lex = lexicon()
    categories: list[tuple[frozenset[str], MentionCategory]] = [
        (lex.words("instrument_heads"), "instrument"),
        (lex.words("body_heads"), "body"),
        (lex.words("organization_heads"), "organization"),
    ]
    found = None
    for index, token in enumerate(run):
        if token.text[:1].islower():
            break
        for words, category in categories:
            if token.text in words:
                found = (index, category)
                break
    return found


def _title_mention(text: str, run: list[Token], known: list[Mention]) -> Mention | None:
    head = _head(run)
    if head is None:
        return _later_title(text, run, known)
    index, category = head
    head_token = run[index]
    span = Span(run[0].start, run[-1].end)
    for mention in known:
        if mention.span.start <= head_token.start and head_token.end <= mention.span.end:
            return None
        if mention.span == span:
            return None
    if _is_office_of_known(text, span, known):
        return None
    label = span.of(text)
    return Mention(span, local_key(category, label), category, label, "fallback")


def _is_office_of_known(text: str, span: Span, known: list[Mention]) -> bool:
    """``Office of the <a known body>`` names that body, not a new one."""
    match = re.match(r"Office\s+of\s+(?:the\s+)?", span.of(text))
    if match is None:
        return False
    rest = Span(span.start + match.end(), span.end)
    return any(m.span == rest and m.category in {"body", "organization"} for m in known)


def _later_title(text: str, run: list[Token], known: list[Mention]) -> Mention | None:
    """``Officials of the Ministry of X``: the title starts after a function word."""
    for index in range(1, len(run) - 1):
        if run[index].text[:1].islower() and _is_capitalised(run[index + 1]):
            start = index + 1
            while start < len(run) and run[start].text[:1].islower():
                start += 1
            rest = run[start:]
            if len(rest) >= 2 and _head(rest) is not None:
                return _title_mention(text, rest, known)
    return None


def instrument_class(label: str) -> str:
    """The dg: class of a fallback instrument, from its head noun."""
    lex = lexicon()
    words = set(re.findall(r"\w+", label))
    if words & lex.words("domestic_law_heads"):
        return "DomesticLaw"
    if words & lex.words("declaration_heads"):
        return "Declaration"
    if words & lex.words("soft_law_heads"):
        return "SoftLawInstrument"
    return "Treaty"
