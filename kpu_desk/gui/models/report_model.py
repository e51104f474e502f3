"""Laporan: one row per SOP and month, and a total row."""

from __future__ import annotations

from kpu_desk.gui.models.table_model import RIGHT, Column, RowTableModel
from kpu_desk.reports import MonthRow, SopReport, month_label


class ReportModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._labels: dict[str, str] = {}
        count = lambda title, attribute: Column(title, lambda r: getattr(r, attribute), align=RIGHT)  # noqa: E731
        self.set_columns([  # two-line titles: eleven columns fit a 1366-pixel screen
            Column(self.tr("Layanan"), lambda r: self._labels.get(r.sop_id, r.sop_name),
                   tooltip=lambda r: r.sop_name),
            Column(self.tr("Bulan"), lambda r: month_label(r.month) if r.month else ""),
            count(self.tr("Kasus\nbaru"), "cases_started"),
            count(self.tr("Selesai"), "cases_done"),
            count(self.tr("Berjalan"), "cases_active"),
            count(self.tr("Dibatal-\nkan"), "cases_cancelled"),
            count(self.tr("Langkah\nselesai"), "steps_done"),
            count(self.tr("Tepat\nwaktu"), "steps_on_time"),
            count(self.tr("Terlambat"), "steps_late"),
            count(self.tr("Tanpa\nstandar waktu"), "steps_untimed"),
            Column(self.tr("%\ntepat waktu"), self._percent, align=RIGHT),
        ])

    def load(self, report: SopReport, labels: dict[str, str]) -> None:
        self._labels = dict(labels)
        rows = sorted(report.rows, key=lambda r: (self._labels.get(r.sop_id, r.sop_name), r.month))
        self.set_rows([*rows, report.total] if rows else [])

    def is_emphasised(self, row: MonthRow) -> bool:
        return not row.sop_id  # the total

    def _percent(self, row: MonthRow) -> str:
        share = row.on_time_percent
        return "—" if share is None else f"{share:.1f}".replace(".", ",") + " %"
