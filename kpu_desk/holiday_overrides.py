"""The office's corrections to the national calendar (Pengaturan → Hari libur kantor).

A regional holiday, a decree issued mid-year, a day the office was closed: a
non-working day; or a national holiday the office works through: a working day.
Due times of new steps follow them at once (kpu_desk.engine.deadlines).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from kpu_desk.engine.storage import audit, writing
from kpu_desk.store import models
from kpu_desk.validation import require_valid

if TYPE_CHECKING:
    from kpu_desk.engine.actors import Actor


@dataclass(frozen=True)
class Override:
    day: date
    name: str
    working: bool


def list_overrides(year: int | None = None) -> list[Override]:
    query = models.HolidayOverride.select().order_by(models.HolidayOverride.day)
    if year is not None:
        query = query.where(models.HolidayOverride.day.between(date(year, 1, 1), date(year, 12, 31)))
    return [Override(row.day, row.name, row.working) for row in query]


def add_override(day: date | None, name: str, working: bool = False, actor: Actor = "") -> Override:
    actor = _administrator(actor)
    name = " ".join(str(name or "").split())
    require_valid(_problems(day, name))
    assert day is not None  # require_valid refused a missing day
    with writing():
        models.HolidayOverride.create(day=day, name=name, working=working)
        audit("calendar.override", actor, "calendar", day.isoformat(), working=working)
    return Override(day, name, working)


def remove_override(day: date, actor: Actor = "") -> None:
    actor = _administrator(actor)
    with writing():
        models.HolidayOverride.delete().where(models.HolidayOverride.day == day).execute()
        audit("calendar.override_removed", actor, "calendar", day.isoformat())


def _problems(day: date | None, name: str) -> dict[str, str]:
    problems = {}
    if day is None:
        problems["day"] = "pilih tanggalnya"
    elif models.HolidayOverride.select().where(models.HolidayOverride.day == day).exists():
        problems["day"] = f"tanggal {day:%d-%m-%Y} sudah ada di daftar; hapus dahulu untuk mengubahnya"
    if not name:
        problems["name"] = "tulis keterangannya, misalnya Hari Jadi Kabupaten"
    elif len(name) > 200:
        problems["name"] = "keterangan terlalu panjang (paling banyak 200 karakter)"
    return problems


def _administrator(actor: Actor) -> str:
    """The acting administrator's username for the audit log; NotPermitted for anyone else."""
    # Imported when called: the accounts package imports the engine, which reads this calendar.
    from kpu_desk.accounts.permissions import require_administrator
    from kpu_desk.engine.actors import resolve_actor

    require_administrator(actor, "mengubah hari libur kantor")
    return resolve_actor(actor).username
