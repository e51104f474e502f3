"""A returning guest: found by name or phone, so the desk does not type them again.

The NIK and telephone come along only for roles that may see them (kpu_desk.privacy);
anyone else gets the name and institution and types the numbers from the KTP.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import peewee as pw

from kpu_desk.contact import ContactError, normalize_phone
from kpu_desk.privacy import sees_personal_data
from kpu_desk.store import models

MIN_QUERY = 3


@dataclass(frozen=True)
class ReturningGuest:
    party_id: int
    name: str
    institution: str
    phone: str
    nik: str
    identity_type: str
    origin: str
    last_visit: str  # "dd-mm-yyyy" of the latest visit

    def fields(self) -> dict[str, str]:
        """The check-in fields this guest fills (SOP field keys)."""
        values = {"nama_tamu": self.name, "instansi": self.institution, "telepon": self.phone,
                  "jenis_identitas": self.identity_type, "asal_tamu": self.origin}
        if self.identity_type == "KTP":
            values["nik"] = self.nik
        return {key: value for key, value in values.items() if value}


def find_returning(text: str, roles: Iterable[str] | None = None, limit: int = 8) -> list[ReturningGuest]:
    """Guests whose name starts with the text, or whose phone is the text; latest visit first.

    Only a role that sees personal data finds a guest by phone and gets the numbers back."""
    text = " ".join((text or "").split())
    if len(text) < MIN_QUERY:
        return []
    party = models.Party
    wanted = party.name.startswith(text)  # LIKE: case-insensitive on both engines
    reveal = sees_personal_data(roles)
    phone = _phone(text) if reveal else None
    if phone:
        wanted = wanted | (party.phone == phone)
    last = pw.fn.MAX(models.Visit.id).alias("last_id")
    rows = (models.Visit.select(last).join(party)
            .where((party.kind == "tamu") & party.anonymized_at.is_null() & wanted)
            .group_by(party.id).order_by(last.desc()).limit(limit))
    return [_guest(models.Visit.get_by_id(row.last_id), reveal) for row in rows]


def _phone(text: str) -> str | None:
    if not any(ch.isdigit() for ch in text):
        return None
    try:
        return normalize_phone(text)
    except ContactError:
        return None


def _guest(visit: models.Visit, reveal: bool) -> ReturningGuest:
    party = visit.party
    return ReturningGuest(
        party_id=party.id, name=party.name or "", institution=party.institution or "",
        phone=(party.phone or "") if reveal else "", nik=(party.nik or "") if reveal else "", identity_type=visit.identity_type or "", origin=visit.origin or "",
        last_visit=f"{visit.checked_in_at:%d-%m-%Y}",
    )
