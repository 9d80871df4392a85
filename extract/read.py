"""Stage ``read``: bytes -> :class:`Document`.

Decodes UTF-8 (a BOM is dropped), UTF-16/32 with a BOM, and falls back to cp1252 and then
latin-1 with a warning. A PDF (``pdf``, its text layer) and a Word document (``word``) are
read into the text a reader sees, with the pages it lies on; a web page (``html``) into the
paragraphs of its main content. Other binary files are refused with a one-line
:class:`InputError`. A text file's CRLF line ends are kept and a lone CR becomes LF (the
same length), so every offset indexes the file as decoded (what ``open(path,
encoding=..., newline="").read()`` gives, less a byte-order mark, which is dropped and said);
that text is the one stored in the graph.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from dutygraph.extract.errors import InputError
from dutygraph.extract.html import read_page
from dutygraph.extract.ir import Document, Page
from dutygraph.extract.pdf import read_pdf
from dutygraph.extract.word import read_docx

SNIFF_BYTES = 8192
BOM_WARNING = "byte-order mark dropped: offsets count from the character after it"
LINE_ENDINGS_WARNING = "lone CR line ends read as LF (offsets unchanged)"
_LONE_CR = re.compile(r"\r(?!\n)")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
)

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

_PDF = b"%PDF-"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
# The part every Word document has; it sits in the zip's directory near the end of the file.
_WORD_PART = b"word/document.xml"
PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)


def read_path(path: str | Path, max_bytes: int | None = None) -> Document:
    """Read a file into a :class:`Document`; any problem becomes a one-line InputError."""
    name = str(path)
    file = Path(path)
    if file.is_dir():
        raise InputError(f"{name} is a directory, not a text file")
    try:
        size = file.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise _too_large(name, max_bytes)
        with file.open("rb") as handle:
            data = handle.read() if max_bytes is None else handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as error:
        raise InputError(f"{name}: cannot read ({error.strerror or error})") from None
    # A pipe or a growing file can hold more than stat said.
    if max_bytes is not None and len(data) > max_bytes:
        raise _too_large(name, max_bytes)
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str = "") -> Document:
    """Decode ``data`` into a :class:`Document` named ``name`` (used in messages only)."""
    label = name or "input"
    # A PDF may start after a little junk; PDF readers look for the header in the first 1 KiB.
    if _PDF in data[:1024]:
        return _paged(data, name, PDF_TYPE, read_pdf(data, label))
    if data.startswith(_ZIP) and _WORD_PART in data:
        return _paged(data, name, DOCX_TYPE, read_docx(data, label))
    warnings: list[str] = []
    bom_encoding = _bom_encoding(data)
    wide = None if bom_encoding else _utf16_without_bom(data[:SNIFF_BYTES])
    if wide is not None:
        text, encoding = _decode_wide(data, label, wide, warnings)
    else:
        _refuse_binary(data, label, bom_encoding)
        text, encoding = _decode(data, label, bom_encoding, warnings)
    text = _normalise_line_endings(text, warnings)
    published = None
    if _HTML_START.match(text):
        text, published = read_page(text)
        encoding += "+html"
    if not text.strip():
        raise InputError(f"{label}: no text")
    return Document(
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        name=name,
        warnings=tuple(warnings),
        published=published,
    )


def _paged(data: bytes, name: str, media_type: str, read: tuple[str, tuple[Page, ...]]) -> Document:
    text, pages = read
    if not text.strip():
        raise InputError(f"{name or 'input'}: no text")
    return Document(
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding="utf-8",
        name=name,
        pages=pages,
        media_type=media_type,
    )


def _too_large(name: str, max_bytes: int) -> InputError:
    return InputError(f"{name} is larger than {max_bytes} bytes (see --max-bytes)")


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 written without a byte-order mark: nearly every other byte is NUL (Latin text),
    and on one side only. None when the pattern is not that clear."""
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd >= 0.9 and nul_even <= 0.05:
        return "utf-16-le"
    if nul_even >= 0.9 and nul_odd <= 0.05:
        return "utf-16-be"
    return None


def _decode_wide(data: bytes, label: str, encoding: str, warnings: list[str]) -> tuple[str, str]:
    try:
        text = data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        raise InputError(
            f"{label} looks like UTF-16 without a byte-order mark but does not decode as {encoding}"
        ) from None
    warnings.append(f"no byte-order mark: decoded as {encoding.upper()}")
    return text, encoding


def _refuse_binary(data: bytes, label: str, bom_encoding: str | None) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{label} is not text (looks like {kind})")
    wide_text = bom_encoding not in (None, "utf-8-sig")
    if not wide_text and b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(f"{label} is not text (contains NUL bytes)")


def _decode(
    data: bytes, label: str, bom_encoding: str | None, warnings: list[str]
) -> tuple[str, str]:
    if bom_encoding is not None:
        warnings.append(BOM_WARNING)
    if bom_encoding is not None and bom_encoding != "utf-8-sig":
        bom_length = 4 if bom_encoding.startswith("utf-32") else 2
        try:
            return data[bom_length:].decode(bom_encoding), bom_encoding
        except UnicodeDecodeError:
            raise InputError(f"{label}: invalid {bom_encoding} text") from None
    body = data[3:] if bom_encoding == "utf-8-sig" else data
    try:
        return body.decode("utf-8"), bom_encoding or "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = body.decode("cp1252")
        warnings.append("not valid UTF-8: decoded as cp1252")
        return text, "cp1252"
    except UnicodeDecodeError:
        warnings.append("not valid UTF-8 or cp1252: decoded as latin-1")
        return body.decode("latin-1"), "latin-1"


def _normalise_line_endings(text: str, warnings: list[str]) -> str:
    """CRLF stays as it is, so offsets index the file as decoded (the stages read a CR as the
    whitespace it is); a lone CR, an old Mac line end, becomes LF: the same length, so the
    offsets still index the file."""
    if "\r" not in text:
        return text
    lone = _LONE_CR.sub("\n", text)
    if lone != text:
        warnings.append(LINE_ENDINGS_WARNING)
    return lone
