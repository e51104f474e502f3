"""Buku tamu: the visits of one day, with who is still in the building and whose KTP is held.

Personal data comes masked (NIK, telephone): the list is on a screen at the
front desk, where others can read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kpu_desk.nik import mask_nik
from kpu_desk.store import models

LOOK_BACK_DAYS = 30  # how far back a guest without a check-out still counts as "in the building"


@dataclass(frozen=True)
class GuestRow:
    case_number: str
    pass_number: str
    name: str
    institution: str
    host: str
    purpose: str
    nik: str  # masked
    phone: str  # masked
    checked_in_at: datetime
    checked_out_at: datetime | None
    ktp_held: bool
    ktp_tray: str

    @property
    def inside(self) -> bool:
        return self.checked_out_at is None


@dataclass(frozen=True)
class DaySummary:
    visits: int
    inside: int
    ktp_held: int  # cards still at the desk


def visits_on(day: date) -> list[GuestRow]:
    """The day's visits in the order the guests came in."""
    start = datetime.combine(day, time())
    query = (
        models.Visit.select(models.Visit, models.Party, models.Case.number)
        .join(models.Party).switch(models.Visit).join(models.Case)
        .where((models.Visit.checked_in_at >= start) & (models.Visit.checked_in_at < start + timedelta(days=1)))
        .order_by(models.Visit.checked_in_at, models.Visit.id)
    )
    return [_row(visit) for visit in query]


def still_inside(day: date, limit: int = 500) -> list[GuestRow]:
    """Guests not recorded as gone by the end of `day`, this day's and those of the LOOK_BACK_DAYS before
    (a forgotten check-out, a KTP still in the tray), newest first.

    The look-back bounds the scan to a month of the check-in index: a million visits stay fast.
    """
    end = datetime.combine(day, time()) + timedelta(days=1)
    start = end - timedelta(days=LOOK_BACK_DAYS + 1)
    query = (
        models.Visit.select(models.Visit, models.Party, models.Case.number)
        .join(models.Party).switch(models.Visit).join(models.Case)
        .where(models.Visit.checked_in_at.between(start, end - timedelta(microseconds=1))
               & models.Visit.checked_out_at.is_null())
        .order_by(models.Visit.checked_in_at.desc(), models.Visit.id.desc())
        .limit(limit)
    )
    return [_row(visit) for visit in query]


def summarize(rows: list[GuestRow]) -> DaySummary:
    inside = [row for row in rows if row.inside]
    return DaySummary(len(rows), len(inside), sum(1 for row in rows if row.inside and row.ktp_held))


def mask_phone(phone: str | None) -> str:
    """"081234567890" → "0812*****890": enough to recognise, too little to call."""
    if not phone:
        return ""
    keep_start, keep_end = 4, 3
    if len(phone) <= keep_start + keep_end:
        return "*" * len(phone)
    return phone[:keep_start] + "*" * (len(phone) - keep_start - keep_end) + phone[-keep_end:]


def _row(visit: models.Visit) -> GuestRow:
    party = visit.party
    return GuestRow(
        case_number=visit.case.number, pass_number=visit.pass_number, name=party.name,
        institution=party.institution or "", host=visit.host, purpose=visit.purpose,
        nik=mask_nik(party.nik) if party.nik else "", phone=mask_phone(party.phone),
        checked_in_at=visit.checked_in_at, checked_out_at=visit.checked_out_at,
        ktp_held=visit.ktp_held, ktp_tray=visit.ktp_tray or "",
    )
