"""Buku tamu: the visits of one day, who is still in the building, and searching ten years of guests.

Personal data comes masked (NIK, telephone) unless the caller passes roles that may see it
(kpu_desk.privacy): the list is on a screen at the front desk, where others can read it.

Searching pages by keyset (checked_in_at, id), newest first, on the index of
visit.checked_in_at: the next page starts where the last one ended, so scrolling deep
into a million visits costs what the first page costs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Iterable, Iterator

import peewee as pw

from kpu_desk.privacy import exact_identity, mask_phone, shown_nik, shown_phone
from kpu_desk.store import models

__all__ = [
    "LOOK_BACK_DAYS", "DaySummary", "GuestRow", "GuestbookQuery", "PageKey", "count_visits", "iter_visits",
    "mask_phone", "search_visits", "still_inside", "summarize", "visits_on",
]

_WHOLE_NUMBER = re.compile(r"^[A-Za-z]{1,4}-\d{4}-\d{3,6}$")
LOOK_BACK_DAYS = 30  # how far back a guest without a check-out still counts as "in the building"
PAGE_SIZE = 200


@dataclass(frozen=True)
class GuestRow:
    case_number: str
    pass_number: str
    name: str
    institution: str
    host: str
    purpose: str
    nik: str  # masked unless the roles asked for may see it
    phone: str  # idem
    checked_in_at: datetime
    checked_out_at: datetime | None
    ktp_held: bool
    ktp_tray: str
    visit_id: int = 0
    group_size: int = 1
    origin: str = ""  # Lembaga, Instansi, Pribadi
    identity_type: str = ""  # KTP, SIM, Paspor, ...
    anonymized: bool = False

    @property
    def inside(self) -> bool:
        return self.checked_out_at is None

    @property
    def key(self) -> "PageKey":
        return PageKey(self.checked_in_at, self.visit_id)


@dataclass(frozen=True)
class PageKey:
    """Where a page ended: the next page holds the visits that came in before this one."""

    checked_in_at: datetime
    visit_id: int


@dataclass(frozen=True)
class DaySummary:
    visits: int
    inside: int
    ktp_held: int  # cards still at the desk


@dataclass(frozen=True)
class GuestbookQuery:
    """What the buku tamu shows: a search text and the days (both included) to look in."""

    text: str = ""
    date_from: date | None = None
    date_until: date | None = None

    def conditions(self, roles: Iterable[str] | None = None) -> list[pw.Expression]:
        found = []
        if self.date_from:
            found.append(models.Visit.checked_in_at >= datetime.combine(self.date_from, time()))
        if self.date_until:
            found.append(models.Visit.checked_in_at < datetime.combine(self.date_until + timedelta(days=1), time()))
        if self.text.strip():
            found.append(_matches(self.text.strip(), roles))
        return found


def visits_on(day: date) -> list[GuestRow]:
    """The day's visits in the order the guests came in."""
    start = datetime.combine(day, time())
    query = (
        joined_visits()
        .where((models.Visit.checked_in_at >= start) & (models.Visit.checked_in_at < start + timedelta(days=1)))
        .order_by(models.Visit.checked_in_at, models.Visit.id)
    )
    return [guest_row(visit) for visit in query]


def still_inside(day: date, limit: int = 500, roles: Iterable[str] | None = None) -> list[GuestRow]:
    """Guests not recorded as gone by the end of `day`, this day's and those of the LOOK_BACK_DAYS before
    (a forgotten check-out, a KTP still in the tray), newest first."""
    end = datetime.combine(day, time()) + timedelta(days=1) - timedelta(microseconds=1)
    return inside_until(end, roles, limit=limit)


def inside_until(until: datetime, roles: Iterable[str] | None = None, look_back_days: int = LOOK_BACK_DAYS,
                 limit: int | None = None) -> list[GuestRow]:
    """Visits checked in by `until` and not checked out, newest first.

    The look-back bounds the scan to a month of the check-in index: a million visits stay fast.
    """
    since = datetime.combine(until.date() - timedelta(days=look_back_days), time())
    query = (
        joined_visits()
        .where(models.Visit.checked_in_at.between(since, until) & models.Visit.checked_out_at.is_null())
        .order_by(models.Visit.checked_in_at.desc(), models.Visit.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return [guest_row(visit, roles) for visit in query]


def summarize(rows: list[GuestRow]) -> DaySummary:
    inside = [row for row in rows if row.inside]
    return DaySummary(len(rows), len(inside), sum(1 for row in rows if row.inside and row.ktp_held))


# --- searching the whole book ------------------------------------------------------------------


def search_visits(query: GuestbookQuery, roles: Iterable[str] | None = None, limit: int = PAGE_SIZE,
                  after: PageKey | None = None) -> list[GuestRow]:
    """One page of the buku tamu, newest first; `after`: the key of the last row of the page before."""
    select = joined_visits()
    for condition in query.conditions(roles):
        select = select.where(condition)
    if after is not None:
        select = select.where(_before(after))
    select = select.order_by(models.Visit.checked_in_at.desc(), models.Visit.id.desc()).limit(limit)
    return [guest_row(visit, roles) for visit in select]


def iter_visits(query: GuestbookQuery, roles: Iterable[str] | None = None,
                batch: int = 1000) -> Iterator[GuestRow]:
    """Every visit the query finds, newest first, read a batch at a time (for exports)."""
    after = None
    while True:
        page = search_visits(query, roles, limit=batch, after=after)
        yield from page
        if len(page) < batch:
            return
        after = page[-1].key


def count_visits(query: GuestbookQuery, roles: Iterable[str] | None = None) -> int:
    select = models.Visit.select(models.Visit.id)
    if query.text.strip():
        select = select.join(models.Party).switch(models.Visit).join(models.Case)
    for condition in query.conditions(roles):
        select = select.where(condition)
    return select.count()


def people_count(rows: Iterable[GuestRow]) -> int:
    """How many people the rows are: a group of five is five people."""
    return sum(max(row.group_size, 1) for row in rows)


# --- rows ------------------------------------------------------------------------------------


def joined_visits() -> pw.ModelSelect:
    return (models.Visit.select(models.Visit, models.Party, models.Case.number)
            .join(models.Party).switch(models.Visit).join(models.Case))


def _matches(text: str, roles: Iterable[str] | None) -> pw.Expression:
    """Name, institution, pass or case number, whom they visit, purpose — and, for a user who may see
    them, a whole NIK or phone number (never a fragment, never the masked text).

    A whole case or pass number ("TM-2026-00042") is looked up on its index instead: a substring
    search reads every visit, which takes seconds on ten years of an office.
    """
    if _WHOLE_NUMBER.match(text):
        number = text.upper()
        case = models.Case.alias()  # a subquery on its own index: SQLite then reads both indexes (MULTI-INDEX OR)
        return models.Visit.case.in_(case.select(case.id).where(case.number == number)) | (
            models.Visit.pass_number == number)
    found = (models.Party.name.contains(text) | models.Party.institution.contains(text)
             | models.Visit.pass_number.contains(text) | models.Case.number.contains(text)
             | models.Visit.host.contains(text) | models.Visit.purpose.contains(text))
    identity = exact_identity(text, roles)
    if identity is not None:
        column = models.Party.nik if identity[0] == "nik" else models.Party.phone
        found = found | (column == identity[1])
    return found


def _before(key: PageKey) -> pw.Expression:
    visit = models.Visit
    return (visit.checked_in_at < key.checked_in_at) | (
        (visit.checked_in_at == key.checked_in_at) & (visit.id < key.visit_id))


def guest_row(visit: models.Visit, roles: Iterable[str] | None = None) -> GuestRow:
    party = visit.party
    return GuestRow(
        case_number=visit.case.number, pass_number=visit.pass_number, name=party.name,
        institution=party.institution or "", host=visit.host, purpose=visit.purpose,
        nik=shown_nik(party.nik, roles), phone=shown_phone(party.phone, roles),
        checked_in_at=visit.checked_in_at, checked_out_at=visit.checked_out_at,
        ktp_held=visit.ktp_held, ktp_tray=visit.ktp_tray or "", visit_id=visit.id,
        group_size=visit.group_size or 1, origin=visit.origin or "", identity_type=visit.identity_type or "",
        anonymized=party.anonymized_at is not None,
    )
