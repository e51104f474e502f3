"""The user a writing command acts as: `--user NAME` (or KPU_DESK_USER), signed in with the password.

The password is asked on the terminal (not echoed), or read from KPU_DESK_PASSWORD for scripts.
It is checked by the sign-in screen's own function (kpu_desk.accounts.authenticate), so a wrong
password counts toward the same lock-out. `kpu-desk demo` and the `db` commands need no user.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kpu_desk.accounts import SignInError, authenticate
from kpu_desk.store import models

USER_ENV = "KPU_DESK_USER"
PASSWORD_ENV = "KPU_DESK_PASSWORD"


def add_user_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="PENGGUNA",
                        help=f"pengguna yang melakukan (bawaan: {USER_ENV}); kata sandinya ditanyakan, "
                             f"atau dibaca dari {PASSWORD_ENV}")


def signed_in(args: argparse.Namespace) -> models.User:
    """The signed-in user; SignInError (Bahasa Indonesia) when there is none or the password is wrong."""
    return authenticate(*credentials(args))


def signed_in_if_named(args: argparse.Namespace) -> models.User | None:
    """For a command that only reads: the signed-in user when one is named, else None."""
    return signed_in(args) if _username(args) else None


def credentials(args: argparse.Namespace) -> tuple[str, str]:
    """The named user and the password typed for them, not checked yet."""
    username = _username(args)
    if not username:
        raise SignInError(f"perintah ini dijalankan atas nama pengguna: beri --user NAMA (atau {USER_ENV})")
    return username, _password(username)


def _username(args: argparse.Namespace) -> str:
    return (getattr(args, "user", None) or os.environ.get(USER_ENV) or "").strip()


def _password(username: str) -> str:
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise SignInError(f"kata sandi {username} tidak dapat ditanyakan tanpa terminal; isi {PASSWORD_ENV}")
    try:
        return getpass.getpass(f"Kata sandi {username}: ")
    except EOFError:
        raise SignInError("kata sandi tidak diisi") from None
