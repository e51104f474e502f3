"""What a disposition says: recipients, instructions, note and deadline, checked before anything is written.

A DispositionDraft is what a form holds; `clean_draft` turns it into rows-ready
values or raises FormError with one Indonesian message per field:
recipients, positions, instructions, other, note, deadline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Sequence

import peewee as pw

from kpu_desk import workcal
from kpu_desk.engine.deadlines import office_calendar
from kpu_desk.engine.errors import FormError
from kpu_desk.indodate import DAY_NAMES
from kpu_desk.letters.vocab import INSTRUCTIONS, OTHER_PREFIX
from kpu_desk.store import models

MAX_NOTE = 2000
MAX_OTHER = 200
MAX_DEADLINE_DAYS = 260  # about a working year


@dataclass(frozen=True)
class DispositionDraft:
    """The content of a disposition as a form holds it.

    recipients: users (rows or usernames) it goes to, each told in the application;
    positions: ticks on the sheet's "Diteruskan kepada" checklist (kpu_desk.letters.positions());
    instructions: labels of vocab.INSTRUCTIONS; other: the free "Lainnya" instruction;
    deadline_days: hari kerja from today, or due_date: a day after today (not both).
    """

    recipients: Sequence[models.User | str] = ()
    positions: Sequence[str] = ()
    instructions: Sequence[str] = ()
    other: str = ""
    note: str = ""
    deadline_days: int | None = None
    due_date: date | None = None


@dataclass(frozen=True)
class CleanDraft:
    users: list[models.User] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    instructions: list[str] = field(default_factory=list)  # as stored: labels, then "Lainnya: …"
    note: str = ""
    deadline_days: int | None = None
    due_at: datetime | None = None


def clean_draft(draft: DispositionDraft, today: date, calendar: workcal.WorkingCalendar,
                oral: bool = False) -> CleanDraft:
    """The draft checked and normalised; FormError listing every problem otherwise."""
    problems: dict[str, str] = {}
    users = _users(draft.recipients, problems)
    positions = _positions(draft.positions, problems)
    if not users and not positions and "recipients" not in problems:
        problems["recipients"] = "disposisi harus ditujukan kepada paling sedikit satu orang atau jabatan"
    instructions = _instructions(draft, problems)
    note = (draft.note or "").strip()
    if len(note) > MAX_NOTE:
        problems["note"] = f"catatan terlalu panjang (paling banyak {MAX_NOTE} karakter)"
    elif oral and not note:
        problems["note"] = "isi disposisi lisan wajib diisi"
    elif not oral and not note and not instructions:
        problems["instructions"] = "pilih paling sedikit satu instruksi atau tulis catatan"
    days, due = _deadline(draft.deadline_days, draft.due_date, today, calendar, problems)
    if problems:
        raise FormError(problems, _as_data(draft))
    return CleanDraft(users, positions, instructions, note, days, due)


def split_instructions(stored: Sequence[str]) -> tuple[list[str], str]:
    """(ticked labels, the "Lainnya" text) of a stored instruction list."""
    labels = [i for i in stored or () if not i.startswith(OTHER_PREFIX)]
    other = next((i[len(OTHER_PREFIX):] for i in stored or () if i.startswith(OTHER_PREFIX)), "")
    return labels, other


def _users(given: Sequence[models.User | str], problems: dict[str, str]) -> list[models.User]:
    found: dict[int, models.User] = {}
    unknown = []
    for item in given or ():
        user = _active_user(item)
        if user is None:
            unknown.append(str(getattr(item, "username", item)).strip())
        else:
            found.setdefault(user.id, user)
    if unknown:
        problems["recipients"] = f"pengguna tidak dikenal atau tidak aktif: {', '.join(unknown)}"
    return list(found.values())


def _active_user(item: models.User | str) -> models.User | None:
    name = item.username if isinstance(item, models.User) else str(item or "").strip()
    if not name:
        return None
    return models.User.get_or_none((pw.fn.LOWER(models.User.username) == name.lower())
                                   & (models.User.active == True))  # noqa: E712


def _positions(given: Sequence[str], problems: dict[str, str]) -> list[str]:
    positions = list(dict.fromkeys(" ".join(str(p).split()) for p in given or () if str(p).strip()))
    limit = models.DispositionRecipient.position.max_length
    if any(len(p) > limit for p in positions):
        problems["positions"] = f"nama jabatan terlalu panjang (paling banyak {limit} karakter)"
    return positions


def _instructions(draft: DispositionDraft, problems: dict[str, str]) -> list[str]:
    ticked = list(dict.fromkeys(str(i).strip() for i in draft.instructions or () if str(i).strip()))
    unknown = [i for i in ticked if i not in INSTRUCTIONS]
    if unknown:
        problems["instructions"] = (f"instruksi tidak dikenal: {', '.join(unknown)}; "
                                    f"pilih dari: {', '.join(INSTRUCTIONS)}")
    labels = [i for i in INSTRUCTIONS if i in ticked]  # the sheet's order, whatever order they came in
    other = " ".join((draft.other or "").split())
    if len(other) > MAX_OTHER:
        problems["other"] = f"instruksi lainnya terlalu panjang (paling banyak {MAX_OTHER} karakter)"
    return labels + ([OTHER_PREFIX + other] if other else [])


@dataclass(frozen=True)
class DeadlineCheck:
    """A disposition's deadline as the core counts it: its hari kerja and due time, or why it is refused."""

    days: int | None = None
    due: datetime | None = None
    problem: str = ""


def check_deadline(days: int | None, due_date: date | None, today: date,
                   calendar: workcal.WorkingCalendar | None = None) -> DeadlineCheck:
    """The deadline rules of clean_draft on their own: what an editor shows while the days are typed."""
    problems: dict[str, str] = {}
    days, due = _deadline(days, due_date, today, calendar or office_calendar(), problems)
    return DeadlineCheck(days, due, problems.get("deadline", ""))


def _deadline(days: int | None, due_date: date | None, today: date, calendar: workcal.WorkingCalendar,
              problems: dict[str, str]) -> tuple[int | None, datetime | None]:
    if days is not None and due_date is not None:
        problems["deadline"] = "isi batas waktu dalam hari kerja atau sebagai tanggal, bukan keduanya"
        return None, None
    if due_date is not None:
        if isinstance(due_date, datetime):
            due_date = due_date.date()
        problem = _due_date_problem(due_date, today, calendar)
        if problem:
            problems["deadline"] = problem
            return None, None
        return calendar.working_days_between(today, due_date), calendar.end_of_day(due_date)
    if days is None:
        return None, None
    if isinstance(days, bool) or not isinstance(days, int):
        problems["deadline"] = "batas waktu harus berupa jumlah hari kerja (bilangan bulat)"
    elif days <= 0:
        problems["deadline"] = f"batas waktu harus paling sedikit 1 hari kerja, bukan {days}"
    elif days > MAX_DEADLINE_DAYS:
        problems["deadline"] = f"batas waktu paling lama {MAX_DEADLINE_DAYS} hari kerja"
    else:
        return days, calendar.end_of_day(calendar.add_working_days(today, days))
    return None, None


def _due_date_problem(due_date: date, today: date, calendar: workcal.WorkingCalendar) -> str:
    if due_date <= today:
        return f"batas waktu {due_date:%d-%m-%Y} sudah lewat atau hari ini; pilih tanggal sesudah hari ini"
    if calendar.is_working_day(due_date):
        return ""
    named = next((h.name for h in calendar.holidays_in(due_date.year) if h.day == due_date), "")
    return (f"batas waktu {DAY_NAMES[due_date.weekday()]} {due_date:%d-%m-%Y} bukan hari kerja"
            f"{f' ({named})' if named else ''}; pilih hari kerja")


def _as_data(draft: DispositionDraft) -> dict:
    return {
        "recipients": [getattr(r, "username", r) for r in draft.recipients or ()],
        "positions": list(draft.positions or ()), "instructions": list(draft.instructions or ()),
        "other": draft.other, "note": draft.note, "deadline_days": draft.deadline_days,
        "due_date": draft.due_date,
    }
