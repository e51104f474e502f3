"""The steps a case went through, for the read-only case summary."""

from __future__ import annotations

from kpu_desk.engine import case_history
from kpu_desk.gui import wallclock
from kpu_desk.gui.formatting import run_state_label, short_datetime
from kpu_desk.gui.models.table_model import CENTER, Column, RowTableModel


class HistoryModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("No"), lambda h: h.step_no, align=CENTER),
            Column(self.tr("Kegiatan"), lambda h: " ".join(h.activity.split())),
            Column(self.tr("Keadaan"), run_state_label, status=True),
            Column(self.tr("Batas waktu"), lambda h: short_datetime(h.due_at)),
            Column(self.tr("Selesai"), lambda h: short_datetime(h.completed_at)),
            Column(self.tr("Oleh"), lambda h: h.completed_by_name or "—"),
            Column(self.tr("Pilihan"), lambda h: h.branch or "—"),
        ])

    def load(self, number: str) -> None:
        self.set_rows(case_history(number, now=wallclock.now()))
