"""Signing in: the password checked against its argon2 hash, and a lock after repeated failures.

After MAX_FAILURES wrong passwords in a row the account is locked for
LOCK_MINUTES; guessing a password at the reception PC then takes years. The count holds across
workstations: each check is counted as a failure, under the row's lock, before the password is
checked (a right one clears the count), so eight PCs guessing at once get MAX_FAILURES checks
between them, not MAX_FAILURES each.
Unknown names and wrong passwords get the same message, so the sign-in form
does not tell a stranger which user names exist.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import Any

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
    failures, until = _claim_check(user, now)
    if not verify_password(user.password_hash, password):
        _failed(user, failures, until)
    if not user.active:
        raise SignInError("Akun ini sudah dinonaktifkan; hubungi administrator kantor.")
    _succeeded(user, password)
    return models.User.get_by_id(user.id)


def locked_message(until: datetime) -> str:
    return f"Akun terkunci sampai {until:%H.%M} karena terlalu banyak percobaan."


def _claim_check(user: models.User, now: datetime) -> tuple[int, datetime | None]:
    """Count the coming check as a failure; the failures so far and the lock the last one sets.

    The UPDATE locks the user's row until the transaction ends (SQLite: the IMMEDIATE transaction
    holds the whole file), so concurrent sign-ins count one after another and none checks a
    password once the count is spent. The lock is set with the last allowed check, before the
    hash is checked: a workstation that dies mid-check still leaves the account locked.
    """
    users = models.User
    with writing():
        users.update(failed_logins=users.failed_logins + 1).where(users.id == user.id).execute()
        row = users.get_by_id(user.id)
        if row.locked_until is not None and row.locked_until > now:
            raise SignInError(locked_message(row.locked_until))  # rolls the count back
        failures = 1 if row.locked_until is not None else row.failed_logins  # an ended lock starts afresh
        until = (now + timedelta(minutes=LOCK_MINUTES)).replace(microsecond=0) if failures >= MAX_FAILURES else None
        _save(user, failed_logins=failures, locked_until=until)
    return failures, until


def _failed(user: models.User, failures: int, until: datetime | None) -> None:
    with writing():
        if until is None:
            audit("user.signin_failed", "", "user", user.username, failures=failures)
        else:
            audit("user.locked", "", "user", user.username, minutes=LOCK_MINUTES)
    if until is not None:
        raise SignInError(locked_message(until))
    left = MAX_FAILURES - failures
    raise SignInError(f"{WRONG} Sisa {left} kali percobaan sebelum akun dikunci {LOCK_MINUTES} menit.")


def _succeeded(user: models.User, password: str) -> None:
    changes: dict[str, Any] = {"failed_logins": 0, "locked_until": None}
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
