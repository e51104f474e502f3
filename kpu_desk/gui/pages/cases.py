"""Layanan: every case, filtered by SOP, state, start date and overdue, searched by number, name or subject."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTimer

from kpu_desk import sop_catalog
from kpu_desk.gui import wallclock
from kpu_desk.gui.formatting import state_label
from kpu_desk.gui.models.cases_model import CaseFilter, CasesModel
from kpu_desk.gui.pages.base import Page, fill_sop_combo, prepare_table

SEARCH_PAUSE_MS = 300  # wait for the clerk to stop typing before asking the database


class CasesPage(Page):
    key = "cases"
    form = "cases.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = CasesModel(self)
        self.casesView.setModel(self.model)
        prepare_table(self.casesView, "cases/casesView", {0: 125, 1: 168, 3: 175, 4: 222, 5: 110, 6: 110}, stretch=2)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._fill_states()
        self._reset_dates()
        self._connect()

    def title(self) -> str:
        return self.tr("Layanan")

    def reload(self) -> None:
        if self.sopCombo.count() == 0 or self.stale_sops():
            self._fill_sops()
        self.model.set_filter(self.current_filter())

    def refresh_in_place(self) -> None:
        """Another workstation changed something: re-read what is shown, keep the selection."""
        selected = self._selected_number()
        self.model.refresh()
        self._select(selected)

    def current_filter(self) -> CaseFilter:
        dated = self.dateCheck.isChecked()
        return CaseFilter(
            sop_id=self.sopCombo.currentData() or None,
            state=self.stateCombo.currentData() or None,
            overdue_only=self.overdueCheck.isChecked(),
            search=self.searchEdit.text(),
            started_from=self.fromDate.date().toPython() if dated else None,
            started_until=self.untilDate.date().toPython() if dated else None,
        )

    def stale_sops(self) -> bool:
        return self.sopCombo.count() - 1 != len(sop_catalog.labels())

    # --- wiring ---------------------------------------------------------------------------

    def _connect(self) -> None:
        for combo in (self.sopCombo, self.stateCombo):
            combo.currentIndexChanged.connect(self._filter_changed)
        for check in (self.overdueCheck, self.dateCheck):
            check.toggled.connect(self._filter_changed)
        for edit in (self.fromDate, self.untilDate):
            edit.dateChanged.connect(self._dates_changed)
        self.dateCheck.toggled.connect(self._enable_dates)
        self.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._filter_changed)
        self.resetButton.clicked.connect(self.reset_filters)
        self.model.loaded.connect(self._summarize)
        self.casesView.activated.connect(lambda index: self._open(index.row()))  # double-click or Enter
        self.openButton.clicked.connect(lambda: self._open(self.casesView.currentIndex().row()))
        self._enable_dates(False)

    def reset_filters(self) -> None:
        for widget in (self.sopCombo, self.stateCombo, self.overdueCheck, self.dateCheck, self.searchEdit):
            widget.blockSignals(True)
        self.sopCombo.setCurrentIndex(0)
        self.stateCombo.setCurrentIndex(0)
        self.overdueCheck.setChecked(False)
        self.dateCheck.setChecked(False)
        self.searchEdit.clear()
        for widget in (self.sopCombo, self.stateCombo, self.overdueCheck, self.dateCheck, self.searchEdit):
            widget.blockSignals(False)
        self._enable_dates(False)
        self._filter_changed()

    def _filter_changed(self, *_args) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self.casesView.scrollToTop()

    def _dates_changed(self, *_args) -> None:
        if self.dateCheck.isChecked():
            self._filter_changed()

    def _enable_dates(self, enabled: bool) -> None:
        for widget in (self.fromDate, self.untilDate, self.untilCaption):
            widget.setEnabled(enabled)

    def _fill_sops(self) -> None:
        fill_sop_combo(self.sopCombo, self.tr("Semua layanan"))

    def _fill_states(self) -> None:
        self.stateCombo.addItem(self.tr("Semua status"), "")
        for state in ("open", "waiting", "done", "cancelled"):
            self.stateCombo.addItem(state_label(state), state)

    def _reset_dates(self) -> None:
        today = wallclock.today()
        self.fromDate.setDate(QDate(today.year, today.month, 1))
        self.untilDate.setDate(QDate(today.year, today.month, today.day))

    def _summarize(self, count: int) -> None:
        more = self.tr("; gulir ke bawah untuk memuat lagi") if self.model.has_more() else ""
        self.summaryLabel.setText(self.tr("{0} kasus ditampilkan{1}").format(count, more) if count
                                  else self.tr("Tidak ada kasus yang cocok dengan saringan ini"))
        self.openButton.setEnabled(count > 0)

    # --- selection ------------------------------------------------------------------------

    def _open(self, row: int) -> None:
        case = self.model.row_at(row)
        if case is not None:
            self.case_requested.emit(case.number)

    def _selected_number(self) -> str | None:
        case = self.model.row_at(self.casesView.currentIndex())
        return case.number if case else None

    def _select(self, number: str | None) -> None:
        for row, case in enumerate(self.model.rows()):
            if case.number == number:
                self.casesView.selectRow(row)
                return
