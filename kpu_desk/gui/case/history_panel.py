"""The Riwayat tab: the step runs in a table; the one selected shows what it recorded below."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kpu_desk.gui.case.case_data import CaseData
from kpu_desk.gui.case.history_table import CaseHistoryModel
from kpu_desk.gui.case.recorded_view import RecordedView
from kpu_desk.gui.pages.base import prepare_table

COLUMN_WIDTHS = {0: 34, 1: 165, 2: 100, 3: 180, 4: 110}  # "Yang dicatat" takes the rest


class HistoryPanel(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.data: CaseData | None = None
        self.model = CaseHistoryModel(self)
        self.w.historyView.setModel(self.model)
        prepare_table(self.w.historyView, "case_window/historyView", COLUMN_WIDTHS, stretch=5)
        self.recorded = RecordedView(self.w.recordedHost)
        self.w.recordedLayout.addWidget(self.recorded)
        self.w.historySplitter.setSizes([260, 240])
        self.w.historyView.selectionModel().currentRowChanged.connect(lambda current, _old: self._show(current.row()))
        self.w.historyView.activated.connect(lambda index: self._show(index.row()))

    def show(self, data: CaseData) -> None:
        shown = self.recorded.entry.run_id if self.recorded.entry else None
        self.data = data
        self.model.load(data.sop, data.history)
        rows = [i for i, entry in enumerate(data.history) if entry.run_id == shown]
        if rows:
            self.w.historyView.selectRow(rows[0])
        else:
            self.recorded.show_nothing()

    def show_step(self, step_no: int) -> bool:
        """Select the step's latest run and show what it recorded; False when the case never reached it."""
        row = self.model.row_of_step(step_no)
        if row < 0:
            return False
        self.w.historyView.selectRow(row)
        self._show(row)
        return True

    def _show(self, row: int) -> None:
        entry = self.model.row_at(row)
        if entry is not None and self.data is not None:
            self.recorded.show_entry(self.data.sop, entry)
