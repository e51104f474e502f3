"""The buku tamu as a file: XLSX (openpyxl), CSV, or PDF (kpu_desk.printing.guestbook_pdf).

NIK and telephone are written as the caller's roles may see them (kpu_desk.privacy): masked
unless the user is reception or an administrator.

CSV: UTF-8 with a byte-order mark and ";" between fields. Excel on a Windows PC set to
Indonesian (id-ID) uses "," as the decimal mark and therefore ";" as its list separator, so it
opens such a file straight into columns (and the BOM makes it read the text as UTF-8, keeping
"é" and "—"); LibreOffice asks and detects ";" itself. A cell that starts with = + - @ gets a
leading apostrophe, so a name typed as a formula is never run by a spreadsheet; in the XLSX such
text is stored as a text cell, never as a formula.
Numbers in the CSV are plain text: Excel drops the leading 0 of a whole phone number and
rounds a whole NIK — use the XLSX export (text cells) when the whole numbers are needed.

Files go through kpu_desk.output_files: a cancelled or failed export, or a full disk, never
leaves half a file behind.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, Callable, Iterable

from kpu_desk.guestbook import GuestbookQuery, GuestRow, count_visits, iter_visits
from kpu_desk.output_files import write_output

Progress = Callable[[int, int], None]
FORMATS = ("xlsx", "csv", "pdf")
CSV_DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _stamp(value: datetime | None) -> str:
    return f"{value:%d-%m-%Y %H:%M}" if value else ""


def _ktp(row: GuestRow) -> str:
    if not row.ktp_held:
        return "tidak"
    return f"ya, baki {row.ktp_tray}" if row.ktp_tray else "ya"


# header, value, XLSX column width
COLUMNS: tuple[tuple[str, Callable[[GuestRow], object], int], ...] = (
    ("Masuk", lambda r: _stamp(r.checked_in_at), 17),
    ("Keluar", lambda r: _stamp(r.checked_out_at) or "masih di gedung", 17),
    ("Nomor pass", lambda r: r.pass_number, 15),
    ("Nomor kasus", lambda r: r.case_number, 15),
    ("Nama tamu", lambda r: r.name, 26),
    ("Asal", lambda r: r.origin, 10),
    ("Lembaga/instansi", lambda r: r.institution, 26),
    ("Jumlah orang", lambda r: r.group_size, 8),
    ("Jenis identitas", lambda r: r.identity_type, 10),
    ("NIK", lambda r: r.nik, 18),
    ("Telepon", lambda r: r.phone, 15),
    ("Bertemu dengan", lambda r: r.host, 22),
    ("Keperluan", lambda r: r.purpose, 40),
    ("KTP dititipkan", _ktp, 14),
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    people: int


def format_of(target: str | Path) -> str:
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"format berkas '{Path(target).suffix or '(tanpa akhiran)'}' tidak dikenal; "
                         "pilih .xlsx, .csv atau .pdf")
    return suffix


def period_text(query: GuestbookQuery) -> str:
    def day(value):
        return f"{value:%d-%m-%Y}" if value else "…"

    period = "semua tanggal" if not (query.date_from or query.date_until) else (
        f"{day(query.date_from)} s.d. {day(query.date_until)}")
    return f"{period}; pencarian: \u201c{query.text.strip()}\u201d" if query.text.strip() else period


def export_guestbook(query: GuestbookQuery, target: str | Path, roles: Iterable[str] | None = None,
                     office_name: str = "", progress: Progress | None = None) -> ExportResult:
    """Write the visits the query finds (newest first) to an .xlsx, .csv or .pdf file."""
    target = Path(target)
    kind = format_of(target)
    roles = frozenset(roles or ())
    total = count_visits(query, roles)
    counter = _Counter(iter_visits(query, roles), total, progress)
    if kind == "pdf":
        from kpu_desk.printing.guestbook_pdf import render_guestbook_pdf

        period = period_text(query)
        write_output(target, lambda stream: render_guestbook_pdf(counter, stream, office_name, period, total))
    elif kind == "xlsx":
        write_output(target, lambda stream: _write_xlsx(counter, stream, office_name, period_text(query)))
    else:
        write_output(target, lambda stream: _write_csv(counter, stream))
    return ExportResult(target, counter.done, counter.people)


class _Counter:
    """The rows, counted (visits and people) and reported as they are written."""

    def __init__(self, rows: Iterable[GuestRow], total: int, progress: Progress | None):
        self._rows, self.total, self._progress = rows, total, progress
        self.done = self.people = 0

    def __iter__(self):
        for row in self._rows:
            self.done += 1
            self.people += max(row.group_size, 1)
            if self._progress and (self.done % 200 == 0 or self.done == self.total):
                self._progress(self.done, self.total)
            yield row


# --- CSV ------------------------------------------------------------------------------------------


def csv_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_csv(rows: Iterable[GuestRow], stream: BinaryIO) -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=CSV_DELIMITER, quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["No"] + [title for title, _value, _width in COLUMNS])
    for number, row in enumerate(rows, start=1):
        writer.writerow([number] + [csv_cell(value(row)) for _title, value, _width in COLUMNS])
    text.flush()
    text.detach()  # the stream belongs to write_output


# --- XLSX -----------------------------------------------------------------------------------------


def _write_xlsx(rows: Iterable[GuestRow], stream: BinaryIO, office_name: str, period: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)  # rows stream out instead of living as cells; only the zipped file is held
    sheet = book.create_sheet("Buku Tamu")
    for column, (_title, _value, width) in enumerate((("No", None, 6), *COLUMNS), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "C5"
    bold = Font(bold=True)
    sheet.append([WriteOnlyCell(sheet, "Buku Tamu")])
    sheet.append([office_name])
    sheet.append([f"Periode {period}; dibuat {datetime.now():%d-%m-%Y %H:%M}"])
    header = []
    for title in ("No", *(title for title, _value, _width in COLUMNS)):
        cell = WriteOnlyCell(sheet, title)
        cell.font, cell.fill = bold, PatternFill("solid", fgColor="E8E8E8")
        header.append(cell)
    sheet.append(header)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *(_xlsx_value(sheet, value(row)) for _title, value, _width in COLUMNS)])
    book.save(stream)


def _xlsx_value(sheet, value: object) -> object:
    """The value as a cell; text that starts with "=" stays text (openpyxl would store a formula)."""
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet, value)
        cell.data_type = "s"
        return cell
    return value
