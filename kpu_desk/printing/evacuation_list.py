"""Daftar evakuasi: everyone in the building now, to be ticked off at the assembly point.

A4 portrait: the office, when the list was printed, and one row per guest or group — full name
(it is read out aloud: a masked name cannot be called), institution, whom they visit, when they
came in, how many people — with an empty box to tick "hadir di titik kumpul", and the total
number of people. A NIK never appears on it (kpu_desk.privacy).
"""

from __future__ import annotations

import os
from datetime import date
from io import BytesIO
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

from kpu_desk.building import Occupancy
from kpu_desk.guestbook import GuestRow
from kpu_desk.printing.numbered_canvas import numbered_canvas
from kpu_desk.printing.paper import page_for
from kpu_desk.printing.styles import stylesheet

TICK_HEADING = "Hadir di titik kumpul"
_GRID = colors.Color(0.45, 0.45, 0.45)
_HEAD_FILL = colors.Color(0.91, 0.91, 0.91)
# heading, width (mm)
_COLUMNS = (("No", 10), ("Nama", 44), ("Lembaga/ instansi", 37), ("Menemui", 36), ("Masuk", 19),
            ("Jumlah orang", 16), (TICK_HEADING, 18))


def render_evacuation_list(occupancy: Occupancy, path_or_file: str | os.PathLike | BinaryIO,
                           office_name: str = "") -> int:
    """Write the list as a PDF; the number of pages."""
    if isinstance(path_or_file, os.PathLike):
        path_or_file = os.fspath(path_or_file)
    page = page_for("a4", "portrait")
    document = BaseDocTemplate(
        path_or_file, pagesize=(page.width, page.height), leftMargin=page.left, rightMargin=page.right,
        topMargin=page.top, bottomMargin=page.bottom, title="Daftar Evakuasi Tamu", author=office_name,
        creator="KPU Desk")
    frame = Frame(page.left, page.bottom, page.frame_width, page.frame_height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document.addPageTemplates([PageTemplate(id="evakuasi", frames=[frame])])
    footer = f"Daftar evakuasi · dicetak {occupancy.at:%d-%m-%Y %H.%M}"
    document.build(_story(occupancy, office_name), canvasmaker=numbered_canvas(footer))
    return document.page


def evacuation_pdf_bytes(occupancy: Occupancy, office_name: str = "") -> bytes:
    buffer = BytesIO()
    render_evacuation_list(occupancy, buffer, office_name)
    return buffer.getvalue()


def _story(occupancy: Occupancy, office_name: str) -> list:
    styles = stylesheet(9.0)
    story = [
        Paragraph(escape(office_name.upper() or "KOMISI PEMILIHAN UMUM"), styles["Office"]),
        Paragraph("DAFTAR EVAKUASI TAMU", styles["Unit"]),
        Spacer(1, 3 * mm),
        Paragraph(f"Dicetak {occupancy.at:%d-%m-%Y} pukul {occupancy.at:%H.%M}. Semua tamu yang belum tercatat "
                  "keluar, termasuk dari hari sebelumnya. Centang kolom terakhir bila orang/rombongan sudah "
                  "hadir di titik kumpul.", styles["Body"]),
        Spacer(1, 3 * mm),
        _table(occupancy.rows, occupancy.at.date()),
        Spacer(1, 4 * mm),
        Paragraph(f"<b>Jumlah: {occupancy.people} orang</b> dalam {occupancy.visits} kunjungan; "
                  f"KTP yang masih dititipkan di meja: {len(occupancy.ktp_held)}.", styles["Body"]),
    ]
    return story


def _table(rows: list[GuestRow], day: date) -> Table:
    body = stylesheet(9.0)["Body"]
    label = stylesheet(9.0)["Label"]
    data = [[Paragraph(title, label) for title, _width in _COLUMNS]]
    for number, row in enumerate(rows, start=1):
        data.append([Paragraph(str(number), body)] + [Paragraph(escape(text), body) for text in _cells(row, day)] + [""])
    empty = [] if rows else [("SPAN", (1, 1), (-1, 1))]
    if not rows:
        data.append(["", Paragraph("Tidak ada tamu di gedung.", body), "", "", "", "", ""])
    table = Table(data, colWidths=[width * mm for _title, width in _COLUMNS], repeatRows=1)
    table.setStyle(TableStyle(empty + [
        ("GRID", (0, 0), (-1, -1), 0.5, _GRID),
        ("BACKGROUND", (0, 0), (-1, 0), _HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 1), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 5),
    ]))
    return table


def _cells(row: GuestRow, day: date) -> list[str]:
    came = f"{row.checked_in_at:%H.%M}" if row.checked_in_at.date() == day else f"{row.checked_in_at:%d-%m-%Y %H.%M}"
    return [row.name, row.institution or row.origin or "-", row.host or "-", came, str(max(row.group_size, 1))]
