"""The case window: the case on its bagan alur, the open step's form, the history and the files.

One window per case (kpu_desk.gui.case.open_case_window). Everything shown is
read again after every change this window makes, and on F5; the main window's
poll of the shared database tells the lists, and "Muat ulang" tells this window.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QSettings, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QWidget

from kpu_desk.gui import geometry, messages
from kpu_desk.gui.case.case_actions import case_actions
from kpu_desk.gui.case.case_data import CaseData, current_version, load_case, what_changed
from kpu_desk.gui.case.chart_slot import make_chart_view, marks_of
from kpu_desk.gui.case.files_panel import FilesPanel
from kpu_desk.gui.case.header_texts import due_text, sop_text, state_text
from kpu_desk.gui.case.history_panel import HistoryPanel
from kpu_desk.gui.case.lifecycle_actions import CaseLifecycle
from kpu_desk.gui.case.look import CASE_WINDOW_STYLE
from kpu_desk.gui.case.open_step import OpenStep
from kpu_desk.accounts.permissions import Permissions, permissions_for
from kpu_desk.gui.case.sop_print import SopPrinter
from kpu_desk.gui.forms import context as form_context
from kpu_desk.gui.forms.context import FileChooser
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui
from kpu_desk.privacy import sees_personal_data

SPLITTER_KEY = "case_window/splitter"
DEFAULT_SIZE = QSize(1280, 720)  # shrunk to the screen by place_window
CHART_SHARE = 0.45  # of the window's width, until the clerk moves the splitter


class CaseWindow(QMainWindow):
    changed = Signal()  # this window wrote something: lists elsewhere may re-read
    closed = Signal()

    def __init__(self, number: str, session: Session, parent: QWidget | None = None,
                 choose_file: FileChooser | None = None, open_url: Callable[[QUrl], bool] | None = None):
        super().__init__(parent)
        # Looked up now, not at import: tests (and a scanner integration) put their own in.
        choose_file = choose_file or form_context.dialog_file_chooser
        open_url = open_url or QDesktopServices.openUrl
        load_ui("case_window.ui", self)
        self.setStyleSheet(CASE_WINDOW_STYLE)
        self.number, self.session = number, session
        self.data: CaseData | None = None
        self.permissions: Permissions | None = None
        self.chart = None
        self.open_step = OpenStep(self, session, choose_file)
        self.history = HistoryPanel(self)
        self.files = FilesPanel(self, open_url)
        self.lifecycle = CaseLifecycle(self, session)
        self.printer = SopPrinter(self, open_url)
        self._add_receipt_action()
        self._connect()
        self.reload()
        self._restore_layout()
        if self.open_step.may_complete and self.open_step.form is not None:
            QTimer.singleShot(0, self.open_step.form.focus_first)  # the desk types at once

    # --- reading the case ---------------------------------------------------------------------

    def reload(self) -> None:
        self.data = data = load_case(self.number, reveal_nik=sees_personal_data(self.session.roles))
        self.number = self.lifecycle.number = data.number
        self.permissions = permissions_for(self.session.user, data.sop, data.open_step)
        self._show_header(data)
        self._show_chart(data)
        self.open_step.show(data, self.permissions)
        self.history.show(data)
        self.files.show(data)
        self._enable_actions(data)

    def _show_header(self, data: CaseData) -> None:
        self.setWindowTitle(self.tr("{0} — Kasus — KPU Desk").format(data.number))
        self.numberLabel.setText(data.number)
        self.stateLabel.setText(state_text(data))
        self.stateLabel.setProperty("state", data.state)
        self.titleLabel.setText(data.summary.title)
        self.titleLabel.setToolTip(data.summary.title)
        self.dueLabel.setText(due_text(data))
        self.dueLabel.setProperty("role", "due")
        self.dueLabel.setProperty("late", data.summary.overdue)
        self.sopLabel.setText(sop_text(data))
        for label in (self.stateLabel, self.dueLabel):
            label.style().unpolish(label)
            label.style().polish(label)

    def _show_chart(self, data: CaseData) -> None:
        marks = marks_of(data)
        if self.chart is None:
            self.chart = make_chart_view(data.sop, marks, self.chartPanel)
            self.chartLayout.addWidget(self.chart, 1)
            self.chart.step_activated.connect(self.show_step)
            self.chart.step_focused.connect(self._step_focused)
            self.zoomInButton.clicked.connect(self.chart.zoom_in)
            self.zoomOutButton.clicked.connect(self.chart.zoom_out)
            self.fitButton.clicked.connect(self.chart.fit_width)
            QTimer.singleShot(0, self.chart.fit_width)
        else:
            self.chart.show_case(marks)

    def _enable_actions(self, data: CaseData) -> None:
        allowed = case_actions(data, self.permissions.manage)
        for action, on in ((self.actionExtend, allowed.extend), (self.actionCancel, allowed.cancel),
                           (self.actionReopen, allowed.reopen), (self.actionWait, allowed.wait),
                           (self.actionResume, allowed.resume)):
            action.setEnabled(on)
            # Cancelling is shown (greyed when not the clerk's to do) while the case runs, so it is found.
            action.setVisible(on or (action is self.actionCancel and data.state in ("open", "waiting")))
        self.actionReceipt.setVisible(allowed.receipt)

    # --- what the clerk does ------------------------------------------------------------------

    def show_step(self, step_no: int) -> None:
        """A step activated on the chart: the open one's form, or what a done one recorded."""
        step = self.data.open_step if self.data else None
        if step is not None and step.no == step_no:
            self.tabs.setCurrentWidget(self.openStepTab)
            if self.open_step.form is not None:
                self.open_step.form.focus_first()
            return
        if self.history.show_step(step_no):
            self.tabs.setCurrentWidget(self.historyTab)
        else:
            self.statusBar().showMessage(self.tr("Kasus ini belum (atau tidak) melalui langkah {0}.").format(step_no),
                                         8000)

    def _step_focused(self, step_no: int) -> None:
        # A click (or arrow key) on the chart follows in the history when it is on screen; no tab switch.
        if self.tabs.currentWidget() is self.historyTab:
            self.history.show_step(step_no)

    def changed_elsewhere(self) -> None:
        """Another workstation changed something: reload, unless that would throw away what is typed."""
        if not self.isVisible() or self.data is None or self.chart is None:
            return
        version = current_version(self.data.case_id)
        if version == self.data.row_version:
            return
        if self.open_step.has_typed():
            self.open_step.show_conflict(what_changed(self.data.number, self.data.row_version))
        else:
            self.reload()

    def _step_completed(self, outcome) -> None:
        step_no = outcome.completed.step_no
        self.reload()
        if outcome.done:
            text = self.tr("Langkah {0} selesai. Kasus selesai.").format(step_no)
        else:
            text = self.tr("Langkah {0} selesai. Berikutnya: langkah {1}.").format(step_no, outcome.next_run.step_no)
        self._after_change(text)
        if self.open_step.may_complete and self.open_step.form is not None:
            self.open_step.form.focus_first()

    def _after_change(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)
        self.changed.emit()

    def _lifecycle_changed(self, text: str) -> None:
        self.reload()
        self._after_change(text)

    def _add_receipt_action(self) -> None:
        self.actionReceipt = QAction(self.tr("Cetak tanda &bukti"), self)
        self.actionReceipt.setToolTip(self.tr("Tanda bukti untuk pemohon/pengadu, dengan nomor pendaftaran"))
        self.toolBar.insertAction(self.actionReload, self.actionReceipt)
        self.menuCase.insertAction(self.actionReload, self.actionReceipt)
        self.receipt_options: dict = {}  # handed to the preview (tests: choose_path)
        self.receipt_preview = None

    def print_receipt(self) -> None:
        from kpu_desk.engine import EngineError
        from kpu_desk.gui.letters.receipt_print import preview_receipt

        try:
            self.receipt_preview = preview_receipt(self.data.number, self, **self.receipt_options)
        except EngineError as exc:
            messages.show_error(self, self.tr("Tanda bukti tidak dapat dibuat"), exc.message)

    def print_sop(self) -> None:
        self.statusBar().showMessage(self.tr("Menyiapkan dokumen SOP…"))
        self.printer.print_sop(self.data.sop)

    # --- wiring and closing --------------------------------------------------------------------

    def _connect(self) -> None:
        self.open_step.completed.connect(self._step_completed)
        self.open_step.reload_requested.connect(self.reload)
        self.lifecycle.changed.connect(self._lifecycle_changed)
        self.actionExtend.triggered.connect(self.lifecycle.ask_extend)
        self.actionCancel.triggered.connect(self.lifecycle.ask_cancel)
        self.actionReopen.triggered.connect(self.lifecycle.ask_reopen)
        self.actionWait.triggered.connect(self.lifecycle.ask_wait)
        self.actionResume.triggered.connect(self.lifecycle.resume)
        self.actionPrint.triggered.connect(self.print_sop)
        self.actionReceipt.triggered.connect(self.print_receipt)
        self.actionReload.triggered.connect(self.reload)
        self.actionClose.triggered.connect(self.close)
        self.printer.opened.connect(lambda path: self.statusBar().showMessage(
            self.tr("Dokumen SOP dibuka: {0}").format(path), 15000))
        self.printer.failed.connect(lambda text: messages.show_error(self, self.tr("Dokumen SOP tidak dapat dibuat"),
                                                                      text))

    def _restore_layout(self) -> None:
        geometry.place_window(self, "case_window", DEFAULT_SIZE)
        state = QSettings().value(SPLITTER_KEY)
        if state is None or not self.splitter.restoreState(state):
            width = self.width()
            self.splitter.setSizes([int(width * CHART_SHARE), width - int(width * CHART_SHARE)])

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.centralWidget() is not None:
            self._save_layout()
            self._release()
        super().closeEvent(event)
        self.closed.emit()

    def _save_layout(self) -> None:
        geometry.save_window(self, "case_window")
        QSettings().setValue(SPLITTER_KEY, self.splitter.saveState())
        geometry.save_columns(self.historyView, "case_window/historyView")
        geometry.save_columns(self.filesView, "case_window/filesView")

    def _release(self) -> None:
        """Free the chart and the forms of a closed window; the empty frame stays with its parent.

        Reopening a case builds a new window. Deleting the contents with deleteLater
        (on this thread, by Qt) rather than unparenting the window keeps its
        destruction away from Python's garbage collector, which may run on a
        worker thread where destroying a widget crashes.
        """
        central = self.takeCentralWidget()
        central.hide()
        central.deleteLater()
        self.chart = None
