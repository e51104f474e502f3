"""Input a clerk typed that cannot be saved: which field, and why, in Bahasa Indonesia.

Forms show each message next to its field and keep what was typed, so the
core reports every problem it finds at once instead of stopping at the first.
FormError is the one exception for it, everywhere in the core (re-exported by
kpu_desk.engine.errors); it lives here, with no imports, so storage and every
domain can raise it without loading the engine.
Also the checks every reader of typed text shares: a number that names a row,
digits that are 0-9, text that both databases can keep.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

# The largest whole number an INTEGER column holds in both databases (PostgreSQL's is 32 bits;
# peewee uses it for ids, years and counters). A larger number names no row, and SQLite refuses
# one beyond 64 bits with OverflowError instead of finding nothing.
MAX_STORED_INT = 2**31 - 1
# ASCII digits only: str.isdigit() and int() also take "²" or "٣", which no keyboard at the desk
# types on purpose, and int("²") fails where isdigit() said yes.
_ASCII_DIGITS = re.compile(r"[0-9]+")
UNSTORABLE_TEXT = "berisi karakter yang tidak dapat disimpan (bukan teks UTF-8 atau karakter NUL)"


class EngineError(Exception):
    """A request the core refuses; nothing has been written. (Named for the engine, where it began.)"""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class FormError(EngineError):
    """Fields that fail their rules: `errors` maps each field key to its message.

    `data` keeps the input exactly as given, so a form can be shown again as typed.
    """

    def __init__(self, errors: Mapping[str, str], data: Mapping[str, Any] | None = None):
        self.errors = dict(errors)
        self.data = dict(data or {})
        super().__init__(self._summary())

    @property
    def sentence(self) -> str:
        """The messages alone on one line, for a form that shows a single message."""
        return "; ".join(self.errors.values())

    def _summary(self) -> str:
        count = len(self.errors)
        lines = [f"{count} isian tidak sah:" if count > 1 else "isian tidak sah:"]
        lines.extend(f"  {key}: {text}" for key, text in self.errors.items())
        return "\n".join(lines)


def require_valid(problems: Mapping[str, str]) -> None:
    if problems:
        raise FormError(problems)


def is_storable_text(text: str) -> bool:
    """Whether both databases can keep the text: valid UTF-8 (a byte that is not UTF-8 in a
    command line arrives as a lone surrogate) and no NUL, which PostgreSQL refuses in text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def is_digits(text: str) -> bool:
    """Whether the text is one or more of the digits 0-9 and nothing else."""
    return _ASCII_DIGITS.fullmatch(text) is not None


def stored_int(text: object) -> int | None:
    """A typed whole number (ASCII digits, blanks around it forgiven) that an INTEGER column of
    both databases can hold: an id, a year, an agenda number. None for anything else."""
    digits = str(text).strip()
    if not is_digits(digits) or len(digits.lstrip("0")) > len(str(MAX_STORED_INT)):
        return None  # checked before int(): a 5,000-digit text would raise ValueError there
    number = int(digits)
    return number if number <= MAX_STORED_INT else None
