"""Numbers per year without gaps: the agenda number of a letter, the number of a buku ekspedisi entry.

The next number is MAX + 1 read inside the transaction that inserts the row.
SQLite admits one writer at a time (write transactions begin IMMEDIATE); on
PostgreSQL an advisory transaction lock per register makes a second workstation
wait until the first one commits. A transaction that rolls back takes its
number with it, and the unique index on (…, year, number) is the last guard.
"""

from __future__ import annotations

import zlib

import peewee as pw

from kpu_desk.engine.storage import current_db
from kpu_desk.store.dbutil import is_postgres
from kpu_desk.validation import stored_int


def next_in_year(number_field: pw.Field, year_field: pw.Field, year: int, *scope: pw.Expression) -> int:
    """The next number of the register `number_field` belongs to; call inside the inserting transaction."""
    _lock(f"{number_field.model._meta.table_name}.{number_field.name}")
    where = year_field == year
    for condition in scope:
        where &= condition
    last = number_field.model.select(pw.fn.MAX(number_field)).where(where).scalar()
    return int(last or 0) + 1


def _lock(register: str) -> None:
    db = current_db()
    if is_postgres(db):
        key = 0x4B50_5500_0000_0000 | zlib.crc32(register.encode("ascii"))  # "KPU" + the register
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (key,))


def format_number(number: int, year: int) -> str:
    """As printed in the buku agenda and the buku ekspedisi: 0042/2026."""
    return f"{number:04d}/{year}"


def parse_number(text: str) -> tuple[int, int] | None:
    """(number, year) of "0042/2026" or "42/2026"; None for anything else."""
    parts = [stored_int(part) for part in str(text or "").strip().split("/")]
    if len(parts) != 2:
        return None
    number, year = parts
    if number is None or year is None:
        return None
    return number, year
