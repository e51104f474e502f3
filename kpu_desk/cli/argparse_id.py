"""argparse speaking Bahasa Indonesia.

argparse looks its messages up through gettext at call time; pointing its
module-level `_`/`ngettext` at this table translates usage, help and errors
without copying argparse itself.
"""

from __future__ import annotations

import argparse

from kpu_desk.validation import MAX_STORED_INT, stored_int

_MESSAGES = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak sah: %(value)r (pilih dari %(choices)s)",
    "expected one argument": "butuh satu nilai",
    "expected at least one argument": "butuh paling sedikit satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "opsi %(option)s ambigu, bisa berarti %(matches)s",
}


def _translate(message: str) -> str:
    return _MESSAGES.get(message, message)


def _ntranslate(singular: str, plural: str, count: int) -> str:
    return _translate(singular if count == 1 else plural)


def whole_number(text: str) -> int:
    """The argparse type of every count, year and step number: digits 0-9 only, and no larger than
    the databases store (int() would take "²²" to fail later, or 10**20 to overflow SQLite)."""
    number = stored_int(text)
    if number is None:
        raise argparse.ArgumentTypeError(f"'{text}' bukan bilangan bulat 0 sampai {MAX_STORED_INT}")
    return number


def install() -> None:
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _ntranslate  # type: ignore[attr-defined]
