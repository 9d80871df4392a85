"""Stage ``read``: decoding, refusing binary input, HTML to text, line endings."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from dutygraph.extract.read import (
    BOM_WARNING,
    LINE_ENDINGS_WARNING,
    InputError,
    read_bytes,
    read_path,
)

SAMPLE = "Freedonia should open the border.\n\nSylvania should help."
CAFE = "Caf\u00e9 \u00b7 Freedonia"

# (bytes, expected text, expected encoding, expected number of warnings)
DECODING_ROWS = [
    (SAMPLE.encode("utf-8"), SAMPLE, "utf-8", 0),
    # a byte-order mark is dropped and said (offsets count from the character after it)
    (b"\xef\xbb\xbf" + CAFE.encode(), CAFE, "utf-8-sig", 1),
    (b"\xff\xfe" + SAMPLE.encode("utf-16-le"), SAMPLE, "utf-16-le", 1),
    (b"\xfe\xff" + SAMPLE.encode("utf-16-be"), SAMPLE, "utf-16-be", 1),
    (b"\xff\xfe\x00\x00" + SAMPLE.encode("utf-32-le"), SAMPLE, "utf-32-le", 1),
    (b"Caf\xe9 \x93quoted\x94 \x80", "Caf\u00e9 \u201cquoted\u201d \u20ac", "cp1252", 1),
    (b"Odd \x81 byte \xe9", "Odd \x81 byte \u00e9", "latin-1", 1),
]


@pytest.mark.parametrize(("data", "text", "encoding", "warnings"), DECODING_ROWS)
def test_decoding(data: bytes, text: str, encoding: str, warnings: int) -> None:
    doc = read_bytes(data, "report.txt")
    assert doc.text == text
    assert doc.encoding == encoding
    assert len(doc.warnings) == warnings
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.name == "report.txt"


def test_bom_is_not_counted_in_offsets() -> None:
    doc = read_bytes(b"\xef\xbb\xbfAbc", "a.txt")
    assert doc.text == "Abc"
    assert doc.text.index("b") == 1


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_binary_magic_is_refused(data: bytes, kind: str) -> None:
    with pytest.raises(InputError) as error:
        read_bytes(data, "scan.bin")
    assert str(error.value) == f"scan.bin is not text (looks like {kind})"


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(InputError, match=r"^blob is not text"):
        read_bytes(b"some text\x00\x01\x02 more", "blob")


def test_nul_bytes_after_the_sniffed_prefix_are_not_looked_for() -> None:
    doc = read_bytes(b"a" * 9000 + b"\x00", "late.txt")
    assert doc.text.endswith("\x00")


def test_invalid_utf16_is_refused() -> None:
    with pytest.raises(InputError, match="invalid utf-16-le"):
        read_bytes(b"\xff\xfe\x00\xd8", "bad.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", b"\xef\xbb\xbf \n"])
def test_no_text(data: bytes) -> None:
    with pytest.raises(InputError) as error:
        read_bytes(data, "empty.txt")
    assert str(error.value) == "empty.txt: no text"


def test_messages_without_a_name_say_input() -> None:
    with pytest.raises(InputError, match=r"^input: no text$"):
        read_bytes(b"")


# (bytes, expected text, expected warnings)
LINE_ENDING_ROWS = [
    # CRLF is kept: offsets index the file as decoded
    (b"One.\r\nTwo.\r\n\r\nThree.", "One.\r\nTwo.\r\n\r\nThree.", ()),
    # a lone CR becomes LF, the same length
    (b"One.\rTwo.\r\rThree.", "One.\nTwo.\n\nThree.", (LINE_ENDINGS_WARNING,)),
    (b"One.\r\nTwo.\rThree.\n", "One.\r\nTwo.\nThree.\n", (LINE_ENDINGS_WARNING,)),
    (b"One.\nTwo.", "One.\nTwo.", ()),
    (b"\xef\xbb\xbfOne.\nTwo.", "One.\nTwo.", (BOM_WARNING,)),
]


@pytest.mark.parametrize(("data", "text", "warnings"), LINE_ENDING_ROWS)
def test_line_endings(data: bytes, text: str, warnings: tuple[str, ...]) -> None:
    doc = read_bytes(data, "crlf.txt")
    assert doc.text == text
    assert doc.warnings == warnings


HTML_PAGE = """
<!DOCTYPE html>
<html><head><title>Freedonia Report</title>
<style>p { color: red; }</style><script>var x = "<p>hidden</p>";</script></head>
<body>
<h1>To   Freedonia:</h1>
<p>Freedonia should act &amp; report.<br>It should&nbsp;listen.</p>
<ul><li>First   item</li><li>Second &lt;item&gt;</li></ul>
<div>Table: <table><tr><td>a</td><td>b</td></tr></table></div>
</body></html>
"""

HTML_TEXT = (
    "Freedonia Report\n\nTo Freedonia:\n\nFreedonia should act & report.\n\n"
    "It should listen.\n\n\u00b7 First item\n\n\u00b7 Second <item>\n\nTable:\n\na b\n"
)


def test_html_becomes_paragraphs() -> None:
    doc = read_bytes(HTML_PAGE.encode(), "page.html")
    assert doc.text == HTML_TEXT
    assert doc.encoding == "utf-8+html"


@pytest.mark.parametrize(
    "start", ["<html><body><p>Hi there.</p></body></html>", "  \n<HTML lang='x'><p>Hi there.</p>"]
)
def test_html_detection_is_case_insensitive_after_whitespace(start: str) -> None:
    assert read_bytes(start.encode()).text == "Hi there.\n"


def test_html_in_cp1252_keeps_both_markers() -> None:
    doc = read_bytes(b"<html><p>caf\xe9</p></html>", "old.htm")
    assert doc.encoding == "cp1252+html"
    assert doc.text == "caf\u00e9\n"


def test_text_that_mentions_html_later_is_not_html() -> None:
    text = "A note about <html> tags.\n"
    assert read_bytes(text.encode()).text == text


def test_html_without_visible_text_has_no_text() -> None:
    with pytest.raises(InputError, match="no text"):
        read_bytes(b"<html><script>alert(1)</script></html>", "blank.html")


def test_read_path_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(SAMPLE.encode())
    doc = read_path(path)
    assert doc.text == SAMPLE
    assert doc.name == str(path)


def test_read_path_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 100)
    assert read_path(path, max_bytes=100).text == "x" * 100
    with pytest.raises(InputError) as error:
        read_path(path, max_bytes=99)
    assert str(error.value) == f"{path} is larger than 99 bytes (see --max-bytes)"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda base: base / "missing.txt", "no such file"),
        (lambda base: base, "is a directory"),
    ],
)
def test_read_path_errors_are_one_line(
    make: Callable[[Path], Path], message: str, tmp_path: Path
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as error:
        read_path(path)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_input_error_is_a_value_error() -> None:
    assert issubclass(InputError, ValueError)
