"""Signing in: the password checked against its argon2 hash, and a lock after repeated failures.

After MAX_FAILURES wrong passwords in a row the account is locked for
LOCK_MINUTES; guessing a password at the reception PC then takes years.
Unknown names and wrong passwords get the same message, so the sign-in form
does not tell a stranger which user names exist.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher

from kpu_desk.accounts.users import normalize_username
from kpu_desk.engine.storage import audit, writing
from kpu_desk.security.passwords import needs_rehash, verify_password
from kpu_desk.store import models

MAX_FAILURES = 5
LOCK_MINUTES = 10
WRONG = "Nama pengguna atau kata sandi salah."
# The same parameters as kpu_desk.security.passwords; used to re-hash a password already
# accepted, which must not be refused by today's strength rules.
_hasher = PasswordHasher()


class SignInError(Exception):
    """Signing in failed; the message (Bahasa Indonesia) can be shown as it is."""


def authenticate(username: str, password: str, now: datetime | None = None) -> models.User:
    """The user when the password is right; SignInError with the reason otherwise."""
    now = now or datetime.now()
    user = models.User.get_or_none(models.User.username == normalize_username(username))
    if user is None:
        verify_password(_decoy_hash(), password)  # as slow as a real check: no hint that the name is unknown
        raise SignInError(WRONG)
    if user.locked_until is not None and user.locked_until > now:
        raise SignInError(locked_message(user.locked_until))
    if not verify_password(user.password_hash, password):
        _count_failure(user, now)
    if not user.active:
        raise SignInError("Akun ini sudah dinonaktifkan; hubungi administrator kantor.")
    _succeeded(user, password)
    return models.User.get_by_id(user.id)


def locked_message(until: datetime) -> str:
    return f"Akun terkunci sampai {until:%H.%M} karena terlalu banyak percobaan."


def _count_failure(user: models.User, now: datetime) -> None:
    failures = user.failed_logins + 1
    if failures < MAX_FAILURES:
        with writing():
            _save(user, failed_logins=failures)
            audit("user.signin_failed", "", "user", user.username, failures=failures)
        left = MAX_FAILURES - failures
        raise SignInError(f"{WRONG} Sisa {left} kali percobaan sebelum akun dikunci {LOCK_MINUTES} menit.")
    until = (now + timedelta(minutes=LOCK_MINUTES)).replace(microsecond=0)
    with writing():
        _save(user, failed_logins=0, locked_until=until)
        audit("user.locked", "", "user", user.username, minutes=LOCK_MINUTES)
    raise SignInError(locked_message(until))


def _succeeded(user: models.User, password: str) -> None:
    changes = {"failed_logins": 0, "locked_until": None}
    if needs_rehash(user.password_hash):  # the hash parameters were raised since it was stored
        changes["password_hash"] = _hasher.hash(password)
    with writing():
        _save(user, **changes)
        audit("user.signin", user.username, "user", user.username)


def _save(user: models.User, **changes) -> None:
    models.User.update(changes).where(models.User.id == user.id).execute()


@cache
def _decoy_hash() -> str:
    return _hasher.hash("bukan kata sandi siapa pun")
