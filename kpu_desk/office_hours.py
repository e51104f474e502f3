"""The office's hours: when its working day ends (jam tutup layanan), one setting read everywhere.

The same time of day is the end of a working day for every deadline (kpu_desk.engine.deadlines
hands it to the working calendar), the moment the building warns about guests still inside
(kpu_desk.building) and the default end of a guest pass's validity (kpu_desk.frontdesk).
It is kept as a Setting row so every workstation of the office reads the same; the key keeps the
name it had when only the visitor desk read it, so existing databases keep their value.

The default 16:00 is the end of the working day of government offices Monday to Thursday
(Perpres 21/2023 sets 37.5 hours a week; most offices work 07.30-16.00, Friday until 16.30).
Part of the core: no Qt here.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from kpu_desk.store import models

if TYPE_CHECKING:
    from kpu_desk.engine.actors import Actor

CLOSING_KEY = "visitors.closing_time"
DEFAULT_CLOSING = time(16, 0)
_CLOCK = re.compile(r"^\s*(\d{1,2})[.:](\d{2})\s*$")


def closing_time() -> time:
    row = models.Setting.get_or_none(models.Setting.key == CLOSING_KEY)
    parsed = parse_clock(row.value) if row and row.value else None
    return parsed or DEFAULT_CLOSING


def set_closing_time(value: time, actor: Actor = "") -> time:
    from kpu_desk.accounts.permissions import require_administrator
    from kpu_desk.engine.actors import resolve_actor
    from kpu_desk.engine.storage import audit, writing

    require_administrator(actor, "mengubah jam tutup kantor")
    actor = resolve_actor(actor).username
    text = f"{value:%H:%M}"
    with writing():
        models.Setting.insert(key=CLOSING_KEY, value=text).on_conflict(
            conflict_target=[models.Setting.key], update={models.Setting.value: text}).execute()
        audit("office.closing_time", actor, "setting", CLOSING_KEY, value=text)
    return value.replace(second=0, microsecond=0)


def parse_clock(text: str) -> time | None:
    """"16:00", "16.30" or "7.30" as a time of day; None for anything else."""
    match = _CLOCK.match(str(text))
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    return time(hour, minute) if hour < 24 and minute < 60 else None


def closing_at(day: date) -> datetime:
    return datetime.combine(day, closing_time())


def pass_valid_until(now: datetime) -> datetime:
    """The default end of a guest pass given at `now`: the office's closing time that day.

    A guest let in after closing (an evening count, a late delivery) would otherwise get a pass
    already expired; theirs lasts to the end of the day.
    """
    closing = closing_at(now.date())
    return closing if closing > now else datetime.combine(now.date(), time(23, 59))
