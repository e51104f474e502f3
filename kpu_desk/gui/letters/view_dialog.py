"""One disposition: its letter, what it says, each recipient's state, and what the user may do with it.

Opened from every list of the Surat & Disposisi page. A recipient opening it
marks it read; Mulai kerjakan / Selesai move their own state (with their note), Enter in
the note saves it alone (the dialog has no default button, so Enter never closes it);
Teruskan… passes it on down. Only its writer changes it before signing (Ubah…), the
Sekretaris signs it (Tandatangani…), a signed one is replaced, never edited
(Ganti dengan versi baru…). A signed one shows whether its verification code
still matches the database ("TIDAK SAH" when the row was changed behind the
application's back). Cetak… shows the lembar disposisi in the print preview.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk.engine import EngineError
from kpu_desk.gui import geometry
from kpu_desk.gui.widgets.reason_dialog import ReasonDialog
from kpu_desk.gui.letters import editor as editors
from kpu_desk.gui.letters.describe import details_html, heading, reveals_letter, status
from kpu_desk.gui.letters.models import RecipientsModel
from kpu_desk.gui.letters.sheet_print import preview_sheet
from kpu_desk.gui.letters.sign_dialog import SignDialog
from kpu_desk.gui.pages.base import prepare_table
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import sentence
from kpu_desk.letters import DispositionView, disposition_view, finish, in_force, find_disposition, mark_read
from kpu_desk.letters import may_dispose, may_pass_on, may_sign, set_recipient_state, start_work, verify_code


class DispositionDialog(QDialog):
    changed = Signal()  # something was written: the page's lists read again

    def __init__(self, disposition_id: int, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("letters_view.ui", self)
        self.disposition_id, self.session = disposition_id, session
        self.print_options: dict = {}  # handed to the preview (tests: choose_path, printer, dialog)
        self.sign_dialog = self.editor = self.reason_dialog = self.preview = None
        self.model = RecipientsModel(self)
        self.recipientsView.setModel(self.model)
        prepare_table(self.recipientsView, "letters/recipientsView", {0: 260, 1: 120, 2: 110}, stretch=3)
        self._connect()
        self.load(mark=True)
        self.resize(max(self.width(), 760), max(self.height(), 660))
        geometry.fit_on_screen(self)

    # --- showing ---------------------------------------------------------------------------

    def load(self, mark: bool = False) -> None:
        view = disposition_view(self.disposition_id)
        if mark and self._mark_read(view):
            view = disposition_view(self.disposition_id)
        self.view = view
        self.headingLabel.setText(heading(view))
        self.statusLabel.setText(status(view))
        self._show_verification(view)
        self.detailView.setHtml(details_html(view, reveals_letter(view, self.session)))
        self.model.set_rows(view.recipients)
        self._enable(view)

    def _mark_read(self, view: DispositionView) -> bool:
        mine = self.mine(view)
        if mine is None or mine.state != "unread" or not in_force(find_disposition(view.id)):
            return False
        mark_read(view.id, self.session.user)
        self.changed.emit()
        return True

    def _show_verification(self, view: DispositionView) -> None:
        if not view.signature_code:
            self.verifyLabel.hide()
            return
        result = verify_code(view.signature_code)
        self.verification = result
        self.verifyLabel.setText(self.tr("Kode verifikasi: {0}").format(result.message))
        self.verifyLabel.setProperty("role", "summary" if result.ok else "error")
        self.verifyLabel.style().unpolish(self.verifyLabel)
        self.verifyLabel.style().polish(self.verifyLabel)
        self.verifyLabel.show()

    def mine(self, view: DispositionView):
        return next((r for r in view.recipients if r.user and r.user.username == self.session.username), None)

    def _enable(self, view: DispositionView) -> None:
        mine = self.mine(view)
        acting = in_force(find_disposition(view.id))
        disposer = may_dispose(self.session.username)
        author = view.author is not None and view.author.username == self.session.username
        self.startButton.setEnabled(acting and mine is not None and mine.state in ("unread", "read"))
        self.finishButton.setEnabled(acting and mine is not None and mine.state != "done")
        for widget in (self.myNoteCaption, self.myNoteEdit, self.startButton, self.finishButton):
            widget.setVisible(mine is not None)
        if mine is not None and not self.myNoteEdit.text():
            self.myNoteEdit.setText(mine.note)
        self.passOnButton.setEnabled(may_pass_on(view.id, self.session.user))
        self.editButton.setVisible(not view.frozen and author)  # only the author changes it
        self.signButton.setVisible(view.awaiting_signature and may_sign(self.session.username))
        self.replaceButton.setVisible(view.signed_at is not None and view.replaced_by_id is None and disposer)
        self.printButton.setVisible(reveals_letter(view, self.session))
        self.workError.hide()

    # --- acting ---------------------------------------------------------------------------------

    def _connect(self) -> None:
        self.startButton.clicked.connect(lambda: self._work(start_work))
        self.finishButton.clicked.connect(lambda: self._work(finish))
        self.myNoteEdit.returnPressed.connect(self.save_note)  # Enter keeps the note (no default button)
        self.passOnButton.clicked.connect(self.open_pass_on)
        self.editButton.clicked.connect(self.open_edit)
        self.signButton.clicked.connect(self.open_sign)
        self.replaceButton.clicked.connect(self.ask_replace)
        self.printButton.clicked.connect(self.print_sheet)
        self.closeButton.clicked.connect(self.reject)

    def _work(self, move) -> None:
        try:
            move(self.disposition_id, self.session.user, self.myNoteEdit.text())
        except EngineError as exc:
            self.workError.setText(sentence(exc.message))
            self.workError.show()
            return
        self._written()

    def save_note(self) -> None:
        """The recipient's note saved without moving their state."""
        mine = self.mine(self.view)
        if mine is not None:
            self._work(lambda _ref, user, note: set_recipient_state(mine.id, mine.state, user, note))

    def _written(self, *_args) -> None:
        self.load()
        self.changed.emit()

    def open_pass_on(self) -> None:
        self._open_editor(editors.passing_on(self.disposition_id, self.session))

    def open_edit(self) -> None:
        self._open_editor(editors.changing(self.disposition_id, self.session))

    def _open_editor(self, mode: editors.EditorMode) -> None:
        self.editor = editors.DispositionEditor(mode, self.session, self)
        self.editor.saved.connect(self._written)
        self.editor.open()

    def open_sign(self) -> None:
        self.sign_dialog = SignDialog(self.disposition_id, self.session, self)
        self.sign_dialog.signed.connect(self._written)
        self.sign_dialog.open()

    def ask_replace(self) -> None:
        self.reason_dialog = ReasonDialog(
            self.tr("Ganti dengan versi baru"), self.tr("Disposisi yang sudah ditandatangani tidak dapat diubah."),
            self.tr("Tulis alasan penggantian; versi baru dibuka untuk diisi dan perlu ditandatangani lagi."),
            self.tr("&Lanjut"), lambda reason: reason, self)
        self.reason_dialog.accepted.connect(lambda: self._replace(self.reason_dialog.reason()))
        self.reason_dialog.open()

    def _replace(self, reason: str) -> None:
        self.editor = editors.DispositionEditor(editors.replacing(self.disposition_id, reason, self.session),
                                                self.session, self)
        self.editor.saved.connect(self._replaced)
        self.editor.open()

    def _replaced(self, new_id: int) -> None:
        self.disposition_id = new_id  # the dialog follows the new version
        self._written()

    def print_sheet(self) -> None:
        if not reveals_letter(disposition_view(self.disposition_id), self.session):
            return  # the sheet shows a Rahasia letter's subject: only for those who may read it
        self.preview = preview_sheet(self.disposition_id, self.session.user, self, **self.print_options)
