"""Stage ``sentences``: boundaries, abbreviations, brackets, bullets and masked markers."""

from __future__ import annotations

import hashlib
import json

import pytest

from dutygraph.extract.ir import Document
from dutygraph.extract.layout import abbreviations, layout
from dutygraph.extract.sentences import split_sentences
from dutygraph.resources import extract_data

ENTRIES = json.loads(extract_data("abbreviations.json").read_text(encoding="utf-8"))[
    "abbreviations"
]
EXAMPLES = [(entry["text"], example) for entry in ENTRIES for example in entry["examples"]]


def doc_of(text: str) -> Document:
    return Document(text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8")


def sentence_texts(text: str) -> list[str]:
    doc = doc_of(text)
    return [s.span.of(text) for s in split_sentences(doc, layout(doc))]


# (text, expected sentences joined by " | ")
SENTENCE_ROWS = [
    ("The council met. It adjourned.", "The council met. | It adjourned."),
    ("Is it binding? The council said no.", "Is it binding? | The council said no."),
    ("Stop! The guard called out.", "Stop! | The guard called out."),
    (
        "It was ratified in 1981. The council noted it.",
        "It was ratified in 1981. | The council noted it.",
    ),
    ("The vote was 3 to 1. 2002 saw another.", "The vote was 3 to 1. | 2002 saw another."),
    (
        'He called it "worse than prison." Nobody objected.',
        'He called it "worse than prison." | Nobody objected.',
    ),
    ("It ended. “Never again,” she said.", "It ended. | “Never again,” she said."),
    (
        "It failed. (The annex says why.) Then it passed.",
        "It failed. | (The annex says why.) | Then it passed.",
    ),
    ("The lower case. continues the sentence.", "The lower case. continues the sentence."),
    (
        "Conclusion No. 22 covers transit. It is short.",
        "Conclusion No. 22 covers transit. | It is short.",
    ),
    ("The text of art. 13(2) applies here.", "The text of art. 13(2) applies here."),
    (
        "It cited E/CN.9/Sub.2/1999/L.19 in full. Then it stopped.",
        "It cited E/CN.9/Sub.2/1999/L.19 in full. | Then it stopped.",
    ),
    (
        "About 2.9 million people moved. Few returned.",
        "About 2.9 million people moved. | Few returned.",
    ),
    ("The U.S. Mission and the U.N. Office spoke.", "The U.S. Mission and the U.N. Office spoke."),
    (
        "Arno F. Velt wrote the U.S.C. Title Four note.",
        "Arno F. Velt wrote the U.S.C. Title Four note.",
    ),
    ("Rules vary, etc. The council agreed.", "Rules vary, etc. | The council agreed."),
    (
        "The council (see the annex. The text is long) agreed.",
        "The council (see the annex. The text is long) agreed.",
    ),
    ("It cited [the annex. Part Two] at length.", "It cited [the annex. Part Two] at length."),
    ("An unmatched ( paren. The next one.", "An unmatched ( paren. | The next one."),
    ("No closing quote here. Next one.", "No closing quote here. | Next one."),
    ("It stopped.\nThe wrapped line goes on.", "It stopped. | The wrapped line goes on."),
    ("A block with no boundary at all", "A block with no boundary at all"),
    ("Cost: U.S.$25 million. Paid in full.", "Cost: U.S.$25 million. | Paid in full."),
    ("See § 12. The rule applies.", "See § 12. | The rule applies."),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_ROWS)
def test_sentences(text: str, expected: str) -> None:
    assert sentence_texts(text) == expected.split(" | ")


BLOCK_ROWS = [
    (
        "To Freedonia:\n\n\u00b7 Freedonia should halt expulsions;",
        ["To Freedonia:", "Freedonia should halt expulsions;"],
    ),
    ("Part One. Findings\n\nBody text here.", ["Part One. Findings", "Body text here."]),
    (
        "(1) to promote trade;\n(2) to promote peace; and\n(3) to end the war.",
        # each numbered line is an item of its own, without its marker
        ["to promote trade;", "to promote peace; and", "to end the war."],
    ),
    (
        "Purposes:\n\n(1) to promote trade; and to promote peace.",
        ["Purposes:", "to promote trade; and to promote peace."],
    ),
    ("A paragraph with one; and\nanother line.", ["A paragraph with one; and\nanother line."]),
    (
        "\u00b7 Freedonia should act. It should also report.\n\u00b7 Sylvania should help.",
        ["Freedonia should act.", "It should also report.", "Sylvania should help."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BLOCK_ROWS)
def test_blocks_and_bullets(text: str, expected: list[str]) -> None:
    assert sentence_texts(text) == expected


def test_sentences_run_over_masked_markers() -> None:
    text = "The crisis is far from over.1 The rains came.\n\n1 A source. Another part.\n"
    assert sentence_texts(text) == [
        "The crisis is far from over.",
        "The rains came.",
        "A source.",
        "Another part.",
    ]


def test_marker_at_block_end_is_left_out_of_the_sentence() -> None:
    text = "They broke their obligations;1\n\n1 A source.\n"
    assert sentence_texts(text) == ["They broke their obligations;", "A source."]


def test_sentences_point_at_their_block() -> None:
    text = "Heading Line\n\nFirst. Second.\n\n\u00b7 Third."
    doc = doc_of(text)
    assert [s.block for s in split_sentences(doc, layout(doc))] == [0, 1, 1, 2]


@pytest.mark.parametrize(("abbreviation", "example"), EXAMPLES)
def test_every_abbreviation_keeps_its_example_whole(abbreviation: str, example: str) -> None:
    assert f"{abbreviation} " in example
    assert sentence_texts(example) == [example]


@pytest.mark.parametrize(("abbreviation", "example"), EXAMPLES)
def test_every_example_would_split_without_its_abbreviation(
    abbreviation: str, example: str
) -> None:
    assert len(sentence_texts(example.replace(abbreviation, "Word.", 1))) == 2


def test_abbreviation_list() -> None:
    names = [entry["text"] for entry in ENTRIES]
    assert len(names) == len(set(names))
    assert "etc." not in names
    assert all(entry["examples"] for entry in ENTRIES)
    assert abbreviations() == frozenset(names)
