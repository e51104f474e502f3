"""A case's life outside its steps: cancelling, reopening, waiting, and extending its deadline.

Each needs a reason a person wrote down; the reason is kept on the case
(state_reason / extension_reason), while the audit log records only what
happened, to which case, and who did it.
"""

from __future__ import annotations

from datetime import datetime

from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.cases import find_case, now_or
from kpu_desk.engine.conflicts import lost_race
from kpu_desk.engine.deadlines import ACTIVE_CASE_STATES, extended_due, office_calendar
from kpu_desk.engine.errors import CaseStateError, EngineError
from kpu_desk.engine.runs import Lost, bump_case, open_run
from kpu_desk.engine.sops import sop_for_case
from kpu_desk.engine.storage import audit, writing
from kpu_desk.indodate import CASE_STATE_WORDS
from kpu_desk.store import models

SKIP_REASON_KEY = "_alasan_dilewati"  # in a skipped run's form data: why it has no record


def cancel_case(number: str, reason: str, actor: Actor = None, now: datetime | None = None) -> models.Case:
    """Stop a running case; its open step is cancelled with it. Reopen undoes this."""
    reason = _required_reason(reason, "pembatalan")
    case = _case_in(number, ACTIVE_CASE_STATES, "dibatalkan", actor)
    now = now_or(now)

    def change(version: int, username: str) -> None:
        new_version = bump_case(case, version, state="cancelled", closed_at=now, state_reason=reason)
        models.StepRun.update(state="cancelled").where(
            (models.StepRun.case == case.id) & (models.StepRun.state == "open")
        ).execute()
        audit("case.cancel", username, "case", case.number, step=case.current_step, version=new_version)

    return _guarded(case, actor, now, change)


def reopen_case(number: str, reason: str, actor: Actor = None, now: datetime | None = None) -> models.Case:
    """Resume a cancelled case at the step where it stopped, with a fresh due time for that step."""
    reason = _required_reason(reason, "pembukaan kembali")
    case = _case_in(number, ("cancelled",), "dibuka kembali", actor)
    now = now_or(now)
    sop = sop_for_case(case)
    calendar = office_calendar()

    def change(version: int, username: str) -> None:
        new_version = bump_case(case, version, state="open", closed_at=None, state_reason=reason)
        open_run(case, sop, sop.step(case.current_step), now, calendar)
        audit("case.reopen", username, "case", case.number, step=case.current_step, version=new_version)

    return _guarded(case, actor, now, change)


def set_waiting(number: str, reason: str, actor: Actor = None, now: datetime | None = None) -> models.Case:
    """Put a case on hold (waiting for the applicant, a letter, a meeting); the open step stays open."""
    reason = _required_reason(reason, "penundaan")
    case = _case_in(number, ("open",), "ditunda", actor)
    now = now_or(now)

    def change(version: int, username: str) -> None:
        new_version = bump_case(case, version, state="waiting", state_reason=reason)
        audit("case.wait", username, "case", case.number, step=case.current_step, version=new_version)

    return _guarded(case, actor, now, change)


def resume_case(number: str, actor: Actor = None, now: datetime | None = None) -> models.Case:
    case = _case_in(number, ("waiting",), "dilanjutkan", actor)
    now = now_or(now)

    def change(version: int, username: str) -> None:
        new_version = bump_case(case, version, state="open", state_reason=None)
        audit("case.resume", username, "case", case.number, step=case.current_step, version=new_version)

    return _guarded(case, actor, now, change)


def extend_deadline(number: str, reason: str, actor: Actor = None, now: datetime | None = None) -> models.Case:
    """Use the SOP's one extension of the legal deadline (UU 14/2008 art. 22(8): 7 hari kerja)."""
    reason = _required_reason(reason, "perpanjangan")
    case = _case_in(number, ACTIVE_CASE_STATES, "diperpanjang", actor)
    deadline = sop_for_case(case).case.legal_deadline
    if deadline is None or not deadline.extension_working_days:
        raise CaseStateError(f"SOP {case.sop_id} tidak mengenal perpanjangan batas waktu")
    if case.extended_at is not None:
        raise _already_extended(case)
    acting = resolve_actor(actor)
    now = now_or(now)
    due = extended_due(office_calendar(), deadline, case.due_at, case.started_at)
    with writing():
        # The extension does not change the flow, so it leaves row_version alone and
        # guards itself: only the first of two simultaneous extensions finds the column empty.
        changed = models.Case.update(due_at=due, extended_at=now, extension_reason=reason).where(
            (models.Case.id == case.id) & models.Case.extended_at.is_null()
        ).execute()
        if changed == 1:
            audit("case.extend", acting.username, "case", case.number, due=due.isoformat(),
                  working_days=deadline.extension_working_days)
    if changed != 1:
        raise _already_extended(find_case(number))
    return models.Case.get_by_id(case.id)


def skip_to_step(number: str, step_no: int, reason: str, actor: Actor = None,
                 now: datetime | None = None) -> models.Case:
    """Move an open case forward to a later step; the steps in between are marked skipped.

    For what happened without waiting for the SOP: a guest who leaves before the
    pimpinan has decided. The skipped runs keep the reason (`SKIP_REASON_KEY` in their
    form data), so the history says why they have no record.
    """
    reason = _required_reason(reason, "melewati langkah")
    case = _case_in(number, ("open",), "dilanjutkan ke langkah lain", actor)
    sop = sop_for_case(case)
    target = sop.step(step_no)
    if case.current_step is None or step_no <= case.current_step:
        raise CaseStateError(f"kasus {case.number} sudah di langkah {case.current_step}; "
                             f"langkah {step_no} bukan langkah sesudahnya")
    now = now_or(now)
    calendar = office_calendar()

    def change(version: int, username: str) -> None:
        skipped = case.current_step
        new_version = bump_case(case, version, current_step=target.no)
        models.StepRun.update(state="skipped", completed_at=now, form_data={SKIP_REASON_KEY: reason}).where(
            (models.StepRun.case == case.id) & (models.StepRun.state == "open")
        ).execute()
        open_run(case, sop, target, now, calendar)
        audit("case.skip", username, "case", case.number, step=skipped, to=target.no, version=new_version)

    return _guarded(case, actor, now, change)


def _already_extended(case: models.Case) -> CaseStateError:
    return CaseStateError(
        f"batas waktu kasus {case.number} sudah diperpanjang pada {case.extended_at:%d-%m-%Y}; "
        "perpanjangan hanya boleh sekali"
    )


def _guarded(case: models.Case, actor: Actor, now: datetime, change) -> models.Case:
    acting = resolve_actor(actor)
    version = case.row_version
    try:
        with writing():
            change(version, acting.username)
    except Lost:
        raise lost_race(case.number, version, None, None, now) from None
    return models.Case.get_by_id(case.id)


def _case_in(number: str, states: tuple[str, ...], verb: str, actor: Actor) -> models.Case:
    """The case, when it is in one of the states and the actor may change it (NotPermitted otherwise)."""
    # Imported when called: kpu_desk.accounts imports the engine's storage and errors.
    from kpu_desk.accounts.permissions import require_may_manage

    case = find_case(number)
    require_may_manage(resolve_actor(actor).user, sop_for_case(case), verb)
    if case.state not in states:
        raise CaseStateError(
            f"kasus {case.number} sedang {CASE_STATE_WORDS.get(case.state, case.state)}; tidak dapat {verb}"
        )
    return case


def _required_reason(reason: str | None, what: str) -> str:
    text = " ".join((reason or "").split())
    if not text:
        raise EngineError(f"alasan {what} wajib diisi")
    return text
