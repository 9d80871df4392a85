"""A PDF's text layer -> positioned lines, page by page (pypdfium2), for ``pagetext.compose``.

PDFium gives each page's text in content order with its own line breaks; a line's extent,
baseline and font size come from the boxes of its first, middle and last characters, so the
cost is a few calls a line rather than a few a character.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

from dutygraph.extract.errors import InputError
from dutygraph.extract.ir import Page
from dutygraph.extract.pagetext import Line, PageLines, compose, normalise

NO_TEXT_LAYER = "no text layer: run OCR first, e.g. ocrmypdf"
# PDFium joins a line that ends in a hyphen to the next and marks the hyphen U+FFFE.
_LINE_END_HYPHEN = "\ufffe"
_LINE = re.compile(r"[^\r\n\ufffe]+\ufffe?")


def _pdfium(label: str) -> tuple[Any, Any]:
    try:
        import pypdfium2
        import pypdfium2.raw as raw
    except ImportError:
        raise InputError(
            f"{label} is a PDF: reading it needs pypdfium2 (pip install 'dutygraph[pdf]')"
        ) from None
    return pypdfium2, raw


def read_pdf(data: bytes, label: str) -> tuple[str, tuple[Page, ...]]:
    """The reader's text of a PDF and its pages; a PDF that cannot be read is refused."""
    pdfium, raw = _pdfium(label)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if getattr(error, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise InputError(
                f"{label} is an encrypted PDF: decrypt it first (e.g. qpdf --decrypt)"
            ) from None
        raise InputError(f"{label} is not a readable PDF (damaged or truncated)") from None
    try:
        pages = [_page_lines(document, index, raw) for index in range(len(document))]
    except pdfium.PdfiumError:
        raise InputError(f"{label} is not a readable PDF (damaged or truncated)") from None
    finally:
        document.close()
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise InputError(f"{label}: {NO_TEXT_LAYER}")
    return compose(pages)


def _page_lines(document: Any, index: int, raw: Any) -> PageLines:
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines = tuple(_lines(textpage, raw))
        finally:
            textpage.close()
    finally:
        page.close()
    return PageLines(index + 1, width, height, lines)


def _lines(textpage: Any, raw: Any) -> list[Line]:
    count = textpage.count_chars()
    text = textpage.get_text_range() if count else ""
    if len(text) != count:  # characters beyond the BMP: PDFium counts them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    box = raw.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    lines: list[Line] = []
    for match in _LINE.finditer(text):
        words = match.group()
        first = match.start() + len(words) - len(words.lstrip())
        last = match.start() + len(words.rstrip()) - 1
        if last < first:
            continue
        middle = (first + last) // 2
        while middle < last and text[middle].isspace():
            middle += 1
        raw.FPDFText_GetLooseCharBox(textpage.raw, first, box)
        left = box.left
        raw.FPDFText_GetLooseCharBox(textpage.raw, last, box)
        right = box.right
        raw.FPDFText_GetCharOrigin(textpage.raw, middle, x, y)
        size = raw.FPDFText_GetFontSize(textpage.raw, middle)
        words = normalise(text[first : last + 1])
        if text[last] == _LINE_END_HYPHEN:
            words += "-"
        lines.append(Line(words, left, right, y.value, size))
    return lines
