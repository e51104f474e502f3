"""Who does something: a user of the office, named by row or username, or nobody (a script)."""

from __future__ import annotations

from dataclasses import dataclass

from kpu_desk.engine.errors import UnknownUser
from kpu_desk.store import models

Actor = models.User | str | None


@dataclass(frozen=True)
class ActingUser:
    user: models.User | None
    username: str  # what the audit log records; "" for a script without a user


def resolve_actor(actor: Actor) -> ActingUser:
    if actor is None or actor == "":
        return ActingUser(None, "")
    if isinstance(actor, models.User):
        return ActingUser(actor, actor.username)
    user = models.User.get_or_none(models.User.username == actor)
    if user is None or not user.active:
        raise UnknownUser(f"pengguna '{actor}' tidak dikenal atau tidak aktif")
    return ActingUser(user, user.username)


def display_name(user_id: int | None, fallback: str = "") -> str:
    """A user's full name as colleagues know it; the username, or "pengguna lain", when unknown."""
    user = models.User.get_or_none(models.User.id == user_id) if user_id else None
    if user is not None:
        return user.full_name or user.username
    return fallback or "pengguna lain"


def name_of(username: str) -> str:
    """A colleague's full name from the username a form records; the username itself when unknown."""
    user = models.User.get_or_none(models.User.username == username)
    return (user.full_name or user.username) if user is not None else username
