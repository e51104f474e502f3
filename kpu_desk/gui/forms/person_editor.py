"""Choosing a colleague: the active users holding the field's role, as "full name — jabatan"."""

from __future__ import annotations

from kpu_desk.accounts import User, active_users
from kpu_desk.gui.forms.choice_editors import ComboEditor


def person_text(user: User) -> str:
    name = user.full_name or user.username
    return f"{name} — {user.jabatan}" if user.jabatan else name


class PersonEditor(ComboEditor):
    def items(self) -> list[tuple[str, str]]:
        return [(person_text(user), user.username) for user in active_users(self.field.role)]
