"""Checking a guest in: the visit SOP's intake steps and the visit, in one transaction.

The dialog at the desk sends one dict keyed by the SOP's own field keys
(nama_tamu, jenis_identitas, nik, identitas_dititipkan, nomor_baki, cek_kesehatan …).
Every intake step's form is checked first, together with the rules that join
fields across steps, so one FormError lists everything that is wrong and nothing
is written. A guest who does not pass the health check (step 2) is recorded, the
case cancelled and the visit closed at once: no pass, but still in the buku tamu
(and so anonymised after the retention period like every other guest).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.cases import complete_step, now_or, start_case
from kpu_desk.engine.errors import EngineError, FormError
from kpu_desk.engine.fields import validate_form
from kpu_desk.engine.lifecycle import cancel_case
from kpu_desk.engine.sops import latest_version, registered_sop_ids, sop_for_version
from kpu_desk.engine.storage import audit, writing
from kpu_desk.frontdesk.flow import intake_steps, report_step
from kpu_desk.office_hours import pass_valid_until
from kpu_desk.security.pass_token import new_pass_token
from kpu_desk.sop.model import CaseKind, FieldType, Sop, Step
from kpu_desk.store import models

HEALTH_FAILED = "Tidak lolos"
REPORTED_BY_APP = "Notifikasi KPU Desk"


@dataclass(frozen=True)
class CheckInResult:
    case_number: str
    admitted: bool  # False: did not pass the health check; the visit is closed at once, no pass
    visit_id: int | None = None
    pass_number: str = ""


def visit_sop() -> Sop:
    """The office's visit SOP (the registered SOP whose cases are kunjungan)."""
    for sop_id in registered_sop_ids():
        sop = sop_for_version(latest_version(sop_id).id)
        if sop.case.kind is CaseKind.KUNJUNGAN:
            return sop
    raise EngineError("belum ada SOP kunjungan tamu di basis data; muat SOP Pelayanan Umum terlebih dahulu")


def check_in(
    data: Mapping[str, Any],
    actor: Actor = None,
    *,
    report_to: str | None = None,
    valid_until: datetime | None = None,
    now: datetime | None = None,
) -> CheckInResult:
    """Register a guest; with `report_to` (a pimpinan's username) the report step is recorded too."""
    now = now_or(now)
    sop = visit_sop()
    forms = _checked_forms(sop, data, report_to)
    if valid_until is not None and valid_until <= now:
        raise FormError({"berlaku_sampai": "batas berlaku pass harus sesudah saat ini"}, dict(data))
    acting = resolve_actor(actor)
    with writing():
        first, *rest = forms
        case = start_case(sop.id, first[1], acting.user or actor, now=now, complete_first=True)
        for step, form in rest:
            if _health_failed(step, form):
                complete_step(case.number, form, acting.user or actor, now=now)
                cancel_case(case.number, f"tamu {HEALTH_FAILED.lower()} cek kesehatan (langkah {step.no})",
                            acting.user or actor, now=now)
                # Still a visit of the buku tamu, over at once: counted, and anonymised with the others.
                visit = _record_visit(case.number, data, now, now, left_at=now)
                audit("visit.refused", acting.username, "visit", str(visit.id), case=case.number)
                return CheckInResult(case.number, admitted=False, visit_id=visit.id)
            complete_step(case.number, form, acting.user or actor, now=now)
        visit = _record_visit(case.number, data, valid_until or pass_valid_until(now), now)
        audit("visit.check_in", acting.username, "visit", str(visit.id), case=case.number,
              reported=report_to is not None)
    return CheckInResult(case.number, admitted=True, visit_id=visit.id, pass_number=visit.pass_number)


def _checked_forms(sop: Sop, data: Mapping[str, Any], report_to: str | None) -> list[tuple[Step, dict]]:
    steps = intake_steps(sop)
    report = report_step(sop)
    if report_to and report is not None:
        steps = [*steps, report]
    given = dict(data)
    if report_to and report is not None:
        given.update(_report_fields(report, report_to))
    forms, errors = [], dict(_cross_field_errors(given))
    for step in steps:
        mine = {f.key: given.get(f.key) for f in step.form}
        try:
            forms.append((step, validate_form(step, mine)))
        except FormError as exc:
            errors.update(exc.errors)
    if errors:
        raise FormError(errors, dict(data))
    return forms


def _report_fields(step: Step, username: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f in step.form:
        if f.type is FieldType.PERSON:
            values[f.key] = username
        elif f.options and REPORTED_BY_APP in f.options:
            values[f.key] = REPORTED_BY_APP
        elif f.type is FieldType.YESNO:
            values[f.key] = False  # the pramusaji is told by their own task, not by this report
    return values


def _cross_field_errors(data: Mapping[str, Any]) -> dict[str, str]:
    """Rules that join fields: which identity number is needed, and where a kept KTP lies."""
    errors = {}
    kind = str(data.get("jenis_identitas") or "").strip()
    if kind == "KTP" and not str(data.get("nik") or "").strip():
        errors["nik"] = "wajib diisi bila identitas berupa KTP"
    if kind and kind != "KTP" and not str(data.get("nomor_identitas") or "").strip():
        errors["nomor_identitas"] = f"wajib diisi bila identitas berupa {kind}"
    if _yes(data.get("identitas_dititipkan")) and not str(data.get("nomor_baki") or "").strip():
        errors["nomor_baki"] = "wajib diisi bila identitas dititipkan di meja"
    return errors


def _yes(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("ya", "y", "yes", "true", "1")
    return bool(value)


def _health_failed(step: Step, form: Mapping[str, Any]) -> bool:
    return any(f.key == "cek_kesehatan" for f in step.form) and form.get("cek_kesehatan") == HEALTH_FAILED


def _record_visit(number: str, data: Mapping[str, Any], valid_until: datetime, now: datetime,
                  left_at: datetime | None = None) -> models.Visit:
    case = models.Case.get(models.Case.number == number)
    recorded: dict[str, Any] = {}
    for run in models.StepRun.select().where(models.StepRun.case == case.id).order_by(models.StepRun.id):
        recorded.update(run.form_data or {})
    return models.Visit.create(
        case=case, party=case.party_id, pass_number=case.number, pass_token=new_pass_token(),
        host=str(recorded.get("yang_dituju", ""))[:120], purpose=str(recorded.get("keperluan", "")),
        checked_in_at=now, valid_until=valid_until, checked_out_at=left_at,
        ktp_held=bool(recorded.get("identitas_dititipkan")), ktp_tray=recorded.get("nomor_baki") or None,
        identity_type=recorded.get("jenis_identitas"), origin=recorded.get("asal_tamu"),
        group_size=int(recorded.get("jumlah_tamu") or 1),
    )
