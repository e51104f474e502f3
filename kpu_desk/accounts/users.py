"""Creating and changing user accounts, with their roles; every change goes into the audit log."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable

import peewee as pw

from kpu_desk.accounts import permissions  # the module: accounts imports one another
from kpu_desk.engine.errors import UnknownUser
from kpu_desk.engine.storage import audit, writing
from kpu_desk.roles import ROLE_LABELS, ROLES
from kpu_desk.security.passwords import WeakPassword, check_strength, hash_password
from kpu_desk.store import models
from kpu_desk.validation import require_valid

ADMINISTRATOR = "administrator"
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,49}$")
_NIP = re.compile(r"^\d{18}$")


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    jabatan: str
    nip: str
    roles: tuple[str, ...]
    active: bool
    locked_until: datetime | None

    @property
    def role_labels(self) -> str:
        return ", ".join(ROLE_LABELS.get(role, role) for role in self.roles)


def find_user(username: str) -> models.User:
    user = models.User.get_or_none(models.User.username == normalize_username(username))
    if user is None:
        raise UnknownUser(f"pengguna '{username}' tidak ada")
    return user


def list_users() -> list[UserRow]:
    """Every account, active ones first, by name; roles in the order of kpu_desk.roles."""
    roles: dict[int, list[str]] = {}
    for row in models.UserRole.select(models.UserRole.user, models.UserRole.role):
        roles.setdefault(row.user_id, []).append(row.role)
    users = models.User.select().order_by(models.User.active.desc(), models.User.full_name)
    return [_row(user, roles.get(user.id, [])) for user in users]


def roles_of(user: models.User) -> frozenset[str]:
    query = models.UserRole.select(models.UserRole.role).where(models.UserRole.user == user.id)
    return frozenset(row.role for row in query)


def is_administrator(user: models.User) -> bool:
    return ADMINISTRATOR in roles_of(user)


def create_user(username: str, full_name: str, password: str, roles: Iterable[str],
                jabatan: str = "", nip: str = "", actor: str = "") -> models.User:
    if models.User.select().exists():  # the first account is the administrator the first start creates
        permissions.require_administrator(actor, "membuat akun pengguna")
    username, nip, roles = normalize_username(username), normalize_nip(nip), set(roles)
    require_valid(new_account_problems(username, full_name, password, roles, nip))
    stored = hash_password(password)  # slow on purpose: before the transaction, not inside it
    with writing():
        user = _insert(username, full_name.strip(), jabatan.strip(), nip, stored)
        _write_roles(user, roles)
        audit("user.create", actor, "user", username, roles=sorted(roles))
    return user


def update_user(username: str, *, full_name: str, jabatan: str = "", nip: str = "",
                password: str | None = None, roles: Iterable[str] | None = None, actor: str = "") -> models.User:
    """Change name, jabatan and NIP; a new password (when given) also lifts a lock.

    With `roles`, the roles change in the same transaction: both, or neither.
    """
    permissions.require_administrator(actor, "mengubah akun pengguna")
    user = find_user(username)
    nip = normalize_nip(nip)
    require_valid({**_identity_problems(full_name, nip), **_password_problems(password or "", required=False)})
    changes: dict[str, Any] = {"full_name": full_name.strip(), "jabatan": jabatan.strip(), "nip": nip}
    if password:
        changes.update(password_hash=hash_password(password), failed_logins=0, locked_until=None)
    with writing():
        models.User.update(changes).where(models.User.id == user.id).execute()
        audit("user.update", actor, "user", user.username, password_changed=bool(password))
        if roles is not None:
            set_roles(user.username, roles, actor=actor)
    return models.User.get_by_id(user.id)


def set_roles(username: str, roles: Iterable[str], actor: str = "") -> None:
    permissions.require_administrator(actor, "mengubah peran pengguna")
    user, roles = find_user(username), set(roles)
    require_valid(_role_problems(roles))
    with writing():
        if ADMINISTRATOR not in roles:
            _keep_an_administrator(user, "roles")
        models.UserRole.delete().where(models.UserRole.user == user.id).execute()
        _write_roles(user, roles)
        audit("user.roles", actor, "user", user.username, roles=sorted(roles))


def deactivate(username: str, actor: str = "") -> None:
    """The account can no longer sign in; its name stays on everything it did."""
    permissions.require_administrator(actor, "menonaktifkan akun pengguna")
    user = find_user(username)
    with writing():
        _keep_an_administrator(user, "active")
        models.User.update(active=False).where(models.User.id == user.id).execute()
        audit("user.deactivate", actor, "user", user.username)


def activate(username: str, actor: str = "") -> None:
    permissions.require_administrator(actor, "mengaktifkan akun pengguna")
    user = find_user(username)
    with writing():
        models.User.update(active=True, failed_logins=0, locked_until=None).where(models.User.id == user.id).execute()
        audit("user.activate", actor, "user", user.username)


def normalize_username(text: str) -> str:
    return str(text or "").strip().lower()


def normalize_nip(text: str) -> str:
    """NIP as digits only: people write it with spaces ("19870312 201012 1 002")."""
    return "".join(str(text or "").split())


# --- checks ---------------------------------------------------------------------------


def new_account_problems(username: str, full_name: str, password: str, roles: Iterable[str],
                         nip: str = "") -> dict[str, str]:
    """Every reason a new account cannot be created, by field: username, full_name, nip, password, roles."""
    username, nip = normalize_username(username), normalize_nip(nip)
    return {**_username_problems(username), **_identity_problems(full_name, nip),
            **_password_problems(password, required=True), **_role_problems(set(roles))}


def _username_problems(username: str) -> dict[str, str]:
    if not _USERNAME.match(username):
        return {"username": "nama pengguna 3-50 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung"}
    if models.User.select().where(models.User.username == username).exists():
        return {"username": f"nama pengguna '{username}' sudah dipakai"}
    return {}


def _identity_problems(full_name: str, nip: str) -> dict[str, str]:
    problems = {}
    if not str(full_name or "").strip():
        problems["full_name"] = "nama lengkap wajib diisi"
    elif len(full_name.strip()) > models.User.full_name.max_length:
        problems["full_name"] = "nama lengkap terlalu panjang (paling banyak 120 karakter)"
    if nip and not _NIP.match(nip):
        problems["nip"] = "NIP terdiri atas 18 angka, misalnya 198703122010121002"
    return problems


def _password_problems(password: str, required: bool) -> dict[str, str]:
    if not password and not required:
        return {}
    try:
        check_strength(password or "")
    except WeakPassword as exc:
        return {"password": str(exc)}
    return {}


def _role_problems(roles: set[str]) -> dict[str, str]:
    unknown = roles - set(ROLES)
    if unknown:
        return {"roles": f"peran tidak dikenal: {', '.join(sorted(unknown))}"}
    if not roles:
        return {"roles": "pilih paling sedikit satu peran"}
    return {}


def active_users(role: str | None = None) -> list[models.User]:
    """Active users by name; only those holding `role` when one is given."""
    query = models.User.select().where(models.User.active == True)  # noqa: E712
    if role:
        holders = models.UserRole.select(models.UserRole.user).where(models.UserRole.role == role)
        query = query.where(models.User.id.in_(holders))
    return list(query.order_by(models.User.full_name, models.User.username))


def _keep_an_administrator(user: models.User, field: str) -> None:
    others = (
        models.UserRole.select()
        .join(models.User)
        .where((models.UserRole.role == ADMINISTRATOR) & (models.User.active == True)  # noqa: E712
               & (models.User.id != user.id))
    )
    if ADMINISTRATOR in roles_of(user) and user.active and not others.exists():
        require_valid({field: "harus ada paling sedikit satu administrator yang aktif"})


# --- rows -----------------------------------------------------------------------------


def _insert(username: str, full_name: str, jabatan: str, nip: str, stored: str) -> models.User:
    try:
        with models.database.atomic():
            return models.User.create(username=username, full_name=full_name, jabatan=jabatan, nip=nip,
                                      password_hash=stored)
    except pw.IntegrityError:  # another workstation took the name a moment ago
        require_valid({"username": f"nama pengguna '{username}' sudah dipakai"})
        raise


def _write_roles(user: models.User, roles: set[str]) -> None:
    for role in sorted(roles, key=ROLES.index):
        models.UserRole.create(user=user, role=role)


def _row(user: models.User, roles: list[str]) -> UserRow:
    ordered = tuple(sorted(roles, key=lambda r: ROLES.index(r) if r in ROLES else len(ROLES)))
    return UserRow(id=user.id, username=user.username, full_name=user.full_name, jabatan=user.jabatan,
                   nip=user.nip, roles=ordered, active=user.active, locked_until=user.locked_until)
