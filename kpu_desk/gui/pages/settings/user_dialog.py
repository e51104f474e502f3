"""Adding or changing a user: name, jabatan, NIP, roles and (optionally) a new password."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

from kpu_desk import accounts
from kpu_desk.gui import geometry
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.roles import ROLE_LABELS
from kpu_desk.validation import FormError


def role_label(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_LABELS.get(role, role))


class UserDialog(QDialog):
    def __init__(self, session: Session, user: accounts.UserRow | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("user_dialog.ui", self)
        self.session, self.existing = session, user
        self.saved_username: str | None = None
        self.role_checks = self._role_checks()
        self.errors = FieldErrors(
            {"username": self.usernameError, "full_name": self.fullNameError, "nip": self.nipError,
             "roles": self.rolesError, "password": self.passwordError},
            {"username": self.usernameEdit, "full_name": self.fullNameEdit, "nip": self.nipEdit,
             "password": self.passwordEdit},
            general=self.generalError)
        self._show(user)
        self.saveButton.clicked.connect(self.save)
        self.cancelButton.clicked.connect(self.reject)
        geometry.restore_window(self, "user_dialog")

    def save(self) -> None:
        password, repeat = self.passwordEdit.text(), self.repeatEdit.text()
        if password != repeat:
            self.errors.show({"password": self.tr("kedua kata sandi tidak sama; ketik ulang")})
            return
        try:
            self._write(password)
        except FormError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()

    def done(self, result: int) -> None:
        geometry.save_window(self, "user_dialog")
        super().done(result)

    def _write(self, password: str) -> None:
        roles = {role for role, check in self.role_checks.items() if check.isChecked()}
        fields = dict(full_name=self.fullNameEdit.text(), jabatan=self.jabatanEdit.text(), nip=self.nipEdit.text())
        actor = self.session.username
        if self.existing is None:
            user = accounts.create_user(self.usernameEdit.text(), password=password, roles=roles, actor=actor,
                                        **fields)
            self.saved_username = user.username
            return
        accounts.update_user(self.existing.username, password=password or None, roles=roles, actor=actor, **fields)
        self.saved_username = self.existing.username

    def _show(self, user: accounts.UserRow | None) -> None:
        if user is None:
            self.setWindowTitle(self.tr("Tambah pengguna"))
            self.fullNameEdit.setFocus()
            return
        self.setWindowTitle(self.tr("Ubah pengguna {0}").format(user.username))
        self.fullNameEdit.setText(user.full_name)
        self.usernameEdit.setText(user.username)
        self.usernameEdit.setReadOnly(True)
        self.jabatanEdit.setText(user.jabatan)
        self.nipEdit.setText(user.nip)
        for role in user.roles:
            if role in self.role_checks:
                self.role_checks[role].setChecked(True)
        self.passwordHint.setText(self.tr("Kosongkan kedua kolom kata sandi bila kata sandinya tidak diubah."))

    def _role_checks(self) -> dict[str, QCheckBox]:
        checks = {}
        for index, role in enumerate(ROLE_LABELS):
            check = QCheckBox(role_label(role), self.rolesBox)
            check.setObjectName(f"role_{role}")
            self.rolesLayout.addWidget(check, index // 2, index % 2)
            checks[role] = check
        return checks
