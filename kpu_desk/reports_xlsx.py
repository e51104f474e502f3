"""Laporan as an Excel workbook (openpyxl), for the office's own spreadsheets and for superiors.

The file is written beside its target under a temporary name and renamed at
the end, so a cancelled or failed export never leaves half a workbook behind.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from kpu_desk.indodate import format_indonesian_date
from kpu_desk.output_files import write_output
from kpu_desk.reports import MonthRow, SopReport, month_label

Progress = Callable[[int, int], None]

COLUMNS = (  # header, value, width
    ("SOP", lambda r: r.sop_name, 48),
    ("Bulan", lambda r: month_label(r.month) if r.month else "", 16),
    ("Kasus baru", lambda r: r.cases_started, 11),
    ("Selesai", lambda r: r.cases_done, 9),
    ("Berjalan", lambda r: r.cases_active, 9),
    ("Dibatalkan", lambda r: r.cases_cancelled, 11),
    ("Langkah selesai", lambda r: r.steps_done, 15),
    ("Tepat waktu", lambda r: r.steps_on_time, 12),
    ("Terlambat", lambda r: r.steps_late, 11),
    ("Tanpa standar waktu", lambda r: r.steps_untimed, 19),
    ("% tepat waktu", lambda r: None if r.on_time_percent is None else r.on_time_percent / 100, 14),
)
_BOLD = Font(bold=True)
_HEAD_FILL = PatternFill("solid", fgColor="E8E8E8")
_HEADER_ROW = 5


def export_report_xlsx(report: SopReport, target: str | Path, office_name: str = "",
                       progress: Progress | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Laporan SOP"
    _title(sheet, report, office_name)
    _header(sheet)
    rows = [*report.rows, report.total]
    for index, row in enumerate(rows, start=1):
        _write_row(sheet, _HEADER_ROW + index, row, bold=row is rows[-1])
        if progress:
            progress(index, len(rows))
    sheet.freeze_panes = sheet.cell(row=_HEADER_ROW + 1, column=3)
    write_output(target, book.save)
    return Path(target)


def _title(sheet, report: SopReport, office_name: str) -> None:
    sheet["A1"] = "Laporan Pelaksanaan SOP"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = office_name
    sheet["A3"] = (f"Periode {format_indonesian_date(report.start)} s.d. {format_indonesian_date(report.end)}; "
                   f"dibuat {format_indonesian_date(datetime.now().date())} pukul {datetime.now():%H.%M}")


def _header(sheet) -> None:
    for column, (title, _value, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=_HEADER_ROW, column=column, value=title)
        cell.font, cell.fill = _BOLD, _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(column)].width = width


def _write_row(sheet, row_number: int, row: MonthRow, bold: bool) -> None:
    for column, (_title, value, _width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=row_number, column=column, value=value(row))
        if column == len(COLUMNS):
            cell.number_format = "0.0%"
        if bold:
            cell.font = _BOLD
