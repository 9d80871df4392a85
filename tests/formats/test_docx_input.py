"""DOCX in: headings, numbered items with their numbers, footnotes, a table; the text's duties."""

from __future__ import annotations

import pytest
from made_reports import NOTES, make_docx, plain_text
from same_duties import assert_same_passages, duties, extracted

from dutygraph.extract.gazetteer import Gazetteer
from dutygraph.extract.read import InputError, read_bytes
from dutygraph.extract.word import _format


def test_the_text_has_headings_numbers_notes_and_rows() -> None:
    doc = read_bytes(make_docx(), "report.docx")
    text = doc.text
    assert text.startswith("Fictland: Closed Borders\n\nSummary\n\nThousands of Fictish")
    assert "\n\n1. Freedonia should end forced returns" in text
    assert "\n\n5. Freedonia should investigate" in text
    # a list that Word continues keeps counting: the second list goes on at 6
    assert "\n\n6. Fictland should repeal" in text
    assert "Sylvanians in 1981.1 Freedonia" in text
    assert "\n\nFreedonia\tConvention on the Rights of Sylvanians\t1981\n\n" in text
    assert text.endswith("".join(f"\n\n{n} {t}" for n, t in NOTES.items())[2:] + "\n")
    assert doc.pages == ()
    assert doc.media_type.endswith("wordprocessingml.document")


def test_same_duties_as_the_text(fictional_gazetteer: Gazetteer) -> None:
    text = extracted(plain_text().encode(), "report.txt", fictional_gazetteer)
    word = extracted(make_docx(), "report.docx", fictional_gazetteer)
    assert duties(word) == duties(text)
    assert_same_passages(word, text)


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [(4, "decimal", "4"), (3, "lowerLetter", "c"), (28, "upperLetter", "AB"),
     (4, "lowerRoman", "iv"), (1994, "upperRoman", "MCMXCIV")],
)  # fmt: skip
def test_numbers_are_written_in_the_list_format(value: int, number_format: str, shown: str) -> None:
    assert _format(value, number_format) == shown


def test_a_damaged_word_file_is_refused_in_one_line() -> None:
    data = make_docx()
    with pytest.raises(InputError, match=r"^r\.docx is not a readable Word document"):
        read_bytes(data[: len(data) // 2] + b"word/document.xml", "r.docx")
