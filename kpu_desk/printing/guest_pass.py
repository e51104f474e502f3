"""The guest pass (kartu tamu): a CR80 card (85.6 × 54 mm) or a 62 mm label (62 × 100 mm).

Office name, TAMU, the guest's name, institution, whom they visit, date, valid until,
pass number, the colour of the day (a band, with its name printed so it still reads on a
greyscale printer) and a QR code holding only the signed pass code, never personal data.
The QR code is drawn as vector squares, so it stays sharp on every printer.
"""

from __future__ import annotations

from datetime import datetime
from typing import BinaryIO

import qrcode
from reportlab.lib.colors import Color, black, white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kpu_desk.indodate import DAY_NAMES, format_indonesian_date
from kpu_desk.printing.fonts import ensure_fonts
from kpu_desk.visits import PassInfo

SIZES = {"cr80": (85.6 * mm, 54 * mm), "62mm": (62 * mm, 100 * mm)}
# Monday first, as datetime.weekday(); (name, band colour, text colour on the band)
DAY_COLOURS = (
    ("MERAH", Color(0.80, 0.12, 0.14), white),
    ("KUNING", Color(0.98, 0.80, 0.10), black),
    ("HIJAU", Color(0.10, 0.55, 0.25), white),
    ("BIRU", Color(0.10, 0.30, 0.70), white),
    ("UNGU", Color(0.45, 0.20, 0.60), white),
    ("ORANYE", Color(0.95, 0.50, 0.10), black),
    ("ABU-ABU", Color(0.50, 0.50, 0.50), white),
)
GREY = Color(0.35, 0.35, 0.35)


class PassSizeError(ValueError):
    pass


def colour_of_day(day: datetime) -> tuple[str, Color, Color]:
    return DAY_COLOURS[day.weekday()]


def render_guest_pass(info: PassInfo, path_or_file: str | BinaryIO, size: str = "cr80") -> None:
    if size not in SIZES:
        raise PassSizeError(f"ukuran pass '{size}' tidak dikenal; pilih: {', '.join(SIZES)}")
    width, height = SIZES[size]
    page = Canvas(path_or_file, pagesize=(width, height), pageCompression=1)
    page.setTitle(f"Pass tamu {info.pass_number}")
    page.setAuthor(info.office_name)
    page.setCreator("KPU Desk")
    (_card if size == "cr80" else _label)(page, info, width, height)
    page.showPage()
    page.save()


# --- layouts -------------------------------------------------------------------------

def _band(page: Canvas, info: PassInfo, width: float, top: float, band_h: float, pad: float) -> None:
    fonts = ensure_fonts()
    name, fill, ink = colour_of_day(info.checked_in_at)
    page.setFillColor(fill)
    page.rect(0, top - band_h, width, band_h, stroke=0, fill=1)
    page.setFillColor(ink)
    tamu = band_h * 0.62
    page.setFont(fonts.bold, tamu)
    page.drawString(pad, top - band_h / 2 - tamu * 0.36, "TAMU")
    day = f"{DAY_NAMES[info.checked_in_at.weekday()].upper()} · {name}"
    page.setFont(fonts.bold, 7)
    page.drawRightString(width - pad, top - band_h / 2 - 7 * 0.36, day)


def _card(page: Canvas, info: PassInfo, width: float, height: float) -> None:
    fonts = ensure_fonts()
    pad = 3.5 * mm
    band_h = 10 * mm
    _band(page, info, width, height, band_h, pad)
    qr_size = 25 * mm
    text_w = width - 2 * pad - qr_size - 3 * mm
    y = height - band_h - 4.2 * mm
    page.setFillColor(black)
    _fit(page, info.office_name, fonts.bold, 7, 5.5, pad, y, text_w)
    y -= 5.5 * mm
    y -= _fit(page, info.guest_name, fonts.bold, 11, 9, pad, y, text_w, lines=2)
    y -= 3.8 * mm
    page.setFillColor(GREY)
    y -= _fit(page, info.institution or "-", fonts.regular, 7, 6, pad, y, text_w, lines=2)
    y -= 4.6 * mm
    for label, value in _details(info):
        y -= _labelled(page, label, value, pad, y, text_w, lines=2 if label == "Menemui" else 1)
        y -= 3.4 * mm
    qr_x, qr_y = width - pad - qr_size, band_h * 0 + 6.5 * mm
    draw_qr(page, info.token, qr_x, qr_y, qr_size)
    page.setFillColor(black)
    page.setFont(fonts.bold, 9)
    page.drawCentredString(qr_x + qr_size / 2, 2.6 * mm, info.pass_number)
    _footer_code(page, info.token, pad, 2.8 * mm)


def _label(page: Canvas, info: PassInfo, width: float, height: float) -> None:
    fonts = ensure_fonts()
    pad = 4 * mm
    band_h = 13 * mm
    _band(page, info, width, height, band_h, pad)
    text_w = width - 2 * pad
    y = height - band_h - 5 * mm
    page.setFillColor(black)
    _fit(page, info.office_name, fonts.bold, 8, 6, pad, y, text_w, centre=width / 2)
    y -= 7 * mm
    y -= _fit(page, info.guest_name, fonts.bold, 13, 10, pad, y, text_w, centre=width / 2, lines=2)
    y -= 4.5 * mm
    page.setFillColor(GREY)
    y -= _fit(page, info.institution or "-", fonts.regular, 8, 6.5, pad, y, text_w, centre=width / 2, lines=2)
    qr_size = 32 * mm
    y -= 3.5 * mm + qr_size
    draw_qr(page, info.token, (width - qr_size) / 2, y, qr_size)
    y -= 5 * mm
    page.setFillColor(black)
    page.setFont(fonts.bold, 11)
    page.drawCentredString(width / 2, y, info.pass_number)
    y -= 6 * mm
    for label, value in _details(info):
        y -= _labelled(page, label, value, pad, y, text_w, lines=2 if label == "Menemui" else 1)
        y -= 4 * mm
    _footer_code(page, info.token, pad, 3 * mm)


def _details(info: PassInfo) -> list[tuple[str, str]]:
    same_day = info.valid_until.date() == info.checked_in_at.date()
    until = f"{info.valid_until:%H:%M}" if same_day else \
        f"{format_indonesian_date(info.valid_until.date())} {info.valid_until:%H:%M}"
    return [
        ("Menemui", info.host or "-"),
        ("Tanggal", format_indonesian_date(info.checked_in_at.date())),
        ("Berlaku s.d.", until),
    ]


# --- drawing helpers -----------------------------------------------------------------

def _fit(page: Canvas, text: str, font: str, size: float, smallest: float, x: float, y: float,
         width: float, centre: float | None = None, lines: int = 1) -> float:
    """Text shrunk down to `smallest` to fit one line; else wrapped onto up to `lines` lines,
    the last cut with an ellipsis. Returns how far below `y` the last line's baseline is."""
    text = " ".join((text or "").split())
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.5
    rows = _wrap(text, font, size, width, lines)
    page.setFont(font, size)
    step = size * 1.2
    for index, row in enumerate(rows):
        if centre is None:
            page.drawString(x, y - index * step, row)
        else:
            page.drawCentredString(centre, y - index * step, row)
    return (len(rows) - 1) * step


def _wrap(text: str, font: str, size: float, width: float, lines: int) -> list[str]:
    rows: list[str] = []
    words = text.split(" ")
    while words and len(rows) < lines - 1:
        row = words.pop(0)
        while words and stringWidth(f"{row} {words[0]}", font, size) <= width:
            row = f"{row} {words.pop(0)}"
        rows.append(row)
    rest = " ".join(words)
    if rest or not rows:
        if stringWidth(rest, font, size) > width:
            while rest and stringWidth(rest + "…", font, size) > width:
                rest = rest[:-1]
            rest = rest.rstrip() + "…"
        rows.append(rest)
    return rows


def _labelled(page: Canvas, label: str, value: str, x: float, y: float, width: float, lines: int = 1) -> float:
    fonts = ensure_fonts()
    label_w = 17 * mm
    page.setFillColor(GREY)
    page.setFont(fonts.regular, 6.5)
    page.drawString(x, y, label)
    page.setFillColor(black)
    return _fit(page, value, fonts.bold, 7, 6, x + label_w, y, width - label_w, lines=lines)


def _footer_code(page: Canvas, token: str, x: float, y: float) -> None:
    """The code in letters, for typing when the scanner fails; it holds no personal data."""
    page.setFillColor(GREY)
    page.setFont(ensure_fonts().regular, 5)
    page.drawString(x, y, token)


def draw_qr(page: Canvas, payload: str, x: float, y: float, size: float) -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    n = len(matrix)
    cell = size / n
    page.setFillColor(black)
    path = page.beginPath()
    for row, cells in enumerate(matrix):
        top = y + size - (row + 1) * cell
        col = 0
        while col < n:
            if cells[col]:
                start = col
                while col < n and cells[col]:
                    col += 1
                path.rect(x + start * cell, top, (col - start) * cell, cell)
            else:
                col += 1
    page.drawPath(path, stroke=0, fill=1)
