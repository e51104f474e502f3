"""Signing in: at start, and to switch user without closing the application."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk import office
from kpu_desk.accounts import SignInError, User, authenticate
from kpu_desk.gui.widgets.field_errors import sentence
from kpu_desk.demo.generate import DEMO_PASSWORD, DEMO_USERS
from kpu_desk.gui.operations import CORE_ERRORS
from kpu_desk.gui.uiload import load_ui


class SignInDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, username: str = ""):
        super().__init__(parent)
        load_ui("signin.ui", self)
        self.user: User | None = None
        self.messageLabel.hide()
        self._show_office()
        self.usernameEdit.setText(username)
        (self.passwordEdit if username else self.usernameEdit).setFocus()
        self.signInButton.clicked.connect(self.sign_in)
        self.cancelButton.clicked.connect(self.reject)

    def sign_in(self) -> None:
        username, password = self.usernameEdit.text().strip(), self.passwordEdit.text()
        if not username or not password:
            self._problem(self.tr("Isi nama pengguna dan kata sandi."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # argon2 takes a moment, on purpose
        try:
            self.user = authenticate(username, password)
        except (SignInError, *CORE_ERRORS) as exc:  # StoreError: a damaged or unreachable database
            self._problem(sentence(str(exc)))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()

    def _problem(self, text: str) -> None:
        self.messageLabel.setText(text)
        self.messageLabel.show()
        self.passwordEdit.selectAll()
        self.passwordEdit.setFocus()

    def _show_office(self) -> None:
        profile = office.load_office()
        self.officeLabel.setText(profile.name or self.tr("Kantor belum diberi nama"))
        self.demoHintLabel.setVisible(office.is_demo())
        if office.is_demo():
            names = ", ".join(user[0] for user in DEMO_USERS[:6])
            self.demoHintLabel.setText(self.tr(
                "Ini basis data demo. Masuk sebagai {0} dan lainnya, dengan kata sandi {1}."
            ).format(names, DEMO_PASSWORD))
