"""Pengaturan → Hari libur kantor: the office's corrections to the national calendar."""

from __future__ import annotations

from kpu_desk.gui.formatting import short_date, weekday
from kpu_desk.gui.models.table_model import Column, RowTableModel
from kpu_desk.holiday_overrides import Override, list_overrides


class HolidaysModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Tanggal"), lambda o: short_date(o.day)),
            Column(self.tr("Hari"), lambda o: weekday(o.day)),
            Column(self.tr("Keterangan"), lambda o: o.name),
            Column(self.tr("Jenis"), lambda o: self.tr("Tetap hari kerja") if o.working else self.tr("Libur kantor")),
        ])

    def load(self, year: int) -> None:
        self.set_rows(list_overrides(year))

    def override_at(self, row: int) -> Override | None:
        return self.row_at(row)
