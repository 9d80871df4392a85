"""The extractor's promise, as properties: whatever the text, ``extract`` does not raise, the
emitted graph conforms to the core shapes, and every span quotes the text it points into."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from dutygraph.extract.emit import emit
from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.ir import Extraction, Span
from dutygraph.namespace import NIF
from dutygraph.validate import assert_conforms

ExtractText = Callable[[str, Gazetteer], Extraction]

MARKERS = (
    "should", "shall", "must", "not", "party", "ratified", "Convention", "Freedonia", "Article 3",
    "No. 5", "Sylvania", "the", "to", "a party to", "urge", "Freedonian government", "To",
    "Convention on the Rights of Sylvanians", "its Protocol", "the covenant", "(the \"", "\")",
    "including", "It", "We", "customary international law", "in 1981", "member of", "and",
    "Committee on Sylvanian Rights", "Foundation", "·", "-", "release detainees", "Sylvanians",
    "grant asylum", "should be urged to", "has the right to", "The Parties", "If", "is",
)  # fmt: skip
PUNCTUATION = tuple(".,;:!?()[]\"'’“”—-§/")
SEPARATORS = (" ",) * 8 + ("", "  ", "\n", "\n\n", "\t")

SUBJECTS = (
    "Freedonia", "The Freedonian government", "It", "The Parties", "No Contracting State", "We",
    "Freedonia, Sylvania and the Committee on Sylvanian Rights", "Everyone",
    "Freedonia's neighbours",
    "To Freedonia:\n\n· All detainees", "If Freedonia",
)  # fmt: skip
MODALS = (
    "should", "shall", "must not", "should not", "should be urged to", "has the right to",
    "undertake to", "is a party to", "ratified", "is also a member of", "should urge Sylvania to",
)  # fmt: skip
ACTIONS = (
    "release detainees", "the Convention on the Rights of Sylvanians in 1981", "be released",
    "grant asylum in violation of the Convention on the Rights of Sylvanians,1", "its Protocol",
    "the Committee on Sylvanian Rights", "leave Article 3", "return them.",
)  # fmt: skip

_marker = st.sampled_from(MARKERS)
_clause = st.builds(
    "{} {} {}".format, st.sampled_from(SUBJECTS), st.sampled_from(MODALS), st.sampled_from(ACTIONS)
)
_unicode = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=4
)
# Clauses and marker words are drawn more often than the rest, so that statements are common.
_piece = st.one_of(
    _clause,
    _clause,
    _marker,
    _marker,
    st.sampled_from(PUNCTUATION),
    st.integers(min_value=0, max_value=2100).map(str),
    _unicode,
)
texts = (
    st.lists(st.tuples(_piece, st.sampled_from(SEPARATORS)), min_size=1, max_size=60)
    .map(lambda parts: "".join(piece + separator for piece, separator in parts))
    .filter(lambda text: text.strip() != "")
)


def spans_of(x: Extraction) -> list[Span]:
    spans = [m.span for m in x.mentions] + [a.span for a in x.aliases]
    spans += [s.span for s in x.sentences] + [b.span for b in x.layout.blocks]
    spans += [s.span for s in x.statements] + [s.action_span for s in x.statements]
    spans += [p.span for p in x.parties] + [m.span for m in x.memberships]
    spans += [e.span for e in x.entities if e.span is not None]
    return spans


def assert_spans_quote_the_text(x: Extraction) -> None:
    text = x.document.text
    masked = x.layout.masked
    assert len(masked) == len(text)
    for span in spans_of(x):
        assert span.end <= len(text)
    for mention in x.mentions:
        assert mention.span.of(masked) == mention.label
    for statement in x.statements:
        assert statement.action_span.of(masked) == statement.action


def assert_graph_quotes_the_text(graph: Graph, text: str) -> None:
    for node in graph.subjects(RDF.type, NIF.OffsetBasedString):
        begin = graph.value(node, NIF.beginIndex)
        end = graph.value(node, NIF.endIndex)
        anchor = graph.value(node, NIF.anchorOf)
        assert isinstance(begin, Literal) and isinstance(end, Literal)
        assert anchor == Literal(text[int(begin) : int(end)])


@settings(max_examples=60, deadline=None)
@given(text=texts)
@example(text="If Freedonia should fail to act, the Committee on Sylvanian Rights will report.")
@example(text="Sylvanians face punishment should they return.\n\n1\n")
@example(text="To Freedonia:\n\n· Detainees should be released,1 and\n\n1 Article 3.")
def test_extract_never_raises_and_the_graph_conforms(
    text: str, fictional_gazetteer: Gazetteer, fictional_vocab: Graph, extract_text: ExtractText
) -> None:
    x = extract_text(text, fictional_gazetteer)
    event(f"statements: {bool(x.statements)}, party facts: {bool(x.parties)}")
    graph = emit(x, vocab=fictional_vocab)
    assert_conforms(graph)
    assert_graph_quotes_the_text(graph, x.document.text)


@settings(max_examples=60, deadline=None)
@given(text=texts)
def test_every_span_quotes_the_text(
    text: str, fictional_gazetteer: Gazetteer, extract_text: ExtractText
) -> None:
    assert_spans_quote_the_text(extract_text(text, fictional_gazetteer))
