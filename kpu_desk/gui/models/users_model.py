"""Pengaturan → Pengguna: every account with its roles, jabatan, NIP and whether it can sign in."""

from __future__ import annotations

from kpu_desk.accounts import UserRow, list_users
from kpu_desk.gui import wallclock
from kpu_desk.gui.models.table_model import Column, RowTableModel


class UsersModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Nama pengguna"), lambda u: u.username),
            Column(self.tr("Nama lengkap"), lambda u: u.full_name),
            Column(self.tr("Jabatan"), lambda u: u.jabatan or "—"),
            Column(self.tr("NIP"), lambda u: u.nip or "—"),
            Column(self.tr("Peran"), lambda u: u.role_labels),
            Column(self.tr("Status"), self._status),
        ])

    def load(self) -> None:
        self.set_rows(list_users())

    def user_at(self, row: int) -> UserRow | None:
        return self.row_at(row)

    def row_of(self, username: str) -> int:
        return next((i for i, u in enumerate(self._rows) if u.username == username), -1)

    def _status(self, user: UserRow) -> str:
        if not user.active:
            return self.tr("Nonaktif")
        if user.locked_until and user.locked_until > wallclock.now():
            return self.tr("Terkunci s.d. {0}").format(f"{user.locked_until:%H.%M}")
        return self.tr("Aktif")
