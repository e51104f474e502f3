"""What a user is told in the application, worded when it is read.

Rows (models.Notification) hold a kind, a case and a step, never text: the words
come from the case as it is now, so an anonymised guest's name cannot linger here.
Kinds come from kpu_desk.engine.notify (a person field named the user; a decision
on a case the user registered) and from the letters (a disposition arrived, one
waits for a signature). An unknown kind is still shown, with the case's title.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import peewee as pw

from kpu_desk.engine import notify
from kpu_desk.letters import vocab
from kpu_desk.engine.storage import writing
from kpu_desk.sop.model import CaseKind
from kpu_desk.store import models

KIND_WORDS = {
    vocab.NOTIFY_NEW: "Disposisi baru untuk Anda",
    vocab.NOTIFY_TO_SIGN: "Disposisi menunggu tanda tangan Anda",
    vocab.NOTIFY_SIGNED: "Disposisi Anda sudah ditandatangani",
}
LETTER_KINDS = frozenset(KIND_WORDS)  # shown on the Surat & Disposisi page rather than in a case window


@dataclass(frozen=True)
class NotificationView:
    id: int
    case_number: str
    kind: str
    text: str
    created_at: datetime
    read: bool


def unread_count(user_id: int) -> int:
    return models.Notification.select().where(
        (models.Notification.user == user_id) & models.Notification.read_at.is_null()
    ).count()


def latest_id(user_id: int) -> int:
    """The newest notification's id (0 when none): a cheap "anything new?" for polling."""
    row = (models.Notification.select(models.Notification.id).where(models.Notification.user == user_id)
           .order_by(models.Notification.id.desc()).first())
    return row.id if row else 0


def recent(user_id: int, limit: int = 30) -> list[NotificationView]:
    rows = (models.Notification.select(models.Notification, models.Case)
            .join(models.Case, pw.JOIN.LEFT_OUTER, on=(models.Notification.case == models.Case.id))
            .where(models.Notification.user == user_id)
            .order_by(models.Notification.id.desc()).limit(limit))
    return [_view(row) for row in rows]


def mark_read(user_id: int, ids: list[int] | None = None, now: datetime | None = None) -> int:
    query = models.Notification.update(read_at=now or datetime.now()).where(
        (models.Notification.user == user_id) & models.Notification.read_at.is_null()
    )
    if ids is not None:
        query = query.where(models.Notification.id.in_(ids))
    with writing():
        return query.execute()


def _view(row: models.Notification) -> NotificationView:
    case = row.case if row.case_id else None
    return NotificationView(
        id=row.id, case_number=case.number if case else "", kind=row.kind, text=_words(row, case),
        created_at=row.created_at, read=row.read_at is not None,
    )


def _words(row: models.Notification, case: models.Case | None) -> str:
    title = case.title if case and case.title else (case.number if case else "")
    if row.kind == notify.NAMED:
        if case is not None and _is_visit(case):
            return _visit_words(case, title)
        return f"{title}: Anda disebut pada langkah {row.step_no}; kasus ini menunggu Anda"
    if row.kind == notify.DECISION:
        return f"Keputusan pada {title}: {_branch(row) or 'sudah diputuskan'}"
    return f"{KIND_WORDS.get(row.kind, 'Pemberitahuan')}: {title}".rstrip(": ")


def _visit_words(case: models.Case, title: str) -> str:
    visit = models.Visit.get_or_none(models.Visit.case == case.id)
    if visit is not None and visit.checked_out_at is not None:
        return f"Tamu sudah keluar pukul {visit.checked_out_at:%H.%M}: {title}"
    return f"Tamu menunggu Anda: {title}"


def _is_visit(case: models.Case) -> bool:
    from kpu_desk.engine.sops import sop_for_case

    return sop_for_case(case).case.kind is CaseKind.KUNJUNGAN


def _branch(row: models.Notification) -> str:
    run = (models.StepRun.select(models.StepRun.branch)
           .where((models.StepRun.case == row.case_id) & (models.StepRun.step_no == row.step_no)
                  & (models.StepRun.state == "done"))
           .order_by(models.StepRun.id.desc()).first())
    return run.branch if run and run.branch else ""
