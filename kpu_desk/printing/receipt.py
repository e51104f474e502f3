"""The tanda bukti (receipt) of an information request or a complaint: A5, portrait.

A5 (148 × 210 mm) is half an A4 sheet: the desk prints it on the office printer and
hands it over folded once. Letterhead, the title, the registration number in large
type (the number to quote), date, name, what was asked, the letter it came with,
the legal deadline and its basis, how to follow up, and who received it.
"""

from __future__ import annotations

import os
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kpu_desk.letters.receipt_info import ReceiptInfo
from kpu_desk.printing.fonts import ensure_fonts

PAGE_SIZE = A5
MARGIN = 12 * mm
GREY = Color(0.35, 0.35, 0.35)


def render_receipt(info: ReceiptInfo, path_or_file: str | os.PathLike | BinaryIO) -> int:
    """Write the receipt as a PDF; the number of pages."""
    if isinstance(path_or_file, os.PathLike):
        path_or_file = os.fspath(path_or_file)
    document = SimpleDocTemplate(
        path_or_file, pagesize=PAGE_SIZE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=MARGIN, title=f"Tanda bukti {info.case_number}", author=info.office_name,
        subject="Tanda bukti", creator="KPU Desk", invariant=True,
    )
    document.build(_story(info, PAGE_SIZE[0] - 2 * MARGIN))
    return document.page


def _styles() -> dict[str, ParagraphStyle]:
    fonts = ensure_fonts()
    body = ParagraphStyle("ReceiptBody", fontName=fonts.regular, fontSize=8.5, leading=11)
    return {
        "body": body,
        "label": ParagraphStyle("ReceiptLabel", parent=body, fontName=fonts.bold),
        "office": ParagraphStyle("ReceiptOffice", parent=body, fontName=fonts.bold, fontSize=11.5, leading=14,
                                 alignment=TA_CENTER),
        "centre": ParagraphStyle("ReceiptCentre", parent=body, alignment=TA_CENTER),
        "title": ParagraphStyle("ReceiptTitle", parent=body, fontName=fonts.bold, fontSize=10, leading=13,
                                alignment=TA_CENTER),
        "number": ParagraphStyle("ReceiptNumber", parent=body, fontName=fonts.bold, fontSize=16, leading=20,
                                 alignment=TA_CENTER),
        "small": ParagraphStyle("ReceiptSmall", parent=body, fontSize=7, leading=9, textColor=GREY),
    }


def _story(info: ReceiptInfo, width: float) -> list:
    s = _styles()

    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(escape(text or "-").replace("\n", "<br/>"), s[style])

    story = [_letterhead(info, width, p), Spacer(1, 5 * mm), p(info.title, "title"), Spacer(1, 3 * mm),
             p("Nomor pendaftaran", "centre"), p(info.case_number, "number"), Spacer(1, 3 * mm)]
    rows = [("Tanggal", info.registered), (info.party_label, info.party_name), (info.asked_label, info.asked)]
    if info.purpose:
        rows.append(("Tujuan penggunaan", info.purpose))
    if info.letter:
        rows.append(("Surat", info.letter))
    rows += [("Batas waktu", info.deadline), ("Tindak lanjut", info.follow_up)]
    table = Table([[p(label, "label"), p(value)] for label, value in rows], colWidths=[width * 0.3, width * 0.7])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 0.6, black),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, GREY), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    story += [table, Spacer(1, 2 * mm)]
    if info.deadline_basis:
        story.append(p(f"Dasar: {info.deadline_basis}", "small"))
    story += [Spacer(1, 6 * mm), _signature(info, width, p)]
    return story


def _letterhead(info: ReceiptInfo, width: float, p) -> Table:
    logo = Image(str(info.logo), width=13 * mm, height=13 * mm, kind="proportional") if info.logo else ""
    text = [p(info.office_name.upper(), "office")] + ([p(info.office_address, "centre")] if info.office_address else [])
    side = 15 * mm
    table = Table([[logo, text, ""]], colWidths=[side, width - 2 * side, side])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LINEBELOW", (0, 0), (-1, 0), 1.2, black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _signature(info: ReceiptInfo, width: float, p) -> Table:
    block = [p("Petugas penerima", "centre"), Spacer(1, 14 * mm),
             p(info.received_by or "......................", "centre")]
    table = Table([["", block]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table
