"""One fictional report, written out as plain text, PDF (one or two columns), DOCX and HTML.

Every rendering comes from the same blocks, so the duties read from each must be the text's.
The PDF is laid out line by line here (a running header, a page number in the footer, words
hyphenated at line ends, footnotes at the foot of the page they are cited on, superscript
markers), and records which page each line went on.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

NOTE = re.compile(r"\{(\d+)\}")

BLOCKS: list[tuple[str, str]] = [
    ("heading", "Fictland: Closed Borders"),
    ("heading", "Summary"),
    (
        "para",
        "Thousands of Fictish refugees have crossed into Freedonia since 2001, fleeing "
        "persecution and the destruction of their villages by the security forces of Fictland. "
        "Freedonia ratified the Convention on the Rights of Sylvanians in 1981.{1} Freedonia "
        "should stop returning Fictish refugees by force, in violation of its international "
        "obligations under the Convention on the Rights of Sylvanians.",
    ),
    (
        "para",
        "The injunction to never return refugees to a place where they face persecution, "
        "known as non-refoulement, is a rule of customary international law, binding on all "
        "states.{2} Fictland must release all detained humanitarian workers without delay and "
        "must allow independent monitors to visit the northern provinces.",
    ),
    ("heading", "Background"),
    (
        "para",
        "Our researchers interviewed refugees, humanitarian workers and officials in "
        "border towns over several months. Their accounts describe arbitrary detention, "
        "confiscation of property, and systematic intimidation of those suspected of helping "
        "refugees to leave. Many of those interviewed asked that their names be withheld.",
    ),
    (
        "para",
        "Freedonia shall not expel refugees who have registered with the authorities. "
        "The Contracting States shall co-operate with the Committee on Sylvanian Rights in the "
        "exercise of its functions.{3}",
    ),
    ("table", "State\tInstrument\tYear"),
    ("table", "Freedonia\tConvention on the Rights of Sylvanians\t1981"),
    ("table", "Sylvania\tInternational Covenant on Freedonian Labour\t1990"),
    ("heading", "Recommendations"),
    ("para", "To the Government of Freedonia:"),
    ("item", "Freedonia should end forced returns of Fictish refugees to Fictland."),
    (
        "item",
        "Freedonia should grant the Committee on Sylvanian Rights access to the border "
        "areas and to all places of detention.",
    ),
    ("item", "Freedonia should release all refugees detained for irregular entry."),
    ("item", "Freedonia should establish a fair and efficient asylum procedure."),
    (
        "item",
        "Freedonia should investigate reports of abuse by border guards and publish the findings.",
    ),
    ("para", "To the Government of Fictland:"),
    (
        "item",
        "Fictland should repeal all laws that punish citizens who leave the country "
        "without permission.",
    ),
    ("item", "Fictland should end the persecution of returned refugees."),
]
NOTES = {
    1: "Convention on the Rights of Sylvanians, article 33.",
    2: "See the conclusions of the Committee on Sylvanian Rights.",
    3: "Convention on the Rights of Sylvanians, article 35.",
}
FILLER = (
    "Witnesses described long journeys on foot through the mountains, often at night, and "
    "the fear of being caught by patrols on either side of the border. Several said that "
    "they had paid guides who abandoned them before the crossing."
)


def numbered(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Items numbered as printed: "1." ... within each list."""
    out: list[tuple[str, str]] = []
    count = 0
    for kind, text in blocks:
        count = count + 1 if kind == "item" else 0
        out.append((kind, f"{count}. {text}" if kind == "item" else text))
    return out


def with_filler(paragraphs: int) -> list[tuple[str, str]]:
    """The report with ``paragraphs`` more background paragraphs, to fill pages."""
    at = BLOCKS.index(("heading", "Recommendations"))
    extra = [("para", FILLER)] * paragraphs
    return BLOCKS[:at] + extra + BLOCKS[at:]


def plain_text(blocks: list[tuple[str, str]] = BLOCKS) -> str:
    body = [NOTE.sub(r"\1", text) for _, text in numbered(blocks)]
    notes = [f"{number} {text}" for number, text in NOTES.items()]
    return "\n\n".join([*body, "Notes", *notes]) + "\n"


# --- PDF -------------------------------------------------------------------------------------

WIDTH, HEIGHT, MARGIN = 210.0, 297.0, 20.0
BODY_TOP, BODY_BOTTOM, NOTES_TOP = 30.0, 235.0, 245.0
HEADER = "Fictional Rights Watch - Fictland: Closed Borders"


@dataclass
class MadePdf:
    data: bytes
    page_text: dict[int, str] = field(default_factory=dict)  # the words drawn on each page
    block_pages: list[set[int]] = field(default_factory=list)  # the pages of each block


class _Pdf:
    def __init__(self, columns: int) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.columns = columns
        gap = 8.0
        self.width = (WIDTH - 2 * MARGIN - gap * (columns - 1)) / columns
        self.lefts = [MARGIN + i * (self.width + gap) for i in range(columns)]
        self.column = 0
        self.y = BODY_TOP
        self.page_notes: list[int] = []
        self.made = MadePdf(b"")
        self._new_page()

    def _new_page(self) -> None:
        if self.pdf.page:
            self._finish_page()
        self.pdf.add_page()
        self.pdf.set_font("Helvetica", size=8)
        self.pdf.text(MARGIN, 14, HEADER)
        self.pdf.text(WIDTH / 2 - 5, HEIGHT - 12, f"Page {self.pdf.page}")
        self.made.page_text[self.pdf.page] = ""
        self.column, self.y, self.page_notes = 0, BODY_TOP, []

    def _finish_page(self) -> None:
        y = NOTES_TOP
        self.pdf.set_font("Helvetica", size=8)
        for number in self.page_notes:
            self.pdf.text(MARGIN, y, f"{number} {NOTES[number]}")
            self.made.page_text[self.pdf.page] += f" {number} {NOTES[number]}"
            y += 4

    def block(self, kind: str, text: str) -> None:
        size = 14.0 if kind == "heading" else 10.5
        step = size * 0.5
        pages: set[int] = set()
        for line in self._wrap(text, size):
            if self.y + step > BODY_BOTTOM:
                self.column += 1
                self.y = BODY_TOP
                if self.column == self.columns:
                    self._new_page()
            self._draw(line, size)
            pages.add(self.pdf.page)
            self.y += step
        self.made.block_pages.append(pages)
        self.y += step * 0.9

    def _wrap(self, text: str, size: float) -> list[str]:
        self.pdf.set_font("Helvetica", size=size)
        lines: list[str] = []
        current = ""
        for word in text.replace("\t", "    ").split(" "):
            trial = f"{current} {word}".strip()
            if self.pdf.get_string_width(NOTE.sub(r"\1", trial)) <= self.width:
                current = trial
                continue
            head, tail = self._hyphenate(current, word)
            lines.append(f"{current} {head}-".strip() if head else current)
            current = tail
        return [*lines, current] if current else lines

    def _hyphenate(self, current: str, word: str) -> tuple[str, str]:
        if not re.fullmatch(r"[a-z]{7,}[,.]?", word):
            return "", word
        for cut in range(len(word) - 3, 2, -1):
            trial = f"{current} {word[:cut]}-".strip()
            if self.pdf.get_string_width(trial) <= self.width:
                return word[:cut], word[cut:]
        return "", word

    def _draw(self, line: str, size: float) -> None:
        x = self.lefts[self.column]
        for piece in NOTE.split(line):
            if piece.isdigit():  # a note marker, raised and small
                self.pdf.set_font("Helvetica", size=size * 0.6)
                self.pdf.text(x, self.y - size * 0.12, piece)
                self.page_notes.append(int(piece))
            else:
                self.pdf.set_font("Helvetica", "B" if size > 12 else "", size=size)
                self.pdf.text(x, self.y, piece)
            x += self.pdf.get_string_width(piece)
        self.made.page_text[self.pdf.page] += " " + NOTE.sub(r"\1", line)

    def output(self) -> MadePdf:
        self._finish_page()
        self.made.data = bytes(self.pdf.output())
        return self.made


def make_pdf(blocks: list[tuple[str, str]] = BLOCKS, columns: int = 1) -> MadePdf:
    maker = _Pdf(columns)
    for kind, text in numbered(blocks):
        maker.block(kind, text)
    return maker.output()


def dehyphenated(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"([a-z])- ([a-z])", r"\1\2", text))


# --- DOCX and HTML ---------------------------------------------------------------------------

FOOTNOTES_XML = (
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    "{notes}</w:footnotes>"
)


def make_docx(blocks: list[tuple[str, str]] = BLOCKS) -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    document = docx.Document()
    rows = [text.split("\t") for kind, text in blocks if kind == "table"]
    table_done = False
    for kind, text in blocks:
        if kind == "heading":
            document.add_heading(text, level=1)
        elif kind == "table" and not table_done:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            table_done = True
        elif kind != "table":
            style = "List Number" if kind == "item" else None
            paragraph = document.add_paragraph(style=style)
            for piece in NOTE.split(text):
                if piece.isdigit():
                    run = paragraph.add_run()
                    run._r.append(parse_xml(
                        '<w:footnoteReference xmlns:w="http://schemas.openxmlformats.org/'
                        f'wordprocessingml/2006/main" w:id="{piece}"/>'
                    ))  # fmt: skip
                else:
                    paragraph.add_run(piece)
    notes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:footnote>'
        for n, t in NOTES.items()
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        FOOTNOTES_XML.format(notes=notes).encode(),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_html(blocks: list[tuple[str, str]] = BLOCKS) -> str:
    """The report as a web page with site navigation, a cookie banner, a sharing widget and a
    footer around it."""
    body: list[str] = []
    in_list = False
    for kind, text in blocks:
        text = NOTE.sub(r"<sup>\1</sup>", text)
        if kind == "item" and not in_list:
            body.append("<ol>")
            in_list = True
        if kind != "item" and in_list:
            body.append("</ol>")
            in_list = False
        tag = {"heading": "h2", "item": "li", "table": "p"}.get(kind, "p")
        body.append(f"<{tag}>{text}</{tag}>")
    if in_list:
        body.append("</ol>")
    notes = "".join(f"<p>{n} {t}</p>" for n, t in NOTES.items())
    return (
        "<!DOCTYPE html><html><head><title>Fictland | Fictional Rights Watch</title></head>"
        '<body><div id="cookie-banner">We use cookies. Accept all cookies?</div>'
        '<header><a href="/">Fictional Rights Watch</a><nav><ul><li><a href="/">Home</a></li>'
        '<li><a href="/reports">Reports</a></li><li><a href="/donate">Donate now</a></li>'
        '</ul></nav></header><div class="breadcrumb">Home / Reports / Fictland</div>'
        f"<main><article>{''.join(body)}<h2>Notes</h2>{notes}"
        '<div class="share-buttons">Share this on social media</div></article></main>'
        '<aside class="related">Related: Freedonia should close its camps.</aside>'
        "<footer>Copyright Fictional Rights Watch. All rights reserved.</footer></body></html>"
    )
