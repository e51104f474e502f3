"""Surat & Disposisi: the agenda, the dispositions for me, to sign and written by me, the buku ekspedisi.

Tabs:
    Agenda surat               the buku agenda of a year (Rahasia subjects hidden from those who may not
                               read them); F2 / "Daftarkan surat masuk…", "Tulis disposisi…" on a letter
    Disposisi untuk saya       the user's inbox with their own state; opening one marks it read
    Perlu ditandatangani       the Sekretaris's (and pimpinan's) signing worklist
    Disposisi yang saya tulis  with each recipient's state
    Buku ekspedisi             hand-overs of a year; "Catat serah terima…"
Above the tabs: "Periksa kode" checks a scanned or typed QR code of a lembar disposisi,
and "Tanda tangan saya…" keeps the user's signature specimen.

The dialogs are opened with open() and kept as attributes (register_dialog, editor,
disposition_dialog, specimen_dialog, handover_dialog) so the window goes on painting.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from kpu_desk.engine import EngineError
from kpu_desk.gui import wallclock
from kpu_desk.gui.formatting import short_datetime
from kpu_desk.gui.letters import editor as editors
from kpu_desk.gui.letters.describe import signed_summary
from kpu_desk.gui.letters.handover_dialog import HandoverDialog
from kpu_desk.gui.letters.models import ExpeditionModel, InboxModel, SigningModel, WrittenModel
from kpu_desk.gui.letters.register_dialog import RegisterLetterDialog
from kpu_desk.gui.letters.rows import inbox_rows, rows_of
from kpu_desk.gui.letters.specimen_dialog import SpecimenDialog
from kpu_desk.gui.letters.view_dialog import DispositionDialog
from kpu_desk.gui.models.letters_model import LettersModel
from kpu_desk.gui.pages.base import Page, prepare_table
from kpu_desk.letter_register import HIDDEN_SUBJECT
from kpu_desk.letters import (disposition_view, expeditions, find_disposition, inbox, may_dispose, may_sign,
                              signing_worklist, verify_code, vocab, written_by)


class LettersPage(Page):
    key = "letters"
    form = "letters.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.register_dialog = self.editor = self.disposition_dialog = None
        self.specimen_dialog = self.handover_dialog = None
        self.choose_scan = None  # tests (and a scanner integration) pick the scanned letter
        self._make_models()
        self._prepare_filters()
        self._connect()

    def title(self) -> str:
        return self.tr("Surat & Disposisi")

    # --- building --------------------------------------------------------------------------

    def _make_models(self) -> None:
        self.model = LettersModel(self)
        self.inbox_model, self.signing_model = InboxModel(self), SigningModel(self)
        self.written_model, self.expedition_model = WrittenModel(self), ExpeditionModel(self)
        for view, model, key, widths, stretch in (
                (self.lettersView, self.model, "lettersView",
                 {0: 95, 1: 65, 2: 150, 3: 95, 4: 95, 5: 170, 7: 150, 8: 80}, 6),
                (self.inboxView, self.inbox_model, "inboxView",
                 {0: 110, 1: 200, 2: 110, 3: 220, 5: 100, 6: 130}, 4),
                (self.signingView, self.signing_model, "signingView",
                 {0: 110, 1: 220, 2: 110, 4: 90, 5: 60, 6: 100}, 3),
                (self.writtenView, self.written_model, "writtenView", {0: 110, 1: 110, 2: 240, 4: 100, 5: 100}, 3),
                (self.expeditionView, self.expedition_model, "expeditionView",
                 {0: 90, 1: 110, 2: 260, 3: 160, 4: 150, 5: 150, 6: 120}, 2)):
            view.setModel(model)
            prepare_table(view, f"letters/{key}", widths, stretch=stretch)

    def _prepare_filters(self) -> None:
        year = wallclock.today().year
        self.yearSpin.setValue(year)
        self.expeditionYearSpin.setValue(year)
        for text, value in ((self.tr("Masuk dan keluar"), ""), (self.tr("Surat masuk"), "masuk"),
                            (self.tr("Surat keluar"), "keluar")):
            self.directionCombo.addItem(text, value)
        self.verifyResult.hide()
        self.registerAction = QAction(self.tr("Daftarkan surat masuk"), self)
        self.registerAction.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.registerAction.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.registerAction)
        self.registerButton.setToolTip(self.tr("Daftarkan surat masuk (F2)"))

    def _connect(self) -> None:
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.refresh)
        self.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        self.expeditionSearch.textChanged.connect(lambda _text: self._search_timer.start())
        for spin in (self.yearSpin, self.expeditionYearSpin):
            spin.valueChanged.connect(lambda _year: self.refresh())
        self.directionCombo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.includeDoneCheck.toggled.connect(lambda _on: self.refresh())
        self.lettersView.activated.connect(self._open_case)  # double-click or Enter
        self.lettersView.selectionModel().currentRowChanged.connect(lambda *_: self._enable_letter_actions())
        self.registerButton.clicked.connect(self.open_register)
        self.registerAction.triggered.connect(self.open_register)
        self.disposeButton.clicked.connect(self.open_new_disposition)
        self.dispositionsButton.clicked.connect(self.open_letter_disposition)
        self.openCaseButton.clicked.connect(lambda: self._open_case(self.lettersView.currentIndex()))
        for view, button, model in ((self.inboxView, self.openInboxButton, self.inbox_model),
                                    (self.writtenView, self.openWrittenButton, self.written_model)):
            view.activated.connect(lambda index, m=model: self._open_row(m, index))
            button.clicked.connect(lambda _c=False, v=view, m=model: self._open_row(m, v.currentIndex()))
        self.signingView.activated.connect(self._open_to_sign)
        self.openSigningButton.clicked.connect(lambda: self._open_to_sign(self.signingView.currentIndex()))
        self.handoverButton.clicked.connect(self.open_handover)
        self.specimenButton.clicked.connect(self.open_specimen)
        self.verifyEdit.returnPressed.connect(self.check_code)

    # --- reading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        self._load_agenda()
        self._load_dispositions()
        self._load_expeditions()
        self._enable_letter_actions()

    def _load_agenda(self) -> None:
        year = self.yearSpin.value()
        rows = self.model.load(year, self.directionCombo.currentData() or None, self.searchEdit.text(),
                               reveal_secret=self.session.reads_secrets)
        if rows:
            self.summaryLabel.setText(self.tr("{0} surat").format(len(rows)))
        elif self.searchEdit.text().strip():
            self.summaryLabel.setText(self.tr("Tidak ada surat yang cocok dengan pencarian"))
        else:
            self.summaryLabel.setText(self.tr("Belum ada surat di buku agenda tahun {0}").format(year))

    def _load_dispositions(self) -> None:
        user = self.session.user
        mine = inbox_rows(inbox(user, include_done=self.includeDoneCheck.isChecked()))
        self.inbox_model.set_rows(mine)
        unread = sum(1 for r in mine if r.mine and r.mine.state == "unread")
        self.inboxSummary.setText(self.tr("{0} disposisi, {1} belum dibaca").format(len(mine), unread) if mine
                                  else self.tr("Tidak ada disposisi untuk Anda"))
        signer = may_sign(self.session.username)
        self.tabs.setTabVisible(self.tabs.indexOf(self.signingTab), signer)
        waiting = rows_of(signing_worklist()) if signer else []
        self.signing_model.set_rows(waiting)
        self.signingSummary.setText(self.tr("{0} disposisi menunggu tanda tangan").format(len(waiting)) if waiting
                                    else self.tr("Tidak ada disposisi yang menunggu tanda tangan"))
        written = rows_of(written_by(user))
        self.written_model.set_rows(written)
        self.writtenSummary.setText(self.tr("{0} disposisi").format(len(written)) if written
                                    else self.tr("Anda belum menulis atau meneruskan disposisi"))

    def _load_expeditions(self) -> None:
        year = self.expeditionYearSpin.value()
        entries = expeditions(year, search=self.expeditionSearch.text())
        self.expedition_model.set_rows(entries)
        self.expeditionSummary.setText(self.tr("{0} serah terima").format(len(entries)) if entries
                                       else self.tr("Belum ada serah terima di buku ekspedisi tahun {0}").format(year))

    def _enable_letter_actions(self) -> None:
        letter = self.current_letter()
        disposer = may_dispose(self.session.username)
        self.disposeButton.setVisible(disposer)
        self.disposeButton.setEnabled(letter is not None and letter.direction == "masuk")
        self.dispositionsButton.setEnabled(letter is not None and letter.dispositions > 0)
        self.openCaseButton.setEnabled(letter is not None and bool(letter.case_number))

    def current_letter(self):
        return self.model.row_at(self.lettersView.currentIndex())

    # --- opening ----------------------------------------------------------------------------------

    def open_register(self) -> RegisterLetterDialog:
        self.register_dialog = RegisterLetterDialog(self.session, self, choose=self.choose_scan)
        self.register_dialog.registered.connect(self._registered)
        self.register_dialog.open()
        return self.register_dialog

    def open_new_disposition(self) -> None:
        letter = self.current_letter()
        if letter is None:
            return
        subject = letter.subject if letter.subject != HIDDEN_SUBJECT else ""
        self.editor = editors.DispositionEditor(editors.new_on_letter(letter.agenda_number, subject, self.session),
                                                self.session, self)
        self.editor.saved.connect(lambda _id: self._written())
        self.editor.open()

    def open_letter_disposition(self) -> None:
        letter = self.current_letter()
        if letter is None:
            return
        try:
            disposition = find_disposition(letter.agenda_number)
        except EngineError as exc:
            self.status_message.emit(exc.message)
            return
        self.open_disposition(disposition.id)

    def open_disposition(self, disposition_id: int) -> DispositionDialog:
        self.disposition_dialog = DispositionDialog(disposition_id, self.session, self)
        self.disposition_dialog.changed.connect(self._written)
        self.disposition_dialog.open()
        return self.disposition_dialog

    def show_notice(self, kind: str, case_number: str = "") -> None:
        """A disposition's notification: its tab, with the disposition it is about selected.

        A notice outlives what it announced: one "menunggu tanda tangan" whose disposition
        was signed or replaced since opens that disposition, saying so, not an empty list.
        """
        tab, view, model = {
            vocab.NOTIFY_TO_SIGN: (self.signingTab, self.signingView, self.signing_model),
            vocab.NOTIFY_SIGNED: (self.writtenTab, self.writtenView, self.written_model),
        }.get(kind, (self.inboxTab, self.inboxView, self.inbox_model))
        self.tabs.setCurrentWidget(tab)
        rows = [r for r in range(model.rowCount()) if model.row_at(r).view.case_number == case_number]
        if rows:
            view.setCurrentIndex(model.index(rows[-1], 0))
            view.setFocus()
        elif kind == vocab.NOTIFY_TO_SIGN and case_number:
            self._no_longer_to_sign(case_number)

    def _no_longer_to_sign(self, case_number: str) -> None:
        try:
            disposition = disposition_view(find_disposition(case_number).id)
        except EngineError as exc:
            self.status_message.emit(exc.message)
            return
        if disposition.signed_at is not None:
            text = self.tr("Disposisi {0} sudah ditandatangani oleh {1} pada {2}.").format(
                case_number, disposition.signer.name if disposition.signer else "-",
                short_datetime(disposition.signed_at))
        else:
            text = self.tr("Disposisi {0} tidak lagi menunggu tanda tangan.").format(case_number)
        self.status_message.emit(text)
        self.open_disposition(disposition.id)

    def _open_row(self, model, index) -> None:
        row = model.row_at(index)
        if row is not None:
            self.open_disposition(row.view.id)

    def _open_to_sign(self, index) -> None:
        """The signing worklist: the disposition, and the password asked over it at once."""
        row = self.signing_model.row_at(index)
        if row is not None:
            dialog = self.open_disposition(row.view.id)
            if dialog.signButton.isVisible():
                dialog.open_sign()

    def _open_case(self, index) -> None:
        letter = self.model.row_at(index)
        if letter is not None and letter.case_number:
            self.case_requested.emit(letter.case_number)

    def open_handover(self) -> HandoverDialog:
        letter = self.current_letter()
        case = letter.case_number if letter is not None and self.tabs.currentWidget() is self.agendaTab else ""
        self.handover_dialog = HandoverDialog(self.session, self, case_number=case)
        self.handover_dialog.recorded.connect(self._handed_over)
        self.handover_dialog.open()
        return self.handover_dialog

    def open_specimen(self) -> SpecimenDialog:
        self.specimen_dialog = SpecimenDialog(self.session, self)
        self.specimen_dialog.open()
        return self.specimen_dialog

    # --- after a change ---------------------------------------------------------------------------

    def _registered(self, registered) -> None:
        # A letter received on 30 December and registered on 2 January is in last year's agenda:
        # show that year, where the clerk finds the letter just entered.
        self.yearSpin.setValue(registered.letter.agenda_year)
        self._written()

    def _written(self, *_args) -> None:
        self.refresh()
        self.data_changed.emit()

    def _handed_over(self, number: str) -> None:
        self._written()
        self.status_message.emit(self.tr("Serah terima {0} tercatat di buku ekspedisi.").format(number))

    def _verified_text(self, result) -> str:
        """The check's verdict; for a genuine code also what was signed, to compare with the paper."""
        if not result.ok:
            return result.message
        return f"{result.message}\n{signed_summary(disposition_view(result.disposition_id))}"

    def check_code(self) -> None:
        text = self.verifyEdit.text().strip()
        if not text:
            self.verifyResult.hide()
            return
        result = verify_code(text)
        self.verifyResult.setText(self._verified_text(result))
        self.verifyResult.setProperty("role", "summary" if result.ok else "error")
        self.verifyResult.style().unpolish(self.verifyResult)
        self.verifyResult.style().polish(self.verifyResult)
        self.verifyResult.show()
        self.verifyEdit.selectAll()
