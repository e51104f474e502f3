"""Helpers for the engine tests: users, attachments, valid form values, and every path of an SOP."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from kpu_desk import engine
from kpu_desk.security.passwords import hash_password
from kpu_desk.roles import ROLES
from kpu_desk.sop.library import load_shipped
from kpu_desk.sop.model import FieldType, FormField, Sop, Step
from kpu_desk.store import models

T0 = datetime(2026, 3, 2, 8, 0)  # a Monday, a working day
VALID_NIK = "3313014508900001"  # Karanganyar, a woman born 5 August 1990
OFFICE_ROLES = ROLES
PASSWORD = "kpudesk2026"  # the demo users' password too (README.md)

# Sample values for the text patterns the shipped SOPs use; a new pattern needs one here.
PATTERN_SAMPLES = {
    r"^[A-Za-z]{1,2} ?[0-9]{1,4} ?[A-Za-z]{0,3}$": "AD 1234 XY",
    r"^https?://[^\s]+$": "https://kpu-karanganyarkab.go.id/maklumat-2026",
}


def make_users() -> dict[str, models.User]:
    """One active user per role (username = role + "1"), for person fields and actors; each signs in
    with PASSWORD (the demo's, which the CLI tests give in KPU_DESK_PASSWORD)."""
    users = {}
    for role in OFFICE_ROLES:
        user = models.User.create(username=f"{role}1", full_name=f"Petugas {role.title()}",
                                  password_hash=password_hash())
        models.UserRole.create(user=user, role=role)
        users[role] = user
    return users


@cache
def password_hash() -> str:
    return hash_password(PASSWORD)  # slow on purpose: hashed once per test run


def make_attachment(filename: str = "berkas.pdf") -> models.Attachment:
    digest = hashlib.sha256(filename.encode()).hexdigest()
    return models.Attachment.create(sha256=digest, filename=filename, size=1)


def sync_shipped() -> list[Sop]:
    """The shipped SOPs registered, every office role acting in every lane of each.

    The tests that use this exercise the flow, not who may act (test_permissions.py does that
    with the office's own mapping), so any of make_users()'s users may complete any step.
    """
    sops = load_shipped()
    engine.sync_definitions(sops)
    everyone_acts_in(sops)
    return sops


def everyone_acts_in(sops: list[Sop]) -> None:
    for sop in sops:
        models.LaneAssignment.delete().where(models.LaneAssignment.sop_id == sop.id).execute()
        models.LaneAssignment.insert_many(
            [{"sop_id": sop.id, "lane_id": lane.id, "role": role} for lane in sop.lanes for role in OFFICE_ROLES]
        ).execute()


def valid_value(form_field: FormField) -> str:
    """A value a clerk could type for the field, as text, that passes its rules."""
    kind = form_field.type
    if kind in (FieldType.TEXT, FieldType.MULTILINE):
        return _text_value(form_field)
    if kind is FieldType.NUMBER:
        low = form_field.minimum if form_field.minimum is not None else 1
        high = form_field.maximum if form_field.maximum is not None else low + 10
        return str(int((low + high) // 2))
    if kind is FieldType.CHOICE:
        return ", ".join(form_field.options[:2]) if form_field.multiple else form_field.options[-1]
    if kind in (FieldType.ATTACHMENT, FieldType.SIGNATURE):
        suffix = form_field.accept[0] if form_field.accept else ".pdf"
        return str(make_attachment(f"{form_field.key}{suffix}").id)
    if kind is FieldType.PERSON:
        return f"{form_field.role or 'staf'}1"
    return _SIMPLE_VALUES[kind]


_SIMPLE_VALUES = {
    FieldType.DATE: "21-11-2026",
    FieldType.TIME: "10.42",
    FieldType.DATETIME: "2026-11-21 10:42",
    FieldType.NIK: VALID_NIK,
    FieldType.PHONE: "+62 812-3456-7890",
    FieldType.EMAIL: "pemohon@contoh.go.id",
    FieldType.YESNO: "ya",
}


def _text_value(form_field: FormField) -> str:
    if form_field.pattern:
        assert form_field.pattern in PATTERN_SAMPLES, f"no sample value for pattern {form_field.pattern!r}"
        return PATTERN_SAMPLES[form_field.pattern]
    text = f"Isian {form_field.key}"
    if form_field.min_length:
        text = text.ljust(form_field.min_length, "x")
    return text[: form_field.max_length] if form_field.max_length else text


def valid_form(step: Step) -> dict[str, str]:
    return {f.key: valid_value(f) for f in step.form}


# --- paths -------------------------------------------------------------------------


@dataclass(frozen=True)
class Visit:
    step_no: int
    branch: str | None


def every_path(sop: Sop, max_length: int = 100) -> list[tuple[Visit, ...]]:
    """Every way from each start step through each branch to an end step.

    A step is visited at most once per path (the shipped SOPs have no loops), and
    a path longer than max_length is an error: the enumeration always stops.
    """
    found: list[tuple[Visit, ...]] = []
    for start in sop.start_steps:
        _walk(sop, start, (), found, max_length)
    return found


def _walk(sop: Sop, step: Step, so_far: tuple[Visit, ...], found: list, max_length: int) -> None:
    assert len(so_far) < max_length, f"{sop.id}: path longer than {max_length} steps"
    if step.no in {v.step_no for v in so_far}:
        raise AssertionError(f"{sop.id}: loop through step {step.no}; use a bounded loop walk")
    if step.branches:
        for branch in step.branches:
            _walk(sop, sop.step(branch.next), so_far + (Visit(step.no, branch.label),), found, max_length)
    elif step.next is None:
        found.append(so_far + (Visit(step.no, None),))
    else:
        _walk(sop, sop.step(step.next), so_far + (Visit(step.no, None),), found, max_length)


def run_path(sop: Sop, path: tuple[Visit, ...], actor: models.User, start: datetime = T0) -> models.Case:
    """Run one path as a case with valid forms, a minute per step; return the finished case."""
    first = sop.step(path[0].step_no)
    case = engine.start_case(
        sop.id, valid_form(first), actor=actor, entry=first.entry, now=start,
        complete_first=True, branch=path[0].branch,
    )
    for index, visit in enumerate(path[1:], start=1):
        assert case.current_step == visit.step_no
        outcome = engine.complete_step(
            case.number, valid_form(sop.step(visit.step_no)), actor=actor, branch=visit.branch,
            expected_version=case.row_version, now=start + timedelta(minutes=index),
        )
        case = outcome.case
    return case


def write_sop(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# A small SOP whose decision sends the draft back for correction: a loop.
LOOP_SOP = """\
format: 1
id: uji-putaran
version: 1
header:
  office: "KPU KABUPATEN UJI"
  number: "99"
  name: "SOP UJI PUTARAN"
  disahkan_oleh:
    jabatan: "SEKRETARIS"
lanes:
  - id: staf
    name: "Staf"
  - id: kasubag
    name: "Kasubag"
steps:
  - no: 1
    activity: "Menerima konsep"
    lanes: [staf]
    symbol: start
    mutu_baku: {waktu: "-"}
    next: 2
    form:
      - {key: judul, label: "Judul", type: text, required: true}
  - no: 2
    activity: "Memperbaiki konsep"
    lanes: [staf]
    symbol: process
    mutu_baku: {waktu: "1 jam"}
    next: 3
    form:
      - {key: catatan_perbaikan, label: "Catatan", type: multiline}
  - no: 3
    activity: "Memeriksa konsep"
    lanes: [kasubag]
    symbol: decision
    mutu_baku: {waktu: "Hari Ke 2"}
    branches:
      - {label: "Perlu perbaikan", next: 2}
      - {label: "Setuju", next: 4}
  - no: 4
    activity: "Mengarsipkan"
    lanes: [staf]
    symbol: end
    mutu_baku: {waktu: "10 menit"}
case:
  kind: lainnya
  prefix: UJ
  title: "{judul}"
"""
