"""Stage ``read``: bytes -> :class:`Document`.

Decodes UTF-8 (a BOM is dropped), UTF-16/32 with a BOM, and falls back to cp1252 and then
latin-1 with a warning. Binary files are refused with a one-line :class:`InputError`. HTML is
turned into blank-line-separated paragraphs. CRLF and lone CR become LF, so every offset the
later stages compute refers to ``Document.text`` exactly.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from dutygraph.extract.ir import Document

SNIFF_BYTES = 8192
LINE_ENDINGS_WARNING = "line endings normalised"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP/DOCX"),
    (b"PK\x05\x06", "ZIP/DOCX"),
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

_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)


class InputError(ValueError):
    """The input cannot be read as text; the message is one line meant for the user."""


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
    warnings: list[str] = []
    bom_encoding = _bom_encoding(data)
    _refuse_binary(data, label, bom_encoding)
    text, encoding = _decode(data, label, bom_encoding, warnings)
    text = _normalise_line_endings(text, warnings)
    if _HTML_START.match(text):
        text = html_to_text(text)
        encoding += "+html"
    if not text.strip():
        raise InputError(f"{label}: no text")
    return Document(
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        name=name,
        warnings=tuple(warnings),
    )


def _too_large(name: str, max_bytes: int) -> InputError:
    return InputError(f"{name} is larger than {max_bytes} bytes (see --max-bytes)")


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


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
    if "\r" not in text:
        return text
    warnings.append(LINE_ENDINGS_WARNING)
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- HTML ------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article",
        "title", "ul", "ol", "table", "blockquote", "header", "footer", "nav", "main", "aside",
        "dd", "dt", "hr", "figcaption", "pre", "body",
    }
)  # fmt: skip
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_WHITESPACE = re.compile(r"\s+")


class _TextCollector(HTMLParser):
    """Collects paragraphs: block tags end the current one, ``<li>`` starts one with "· "."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_TAGS:
            self._dropping += 1
        elif tag in _BLOCK_TAGS:
            self._end_paragraph()
            if tag == "li":
                self._current.append("· ")
        elif tag in {"td", "th"}:
            self._current.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._end_paragraph()

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_TAGS:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCK_TAGS:
            self._end_paragraph()

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._end_paragraph()

    def _end_paragraph(self) -> None:
        paragraph = _WHITESPACE.sub(" ", "".join(self._current)).strip()
        self._current = []
        if paragraph and paragraph != "·":
            self.paragraphs.append(paragraph)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page as blank-line-separated paragraphs."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return "\n\n".join(collector.paragraphs) + ("\n" if collector.paragraphs else "")
