"""Indonesian telephone numbers and e-mail addresses, as people type them at a desk."""

from __future__ import annotations

import re

from kpu_desk.validation import is_digits

PHONE_EXAMPLE = "0812-3456-7890 atau +62 812 3456 7890"
EMAIL_EXAMPLE = "nama@contoh.go.id"

_PHONE_NOISE = re.compile(r"[\s.\-()/]")
# Mobile numbers start 08; landlines start with an area code 02x-07x or 09xx (Papua).
_NATIONAL = re.compile(r"^0(8\d{7,11}|[2-79]\d{7,10})$")
_MIN_DIGITS, _MAX_DIGITS = 9, 13

# Deliberately simple: a clerk's typo (a space, a missing dot in the domain, two @)
# is caught, while every address a mail server accepts in practice passes.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")


class ContactError(ValueError):
    """The text is not a usable phone number or e-mail address; the message says why."""


def normalize_phone(text: str) -> str:
    """The number in the 08…/0xx… form written everywhere in Indonesia, digits only.

    Accepts +62, 62 or 0 in front, with spaces, dashes, dots or brackets.
    """
    digits = _PHONE_NOISE.sub("", str(text))
    if digits.startswith("+62"):
        digits = "0" + digits[3:]
    elif digits.startswith("62"):
        digits = "0" + digits[2:]
    if not is_digits(digits):
        raise ContactError(f"nomor telepon hanya boleh berisi angka; tulis seperti {PHONE_EXAMPLE}")
    if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
        raise ContactError(f"nomor telepon harus 9 sampai 13 angka; tulis seperti {PHONE_EXAMPLE}")
    if not _NATIONAL.match(digits):
        raise ContactError(f"nomor telepon tidak sah; tulis seperti {PHONE_EXAMPLE}")
    return digits


def normalize_email(text: str) -> str:
    """The address with surrounding spaces removed and the domain in lower case."""
    address = str(text).strip()
    if not _EMAIL.match(address):
        raise ContactError(f"alamat e-mail tidak sah; tulis seperti {EMAIL_EXAMPLE}")
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"
