"""Meja Tamu: check a guest in (F2), scan a pass to check out, and the day's buku tamu.

A USB scanner types the pass code and Enter. Whatever has the focus on this page
(the list, a button), printable keys go to the scan field, so the clerk never has
to click it first. Enter shows the visit with where the KTP lies; one more Enter
records the check-out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLineEdit

from kpu_desk.engine import EngineError
from kpu_desk.frontdesk import CheckInResult, VisitView, check_out, find_visit
from kpu_desk.gui import wallclock
from kpu_desk.gui.formatting import clock, short_datetime
from kpu_desk.gui.models.visits_model import VisitsModel
from kpu_desk.gui.pages.base import Page, prepare_table
from kpu_desk.gui.widgets.field_errors import sentence


class VisitorsPage(Page):
    key = "visitors"
    form = "visitors.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = VisitsModel(self)
        self.shown_visit: VisitView | None = None
        self.checkin_dialog = None
        self.print_options: dict[str, Any] = {}  # print_pdf's seams (tests print to a PDF file)
        self.visitsView.setModel(self.model)
        prepare_table(self.visitsView, "visitors/visitsView",
                      {0: 95, 1: 120, 2: 165, 3: 160, 4: 145, 6: 145, 7: 140}, stretch=5)
        self.dayEdit.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        self.dayEdit.setDate(wallclock.qdate_today())
        self._connect()
        self._show_visit(None)
        for widget in (self, self.visitsView, self.checkInButton, self.buildingButton, self.guestBookButton,
                       self.insideCheck, self.todayButton, self.reprintButton, self.openCaseButton):
            widget.installEventFilter(self)

    def title(self) -> str:
        return self.tr("Meja Tamu")

    def reload(self) -> None:
        day: date = self.dayEdit.date().toPython()
        summary = self.model.load(day, inside_only=self.insideCheck.isChecked())
        earlier = self.model.earlier_inside()
        text = (self.tr("{0} tamu · {1} masih di gedung · {2} KTP dititipkan").format(
            summary.visits, summary.inside, summary.ktp_held) if summary.visits
            else self.tr("Belum ada tamu tercatat pada tanggal ini"))
        if earlier:
            held = sum(1 for visit in earlier if visit.ktp_held)
            text += self.tr(" · dari hari sebelumnya {0} belum tercatat keluar ({1} KTP)").format(len(earlier), held)
        self.summaryLabel.setText(text)

    # --- check-in ---------------------------------------------------------------------------

    def open_check_in(self):
        """The Tamu baru dialog (window-modal; returns it so tests can type into it)."""
        from kpu_desk.gui.visitors.checkin_dialog import CheckInDialog

        self.checkin_dialog = CheckInDialog(self.session, self)
        self.checkin_dialog.checked_in.connect(self._checked_in)
        self.checkin_dialog.finished.connect(lambda _code: self.scanEdit.setFocus())
        self.checkin_dialog.open()
        self.checkin_dialog.activateWindow()  # the clerk types at once, without a click
        return self.checkin_dialog

    def _checked_in(self, result: CheckInResult) -> None:
        # The pass first: the guest is waiting for it; the list can follow.
        if not result.admitted:
            message = self.tr("{0}: tamu tidak lolos cek kesehatan; kunjungan dicatat dan dibatalkan, "
                              "pass tidak dicetak.").format(result.case_number)
        else:
            message = self.tr("Tamu terdaftar: {0}").format(result.pass_number) + self._print_new_pass(result)
        self.status_message.emit(message)
        self.data_changed.emit()
        QTimer.singleShot(0, self.refresh)  # after the dialog has closed: the clerk need not wait for it

    def _print_new_pass(self, result: CheckInResult) -> str:
        if self.checkin_dialog is None or not self.checkin_dialog.print_requested():
            return ""
        from kpu_desk.gui.visitors.pass_printing import print_pass  # Qt's printing on first use

        outcome = print_pass(result.case_number, self, **self.print_options)
        return self.tr(", pass dicetak") if outcome.done else self.tr(", pass belum dicetak")

    # --- check-out --------------------------------------------------------------------------

    def scan(self, text: str | None = None) -> VisitView | None:
        """Look up what was scanned or typed; show the visit, or say why not."""
        text = self.scanEdit.text() if text is None else text
        try:
            visit = find_visit(text)
        except EngineError as exc:
            self._refuse(exc.message)
            return None
        self._show_visit(visit)
        self.scanEdit.clear()
        if visit.inside:
            self.checkOutButton.setFocus()
        return visit

    def check_out_shown(self) -> None:
        visit = self.shown_visit
        if visit is None or not visit.inside:
            return
        try:
            closed = check_out(visit.visit_id, self.session.user)
        except EngineError as exc:
            self._refuse(exc.message)
            return
        self._show_visit(closed)
        self.data_changed.emit()
        self.refresh()
        self.status_message.emit(self.tr("{0} keluar pukul {1}").format(closed.pass_number, clock(closed.checked_out_at)))
        self.scanEdit.setFocus()

    def _refuse(self, message: str) -> None:
        QApplication.beep()
        self._show_visit(None)
        self.scanMessage.setText(self.tr("Ditolak: {0}").format(sentence(message)))
        self.scanMessage.setVisible(True)
        self.scanEdit.selectAll()
        self.scanEdit.setFocus()

    def _show_visit(self, visit: VisitView | None) -> None:
        self.shown_visit = visit
        self.visitPanel.setVisible(visit is not None)
        self.scanMessage.setVisible(False)  # shown again only by a refusal
        if visit is None:
            return
        group = self.tr(" (rombongan {0} orang)").format(visit.group_size) if visit.group_size > 1 else ""
        self.guestLabel.setText(f"{visit.guest_name}{group} — {visit.pass_number}")
        self.detailLabel.setText(self.tr("{0} · menemui {1} · masuk {2}").format(
            visit.institution or self.tr("pribadi"), visit.host or "—", short_datetime(visit.checked_in_at)))
        self.decisionLabel.setText(self.tr("Keputusan pimpinan: {0}").format(
            visit.decision or self.tr("belum ada")))
        self.ktpLabel.setText(self._ktp_text(visit))
        self.checkOutButton.setEnabled(visit.inside)

    def _ktp_text(self, visit: VisitView) -> str:
        if not visit.inside:
            return self.tr("Sudah keluar pukul {0}.").format(short_datetime(visit.checked_out_at))
        if not visit.ktp_held:
            return self.tr("Tidak ada identitas yang dititipkan.")
        if visit.ktp_tray:
            return self.tr("Kembalikan KTP dari baki {0}.").format(visit.ktp_tray)
        return self.tr("Kembalikan KTP yang dititipkan di meja.")

    def _reprint(self) -> None:
        from kpu_desk.gui.visitors.pass_printing import reprint_pass

        number = self._chosen_number()
        if number:
            reprint_pass(number, self, **self.print_options)

    def _chosen_number(self) -> str:
        if self.shown_visit is not None:
            return self.shown_visit.case_number
        row = self.model.row_at(self.visitsView.currentIndex())
        return row.case_number if row is not None else ""

    # --- the scanner types anywhere on the page ----------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and _printable(event) and not isinstance(watched, QLineEdit):
            self.scanEdit.setFocus()
            self.scanEdit.insert(event.text())
            return True
        return super().eventFilter(watched, event)

    # --- wiring -----------------------------------------------------------------------------

    def _connect(self) -> None:
        self.dayEdit.dateChanged.connect(lambda _day: self.refresh())
        self.insideCheck.toggled.connect(lambda _on: self.refresh())
        self.todayButton.clicked.connect(lambda: self.dayEdit.setDate(wallclock.qdate_today()))
        self.visitsView.activated.connect(self._open)  # double-click or Enter
        self.checkInButton.clicked.connect(self.open_check_in)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.open_check_in,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.scanEdit.returnPressed.connect(lambda: self.scan())
        self.checkOutButton.clicked.connect(self.check_out_shown)
        self.reprintButton.clicked.connect(self._reprint)
        self.openCaseButton.clicked.connect(
            lambda: self.shown_visit and self.case_requested.emit(self.shown_visit.case_number))
        self.buildingButton.clicked.connect(self.open_building)
        self.guestBookButton.clicked.connect(self.open_guest_book)

    def open_building(self):
        from kpu_desk.gui.visitors.building_panel import BuildingDialog

        dialog = BuildingDialog(self.session, self)
        dialog.open()
        return dialog

    def open_guest_book(self):
        from kpu_desk.gui.visitors.guestbook_dialog import GuestbookDialog

        dialog = GuestbookDialog(self.session, self)
        dialog.show()
        return dialog

    def _open(self, index) -> None:
        visit = self.model.row_at(index)
        if visit is not None:
            self.case_requested.emit(visit.case_number)


def _printable(event) -> bool:
    text = event.text()
    plain = not event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    return plain and len(text) == 1 and text.isprintable() and not text.isspace()
