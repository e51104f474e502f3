"""The buku ekspedisi of a year on paper: A4 landscape, one row per hand-over, "Halaman X dari Y".

No., date and hour, what was handed over, the receiver (name, institution), who handed it
over, the case or letter it belongs to, the receiver's signature (the image drawn on the
pad, when there is one) and the note.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO, Sequence
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, Image, PageTemplate, Paragraph, Spacer, Table, TableStyle

from kpu_desk.indodate import format_indonesian_date
from kpu_desk.letters.expedition import ExpeditionRow
from kpu_desk.printing.fonts import ensure_fonts
from kpu_desk.printing.numbered_canvas import numbered_canvas
from kpu_desk.printing.paper import page_for

HEADINGS = ("No.", "Tanggal", "Yang diserahkan", "Penerima", "Diserahkan oleh", "Kasus / agenda",
            "Tanda tangan penerima", "Keterangan")
SHARES = (0.085, 0.11, 0.2, 0.15, 0.115, 0.11, 0.12, 0.11)


def render_expedition_register(rows: Sequence[ExpeditionRow], year: int, office_name: str,
                               path_or_file: str | os.PathLike | BinaryIO,
                               signatures: dict[int, Path] | None = None) -> int:
    """Write the register as a PDF; `signatures` maps an entry id to its signature image. Returns pages."""
    if isinstance(path_or_file, os.PathLike):
        path_or_file = os.fspath(path_or_file)
    page = page_for("a4", "landscape")
    document = BaseDocTemplate(
        path_or_file, pagesize=(page.width, page.height), leftMargin=page.left, rightMargin=page.right,
        topMargin=page.top, bottomMargin=page.bottom, title=f"Buku ekspedisi {year}", author=office_name,
        creator="KPU Desk", invariant=True,
    )
    frame = Frame(page.left, page.bottom, page.frame_width, page.frame_height, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    document.addPageTemplates([PageTemplate(id="register", frames=[frame])])
    styles = _styles()
    story = [Paragraph(escape(f"BUKU EKSPEDISI TAHUN {year}"), styles["title"]),
             Paragraph(escape(office_name.upper()), styles["centre"]), Spacer(1, 4 * mm),
             _table(rows, page.frame_width, styles, signatures or {})]
    document.build(story, canvasmaker=numbered_canvas(f"Buku ekspedisi {year} · {office_name}"))
    return document.page


def _styles() -> dict[str, ParagraphStyle]:
    fonts = ensure_fonts()
    body = ParagraphStyle("RegisterBody", fontName=fonts.regular, fontSize=8, leading=10)
    return {
        "body": body,
        "head": ParagraphStyle("RegisterHead", parent=body, fontName=fonts.bold),
        "title": ParagraphStyle("RegisterTitle", parent=body, fontName=fonts.bold, fontSize=12, leading=15,
                                alignment=TA_CENTER),
        "centre": ParagraphStyle("RegisterCentre", parent=body, alignment=TA_CENTER),
    }


def _table(rows, width: float, styles, signatures: dict[int, Path]) -> Table:
    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text or "-"), styles[style])

    data = [[p(h, "head") for h in HEADINGS]]
    for row in rows:
        receiver = row.recipient_name + (f" ({row.recipient_institution})" if row.recipient_institution else "")
        link = " / ".join(x for x in (row.case_number, row.agenda) if x)
        data.append([p(row.number), p(f"{format_indonesian_date(row.handed_at.date())} {row.handed_at:%H.%M}"),
                     p(row.item), p(receiver), p(row.handed_by), p(link), _signature(row, signatures, p),
                     p(row.note)])
    if len(data) == 1:
        data.append([p("Belum ada penyerahan pada tahun ini."), "", "", "", "", "", "", ""])
    table = Table(data, colWidths=[width * s for s in SHARES], repeatRows=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.6, black),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, Color(0.4, 0.4, 0.4)),
        ("BACKGROUND", (0, 0), (-1, 0), Color(0.92, 0.92, 0.92)),
    ]))
    return table


def _signature(row: ExpeditionRow, signatures: dict[int, Path], p):
    path = signatures.get(row.id)
    if path is not None:
        return Image(str(path), width=24 * mm, height=9 * mm, kind="proportional", mask="auto")
    return p("ditandatangani") if row.signed else ""
