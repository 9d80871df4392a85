"""Which state a party-status cue speaks of: the clause's subject, a relative clause's, the
state named after ``ratified by`` or before ``'s accession``, or the sentence's earlier fact."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from dutygraph.extract.ir import PartyFact, Sentence, Span
from dutygraph.extract.lexicon import PartyCue
from dutygraph.extract.subjects import INHERIT, resolve_subject

if TYPE_CHECKING:
    from dutygraph.extract.context import Context, Found
    from dutygraph.extract.ir import Mention


def facts_of(found: Found, sentence: Sentence) -> list[PartyFact]:
    """The party facts found so far in ``sentence``."""
    return [p for p in found.parties if p.span == sentence.span]


def affirmed(found: Found, sentence: Sentence) -> list[PartyFact]:
    """The positive party facts found so far in ``sentence``."""
    return [p for p in facts_of(found, sentence) if not p.negated]


# "has", "not", "also", ", however,": words between a subject and its party-status verb
_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|is|are|was|were|not|never|neither|also|already|yet|still|"
    r"since|later|then|subsequently|only|both|itself|themselves|(?-i:[a-z]+ly))|"
    r"\s*,\s*(?:however|moreover|furthermore|nevertheless|therefore|though|indeed|in\s+fact)"
    r"\s*,)+\s*$",
    re.IGNORECASE,
)
# "Freedonia, which has been a party to": the name just before the pronoun is the subject
_RELATIVE_ANTECEDENT = re.compile(r",\s*(?:which|who)\s*$", re.IGNORECASE)
_RELATIVE_PRONOUN = re.compile(r"\s*\b(?:which|who)\s*$", re.IGNORECASE)
# "twenty years after it signed": a subordinate clause inside the subject phrase
_LATE_SUBORDINATOR = re.compile(
    r"\b(?:after|before|when|once|until|since|because|as|although|though|while)\s+(?=\S)",
    re.IGNORECASE,
)
# "the Charter, which it ratified": the relative clause has a subject of its own
_RELATIVE_SUBJECT = re.compile(r",\s*(?:which|that)\s+(?=\S)", re.IGNORECASE)
_COORDINATED = re.compile(r"(?:,|\band|\bbut|\bor|\bnor)\s*$", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"(?:,\s*(?:and|but|or|while|whereas|yet)\b|;)\s*", re.IGNORECASE)
_OPENERS = frozenset(
    {
        "as",
        "despite",
        "notwithstanding",
        "although",
        "though",
        "while",
        "whilst",
        "even",
        "being",
        "having",
        "not",
        "yet",
        "since",
        "because",
        "after",
        "formally",
    }
)
_SUBORDINATOR = re.compile(
    r"\s*(?:although|though|even\s+though|while|whilst|despite|since|because|as|given\s+that|"
    r"whereas)\s+",
    re.IGNORECASE,
)


def party_states(
    ctx: Context,
    sentence: Sentence,
    clause_start: int,
    match: re.Match[str],
    cue: PartyCue,
    instruments: list[Mention],
    found: Found,
) -> tuple[str, ...]:
    if cue.state == "previous":
        same = affirmed(found, sentence)
        return (same[-1].state,) if same else ()
    if cue.state == "same":
        earlier = facts_of(found, sentence)
        return (earlier[-1].state,) if earlier else ()
    if cue.state == "who":
        who = Span(match.start("who"), match.end("who"))
        return _states_in(ctx, who, sentence)
    if cue.state == "by":
        return _states_right_after(ctx, match.end(), sentence.span.end)
    if cue.state == "possessive":
        named = [m for m in ctx.mentions_in(sentence.span) if m.span.end == match.start()]
        return tuple(m.key for m in named if _is_state(m.key))
    before = [
        m for m in ctx.mentions_in(Span(clause_start, match.start())) if m.category == "state"
    ]
    if match.group().startswith(",") or "obligations" in match.group():
        return (before[-1].key,) if before else ()
    if cue.state == "lead":
        return _state_at(ctx, sentence, clause_start)
    if cue.state == "salient":
        return _passage_state(ctx, match.start())
    head = ctx.text[clause_start : match.start()]
    bare = _AUXILIARIES.sub("", head)
    antecedent = _RELATIVE_ANTECEDENT.search(bare)
    if antecedent:
        named = [m for m in before if m.span.end == clause_start + antecedent.start()]
        if named and _is_state(named[-1].key):
            return (named[-1].key,)
    if _COORDINATED.search(_RELATIVE_PRONOUN.sub("", bare)) and not _OPENERS.issuperset(
        w.lower() for w in re.findall(r"[A-Za-z]+", head)
    ):
        # "X acceded to A in 1995 and ratified B": the verbs share the subject of the first
        same = facts_of(found, sentence)
        if same:
            return (same[-1].state,)
    if _OPENERS.issuperset(w.lower() for w in re.findall(r"[A-Za-z]+", head)):
        # "As a party to X, Freedonia must ...": the main clause's subject
        return _main_subject(ctx, sentence, instruments[-1].span.end, found)
    subject, keys = _subject_of(ctx, clause_start, match.start())
    if keys == INHERIT:
        # "Freedonia is a party to X, which it ratified in 1990": the state of X's fact
        same = [f for f in facts_of(found, sentence) if f.instrument == instruments[0].key]
        return (same[-1].state,) if same else _salient_state(ctx, sentence, subject.end)
    states = tuple(k for k in keys if _is_state(k))
    if states:
        return states
    return (before[0].key,) if before and match.group().lower().startswith("as ") else ()


def _subject_of(ctx: Context, start: int, end: int) -> tuple[Span, tuple[str, ...]]:
    """The subject before a party-status verb and whom it names; ``twenty years after it``:
    the subject of the subordinate clause, when it names a state or is a pronoun."""
    subject = _subject_span(ctx.text, start, end)
    late = list(_LATE_SUBORDINATOR.finditer(ctx.text, subject.start, subject.end))
    if late:
        inner = Span(late[-1].end(), subject.end)
        keys = resolve_subject(ctx.text, inner, ctx.mentions_in(inner), ctx.groups)
        if keys == INHERIT or any(_is_state(k) for k in keys):
            return inner, keys
    return subject, resolve_subject(ctx.text, subject, ctx.mentions_in(subject), ctx.groups)


def _subject_span(text: str, start: int, end: int) -> Span:
    """The subject before a party-status verb, without its auxiliaries (``Freedonia has not``)
    and an opening subordinator (``Although Freedonia``)."""
    head = text[start:end]
    end = start + len(_AUXILIARIES.sub("", head))
    clauses = list(_NEW_CLAUSE.finditer(text, start, end))
    if clauses:  # "Freedonia hosts many Sylvanians, and it ratified X": "it"
        start = clauses[-1].end()
    relative = list(_RELATIVE_SUBJECT.finditer(text, start, end))
    if relative:  # "X, which it ratified": "it"
        start = relative[-1].end()
    opener = _SUBORDINATOR.match(text, start, end)
    return Span(opener.end() if opener else start, end)


def _is_state(key: str) -> bool:
    return key.startswith("http") and "/state/" in key


def _states_in(ctx: Context, span: Span, sentence: Sentence) -> tuple[str, ...]:
    """The states a relative clause's subject names (``to which Freedonia``); ``it``: the
    salient one."""
    keys = resolve_subject(ctx.text, span, ctx.mentions_in(span), ctx.groups)
    if keys == INHERIT:
        return _salient_state(ctx, sentence, span.start)
    return tuple(k for k in keys if _is_state(k))


def _states_right_after(ctx: Context, position: int, limit: int) -> tuple[str, ...]:
    """``ratified by Freedonia and Sylvania``: the states named right after the cue, while only
    ``and`` or commas join them; ``ratified by 150 States`` names none."""
    states: list[str] = []
    for mention in sorted(ctx.mentions_in(Span(position, limit)), key=lambda m: m.span):
        if mention.span.start < position:
            continue
        gap = ctx.text[position : mention.span.start]
        if re.fullmatch(r"\s*(?:,\s*)?(?:and\s+|as\s+well\s+as\s+)?(?:the\s+)?", gap, re.I) is None:
            break
        if mention.category != "state" or not _is_state(mention.key):
            break
        states.append(mention.key)
        position = mention.span.end
    return tuple(dict.fromkeys(states))


def _main_subject(ctx: Context, sentence: Sentence, position: int, found: Found) -> tuple[str, ...]:
    """``As a party to X (since 1990), Freedonia must``: the subject after the opener's comma,
    a state or ``it``; a relative clause on X (``, which it joined in 1999,``) is passed over."""
    comma = ctx.text.find(",", position, sentence.span.end)
    if re.match(r",\s*(?:which|that)\b", ctx.text[comma : comma + 12]):
        comma = ctx.text.find(",", comma + 1, sentence.span.end)
    if comma < 0 or re.search(r"[;:]", ctx.text[position:comma]) or comma - position > 60:
        return ()
    return _state_at(ctx, sentence, comma + 1)


def _state_at(ctx: Context, sentence: Sentence, start: int) -> tuple[str, ...]:
    """The state named at ``start`` (``Freedonia``, ``the Government of Freedonia``), or the
    salient one for ``it``."""
    pronoun = re.match(r"\s*(?:it|they)\b", ctx.text[start : sentence.span.end], re.I)
    if pronoun is not None:
        return _salient_state(ctx, sentence, sentence.span.start)
    lead = re.match(
        r"\s*(?:the\s+)?(?:(?:government|authorities|state)\s+of\s+(?:the\s+)?)?",
        ctx.text[start : sentence.span.end],
        re.I,
    )
    at = start + (lead.end() if lead else 0)
    named = [m for m in ctx.mentions_in(sentence.span) if m.span.start == at]
    return tuple(m.key for m in named if m.category == "state" and _is_state(m.key))


# How far back a status table's rows look for the state they are about, and how often it must
# be named there: the one state named most often, at least twice, with no tie.
_PASSAGE_WINDOW = 1500
_PASSAGE_MIN_MENTIONS = 2


def _passage_state(ctx: Context, position: int) -> tuple[str, ...]:
    """``CRS - ratified 1990``, a row that names no state: the document's state, else the
    one the passage before is about."""
    if ctx.subject_state:
        return (ctx.subject_state,)
    window = Span(max(0, position - _PASSAGE_WINDOW), position)
    counts = Counter(
        m.key for m in ctx.mentions_in(window) if m.category == "state" and _is_state(m.key)
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < _PASSAGE_MIN_MENTIONS:
        return ()
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return ()
    return (ranked[0][0],)


def _salient_state(ctx: Context, sentence: Sentence, position: int) -> tuple[str, ...]:
    """Whom ``it`` stands for: the one state named before it in the sentence, else the one
    named in the previous sentence; none when two are named there."""
    earlier = {
        m.key for m in ctx.mentions_in(Span(sentence.span.start, position)) if m.category == "state"
    }
    if not earlier:
        index = ctx.sentences.index(sentence)
        if index == 0:
            return ()
        previous = ctx.sentences[index - 1]
        earlier = {m.key for m in ctx.mentions_in(previous.span) if m.category == "state"}
    states = {k for k in earlier if _is_state(k)}
    return (states.pop(),) if len(states) == 1 and len(earlier) == 1 else ()


def last_state(found: Found) -> tuple[str, ...]:
    if found.parties:
        return (found.parties[-1].state,)
    return ()
