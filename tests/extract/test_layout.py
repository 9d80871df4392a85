"""Stage ``layout``: blocks, headings, bullets, the notes zone and in-text note markers."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dutygraph.extract.ir import Document, Layout
from dutygraph.extract.layout import is_heading_line, layout
from dutygraph.extract.read import read_bytes
from dutygraph.extract.sentences import split_sentences


def doc_of(text: str) -> Document:
    return Document(text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8")


def with_notes(body: str, count: int) -> str:
    notes = "\n\n".join(f"{n} Note number {n} cites a source." for n in range(1, count + 1))
    return f"{body}\n\n{notes}\n"


def blocks_of(text: str) -> list[tuple[str, str, int | None]]:
    lay = layout(doc_of(text))
    return [(b.kind, b.span.of(text), b.note) for b in lay.blocks]


def marked(text: str) -> list[tuple[int, str]]:
    """Each marker's number with the 8 characters before it, to say where it was found."""
    lay = layout(doc_of(text))
    return [(m.number, text[max(0, m.span.start - 8) : m.span.end]) for m in lay.markers]


def assert_invariants(text: str, lay: Layout) -> None:
    assert len(lay.masked) == len(text)
    previous_end = 0
    for block in lay.blocks:
        assert 0 <= block.span.start <= block.span.end <= len(text)
        assert block.span.start >= previous_end
        previous_end = block.span.end
    for marker in lay.markers:
        assert text[marker.span.start : marker.span.end] == str(marker.number)
        assert lay.masked[marker.span.start : marker.span.end] == " " * len(marker.span)
    unmasked = [i for i, (a, b) in enumerate(zip(text, lay.masked, strict=True)) if a != b]
    assert len(unmasked) == sum(len(m.span) for m in lay.markers)


# --- headings --------------------------------------------------------------------------------

HEADING_ROWS = [
    ("To Freedonia:", True),
    ("To the Council of Sylvania and Its Allies:", True),
    ("Recommendations on the Transit Crisis", True),
    ("Article 33", True),
    ("CHAPTER I", True),
    ("§ 12. Sense of the council on transit across the northern border", True),
    ("What Should the Council Do?", True),
    ("The council finds that the border was closed for a year and a day:", True),
    ("One two three four five six seven eight nine ten eleven twelve thirteen fourteen "
     "fifteen sixteen seventeen eighteen nineteen twenty twentyone:", False),
    ("One two three four five six seven eight nine ten eleven twelve thirteen", False),
    ("The ship sailed.", False),
    ("The duties are these;", False),
    ("It is the sense of the council that", False),
    ("The purposes of this chapter are", False),
    ("lower case start", False),
    ("[...]", False),
]  # fmt: skip


@pytest.mark.parametrize(("line", "expected"), HEADING_ROWS)
def test_heading_lines(line: str, expected: bool) -> None:
    assert is_heading_line(line) is expected


# --- blocks ----------------------------------------------------------------------------------

BLOCK_ROWS = [
    (
        "First paragraph here.\n\nSecond one.",
        [("paragraph", "First paragraph here.", None), ("paragraph", "Second one.", None)],
    ),
    (
        "To Freedonia:\n\n\u00b7 Freedonia should act.\n\n\u2022 Sylvania should help.",
        [
            ("heading", "To Freedonia:", None),
            ("bullet", "Freedonia should act.", None),
            ("bullet", "Sylvania should help.", None),
        ],
    ),
    (
        "To Freedonia:\n    \u00b7 Freedonia should act.\n    \u00b7 Sylvania should help.",
        [
            ("heading", "To Freedonia:", None),
            ("bullet", "Freedonia should act.", None),
            ("bullet", "Sylvania should help.", None),
        ],
    ),
    (
        "To Freedonia:\nFreedonia should act now.",
        [("heading", "To Freedonia:", None), ("paragraph", "Freedonia should act now.", None)],
    ),
    (
        "Recommendations on Transit\nThe council should act.",
        [
            ("heading", "Recommendations on Transit", None),
            ("paragraph", "The council should act.", None),
        ],
    ),
    (
        "The council should act on this\nmatter without delay.",
        [("paragraph", "The council should act on this\nmatter without delay.", None)],
    ),
    (
        "The Council Should Act on This\nmatter without delay.",
        [("paragraph", "The Council Should Act on This\nmatter without delay.", None)],
    ),
    (
        "(a) first item;\n\n(2) second item;\n\n3. third item\n\n(iv) fourth item\n\nb) fifth",
        [
            ("bullet", "first item;", None),
            ("bullet", "second item;", None),
            ("bullet", "third item", None),
            ("bullet", "fourth item", None),
            ("bullet", "fifth", None),
        ],
    ),
    (
        "- dash item\n\n* star item\n\n-5 degrees was the low.",
        [
            ("bullet", "dash item", None),
            ("bullet", "star item", None),
            ("paragraph", "-5 degrees was the low.", None),
        ],
    ),
    (
        "   \n\n  Indented text.  \n \t \n\nNext.\n",
        [("paragraph", "Indented text.", None), ("paragraph", "Next.", None)],
    ),
    ("A short line without a period", [("heading", "A short line without a period", None)]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), BLOCK_ROWS)
def test_blocks(text: str, expected: list[tuple[str, str, int | None]]) -> None:
    assert blocks_of(text) == expected
    assert_invariants(text, layout(doc_of(text)))


def test_list_items_point_to_their_lead_in() -> None:
    text = "Part One\n\n13. Freedonia should:\n\n(a) Act now;\n\n(b) Report.\n\nAfter the list."
    lay = layout(doc_of(text))
    assert [b.kind for b in lay.blocks] == ["heading", "bullet", "bullet", "bullet", "paragraph"]
    assert [b.lead_in for b in lay.blocks] == [None, None, 1, 1, None]
    assert [b.heading for b in lay.blocks] == [None, 0, 0, 0, 0]


def test_heading_indices() -> None:
    text = "Opening words here.\n\nPart One\n\nBody text.\n\nTo Freedonia:\n\n\u00b7 Act now."
    lay = layout(doc_of(text))
    kinds = ["paragraph", "heading", "paragraph", "heading", "bullet"]
    assert [b.kind for b in lay.blocks] == kinds
    assert [b.heading for b in lay.blocks] == [None, None, 1, 1, 3]


# --- the notes zone --------------------------------------------------------------------------

ZONE_ROWS = [
    (
        "Body text.1 More text.2\n\n1 First note.\n\n2 Second note.\n\nIt goes on here.\n\n"
        "3 Third note.",
        [
            ("paragraph", "Body text.1 More text.2", None),
            ("footnote", "First note.", 1),
            ("footnote", "Second note.", 2),
            ("footnote", "It goes on here.", 2),
            ("footnote", "Third note.", 3),
        ],
    ),
    (
        "Body text.1\n\n[1] First note.\n\n[2] Second note.",
        [
            ("paragraph", "Body text.1", None),
            ("footnote", "First note.", 1),
            ("footnote", "Second note.", 2),
        ],
    ),
    (
        "Body text.1 More text.2\n\n1. First note.\n\n2. Second note.",
        [
            ("paragraph", "Body text.1 More text.2", None),
            ("footnote", "First note.", 1),
            ("footnote", "Second note.", 2),
        ],
    ),
    (
        "The steps are these:\n\n1. Open the border.\n\n2. Admit monitors.",
        [
            ("heading", "The steps are these:", None),
            ("bullet", "Open the border.", None),
            ("bullet", "Admit monitors.", None),
        ],
    ),
    (
        "Body text.1\n\n1 First note.\n\n2 Second note.\n\nBack to Contents",
        [
            ("paragraph", "Body text.1", None),
            ("footnote", "First note.", 1),
            ("footnote", "Second note.", 2),
            ("heading", "Back to Contents", None),
        ],
    ),
    (
        "Body text.\n\n2 Lonely block at the end.",
        [("paragraph", "Body text.", None), ("paragraph", "2 Lonely block at the end.", None)],
    ),
    (
        "Body.1\n\n1 One.\n\n2 Two.\n\n12 tons fell that year.\n\n3 Three.",
        [
            ("paragraph", "Body.1", None),
            ("footnote", "One.", 1),
            ("footnote", "Two.", 2),
            ("footnote", "12 tons fell that year.", 2),
            ("footnote", "Three.", 3),
        ],
    ),
    (
        "Body.\n\n5 Five.\n\n6 Six.\n\n7 Seven.",
        [
            ("paragraph", "Body.", None),
            ("footnote", "Five.", 5),
            ("footnote", "Six.", 6),
            ("footnote", "Seven.", 7),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ZONE_ROWS)
def test_notes_zone(text: str, expected: list[tuple[str, str, int | None]]) -> None:
    assert blocks_of(text) == expected


# --- markers ---------------------------------------------------------------------------------

# (body, number of notes, expected (number, context) markers)
MARKER_ROWS = [
    ("Ships reached the port,1 and left.", 1, [(1, "he port,1")]),
    ("The crisis is far from over.1 The rains came.", 1, [(1, "om over.1")]),
    ("They broke their obligations;1", 1, [(1, "gations;1")]),
    ('It joined the Pact (the "Sylvan Pact"),1 but not more.', 1, [(1, ' Pact"),1')]),
    ("He called it \u201cworse than prison.\u201d2 Nobody objected.", 2, [(2, "prison.\u201d2")]),
    ("Ships came to the islands2 last year.", 2, [(2, " islands2")]),
    ("A council member,10 spoke.", 10, [(10, " member,10")]),
    ("It cited E/CN.9/Sub.2/1999/L.1, then stopped.", 2, []),
    ("The Sub.2 group met.", 2, []),
    ("It cited No.2 of the rules.", 2, []),
    ("It cited art.1 of the code.", 2, []),
    ("It cost U.S.$2 million.", 2, []),
    ("The G7 and an A4 sheet.", 7, []),
    ("Resolution 2001/1 was adopted.", 1, []),
    ("It was ratified in 1981. The council noted it.", 3, []),
    ("See chapter 2. Then go home.", 2, []),
    ("About 2.9 million and 1,000 more.", 2, []),
    ("Found in Area 51, then lost.", 3, []),
    ("one,1 two,2 one,1 three,3", 3, [(1, "one,1"), (2, "e,1 two,2"), (3, "1 three,3")]),
    ("The text,3 comes before,1 and after,2 it.", 3, [(1, " before,1"), (2, "d after,2")]),
    ("The crisis is far from over.2 The rains came.", 0, []),
    ("Ships reached the port,9 and left.", 2, []),
]  # fmt: skip


@pytest.mark.parametrize(("body", "notes", "expected"), MARKER_ROWS)
def test_markers(body: str, notes: int, expected: list[tuple[int, str]]) -> None:
    text = with_notes(body, notes) if notes else body
    assert marked(text) == expected
    assert_invariants(text, layout(doc_of(text)))


def test_no_markers_inside_note_bodies() -> None:
    text = "Body text.1\n\n1 Convention on Things,18 FTS 2, and Protocol,1 of it.\n\n2 Two."
    assert [m.number for m in layout(doc_of(text)).markers] == [1]


def test_masked_text_blanks_marker_digits_only() -> None:
    text = with_notes("Far from over.1 Sylvania agreed,2 then,3 left.", 3)
    lay = layout(doc_of(text))
    assert lay.masked.startswith("Far from over.  Sylvania agreed,  then,  left.")
    body_length = len("Far from over.1 Sylvania agreed,2 then,3 left.")
    assert lay.masked[body_length:] == text[body_length:]


KITCHEN = """Report on Freedonia

Freedonia is party to the Convention on Imaginary Things (the "Imaginary Pact"),1 but it has \
not acted. The famine is far from over.2 The border stays closed.

To Freedonia:
    \u00b7 Freedonia should halt expulsions;3
    \u00b7 Freedonia should admit monitors.

Recommendations on Transit
The council met in 1981. It cited E/CN.9/Sub.2/1999/L.19, the Sub.2 group, No.2 of the \
rules, and a budget of U.S.$25 million.

1 Convention on Imaginary Things, 12 FTS 34, 1950.

2 See the survey of the Freedonian harvest.

The survey was repeated a year later.

3 Sylvanian Council, decision 4.
"""


def kitchen_summary(text: str) -> list[tuple[str, str, int | None, int | None]]:
    lay = layout(doc_of(text))
    return [(b.kind, b.span.of(text)[:24], b.heading, b.note) for b in lay.blocks]


KITCHEN_BLOCKS = [
    ("heading", "Report on Freedonia", None, None),
    ("paragraph", "Freedonia is party to th", 0, None),
    ("heading", "To Freedonia:", 0, None),
    ("bullet", "Freedonia should halt ex", 2, None),
    ("bullet", "Freedonia should admit m", 2, None),
    ("heading", "Recommendations on Trans", 2, None),
    ("paragraph", "The council met in 1981.", 5, None),
    ("footnote", "Convention on Imaginary ", 5, 1),
    ("footnote", "See the survey of the Fr", 5, 2),
    ("footnote", "The survey was repeated ", 5, 2),
    ("footnote", "Sylvanian Council, decis", 5, 3),
]


def test_kitchen_sink() -> None:
    lay = layout(doc_of(KITCHEN))
    assert kitchen_summary(KITCHEN) == KITCHEN_BLOCKS
    assert [(m.number, KITCHEN[m.span.start - 5 : m.span.end]) for m in lay.markers] == [
        (1, 'ct"),1'),
        (2, "over.2"),
        (3, "ions;3"),
    ]
    assert_invariants(KITCHEN, lay)


def test_crlf_input_gives_the_same_layout_as_lf() -> None:
    doc = read_bytes(KITCHEN.replace("\n", "\r\n").encode(), "crlf.txt")
    assert doc.text == KITCHEN.replace("\n", "\r\n")  # kept: offsets index the file
    assert kitchen_summary(doc.text) == KITCHEN_BLOCKS
    assert [m.number for m in layout(doc).markers] == [1, 2, 3]


def test_carriage_returns_left_in_a_document_are_whitespace() -> None:
    text = KITCHEN.replace("\n", "\r\n")
    lay = layout(doc_of(text))
    assert [b.kind for b in lay.blocks] == [row[0] for row in KITCHEN_BLOCKS]
    assert [m.number for m in lay.markers] == [1, 2, 3]
    assert_invariants(text, lay)


# --- robustness ------------------------------------------------------------------------------

HOSTILE_LINES = [
    "(" * 10_000,
    '"' * 10_000,
    "1" * 10_000,
    "(1." * 3_400,
    ".1 " * 3_400,
    "a," * 5_000,
]


@pytest.mark.parametrize("line", HOSTILE_LINES, ids=lambda line: repr(line[:6]))
def test_long_hostile_lines_complete(line: str) -> None:
    text = with_notes(line, 3)
    doc = doc_of(text)
    lay = layout(doc)
    split_sentences(doc, lay)
    assert_invariants(text, lay)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="aZ .,;:()[]\"'\u201d\u00b7-*12 \n\t", max_size=300))
def test_layout_invariants_hold_for_any_text(text: str) -> None:
    doc = doc_of(text)
    lay = layout(doc)
    assert_invariants(text, lay)
    for sentence in split_sentences(doc, lay):
        assert lay.blocks[sentence.block].span.contains(sentence.span)
        assert len(sentence.span) > 0


LIST_ROWS = [
    # items on consecutive lines, in every marker style, are blocks of their own
    (
        "Freedonia should:\n\u2022 act now;\n\u00b7 report;\n- consult;\n* publish;\n\u2013 stop.",
        ["act now;", "report;", "consult;", "publish;", "stop."],
        [0, 0, 0, 0, 0],
    ),
    (
        "The Council urges Freedonia to:\n(a) act;\nb) report;\n1. consult;\n(iv) publish.",
        ["act;", "report;", "consult;", "publish."],
        [0, 0, 0, 0],
    ),
    # sub-numbered recommendations under their numbered lead-in
    (
        "88. The following were examined by Freedonia:\n88.1 Ratify A (Sylvania);\n"
        "88.2 Ratify B (Ruritania);\n89. The following will be examined:\n89.1 Act (Sylvania);",
        ["The following were examined by Freedonia:", "Ratify A (Sylvania);",
         "Ratify B (Ruritania);", "The following will be examined:", "Act (Sylvania);"],
        [None, 0, 0, None, 3],
    ),
    # "16. (1)": a section number and its first subsection open one item; a lead-in may end
    # in a dash; an inner list under an item closes when an item of the outer style comes
    (
        "16. (1) A resident shall register.\n(2) A resident shall\u2014\n(a) report;\n"
        "(b) comply with these conditions:\n(i) reside here;\n(ii) sign in;\n(c) pay.\n"
        "(3) The Registrar shall keep a list.",
        ["A resident shall register.", "A resident shall\u2014", "report;",
         "comply with these conditions:", "reside here;", "sign in;", "pay.",
         "The Registrar shall keep a list."],
        [None, None, 1, 1, 3, 3, 1, None],
    ),
    # "(h)" then "(i)" is a letter, not a Roman numeral
    (
        "Freedonia should:\n(g) act;\n(h) report;\n(i) consult.",
        ["act;", "report;", "consult."],
        [0, 0, 0],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "items", "owners"), LIST_ROWS)
def test_list_items_on_consecutive_lines(
    text: str, items: list[str], owners: list[int | None]
) -> None:
    """Each item and the block that introduces it: its lead-in, else its section heading."""
    lay = layout(doc_of(text))
    bullets = [b for b in lay.blocks if b.kind == "bullet"]
    assert [b.span.of(text) for b in bullets] == items
    assert [b.lead_in if b.lead_in is not None else b.heading for b in bullets] == owners
    assert_invariants(text, lay)
