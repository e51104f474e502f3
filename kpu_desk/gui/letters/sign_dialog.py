"""Tandatangani disposisi: the disposition shown, the password asked again (masked), the core signs.

A wrong password (or a missing specimen, a locked account) is said under the
password field; the dialog stays open. After signing the disposition is frozen.
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
from kpu_desk.letters import disposition_view, sign, signature_specimen


class SignDialog(QDialog):
    signed = Signal(int)  # the disposition's id

    def __init__(self, disposition_id: int, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("letters_sign.ui", self)
        self.disposition_id, self.session = disposition_id, session
        view = disposition_view(disposition_id)
        self.headingLabel.setText(heading(view))
        self.summaryView.setHtml(details_html(view, reveals_letter(view, session)))
        self.has_specimen = show_specimen(
            self.specimenLabel, signature_specimen(session.username),
            self.tr("Belum ada spesimen tanda tangan: simpan dahulu lewat \"Tanda tangan saya…\"."))
        self.errors = FieldErrors({"password": self.passwordEditError}, {"password": self.passwordEdit},
                                  self.generalError)
        self.signButton.clicked.connect(self.accept)
        self.cancelButton.clicked.connect(self.reject)
        self.passwordEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:  # noqa: D102 - Enter or Tandatangani
        password = self.passwordEdit.text()
        if not password:
            self.errors.show({"password": self.tr("Ketik kata sandi Anda untuk menandatangani.")})
            return
        try:
            sign(self.disposition_id, self.session.username, password)  # by name: the row is read fresh
        except EngineError as exc:
            self.passwordEdit.clear()
            self.errors.show({"password": exc.message})
            return
        self.signed.emit(self.disposition_id)
        super().accept()
