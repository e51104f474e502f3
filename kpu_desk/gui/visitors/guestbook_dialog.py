"""Buku Tamu: search every visit of the office, filter by date, export to XLSX, CSV or PDF.

    dialog = GuestbookDialog(session, parent)   # non-modal; show() it, or exec() it
    dialog.case_requested.connect(open_case)    # double-click / Enter on a visit: its case number

NIK and telephone are shown and exported as the signed-in user's roles may see them
(kpu_desk.privacy). The date range starts at the last twelve months, which keeps a search fast
on ten years of guests; "Semua tanggal" searches everything. Exports run in the background
with a progress bar and a cancel button.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton,
    QTableView, QVBoxLayout, QWidget,
)

from kpu_desk.guestbook import GuestbookQuery
from kpu_desk.gui import geometry, wallclock
from kpu_desk.gui.file_dialogs import ask_save_file
from kpu_desk.gui.models.guestbook_model import GuestbookModel
from kpu_desk.gui.operations import Operation
from kpu_desk.gui.pages.base import prepare_table
from kpu_desk.gui.session import Session
from kpu_desk.privacy import sees_personal_data

SEARCH_DELAY_MS = 300
DEFAULT_DAYS = 365
_FILTERS = {"xlsx": "Buku kerja Excel (*.xlsx)", "csv": "CSV untuk Excel (*.csv)", "pdf": "PDF (*.pdf)"}


class GuestbookDialog(QDialog):
    case_requested = Signal(str)
    exported = Signal(str)  # the file written

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Buku Tamu"))
        self.setModal(False)
        self.resize(1200, 640)
        self.model = GuestbookModel(session.roles, self)
        self.export_operation: Operation | None = None
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self._build()
        self._connect()
        geometry.fit_on_screen(self)
        self.reload()

    # --- the window ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._filter_row())
        self.table = QTableView(self)
        self.table.setObjectName("guestbookView")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Daftar kunjungan"))
        prepare_table(self.table, "visitors/guestbookView",
                      {0: 120, 1: 125, 2: 130, 3: 170, 4: 170, 5: 45, 6: 135, 7: 110, 8: 140}, stretch=9)
        layout.addWidget(self.table, 1)
        self.statusLabel = QLabel(self)
        self.privacyLabel = QLabel(self)
        self.privacyLabel.setProperty("role", "hint")
        if not sees_personal_data(self.session.roles):
            self.privacyLabel.setText(self.tr("NIK dan nomor telepon disamarkan sesuai peran Anda."))
        status = QHBoxLayout()
        status.addWidget(self.statusLabel, 1)
        status.addWidget(self.privacyLabel)
        layout.addLayout(status)
        layout.addLayout(self._export_row())

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        caption = QLabel(self.tr("&Cari"), self)
        self.searchEdit = QLineEdit(self)
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.setPlaceholderText(self.tr("nama, instansi, nomor pass/kasus, yang ditemui, keperluan"))
        self.searchEdit.setAccessibleName(self.tr("Cari di buku tamu"))
        caption.setBuddy(self.searchEdit)
        indonesian = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
        self.fromEdit, self.untilEdit = QDateEdit(self), QDateEdit(self)
        for edit, name in ((self.fromEdit, self.tr("Dari tanggal")), (self.untilEdit, self.tr("Sampai tanggal"))):
            edit.setCalendarPopup(True)
            edit.setLocale(indonesian)
            edit.setDisplayFormat("dd-MM-yyyy")
            edit.setAccessibleName(name)
        today = wallclock.qdate_today()
        self.fromEdit.setDate(today.addDays(-DEFAULT_DAYS))
        self.untilEdit.setDate(today)
        self.allDatesCheck = QCheckBox(self.tr("&Semua tanggal"), self)
        from_caption = QLabel(self.tr("&Dari"), self)
        from_caption.setBuddy(self.fromEdit)
        for widget in (caption, self.searchEdit, from_caption, self.fromEdit, QLabel(self.tr("s.d."), self),
                       self.untilEdit, self.allDatesCheck):
            row.addWidget(widget, 3 if widget is self.searchEdit else 0)
        return row

    def _export_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.exportButtons = {}
        for kind, text in (("xlsx", self.tr("Ekspor &XLSX…")), ("csv", self.tr("Ekspor C&SV…")),
                           ("pdf", self.tr("Ekspor &PDF…"))):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _checked=False, k=kind: self.ask_export(k))
            self.exportButtons[kind] = button
            row.addWidget(button)
        self.progressBar = QProgressBar(self)
        self.progressBar.hide()
        self.cancelButton = QPushButton(self.tr("&Batalkan ekspor"), self)
        self.cancelButton.hide()
        self.cancelButton.clicked.connect(self.cancel_export)
        self.exportLabel = QLabel(self)
        self.exportLabel.setWordWrap(True)
        self.closeButton = QPushButton(self.tr("&Tutup"), self)
        self.closeButton.clicked.connect(self.close)
        row.addWidget(self.progressBar, 1)
        row.addWidget(self.cancelButton)
        row.addWidget(self.exportLabel, 2)
        row.addWidget(self.closeButton)
        return row

    def _connect(self) -> None:
        self.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        self.searchEdit.returnPressed.connect(self.reload)
        self.fromEdit.dateChanged.connect(lambda _day: self.reload())
        self.untilEdit.dateChanged.connect(lambda _day: self.reload())
        self.allDatesCheck.toggled.connect(self._all_dates)
        self.model.loaded.connect(self._show_count)
        self.model.loading.connect(lambda busy: busy and self.statusLabel.setText(self.tr("Mencari…")))
        self.model.failed.connect(self.statusLabel.setText)
        self.table.activated.connect(self._open)

    # --- searching -------------------------------------------------------------------------------

    def query(self) -> GuestbookQuery:
        if self.allDatesCheck.isChecked():
            return GuestbookQuery(self.searchEdit.text())
        start: date = self.fromEdit.date().toPython()
        until: date = self.untilEdit.date().toPython()
        return GuestbookQuery(self.searchEdit.text(), min(start, until), max(start, until))

    def reload(self) -> Operation:
        self._search_timer.stop()
        return self.model.search(self.query())

    def _all_dates(self, on: bool) -> None:
        self.fromEdit.setEnabled(not on)
        self.untilEdit.setEnabled(not on)
        self.reload()

    def _show_count(self, count: int) -> None:
        more = self.tr(" (gulir ke bawah untuk memuat lebih banyak)") if self.model.has_more() else ""
        text = self.tr("{0} kunjungan ditampilkan{1}").format(count, more) if count else self.tr(
            "Tidak ada kunjungan yang cocok")
        self.statusLabel.setText(text)

    def _open(self, index) -> None:
        visit = self.model.row_at(index)
        if visit is not None:
            self.case_requested.emit(visit.case_number)

    # --- exporting -------------------------------------------------------------------------------

    def ask_export(self, kind: str) -> None:
        suggested = str(Path.home() / f"buku-tamu-{wallclock.today():%Y%m%d}.{kind}")
        path = ask_save_file(self, self.tr("Ekspor buku tamu"), suggested, _FILTERS[kind], suffix=f".{kind}")
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Operation:
        """Write what the search finds (all pages, not only those loaded) to the file, in the background."""
        from kpu_desk.guestbook_export import export_guestbook
        from kpu_desk.office import load_office

        query, roles = self.query(), self.session.roles

        def work(progress):
            return export_guestbook(query, path, roles, load_office().name, progress=progress)

        self.export_operation = Operation(work, self)
        self.export_operation.progressed.connect(self._progress)
        self.export_operation.succeeded.connect(self._exported)
        self.export_operation.failed.connect(lambda text: self.exportLabel.setText(
            self.tr("Ekspor gagal: {0}").format(text)))
        self.export_operation.cancelled.connect(lambda: self.exportLabel.setText(self.tr("Ekspor dibatalkan.")))
        self.export_operation.finished.connect(lambda: self._exporting(False))
        self._exporting(True)
        return self.export_operation.start()

    def cancel_export(self) -> None:
        if self.export_operation is not None:
            self.export_operation.cancel()

    def _exporting(self, busy: bool) -> None:
        for button in self.exportButtons.values():
            button.setEnabled(not busy)
        self.progressBar.setVisible(busy)
        self.cancelButton.setVisible(busy)
        if busy:
            self.progressBar.setRange(0, 0)
            self.exportLabel.setText(self.tr("Mengekspor…"))

    def _progress(self, done: int, total: int) -> None:
        self.progressBar.setRange(0, max(total, 1))
        self.progressBar.setValue(done)

    def _exported(self, result) -> None:
        self.exportLabel.setText(self.tr("{0} kunjungan ({1} orang) tersimpan di {2}").format(
            result.rows, result.people, result.path))
        self.exported.emit(str(result.path))

    def closeEvent(self, event) -> None:  # noqa: N802
        self.cancel_export()
        super().closeEvent(event)
