"""Who may see a visitor's whole NIK and telephone number; everyone else sees them masked.

One policy for every screen, export and printout (DESIGN.md, Security and personal data;
UU 27/2022 tentang Pelindungan Data Pribadi: only what the task needs):

- **resepsionis** (Jagat Saksana / front office) compares the NIK with the KTP held at the
  desk and hands the card back, and calls a guest who left something behind: they see both.
- **administrator** answers a person's request to see or correct their own data (UU 27/2022
  Pasal 6-8) and prepares what an authority asks for: they see both.
- everyone else (pimpinan, sekretaris, kasubag, ppid, unit_dumas, staf) sees the NIK as
  `kpu_desk.nik.mask_nik` writes it ("331301**********": the region where the card was issued,
  never the birth date or serial — a strict subset of what KPU itself publishes in voter lists)
  and the telephone as `mask_phone` ("0812*****890").

A search never matches a NIK or phone number by a fragment: a clerk who may see them finds a
guest by the whole number; anyone else cannot use the search to guess digits.
The evacuation list carries full names (it is read out at the assembly point) but never a NIK.
"""

from __future__ import annotations

from typing import Iterable

from kpu_desk.contact import ContactError, normalize_phone
from kpu_desk.nik import NIK_LENGTH, mask_nik, normalize_nik
from kpu_desk.validation import is_digits

PERSONAL_DATA_ROLES = frozenset({"resepsionis", "administrator"})


def sees_personal_data(roles: Iterable[str] | None) -> bool:
    """Whether a user with these roles sees whole NIKs and telephone numbers."""
    return bool(PERSONAL_DATA_ROLES & set(roles or ()))


def mask_phone(phone: str | None) -> str:
    """"081234567890" → "0812*****890": enough to recognise, too little to call."""
    if not phone:
        return ""
    keep_start, keep_end = 4, 3
    if len(phone) <= keep_start + keep_end:
        return "*" * len(phone)
    return phone[:keep_start] + "*" * (len(phone) - keep_start - keep_end) + phone[-keep_end:]


def shown_nik(nik: str | None, roles: Iterable[str] | None) -> str:
    """The NIK as this user may see it: whole, or masked by `mask_nik`."""
    if not nik:
        return ""
    return normalize_nik(nik) if sees_personal_data(roles) else mask_nik(nik)


def shown_phone(phone: str | None, roles: Iterable[str] | None) -> str:
    if not phone:
        return ""
    return phone if sees_personal_data(roles) else mask_phone(phone)


def exact_identity(text: str, roles: Iterable[str] | None) -> tuple[str, str] | None:
    """("nik", number) or ("phone", number) when the text is a whole NIK or phone number and the
    user may search by it; None otherwise (a fragment or a masked text never matches)."""
    if not sees_personal_data(roles):
        return None
    nik = normalize_nik(text)
    if is_digits(nik) and len(nik) == NIK_LENGTH:
        return ("nik", nik)
    try:
        return ("phone", normalize_phone(text))
    except ContactError:
        return None
