"""Telling the workstation that lost a race what happened, without losing what it typed.

Each change to a case's flow records the case's new row_version in its audit
entry, so the change that moved the case past the version a workstation had
loaded can be found exactly, with who made it and when.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from kpu_desk.engine.actors import display_name
from kpu_desk.engine.errors import ConcurrentChange, StepAlreadyDone
from kpu_desk.store import models

_DONE_BY_OTHERS = {
    "case.cancel": "dibatalkan",
    "case.reopen": "dibuka kembali",
    "case.wait": "ditunda (menunggu)",
    "case.resume": "dilanjutkan",
}


def lost_race(
    number: str, version: int, data: Mapping[str, Any] | None, branch: str | None, now: datetime
) -> ConcurrentChange:
    """The error for a workstation that loaded the case at `version` and was overtaken."""
    entry = _change_after(number, version)
    if entry is None:
        return ConcurrentChange(f"Kasus {number} sudah diubah di workstation lain; muat ulang kasus ini", data, branch)
    detail: dict[str, Any] = entry.detail or {}
    if entry.action == "case.step":
        return _step_done(detail, entry.actor, now, data, branch)
    verb = _DONE_BY_OTHERS.get(entry.action, "diubah")
    who = display_name(_user_id(entry.actor), entry.actor)
    return ConcurrentChange(
        f"Kasus {number} sudah {verb} oleh {who} {_when(entry.at, now)}; muat ulang kasus ini", data, branch
    )


def _step_done(detail: dict, actor: str, now: datetime, data, branch) -> StepAlreadyDone:
    run = models.StepRun.get_or_none(models.StepRun.id == detail.get("run"))
    who = display_name(run.completed_by_id if run else None, actor)
    when = _when(run.completed_at, now) if run and run.completed_at else ""
    return StepAlreadyDone(f"Langkah {detail.get('step')} sudah diselesaikan oleh {who} {when}".rstrip(), data, branch)


def _change_after(number: str, version: int) -> models.AuditEntry | None:
    entries = models.AuditEntry.select().where(
        (models.AuditEntry.entity == "case") & (models.AuditEntry.entity_id == number)
    )
    for entry in entries.order_by(models.AuditEntry.id.desc()):
        if (entry.detail or {}).get("version") == version + 1:
            return entry
    return None


def _user_id(username: str) -> int | None:
    user = models.User.get_or_none(models.User.username == username) if username else None
    return user.id if user else None


def _when(at: datetime, now: datetime) -> str:
    """"pukul 10.42", with the date when it was not today (Indonesian time uses a dot)."""
    clock = f"pukul {at:%H.%M}"
    return clock if at.date() == now.date() else f"pada {at:%d-%m-%Y} {clock}"
