"""Guest passes: what a badge shows, and checking a pass's code at the door.

Part of the core: no Qt here. Works on the database bound to kpu_desk.store.models.
The code on a pass (Visit.pass_token, see kpu_desk.security.pass_token) is random and
signed with the installation's secret; everything about the guest stays in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kpu_desk.engine.cases import find_case
from kpu_desk.engine.errors import EngineError
from kpu_desk.security.pass_token import PassTokenError, normalize_payload, verify_pass_token
from kpu_desk.store import models


class PassRefused(EngineError):
    """A code that is not a pass of this office: altered, forged or unknown."""


@dataclass(frozen=True)
class PassInfo:
    """Everything a printed guest pass shows."""

    office_name: str
    guest_name: str
    institution: str
    host: str
    purpose: str
    pass_number: str
    case_number: str
    checked_in_at: datetime
    valid_until: datetime
    token: str


@dataclass(frozen=True)
class PassCheck:
    """A genuine pass, as the guard at the door sees it: valid, or why not."""

    visit_id: int
    case_number: str
    pass_number: str
    guest_name: str  # masked: "Wulan S."
    host: str
    ktp_held: bool
    ktp_tray: str | None
    valid_until: datetime
    valid: bool
    problem: str = ""

    def line(self) -> str:
        ktp = f"KTP dititipkan di baki {self.ktp_tray}" if self.ktp_held and self.ktp_tray else (
            "KTP dititipkan" if self.ktp_held else "KTP tidak dititipkan")
        state = "SAH" if self.valid else f"TIDAK SAH: {self.problem}"
        return (f"{state} — pass {self.pass_number} ({self.case_number}), tamu {self.guest_name}, "
                f"menemui {self.host or '-'}, berlaku s.d. {self.valid_until:%d-%m-%Y %H:%M}, {ktp}")


def _visit_of(case_number: str) -> models.Visit:
    case = find_case(case_number)
    visit = models.Visit.get_or_none(models.Visit.case == case)
    if visit is None:
        raise PassRefused(f"kasus {case.number} bukan kunjungan tamu; tidak ada pass")
    return visit


def pass_info(case_number: str) -> PassInfo:
    from kpu_desk.office import load_office

    visit = _visit_of(case_number)
    party = visit.party
    return PassInfo(
        office_name=load_office().name or "KPU",
        guest_name=party.name or "", institution=party.institution or "",
        host=visit.host or "", purpose=visit.purpose or "",
        pass_number=visit.pass_number, case_number=visit.case.number,
        checked_in_at=visit.checked_in_at, valid_until=visit.valid_until, token=visit.pass_token,
    )


def mark_printed(case_number: str, at: datetime | None = None) -> None:
    visit = _visit_of(case_number)
    models.Visit.update(printed_at=at or datetime.now()).where(models.Visit.id == visit.id).execute()


def mask_name(name: str) -> str:
    """The first word and the initials of the rest: enough to match a face, not a full record."""
    words = (name or "").split()
    if not words:
        return "-"
    return " ".join([words[0], *(f"{w[0]}." for w in words[1:])])


def handed_back_text(left_at: datetime) -> str:
    return f"tamu sudah keluar pada {left_at:%d-%m-%Y %H:%M}; pass sudah dikembalikan"


def check_pass(payload: str, now: datetime | None = None) -> PassCheck:
    """The visit behind a scanned or typed code.

    Raises PassRefused for an altered, forged or unknown code; returns a PassCheck with
    valid=False (and the reason) for a genuine pass that has expired or been handed back.
    """
    now = now or datetime.now()
    try:
        verify_pass_token(payload)
    except PassTokenError as exc:
        raise PassRefused(str(exc)) from None
    visit = models.Visit.get_or_none(models.Visit.pass_token == normalize_payload(payload))
    if visit is None:
        raise PassRefused("kode pass tidak dikenal: tidak ada kunjungan dengan kode ini")
    problem = ""
    if visit.checked_out_at is not None:
        problem = handed_back_text(visit.checked_out_at)
    elif visit.valid_until < now:
        problem = f"pass kedaluwarsa sejak {visit.valid_until:%d-%m-%Y %H:%M}"
    return PassCheck(
        visit_id=visit.id, case_number=visit.case.number, pass_number=visit.pass_number,
        guest_name=mask_name(visit.party.name), host=visit.host or "", ktp_held=bool(visit.ktp_held),
        ktp_tray=visit.ktp_tray, valid_until=visit.valid_until, valid=not problem, problem=problem,
    )


def guest_pass_pdf(case_number: str, size: str = "cr80") -> bytes:
    """The visit's guest pass as PDF bytes (sizes: kpu_desk.printing.guest_pass.SIZES)."""
    from io import BytesIO

    from kpu_desk.printing.guest_pass import render_guest_pass  # reportlab only when printing

    buffer = BytesIO()
    render_guest_pass(pass_info(case_number), buffer, size=size)
    return buffer.getvalue()


def printed_at(case_number: str) -> datetime | None:
    return _visit_of(case_number).printed_at
