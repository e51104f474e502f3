"""Tandatangani disposisi: the disposition shown, the password asked again (masked), the core signs.

A wrong password (or a missing specimen, a locked account) is said under the
password field; the dialog stays open. After signing the disposition is frozen.
Only what was shown is signed: the core refuses a disposition changed since the
dialog showed it, and the dialog then shows the new content to be read again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk.engine import EngineError
from kpu_desk.gui.letters.describe import details_html, heading, reveals_letter
from kpu_desk.gui.letters.specimen import show_specimen
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.letters import ChangedSinceShown, content_fingerprint, disposition_view, find_disposition, sign
from kpu_desk.letters import signature_specimen


class SignDialog(QDialog):
    signed = Signal(int)  # the disposition's id

    def __init__(self, disposition_id: int, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("letters_sign.ui", self)
        self.disposition_id, self.session = disposition_id, session
        self.show_content()
        self.has_specimen = show_specimen(
            self.specimenLabel, signature_specimen(session.username),
            self.tr("Belum ada spesimen tanda tangan: simpan dahulu lewat \"Tanda tangan saya…\"."))
        self.errors = FieldErrors({"password": self.passwordEditError}, {"password": self.passwordEdit},
                                  self.generalError)
        self.signButton.clicked.connect(self.accept)
        self.cancelButton.clicked.connect(self.reject)
        self.passwordEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_content(self) -> None:
        """Show the disposition and keep the fingerprint of what was shown: only that is signed."""
        self.seen = content_fingerprint(find_disposition(self.disposition_id))
        view = disposition_view(self.disposition_id)
        self.headingLabel.setText(heading(view))
        self.summaryView.setHtml(details_html(view, reveals_letter(view, self.session)))

    def accept(self) -> None:  # noqa: D102 - Enter or Tandatangani
        password = self.passwordEdit.text()
        if not password:
            self.errors.show({"password": self.tr("Ketik kata sandi Anda untuk menandatangani.")})
            return
        try:
            sign(self.disposition_id, self.session.username, password, seen=self.seen)  # by name: read fresh
        except ChangedSinceShown as exc:
            self.passwordEdit.clear()
            self.show_content()
            self.errors.show({"": exc.message})
            return
        except EngineError as exc:
            self.passwordEdit.clear()
            self.errors.show({"password": exc.message})
            return
        self.signed.emit(self.disposition_id)
        super().accept()
