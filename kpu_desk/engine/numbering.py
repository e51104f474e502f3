"""Case numbers people read aloud and write on paper: PREFIX-YEAR-NNNNN (TM-2026-00042).

Numbers run without gaps per prefix and year: the counter is raised inside the
same transaction that inserts the case, so a start that fails takes its number
back with it. The UPDATE … SET last = last + 1 locks the counter row until the
transaction ends (PostgreSQL: the row lock SELECT … FOR UPDATE would take; SQLite:
the whole database is already held by the IMMEDIATE transaction), so two
workstations starting cases at the same moment get consecutive numbers.
"""

from __future__ import annotations

from kpu_desk.store import models

DIGITS = 5


def format_number(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year}-{sequence:0{DIGITS}d}"


def next_number(prefix: str, year: int) -> str:
    """Take the next number; call inside the transaction that inserts the case."""
    counter = models.CaseCounter
    counter.insert(prefix=prefix, year=year, last=0).on_conflict_ignore().execute()
    where = (counter.prefix == prefix) & (counter.year == year)
    counter.update(last=counter.last + 1).where(where).execute()
    last = counter.select(counter.last).where(where).scalar()
    return format_number(prefix, year, last)
