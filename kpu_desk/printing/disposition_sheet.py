"""The lembar disposisi: A4 or half folio, portrait.

Half folio is an Indonesian F4 sheet (215 × 330 mm) cut in two across: 215 × 165 mm,
printed standing, so the page is 165 mm wide and 215 mm high. Offices keep a
stack of these for dispositions; A4 is for an office printer without them.

Letterhead (office name, address, logo when set), LEMBAR DISPOSISI, the letter
(from, number, date, received, agenda number, subject, urgency, security class,
classification code), the "Diteruskan kepada" checklist and the instruction
checkboxes with their ticks, the note and deadline, the signer (position, signature,
name, NIP, date) beside the verification QR (which holds only the code), the levels
the disposition was passed on to with each level's note, and a receipt block for
the recipient (diterima tanggal, jam, nama, paraf). Every word is real text in the
PDF, so it can be searched and read back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kpu_desk.letters.sheet import SheetInfo, Tick
from kpu_desk.printing.fonts import DEJAVU, ensure_fonts
from kpu_desk.printing.paper import PAPERS

_F4_W, _F4_H = PAPERS["f4"]
PAPER_SIZES = {
    "a4": PAPERS["a4"],
    "half-folio": (_F4_H / 2, _F4_W),  # 165 × 215 mm: half an F4 sheet, standing
}
GREY = Color(0.35, 0.35, 0.35)
MARK = Color(0.75, 0.1, 0.1)
_GRID = 0.6


class SheetPaperError(ValueError):
    pass


@dataclass(frozen=True)
class _Scale:
    """Sizes that follow the paper: A4 prints larger than the half folio."""

    font: float
    margin: float
    qr: float
    signature_h: float
    logo: float


_SCALES = {
    "a4": _Scale(font=9.5, margin=15 * mm, qr=26 * mm, signature_h=18 * mm, logo=18 * mm),
    "half-folio": _Scale(font=7.0, margin=8 * mm, qr=19 * mm, signature_h=11 * mm, logo=12 * mm),
}


def render_disposition_sheet(info: SheetInfo, path_or_file: str | os.PathLike | BinaryIO,
                             paper: str = "a4") -> int:
    """Write the sheet as a PDF; the number of pages (1 unless the notes are very long)."""
    if paper not in PAPER_SIZES:
        raise SheetPaperError(f"ukuran kertas '{paper}' tidak dikenal; pilih: {', '.join(PAPER_SIZES)}")
    if isinstance(path_or_file, os.PathLike):
        path_or_file = os.fspath(path_or_file)
    scale = _SCALES[paper]
    width, height = PAPER_SIZES[paper]
    document = SimpleDocTemplate(
        path_or_file, pagesize=(width, height), leftMargin=scale.margin, rightMargin=scale.margin,
        topMargin=scale.margin, bottomMargin=scale.margin, title=f"Lembar disposisi #{info.disposition_id}",
        author=info.office_name, subject="Lembar disposisi", creator="KPU Desk", invariant=True,
    )
    body = width - 2 * scale.margin
    story = _Story(info, scale, body).build()
    document.build(story)
    return document.page


class _Story:
    def __init__(self, info: SheetInfo, scale: _Scale, width: float):
        self.info, self.scale, self.width = info, scale, width
        fonts = ensure_fonts()
        self.fonts = fonts
        self.box, self.tick = ("☐", "☑") if fonts is DEJAVU else ("[ ]", "[X]")
        size = scale.font
        self.body = ParagraphStyle("SheetBody", fontName=fonts.regular, fontSize=size, leading=size * 1.25)
        self.label = ParagraphStyle("SheetLabel", parent=self.body, fontName=fonts.bold)
        self.small = ParagraphStyle("SheetSmall", parent=self.body, fontSize=size * 0.8, leading=size, textColor=GREY)
        self.office = ParagraphStyle("SheetOffice", parent=self.label, fontSize=size * 1.45,
                                     leading=size * 1.75, alignment=TA_CENTER)
        self.centre = ParagraphStyle("SheetCentre", parent=self.body, alignment=TA_CENTER)
        self.title = ParagraphStyle("SheetTitle", parent=self.label, fontSize=size * 1.3, leading=size * 1.6,
                                    alignment=TA_CENTER)
        self.mark = ParagraphStyle("SheetMark", parent=self.label, textColor=MARK, alignment=TA_CENTER)
        self.right = ParagraphStyle("SheetRight", parent=self.small, alignment=TA_RIGHT)

    def build(self) -> list:
        info = self.info
        story = [self._letterhead(), Spacer(1, self.scale.font * 0.6), self._p(self._title(), self.title)]
        if info.status:
            story.append(self._p(info.status, self.mark))
        story += [Spacer(1, self.scale.font * 0.5), self._letter(), self._checklists(), self._note(),
                  self._signature()]
        if info.levels:
            story.append(self._levels())
        story += [Spacer(1, self.scale.font * 0.6), self._receipt(), self._footer()]
        return story

    # --- pieces ------------------------------------------------------------------------------

    def _title(self) -> str:
        version = f" (VERSI {self.info.version})" if self.info.version > 1 else ""
        return f"LEMBAR DISPOSISI{version}"

    def _letterhead(self) -> Table:
        info, logo = self.info, None
        if info.logo is not None:
            logo = Image(str(info.logo), width=self.scale.logo, height=self.scale.logo, kind="proportional")
        text = [self._p(info.office_name.upper(), self.office)]
        if info.office_address:
            text.append(self._p(info.office_address, self.centre))
        side = self.scale.logo + 2 * mm
        table = Table([[logo or "", text, ""]], colWidths=[side, self.width - 2 * side, side])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, 0), 1.4, black),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        return table

    def _letter(self) -> Table:
        info = self.info
        rows = [
            [self._l("Surat dari"), self._p(info.sender or "-"), self._l("Diterima tanggal"),
             self._p(info.received_date)],
            [self._l("Nomor surat"), self._p(info.letter_number or "-"), self._l("Nomor agenda"),
             self._p(info.agenda or "-")],
            [self._l("Tanggal surat"), self._p(info.letter_date), self._l("Nomor kasus"),
             self._p(info.case_number or "-")],
            [self._l("Perihal"), self._p(info.subject or "-"), "", ""],
            [self._l("Sifat"), self._ticks_inline(info.urgencies), self._l("Kode klasifikasi"),
             self._p(info.classification_code or "-")],
            [self._l("Klasifikasi keamanan"), self._ticks_inline(info.security_classes), "", ""],
        ]
        w = self.width
        table = Table(rows, colWidths=[w * 0.2, w * 0.38, w * 0.19, w * 0.23])
        table.setStyle(self._grid([("SPAN", (1, 3), (3, 3)), ("SPAN", (1, 5), (3, 5))]))
        return table

    def _checklists(self) -> Table:
        info = self.info
        left = [self._l("Diteruskan kepada:")] + [self._tick(t) for t in info.recipients]
        right = [self._l("Dengan hormat harap:")] + [self._tick(t) for t in info.instructions]
        table = Table([[left, right]], colWidths=[self.width * 0.5, self.width * 0.5])
        table.setStyle(self._grid([]))
        return table

    def _note(self) -> Table:
        info = self.info
        rows = [
            [self._l("Catatan"), self._p(info.note or "-")],
            [self._l("Batas waktu"), self._p(info.deadline)],
            [self._l("Ditulis oleh"), self._p(f"{info.author}, {info.written}")],
        ]
        table = Table(rows, colWidths=[self.width * 0.2, self.width * 0.8])
        table.setStyle(self._grid([]))
        return table

    def _signature(self) -> Table:
        info = self.info
        left = [Spacer(1, self.scale.qr)]
        if info.code:
            left = [_QrCode(info.code, self.scale.qr), self._p(info.code, self.small),
                    self._p("Pindai untuk memeriksa keaslian", self.small)]
        block = [self._p(f"Tanggal: {info.signed_date or '-'}", self.centre),
                 self._p(info.signer_position or "Penanda tangan", self.centre)]
        if info.signature_image is not None:
            block.append(Image(str(info.signature_image), width=self.scale.signature_h * 3,
                               height=self.scale.signature_h, kind="proportional", mask="auto"))
        else:
            block.append(Spacer(1, self.scale.signature_h))
        block.append(self._p(f"<u>{escape(info.signer_name or '......................')}</u>", self.centre, raw=True))
        block.append(self._p(f"NIP {info.signer_nip}" if info.signer_nip else "NIP -", self.centre))
        table = Table([[left, block]], colWidths=[self.width * 0.45, self.width * 0.55])
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), _GRID, black),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        return table

    def _levels(self) -> Table:
        rows = [[self._l("Diteruskan oleh"), self._l("Kepada"), self._l("Isi / catatan"), self._l("Batas waktu")]]
        for level in self.info.levels:
            rows.append([self._p(f"{level.by}, {level.written}"), self._p(level.to), self._p(level.note or "-"),
                         self._p(level.deadline)])
        w = self.width
        table = Table(rows, colWidths=[w * 0.26, w * 0.24, w * 0.32, w * 0.18], repeatRows=1)
        table.setStyle(self._grid([("BACKGROUND", (0, 0), (-1, 0), Color(0.92, 0.92, 0.92))]))
        return table

    def _receipt(self) -> Table:
        dots = "............................"
        rows = [
            [self._l("Tanda terima penerima disposisi"), "", "", ""],
            [self._l("Diterima tanggal"), self._p(dots), self._l("Jam"), self._p(dots)],
            [self._l("Nama"), self._p(dots), self._l("Paraf"), self._p(dots)],
        ]
        w = self.width
        table = Table(rows, colWidths=[w * 0.22, w * 0.33, w * 0.12, w * 0.33])
        table.setStyle(self._grid([("SPAN", (0, 0), (-1, 0))]))
        return table

    def _footer(self) -> Paragraph:
        return self._p(f"Dicetak dari KPU Desk · disposisi #{self.info.disposition_id} versi {self.info.version}",
                       self.right)

    # --- helpers ------------------------------------------------------------------------------

    def _p(self, text: str, style: ParagraphStyle | None = None, raw: bool = False) -> Paragraph:
        content = text if raw else escape(text or "").replace("\n", "<br/>")
        return Paragraph(content, style or self.body)

    def _l(self, text: str) -> Paragraph:
        return self._p(text, self.label)

    def _tick(self, tick: Tick) -> Paragraph:
        mark = self.tick if tick.ticked else self.box
        return self._p(f"{mark} {tick.label}")

    def _ticks_inline(self, ticks: list[Tick]) -> Paragraph:
        return self._p("   ".join(f"{self.tick if t.ticked else self.box} {t.label}" for t in ticks))

    def _grid(self, extra: list) -> TableStyle:
        pad = self.scale.font * 0.3
        return TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "LEFT"),
            ("BOX", (0, 0), (-1, -1), _GRID, black), ("INNERGRID", (0, 0), (-1, -1), _GRID * 0.6, GREY),
            ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
            ("LEFTPADDING", (0, 0), (-1, -1), pad * 1.5), ("RIGHTPADDING", (0, 0), (-1, -1), pad * 1.5),
            *extra,
        ])


class _QrCode(Flowable):
    """The verification code as a QR code of vector squares (sharp on every printer)."""

    QUIET = 0.08  # white margin around the code, as a share of its size: scanners need it

    def __init__(self, payload: str, size: float):
        super().__init__()
        self.payload, self.size = payload, size
        self.width = self.height = size * (1 + 2 * self.QUIET)

    def draw(self) -> None:
        from kpu_desk.printing.guest_pass import draw_qr

        draw_qr(self.canv, self.payload, self.size * self.QUIET, self.size * self.QUIET, self.size)


