"""A read-only summary of one case: where it stands and the steps it went through.

What the main window shows when a case is opened and no case window is
installed (see kpu_desk.gui.case_opener).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk import sop_catalog
from kpu_desk.engine import case_summary
from kpu_desk.gui import geometry, wallclock
from kpu_desk.gui.formatting import short_datetime, state_label, time_left
from kpu_desk.gui.models.history_model import HistoryModel
from kpu_desk.gui.pages.base import prepare_table
from kpu_desk.gui.uiload import load_ui


class CaseSummaryDialog(QDialog):
    def __init__(self, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("case_summary.ui", self)
        self.number = number
        self.history = HistoryModel(self)
        self.historyView.setModel(self.history)
        prepare_table(self.historyView, "case_summary/historyView", {0: 40, 2: 175, 3: 105, 4: 105, 5: 150, 6: 110},
                      stretch=1)
        self.historyView.setWordWrap(True)  # a few rows: the whole activity, as the SOP words it
        self.closeButton.clicked.connect(self.accept)
        self.reload()
        geometry.restore_window(self, "case_summary")

    def reload(self) -> None:
        now = wallclock.now()
        summary = case_summary(self.number, now=now)
        self.setWindowTitle(self.tr("Kasus {0}").format(summary.number))
        self.titleLabel.setText(f"{summary.number} — {summary.title}" if summary.title else summary.number)
        self.sopValue.setText(sop_catalog.labels().get(summary.sop_id, summary.sop_id)
                              + self.tr(" (SOP versi {0})").format(summary.sop_version))
        late = self.tr(", terlambat") if summary.overdue else ""
        self.stateValue.setText(state_label(summary.state) + late)
        self.dueValue.setText(f"{short_datetime(summary.due)} ({time_left(summary.due, now)})" if summary.due else "—")
        self.startedValue.setText(short_datetime(summary.started_at))
        self.history.load(self.number)
        self.historyView.resizeRowsToContents()

    def done(self, result: int) -> None:
        geometry.save_window(self, "case_summary")
        super().done(result)
