"""Checking a guest out: find the visit from a scanned or typed pass, then close it.

A scanner types the pass code (TM1.…) and Enter; a clerk may type the pass number
instead ("TM-2026-00042", or just "42" for this year's). A forged, altered, unknown
or expired code is refused (visits.PassRefused) with the reason; a pass handed back
already is refused too. Closing the visit records the desk's exit steps of the SOP
(identity returned); steps the pimpinan never recorded because the guest left first
are marked skipped with that reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from kpu_desk.engine.actors import Actor, display_name, resolve_actor
from kpu_desk.engine.cases import complete_step, now_or
from kpu_desk.engine.errors import UnknownCase
from kpu_desk.engine.lifecycle import skip_to_step
from kpu_desk.engine.sops import sop_for_case
from kpu_desk.engine.storage import audit, writing
from kpu_desk.frontdesk.flow import decision_step, exit_steps
from kpu_desk.sop.model import FieldType
from kpu_desk.store import models
from kpu_desk.security.pass_token import trim_scanned
from kpu_desk.visits import PassRefused, check_pass, handed_back_text

LEFT_EARLY = "tamu sudah keluar sebelum langkah ini dicatat"
_PASS_CODE = re.compile(r"^TM1\.", re.IGNORECASE)
# re.ASCII: a pass number is typed in digits 0-9; "٤٢" is no number of ours.
_NUMBER_ONLY = re.compile(r"^(\d{1,5})$", re.ASCII)
_PASS_NUMBER = re.compile(r"^[A-Z]{2,4}-\d{4}-\d{1,6}$", re.ASCII)


@dataclass(frozen=True)
class VisitView:
    """A visit as the desk sees it at check-out."""

    visit_id: int
    case_number: str
    pass_number: str
    guest_name: str
    institution: str
    host: str
    group_size: int
    checked_in_at: datetime
    checked_out_at: datetime | None
    valid_until: datetime
    ktp_held: bool
    ktp_tray: str
    decision: str  # what the pimpinan decided, in words; "" while nobody has

    @property
    def inside(self) -> bool:
        return self.checked_out_at is None


def looks_like_pass_code(text: str) -> bool:
    return bool(_PASS_CODE.match(trim_scanned(text or "")))


def find_visit(text: str, now: datetime | None = None) -> VisitView:
    """The visit behind a scanned code or a typed pass number; PassRefused when there is none."""
    now = now or datetime.now()
    text = trim_scanned(text or "")  # what a scanner adds: a zero-width space, a Tab, CR/LF
    if not text:
        raise PassRefused("pindai pass tamu atau ketik nomor pass")
    if looks_like_pass_code(text):
        check = check_pass(text, now)
        if not check.valid:
            raise PassRefused(_refusal(check))
        return visit_view(models.Visit.get_by_id(check.visit_id))
    return visit_view(_by_pass_number(text, now))


def _refusal(check) -> str:
    """Why a genuine pass is refused; an expired pass of a guest still inside says what to do."""
    visit = models.Visit.get_by_id(check.visit_id)
    if visit.checked_out_at is None:
        return (f"{check.problem}; bila tamu masih di gedung (mis. kembali mengambil KTP), "
                f"ketik nomor pass {check.pass_number} lalu Enter untuk mencatat keluar")
    return check.problem


def _by_pass_number(text: str, now: datetime) -> models.Visit:
    match = _NUMBER_ONLY.match(text)
    number = f"TM-{now.year}-{int(match.group(1)):05d}" if match else text.upper()
    if not match and not _PASS_NUMBER.match(number):
        raise PassRefused("kode yang terbaca bukan pass tamu KPU Desk; pindai QR pada pass tamu "
                          "atau ketik nomor pass seperti TM-2026-00042")
    visit = models.Visit.get_or_none(models.Visit.pass_number == number)
    if visit is None:
        raise PassRefused(f"tidak ada pass bernomor '{text}'; periksa nomornya atau pindai kode QR pada pass")
    return visit


def visit_view(visit: models.Visit) -> VisitView:
    party = visit.party
    return VisitView(
        visit_id=visit.id, case_number=visit.case.number, pass_number=visit.pass_number,
        guest_name=party.name or "", institution=party.institution or "", host=visit.host or "",
        group_size=visit.group_size or 1, checked_in_at=visit.checked_in_at, checked_out_at=visit.checked_out_at,
        valid_until=visit.valid_until, ktp_held=bool(visit.ktp_held), ktp_tray=visit.ktp_tray or "",
        decision=decision_text(visit.case),
    )


def decision_text(case: models.Case) -> str:
    """The pimpinan's decision on a visit in words, e.g. "Menunjuk pejabat/personil terkait: Budi"."""
    step = decision_step(sop_for_case(case))
    if step is None:
        return ""
    run = (models.StepRun.select().where((models.StepRun.case == case.id) & (models.StepRun.step_no == step.no)
                                          & (models.StepRun.state == "done"))
           .order_by(models.StepRun.id.desc()).first())
    if run is None or not run.branch:
        return ""
    named = [f.key for f in step.form if f.type is FieldType.PERSON and (run.form_data or {}).get(f.key)]
    if not named:
        return run.branch
    user = models.User.get_or_none(models.User.username == run.form_data[named[0]])
    return f"{run.branch}: {display_name(user.id if user else None, run.form_data[named[0]])}"


def check_out(visit_id: int, actor: Actor = None, now: datetime | None = None) -> VisitView:
    """Close the visit (pass handed back, identity returned) and record the desk's exit steps."""
    now = now_or(now)
    acting = resolve_actor(actor)
    who = acting.user or actor
    with writing():
        closed = models.Visit.update(checked_out_at=now).where(
            (models.Visit.id == visit_id) & models.Visit.checked_out_at.is_null()
        ).execute()
        visit = models.Visit.get_or_none(models.Visit.id == visit_id)
        if visit is None:
            raise UnknownCase("kunjungan tidak ditemukan")
        if closed != 1:
            raise PassRefused(handed_back_text(visit.checked_out_at))
        _record_exit(visit.case, who, now)
        audit("visit.check_out", acting.username, "visit", str(visit.id), case=visit.case.number)
    return visit_view(models.Visit.get_by_id(visit_id))


def _record_exit(case: models.Case, who, now: datetime) -> None:
    if case.state != "open":
        return  # waiting or cancelled cases keep their state; the visit alone is closed
    steps = exit_steps(sop_for_case(case))
    numbers = [s.no for s in steps]
    if not steps or case.current_step is None or case.current_step > numbers[-1]:
        return
    if case.current_step < numbers[0]:
        skip_to_step(case.number, numbers[0], LEFT_EARLY, who, now)
    for step in steps:
        current = models.Case.get_by_id(case.id).current_step
        if current == step.no:
            complete_step(case.number, _exit_form(step), who, now=now)


def _exit_form(step) -> dict:
    # Handing the pass back at the desk is when the identity card is returned.
    return {f.key: True for f in step.form if f.type is FieldType.YESNO}
