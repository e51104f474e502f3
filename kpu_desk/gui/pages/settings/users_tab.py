"""Pengaturan → Pengguna (administrator only): accounts with roles, jabatan and NIP."""

from __future__ import annotations

from kpu_desk import accounts
from kpu_desk.gui.models.users_model import UsersModel
from kpu_desk.gui.pages.base import prepare_table
from kpu_desk.gui.pages.settings.tab import SettingsTab
from kpu_desk.gui.pages.settings.user_dialog import UserDialog
from kpu_desk.validation import FormError


class UsersTab(SettingsTab):
    form = "settings_users.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = UsersModel(self)
        self.usersView.setModel(self.model)
        prepare_table(self.usersView, "settings/usersView", {0: 130, 1: 190, 2: 300, 3: 170, 4: 220}, stretch=2)
        self.dialog: UserDialog | None = None
        self.addButton.clicked.connect(lambda: self.open_dialog(None))
        self.editButton.clicked.connect(lambda: self.open_dialog(self.selected()))
        self.usersView.activated.connect(lambda index: self.open_dialog(self.model.user_at(index.row())))
        self.toggleButton.clicked.connect(self.toggle_active)
        self.usersView.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())

    def title(self) -> str:
        return self.tr("Pengguna")

    def reload(self, select: str | None = None) -> None:
        select = select or (self.selected().username if self.selected() else None)
        self.model.load()
        row = self.model.row_of(select) if select else -1
        self.usersView.selectRow(max(row, 0))
        self._update_buttons()

    def selected(self) -> accounts.UserRow | None:
        return self.model.user_at(self.usersView.currentIndex().row())

    def open_dialog(self, user: accounts.UserRow | None) -> UserDialog:
        """Window-modal, not exec(): the rest of the application keeps painting, and tests can fill it in."""
        self.messageLabel.clear()
        self.dialog = UserDialog(self.session, user, self)
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()
        return self.dialog

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            (accounts.deactivate if user.active else accounts.activate)(user.username, actor=self.session.username)
        except FormError as exc:
            self.messageLabel.setText(exc.sentence[:1].upper() + exc.sentence[1:])
            return
        self.messageLabel.clear()
        self.reload(select=user.username)
        self.changed.emit()

    def _saved(self) -> None:
        self.reload(select=self.dialog.saved_username)
        self.changed.emit()

    def _update_buttons(self) -> None:
        user = self.selected()
        self.editButton.setEnabled(user is not None)
        self.toggleButton.setEnabled(user is not None)
        self.toggleButton.setText(self.tr("&Aktifkan") if user and not user.active else self.tr("&Nonaktifkan"))
