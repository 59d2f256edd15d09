"""Sample PDFs laid out like municipal print documents, with fpdf2.

A cover page (or a title on the first page), running header and footer with
page numbers, headings, bullet and numbered lists, pull quotes and tables. Lines
are broken and hyphenated here rather than by fpdf2, so the text layer has the
hyphenated line ends real PDFs have; with `ligatures: lost` the drawn text has
the gaps of lost ligature glyphs.
"""

from __future__ import annotations

from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from samplekit.source import Block, SampleSource, plain
from samplekit.typesetting import break_lines, damage_ligatures, to_latin1

MUNICIPALITY = "Fjordby Kommune"
CREATED = datetime(2024, 3, 1, 9, 0, 0, tzinfo=UTC)
FONT = "Helvetica"
BODY_SIZE = 11
LINE_HEIGHT = 5.6
MARGIN = 25
BULLET_INDENT = 6
QUOTE_INDENT = 12
HEADING_SIZES = {2: 15, 3: 12}


class SamplePDF(FPDF):
    """An A4 document with a running header (after page 1) and a numbered footer."""

    def __init__(self, running_header: str, damaged: bool, has_cover: bool) -> None:
        super().__init__(format="A4", unit="mm")
        self.running_header = running_header
        self.damaged = damaged
        self.has_cover = has_cover
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)
        self.set_creation_date(CREATED)

    def text_of(self, text: str) -> str:
        """What is drawn for `text`: Latin-1, and damaged where the font is."""
        text = to_latin1(text)
        return damage_ligatures(text) if self.damaged else text

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.set_y(12)
        self.cell(0, 4, self.text_of(self.running_header), align="R")
        self.line(MARGIN, 17, self.w - MARGIN, 17)
        self.set_text_color(0, 0, 0)
        self.set_y(MARGIN)

    def footer(self) -> None:
        if self.has_cover and self.page_no() == 1:
            return
        self.set_y(-16)
        self.set_font(FONT, "", 8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 4, f"Side {self.page_no()} af {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def write_pdf(source: SampleSource) -> bytes:
    pdf = SamplePDF(
        running_header=source.option("header", f"{MUNICIPALITY} · {source.title}"),
        damaged=source.option("ligatures") == "lost",
        has_cover=source.option("cover") == "yes",
    )
    metadata_title = source.optional("metadata_title")
    if metadata_title:
        pdf.set_title(metadata_title)
    pdf.set_author(MUNICIPALITY)
    pdf.set_creator(f"{MUNICIPALITY}, Kommunikation")
    pdf.add_page()
    if pdf.has_cover:
        _cover(pdf, source)
        pdf.add_page()
    else:
        _title(pdf, source.title)
    for block in source.blocks:
        _block(pdf, block)
    return bytes(pdf.output())


def _cover(pdf: SamplePDF, source: SampleSource) -> None:
    pdf.set_font(FONT, "B", 14)
    pdf.cell(0, 8, to_latin1(MUNICIPALITY), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_y(95)
    pdf.set_font(FONT, "B", 28)
    pdf.multi_cell(0, 13, pdf.text_of(source.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    subtitle = source.option("subtitle")
    if subtitle:
        pdf.ln(4)
        pdf.set_font(FONT, "", 16)
        pdf.multi_cell(0, 8, pdf.text_of(subtitle), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    note = source.option("cover_note")
    if note:
        pdf.set_y(250)
        pdf.set_font(FONT, "", 10)
        pdf.cell(0, 6, pdf.text_of(note), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _title(pdf: SamplePDF, title: str) -> None:
    pdf.set_font(FONT, "B", 22)
    pdf.multi_cell(0, 10, pdf.text_of(title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)


def _block(pdf: SamplePDF, block: Block) -> None:
    if block.kind == "heading":
        size = HEADING_SIZES.get(block.level, BODY_SIZE)
        # Keep a heading with at least three lines of its text.
        if pdf.get_y() + size * 0.6 + 4 * LINE_HEIGHT > pdf.h - MARGIN:
            pdf.add_page()
        pdf.ln(3)
        _lines(pdf, block.text, size=size, style="B", line_height=size * 0.6)
        pdf.ln(1.5)
    elif block.kind == "paragraph":
        _lines(pdf, plain(block.text))
        pdf.ln(3)
    elif block.kind in ("bullets", "numbered"):
        for number, item in enumerate(block.items, 1):
            marker = f"{number}." if block.kind == "numbered" else None
            _list_item(pdf, plain(item), marker)
        pdf.ln(3)
    elif block.kind == "quote":
        _quote(pdf, block.text)
    elif block.kind == "table":
        _table(pdf, block.rows)


def _lines(
    pdf: SamplePDF,
    text: str,
    *,
    size: float = BODY_SIZE,
    style: str = "",
    indent: float = 0,
    line_height: float = LINE_HEIGHT,
) -> None:
    pdf.set_font(FONT, style, size)
    width = pdf.w - 2 * MARGIN - indent
    for line in break_lines(to_latin1(text), width, pdf.get_string_width):
        pdf.set_x(MARGIN + indent)
        drawn = damage_ligatures(line) if pdf.damaged else line
        pdf.cell(width, line_height, drawn, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _list_item(pdf: SamplePDF, text: str, marker: str | None) -> None:
    if pdf.get_y() + LINE_HEIGHT > pdf.h - MARGIN:
        pdf.add_page()
    top = pdf.get_y()
    if marker is None:
        pdf.circle(x=MARGIN + 1.8, y=top + LINE_HEIGHT / 2, radius=0.8, style="F")
    else:
        pdf.set_font(FONT, "", BODY_SIZE)
        pdf.set_xy(MARGIN, top)
        pdf.cell(BULLET_INDENT, LINE_HEIGHT, marker)
        pdf.set_xy(MARGIN, top)
    _lines(pdf, text, indent=BULLET_INDENT)
    pdf.ln(1)


def _quote(pdf: SamplePDF, text: str) -> None:
    pdf.ln(2)
    top = pdf.get_y()
    pdf.set_text_color(0, 84, 122)
    _lines(pdf, text, size=14, style="I", indent=QUOTE_INDENT, line_height=7)
    pdf.set_text_color(0, 0, 0)
    if pdf.get_y() > top:
        pdf.set_draw_color(0, 84, 122)
        pdf.set_line_width(0.8)
        pdf.line(MARGIN + 4, top, MARGIN + 4, pdf.get_y())
        pdf.set_line_width(0.2)
        pdf.set_draw_color(0, 0, 0)
    pdf.ln(5)


def _table(pdf: SamplePDF, rows: tuple[tuple[str, ...], ...]) -> None:
    pdf.set_font(FONT, "", 9)
    with pdf.table(line_height=5, first_row_as_headings=True) as table:
        for row in rows:
            table_row = table.row()
            for cell in row:
                table_row.cell(pdf.text_of(plain(cell)))
    pdf.ln(4)
