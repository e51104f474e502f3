"""The case's steps in the order they ran: who, when, which branch, and what was recorded (NIK masked)."""

from __future__ import annotations

from kpu_desk.engine import HistoryEntry
from kpu_desk.gui.case.value_text import form_summary
from kpu_desk.gui.formatting import short_datetime
from kpu_desk.gui.models.table_model import CENTER, Column, RowTableModel
from kpu_desk.sop.model import Sop


class CaseHistoryModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sop: Sop | None = None
        self.set_columns([
            Column(self.tr("No"), lambda h: h.step_no, align=CENTER),
            Column(self.tr("Kegiatan"), lambda h: " ".join(h.activity.split())),
            Column(self.tr("Keadaan"), self._state, status=True),
            Column(self.tr("Oleh, pada"), self._done_by),
            Column(self.tr("Pilihan"), lambda h: h.branch or "—"),
            Column(self.tr("Yang dicatat"), self._recorded, tooltip=self._recorded_in_full),
        ])

    def load(self, sop: Sop, entries) -> None:
        self.sop = sop
        self.set_rows(entries)

    def row_of_step(self, step_no: int) -> int:
        """The latest run of the step (a loop may pass a step twice), or -1."""
        rows = [i for i, entry in enumerate(self.rows()) if entry.step_no == step_no]
        return rows[-1] if rows else -1

    def is_emphasised(self, row: HistoryEntry) -> bool:
        return row.state == "open"

    def _done_by(self, entry: HistoryEntry) -> str:
        if entry.state != "done":
            return "—"
        who = entry.completed_by_name or entry.completed_by or self.tr("(tanpa nama)")
        return f"{who}, {short_datetime(entry.completed_at)}"

    def _recorded(self, entry: HistoryEntry) -> str:
        if entry.state != "done":
            return ""
        step = self._step(entry.step_no)
        return form_summary(step, entry.form)

    def _recorded_in_full(self, entry: HistoryEntry) -> str:
        if entry.state != "done":
            return ""
        return "\n".join(form_summary(self._step(entry.step_no), entry.form, short=False).split("; "))

    def _step(self, step_no: int):
        try:
            return self.sop.step(step_no) if self.sop else None
        except KeyError:
            return None

    def _state(self, entry: HistoryEntry) -> str:
        if entry.state == "open":
            return self.tr("Terbuka, terlambat") if entry.overdue else self.tr("Terbuka")
        if entry.state == "done":
            late = entry.due_at is not None and entry.completed_at is not None and entry.completed_at > entry.due_at
            return self.tr("Selesai, terlambat") if late else self.tr("Selesai")
        return self.tr("Dibatalkan")
