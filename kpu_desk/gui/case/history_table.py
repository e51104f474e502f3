"""The case's steps in the order they ran: who, when, which branch, and what was recorded (NIK masked)."""

from __future__ import annotations

from kpu_desk.engine import HistoryEntry
from kpu_desk.gui.case.value_text import form_summary
from kpu_desk.gui.formatting import run_state_label, short_datetime
from kpu_desk.gui.models.table_model import CENTER, Column, RowTableModel
from kpu_desk.sop.model import Sop


class CaseHistoryModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.sop: Sop | None = None
        # run id → (one line, in full): person names and file names are looked up once per load,
        # not on every repaint (a shared PostgreSQL server is a network trip away).
        self._summaries: dict[int, tuple[str, str]] = {}
        self.set_columns([
            Column(self.tr("No"), lambda h: h.step_no, align=CENTER),
            Column(self.tr("Kegiatan"), lambda h: " ".join(h.activity.split())),
            Column(self.tr("Keadaan"), run_state_label, status=True),
            Column(self.tr("Oleh, pada"), self._done_by),
            Column(self.tr("Pilihan"), lambda h: h.branch or "—"),
            Column(self.tr("Yang dicatat"), self._recorded, tooltip=self._recorded_in_full),
        ])

    def load(self, sop: Sop, entries) -> None:
        self.sop = sop
        self._summaries = {e.run_id: self._summarize(e) for e in entries if e.state == "done"}
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
        return self._summaries.get(entry.run_id, ("", ""))[0]

    def _recorded_in_full(self, entry: HistoryEntry) -> str:
        return self._summaries.get(entry.run_id, ("", ""))[1]

    def _summarize(self, entry: HistoryEntry) -> tuple[str, str]:
        step = self._step(entry.step_no)
        full = form_summary(step, entry.form, short=False)
        return form_summary(step, entry.form), "\n".join(full.split("; "))

    def _step(self, step_no: int):
        try:
            return self.sop.step(step_no) if self.sop else None
        except KeyError:
            return None
