"""Who is in the building now, whose KTP is still at the desk, and who is left at closing time.

"In the building" is every visit without a check-out, of today and of the LOOK_BACK_DAYS before
(a forgotten check-out still means someone may be inside — better counted at an evacuation
than missed). A group counts with its size: a group of five is five people at the assembly point.

The closing time (jam tutup layanan) is the office's one setting of kpu_desk.office_hours, the
same that ends a working day for deadlines: on a Friday the warning comes half an hour early,
which is harmless. Part of the core: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Iterable

from kpu_desk.guestbook import LOOK_BACK_DAYS, GuestRow, guest_row, inside_until, joined_visits, people_count
from kpu_desk.office_hours import closing_at
from kpu_desk.store import models


@dataclass(frozen=True)
class Occupancy:
    """The building at one moment."""

    at: datetime
    rows: list[GuestRow]  # newest first

    @property
    def visits(self) -> int:
        return len(self.rows)

    @property
    def people(self) -> int:
        return people_count(self.rows)

    @property
    def ktp_held(self) -> list[GuestRow]:
        return [row for row in self.rows if row.ktp_held]


def in_building(now: datetime | None = None, roles: Iterable[str] | None = None,
                look_back_days: int = LOOK_BACK_DAYS) -> Occupancy:
    """Every visit checked in by `now` (within the look-back) and not checked out."""
    now = now or datetime.now()
    return Occupancy(now, inside_until(now, roles, look_back_days))


# --- closing time ------------------------------------------------------------------------------


def open_at_closing(day: date, roles: Iterable[str] | None = None) -> list[GuestRow]:
    """Visits not checked out at the day's closing time (of that day and the look-back before it):
    what the warning at closing time lists. Asked later, it still names who was left then."""
    closing = closing_at(day)
    since = datetime.combine(day - timedelta(days=LOOK_BACK_DAYS), time())
    visit = models.Visit
    query = (
        joined_visits()
        .where(visit.checked_in_at.between(since, closing)
               & (visit.checked_out_at.is_null() | (visit.checked_out_at > closing)))
        .order_by(visit.checked_in_at.desc(), visit.id.desc())
    )
    return [guest_row(row, roles) for row in query]
