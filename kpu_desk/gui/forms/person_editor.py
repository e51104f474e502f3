"""Choosing a colleague: the active users holding the field's role, as "full name — jabatan"."""

from __future__ import annotations

from kpu_desk.gui.forms.choice_editors import ComboEditor
from kpu_desk.store import models


def people_for(role: str | None) -> list[models.User]:
    """Active users, by name; only those holding `role` when the field names one."""
    query = models.User.select().where(models.User.active == True)  # noqa: E712
    if role:
        holders = models.UserRole.select(models.UserRole.user).where(models.UserRole.role == role)
        query = query.where(models.User.id.in_(holders))
    return list(query.order_by(models.User.full_name, models.User.username))


def person_text(user: models.User) -> str:
    name = user.full_name or user.username
    return f"{name} — {user.jabatan}" if user.jabatan else name


class PersonEditor(ComboEditor):
    def items(self) -> list[tuple[str, str]]:
        return [(person_text(user), user.username) for user in people_for(self.field.role)]
