"""Meja Tamu: the day's guest book, guests still in the building in bold."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QFont

from kpu_desk.guestbook import DaySummary, GuestRow, still_inside, summarize, visits_on
from kpu_desk.gui import wallclock
from kpu_desk.gui.formatting import clock, short_datetime
from kpu_desk.gui.models.table_model import Column, RowTableModel


class VisitsModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._day = wallclock.today()
        self._all: list[GuestRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self.set_columns([
            Column(self.tr("Masuk"), self._in),
            Column(self.tr("Nomor"), lambda v: v.pass_number),
            Column(self.tr("Nama tamu"), lambda v: v.name),
            Column(self.tr("Instansi"), lambda v: v.institution or "—"),
            Column(self.tr("Bertemu dengan"), lambda v: v.host or "—"),
            Column(self.tr("Keperluan"), lambda v: v.purpose or "—"),
            Column(self.tr("KTP"), self._ktp),
            Column(self.tr("Keluar"), self._out),
        ])

    def load(self, day: date, inside_only: bool = False) -> DaySummary:
        """The day's guest book; inside_only: everyone not checked out by then, earlier days included."""
        self._day = day
        self._all = visits_on(day)
        self.set_rows(still_inside(day) if inside_only else self._all)
        return summarize(self._all)

    def earlier_inside(self) -> list[GuestRow]:
        return [v for v in still_inside(self._day) if v.checked_in_at.date() < self._day]

    def _in(self, visit: GuestRow) -> str:
        same_day = visit.checked_in_at.date() == self._day
        return clock(visit.checked_in_at) if same_day else short_datetime(visit.checked_in_at)

    def _font(self, row: GuestRow, column):
        # Only the "Keluar" cell stands out: on a busy morning every row is someone still inside.
        return self._bold if column is self._columns[-1] and row.inside else None

    def _ktp(self, visit: GuestRow) -> str:
        if not visit.ktp_held:
            return "—"
        where = self.tr("baki {0}").format(visit.ktp_tray) if visit.ktp_tray else self.tr("di meja")
        return self.tr("Dititipkan, {0}").format(where) if visit.inside else self.tr("Dikembalikan")

    def _out(self, visit: GuestRow) -> str:
        return self.tr("Masih di gedung") if visit.inside else clock(visit.checked_out_at)
