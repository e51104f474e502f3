"""The named paragraph styles of printed documents, in one place."""

from __future__ import annotations

from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle, StyleSheet1

from kpu_desk.printing.fonts import ensure_fonts


@cache
def stylesheet(base_size: float = 8.5) -> StyleSheet1:
    family = ensure_fonts()
    sheet = StyleSheet1()
    leading = base_size * 1.25
    sheet.add(
        ParagraphStyle("Body", fontName=family.regular, fontSize=base_size, leading=leading, alignment=TA_LEFT,
                       bulletFontName=family.regular, bulletFontSize=base_size)
    )
    sheet.add(ParagraphStyle("Label", parent=sheet["Body"], fontName=family.bold))
    sheet.add(ParagraphStyle("Item", parent=sheet["Body"], leftIndent=base_size * 1.6, firstLineIndent=0, bulletIndent=0))
    sheet.add(
        ParagraphStyle("Office", parent=sheet["Body"], fontName=family.bold, fontSize=base_size + 3.5,
                       leading=(base_size + 3.5) * 1.25, alignment=TA_CENTER)
    )
    sheet.add(ParagraphStyle("Unit", parent=sheet["Office"], fontSize=base_size + 1.5, leading=(base_size + 1.5) * 1.3))
    sheet.add(ParagraphStyle("SopName", parent=sheet["Body"], fontName=family.bold))
    sheet.add(ParagraphStyle("Signer", parent=sheet["Body"], alignment=TA_CENTER))
    sheet.add(ParagraphStyle("SignerName", parent=sheet["Signer"], fontName=family.bold))
    sheet.add(
        ParagraphStyle("ChartTitle", parent=sheet["Body"], fontName=family.bold, fontSize=base_size + 2.5,
                       leading=(base_size + 2.5) * 1.3, alignment=TA_CENTER, spaceAfter=6)
    )
    sheet.add(ParagraphStyle("Section", parent=sheet["Label"], spaceBefore=8, spaceAfter=3))
    return sheet
