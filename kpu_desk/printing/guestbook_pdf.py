"""The buku tamu on paper: A4 landscape, the column headings on every page, "Halaman X dari Y".

The headings are drawn by the page template rather than repeated by one huge table, so a
long period streams into small tables of CHUNK rows: a year of a busy office lays out in
seconds and the memory stays flat. NIK and telephone arrive already masked or not
(kpu_desk.privacy decides, kpu_desk.guestbook_export passes them on).
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import BinaryIO, Iterable
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle

from kpu_desk.guestbook import GuestRow
from kpu_desk.printing.fonts import ensure_fonts
from kpu_desk.printing.numbered_canvas import numbered_canvas
from kpu_desk.printing.paper import page_for
from kpu_desk.printing.styles import stylesheet

CHUNK = 60
_HEAD_HEIGHT = 9 * mm  # the column headings' row
_TITLE_HEIGHT = 14 * mm
_GRID = colors.Color(0.55, 0.55, 0.55)
_HEAD_FILL = colors.Color(0.91, 0.91, 0.91)


def _clock(row: GuestRow) -> str:
    out = row.checked_out_at
    if out is None:
        return "di gedung"
    return f"{out:%H.%M}" if out.date() == row.checked_in_at.date() else f"{out:%d-%m-%Y %H.%M}"


# heading, width (mm), value, wraps (a paragraph) or not (plain text: laying out 100,000 paragraphs
# is most of the time a long export takes)
COLUMNS = (
    ("No", 9, None, False),
    ("Masuk", 25, lambda r: f"{r.checked_in_at:%d-%m-%Y %H.%M}", False),
    ("Keluar", 15, _clock, True),
    ("Nomor pass", 23, lambda r: r.pass_number, False),
    ("Nama tamu", 34, lambda r: r.name, True),
    ("Lembaga/instansi", 33, lambda r: r.institution or r.origin, True),
    ("Jml", 8, lambda r: str(r.group_size), False),
    ("NIK", 27, lambda r: r.nik, False),
    ("Telepon", 21, lambda r: r.phone, False),
    ("Bertemu dengan", 27, lambda r: r.host, True),
    ("Keperluan", 45, lambda r: r.purpose, True),
)


def render_guestbook_pdf(rows: Iterable[GuestRow], path_or_file: str | os.PathLike | BinaryIO,
                         office_name: str = "", period: str = "", total: int | None = None) -> int:
    """Write the rows as the buku tamu PDF; the number of pages."""
    if isinstance(path_or_file, os.PathLike):
        path_or_file = os.fspath(path_or_file)
    page = page_for("a4", "landscape")
    top = page.top + _TITLE_HEIGHT + _HEAD_HEIGHT
    document = BaseDocTemplate(
        path_or_file, pagesize=(page.width, page.height), leftMargin=page.left, rightMargin=page.right,
        topMargin=top, bottomMargin=page.bottom, title="Buku Tamu", author=office_name, creator="KPU Desk")
    frame = Frame(page.left, page.bottom, page.frame_width, page.height - top - page.bottom, id="rows",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    printed = datetime.now()
    heading = _Heading(office_name, period, printed, page)
    document.addPageTemplates([PageTemplate(id="buku", frames=[frame], onPage=heading.draw)])
    story = list(_tables(rows)) or [Paragraph("Tidak ada kunjungan pada periode ini.", stylesheet()["Body"])]
    document.build(story, canvasmaker=numbered_canvas(f"Buku Tamu · {office_name}".strip(" ·")))
    return document.page


def _tables(rows: Iterable[GuestRow]):
    style = stylesheet(7.0)["Body"]
    widths = [width * mm for _title, width, _value, _wraps in COLUMNS]
    chunk: list[list] = []
    for number, row in enumerate(rows, start=1):
        chunk.append([str(number)] + [_cell(str(value(row) or ""), wraps, style)
                                      for _title, _width, value, wraps in COLUMNS[1:]])
        if len(chunk) == CHUNK:
            yield _table(chunk, widths)
            chunk = []
    if chunk:
        yield _table(chunk, widths)


def _cell(text: str, wraps: bool, style):
    return Paragraph(escape(text), style) if wraps else text


def _table(data: list[list], widths: list[float]) -> Table:
    table = Table(data, colWidths=widths, splitByRow=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), ensure_fonts().regular, 7.0, 8.75),
        ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


class _Heading:
    """The title and the column headings at the top of every page."""

    def __init__(self, office_name: str, period: str, printed: datetime, page):
        self.office_name, self.period, self.printed, self.page = office_name, period, printed, page

    def draw(self, canvas, _document) -> None:
        fonts = ensure_fonts()
        page = self.page
        left, y = page.left, page.height - page.top
        canvas.saveState()
        canvas.setFont(fonts.bold, 12)
        canvas.drawString(left, y - 10, f"BUKU TAMU {self.office_name.upper()}".strip())
        canvas.setFont(fonts.regular, 8)
        canvas.drawString(left, y - 21, f"Periode: {self.period}")
        canvas.drawRightString(page.width - page.right, y - 21, f"Dicetak {self.printed:%d-%m-%Y %H.%M}")
        self._columns(canvas, fonts, left, y - _TITLE_HEIGHT)
        canvas.restoreState()

    def _columns(self, canvas, fonts, left: float, top: float) -> None:
        canvas.setFillColor(_HEAD_FILL)
        canvas.setStrokeColor(_GRID)
        canvas.setLineWidth(0.4)
        x = left
        for title, width, _value, _wraps in COLUMNS:
            canvas.setFillColor(_HEAD_FILL)
            canvas.rect(x, top - _HEAD_HEIGHT, width * mm, _HEAD_HEIGHT, stroke=1, fill=1)
            canvas.setFillColor(colors.black)
            canvas.setFont(fonts.bold, 7)
            canvas.drawString(x + 2, top - _HEAD_HEIGHT / 2 - 2.5, title)
            x += width * mm
