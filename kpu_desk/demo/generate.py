"""Filling a database with a month of a believable office, in every state a case can be in.

Cases are run through the real engine (start, complete, branch, wait, cancel)
with the clock set back, so every row is one the application itself could have
written: numbers without gaps, due times from the calendar, audit entries.
"""

from __future__ import annotations

import random
from io import BytesIO
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any, Callable


from kpu_desk.demo.letters import fill_letters
from kpu_desk.demo.values import DemoValues
from kpu_desk.engine.cases import complete_step, find_case, start_case
from kpu_desk.engine.lifecycle import cancel_case, set_waiting
from kpu_desk.engine.sops import sop_for_case, sync_definitions
from kpu_desk.lanemap import suggested_lane_roles
from kpu_desk.office_hours import pass_valid_until
from kpu_desk.security.pass_token import new_pass_token
from kpu_desk.security.passwords import hash_password
from kpu_desk.sop.library import load_shipped
from kpu_desk.sop.model import Sop, Step
from kpu_desk.store import models
from kpu_desk.store.attachments import store_file
from kpu_desk.workcal import WorkingCalendar

DEMO_PASSWORD = "kpudesk2026"

# username, full name, jabatan, NIP, role
DEMO_USERS = (
    ("admin", "Rudi Hartono", "Pranata Komputer", "198703122010121002", "administrator"),
    ("resepsionis", "Sri Wahyuni", "Petugas Jagat Saksana", "", "resepsionis"),
    ("helpdesk", "Yohanes Ndun", "Petugas Help Desk", "", "resepsionis"),
    ("sekretaris", "Masykur", "Sekretaris KPU Kabupaten Karanganyar", "197205141998031004", "sekretaris"),
    ("ketua", "Bambang Setiawan", "Ketua KPU Kabupaten Karanganyar", "", "pimpinan"),
    ("anggota", "Siti Rahayu", "Anggota KPU Divisi Hukum dan Pengawasan", "", "pimpinan"),
    ("kasubag.umum", "Endang Lestari", "Kepala Sub Bagian Keuangan, Umum dan Logistik", "197811032005022001", "kasubag"),
    ("kasubag.hukum", "Smaragung Wibowo", "Kepala Sub Bagian Hukum dan SDM", "198006172006041003", "kasubag"),
    ("ppid", "Dian Kusuma", "Pelaksana PPID", "198909092015032002", "ppid"),
    ("dumas", "Arif Nugroho", "Petugas Unit Pengaduan Masyarakat", "", "unit_dumas"),
    ("staf1", "Fitri Handayani", "Pengelola Data", "", "staf"),
    ("staf2", "Teguh Prasetyo", "Pengadministrasi Umum", "", "staf"),
)

# Cases a day, per SOP, on a working day of a busy month.
DAILY_LOAD = {
    "karanganyar-pelayanan-umum": (6, 14),
    "kupang-pelayanan-publik": (0, 2),
    "pulangpisau-pengaduan": (0, 1),
    "kediri-pengaduan": (0, 1),
}


CANCEL_REASONS = ("Tamu membatalkan kunjungan", "Permohonan ditarik pemohon", "Tercatat ganda")


class DemoRefused(Exception):
    """The database already holds an office's work; the demo does not mix into it."""


@dataclass
class DemoReport:
    users: int = 0
    cases: dict[str, int] = field(default_factory=dict)

    def count(self, state: str) -> None:
        self.cases[state] = self.cases.get(state, 0) + 1


Progress = Callable[[int, int], None]


def fill_demo(days: int = 30, seed: int = 2026, now: datetime | None = None,
              progress: Progress | None = None) -> DemoReport:
    """Users for every role, lane assignments, and `days` working days of cases ending at now."""
    if models.Case.select().exists():
        raise DemoRefused("basis data ini sudah berisi kasus; data demo hanya diisikan ke basis data kosong")
    rng = random.Random(seed)
    now = now or datetime.now()
    report = DemoReport()
    sops = {sop.id: sop for sop in load_shipped()}
    sync_definitions(sops.values(), actor="demo")
    users = _create_users(report)
    _assign_lanes(sops.values())
    attachment = store_file(_sample_pdf(), "pindaian-dokumen.pdf").id
    plan = _plan(rng, days, now)
    for index, (sop_id, started) in enumerate(plan, start=1):
        _run_case(rng, sops[sop_id], started, now, users, attachment, report)
        if progress:
            progress(index, len(plan))
    _ensure_every_state(rng, now, report)
    fill_letters(random.Random(seed + 7), now)
    _read_earlier_notifications(now)
    return report


def _read_earlier_notifications(now: datetime) -> None:
    """What the office was told before today has been seen; today's news is still unread."""
    start_of_day = datetime.combine(now.date(), datetime.min.time())
    models.Notification.update(read_at=now).where(
        models.Notification.read_at.is_null() & (models.Notification.created_at < start_of_day)
    ).execute()


def _ensure_every_state(rng: random.Random, now: datetime, report: DemoReport) -> None:
    """A short month can leave a state unused by chance; the demo shows every one."""
    at = now - timedelta(minutes=5)
    for state, change in (("waiting", _wait), ("cancelled", _cancel)):
        if report.cases.get(state) or report.cases.get("open", 0) < 2:  # one case stays open
            continue
        candidates = models.Case.select(models.Case.number).where(models.Case.state == "open").order_by(models.Case.id)
        number = rng.choice([c.number for c in candidates])
        change(number, at)
        report.cases["open"] -= 1
        report.count(state)


def _wait(number: str, at: datetime) -> models.Case:
    return set_waiting(number, "Menunggu kelengkapan dokumen dari pemohon", "admin", now=at)


def _cancel(number: str, at: datetime, reason: str = "Tercatat ganda") -> models.Case:
    return cancel_case(number, reason, "admin", now=at)


def _create_users(report: DemoReport) -> dict[str, list[str]]:
    stored = hash_password(DEMO_PASSWORD)  # one slow hash, reused: every demo user shares it
    by_role: dict[str, list[str]] = {}
    for username, name, jabatan, nip, role in DEMO_USERS:
        user = models.User.create(username=username, full_name=name, jabatan=jabatan, nip=nip, password_hash=stored)
        models.UserRole.create(user=user, role=role)
        by_role.setdefault(role, []).append(username)
        report.users += 1
    return by_role


def _assign_lanes(sops) -> None:
    for sop in sops:
        for lane_id, role in suggested_lane_roles(sop).items():
            if role:
                models.LaneAssignment.create(sop_id=sop.id, lane_id=lane_id, role=role)


def _plan(rng: random.Random, days: int, now: datetime) -> list[tuple[str, datetime]]:
    """(SOP, start time) of every case, oldest first, on the office's working days."""
    calendar = WorkingCalendar()
    day = now.date() - timedelta(days=int(days * 1.5) + 5)
    workdays = []
    while day <= now.date():
        if calendar.is_working_day(day):
            workdays.append(day)
        day += timedelta(days=1)
    plan = [(sop_id, _office_hour(rng, d)) for d in workdays[-days:] for sop_id, (low, high) in DAILY_LOAD.items()
            for _ in range(rng.randint(low, high))]
    plan.append(("karanganyar-maklumat-informasi", _office_hour(rng, workdays[-min(days, 12)])))
    return sorted((item for item in plan if item[1] < now), key=lambda item: item[1])


def _office_hour(rng: random.Random, day) -> datetime:
    return datetime.combine(day, time(7, 45)) + timedelta(minutes=rng.randint(0, 7 * 60))


def _run_case(rng, sop: Sop, started: datetime, now: datetime, users, attachment: int, report: DemoReport) -> None:
    values = DemoValues(rng, started, users, attachment)
    fate = _fate(rng, sop, started, now)
    clock = started
    first = sop.start_steps[rng.randrange(len(sop.start_steps))]
    actor = _actor_for(rng, sop, first, users)
    case = start_case(sop.id, values.form(first.form), actor, entry=first.entry, now=clock,
                      complete_first=True, branch=_branch(rng, first))
    limit = 99 if fate == "done" else rng.randint(0, 6)
    while case.state == "open" and limit > 0:
        clock = _later(rng, sop, clock)
        if clock >= now:
            break
        step = sop_for_case(case).step(case.current_step)
        outcome = complete_step(case.number, values.form(step.form), _actor_for(rng, sop, step, users),
                                branch=_branch(rng, step), now=clock)
        case, limit = outcome.case, limit - 1
    _settle(rng, case, fate, clock, now, report)
    if sop.case.kind.value == "kunjungan":
        _record_visit(case.number, values, started, clock)


def _fate(rng: random.Random, sop: Sop, started: datetime, now: datetime) -> str:
    roll = rng.random()
    if sop.case.kind.value == "kunjungan" and started.date() < _last_working_day(now):
        # Guests go home the same day: yesterday's visits are over, not overdue for days.
        return "cancelled" if roll < 0.03 else "done"
    if roll < 0.05:
        return "cancelled"
    if roll < 0.09:
        return "waiting"
    return "open" if (now - started) < timedelta(days=4) or roll > 0.93 else "done"


def _last_working_day(now: datetime):
    """Today, or the last working day before it: its guests may still be in the building."""
    calendar, day = WorkingCalendar(), now.date()
    while not calendar.is_working_day(day):
        day -= timedelta(days=1)
    return day


def _later(rng: random.Random, sop: Sop, clock: datetime) -> datetime:
    if sop.case.kind.value == "kunjungan":
        return clock + timedelta(minutes=rng.randint(2, 15))
    return clock + timedelta(hours=rng.choice((1, 2, 3, 5, 20, 26)))


def _branch(rng: random.Random, step: Step) -> str | None:
    return rng.choice(step.branches).label if step.branches else None


def _actor_for(rng, sop: Sop, step: Step, users) -> str:
    roles = [r for r in (suggested_lane_roles(sop).get(lane) for lane in step.lanes) if r]
    pool = [u for role in roles for u in users.get(role, [])] or users["resepsionis"]
    return rng.choice(pool)


def _settle(rng, case, fate: str, clock: datetime, now: datetime, report: DemoReport) -> None:
    at = min(clock, now - timedelta(minutes=1))
    if case.state == "open" and fate == "cancelled":
        case = _cancel(case.number, at, rng.choice(CANCEL_REASONS))
    elif case.state == "open" and fate == "waiting":
        case = _wait(case.number, at)
    report.count(case.state)


def _record_visit(number: str, values: DemoValues, started: datetime, clock: datetime) -> None:
    case = find_case(number)
    if case.party_id is None:
        return
    data: dict[str, Any] = {}
    for run in case.step_runs:
        data.update(run.form_data or {})
    models.Visit.create(
        case=case, party=case.party_id, pass_number=case.number, pass_token=new_pass_token(),
        host=str(data.get("yang_dituju", "")), purpose=str(data.get("keperluan", "")),
        checked_in_at=started, valid_until=pass_valid_until(started),
        checked_out_at=clock if case.state in ("done", "cancelled") else None,
        ktp_held=bool(data.get("identitas_dititipkan")), ktp_tray=data.get("nomor_baki"),
    )


def _sample_pdf() -> bytes:
    buffer = BytesIO()
    from reportlab.pdfgen import canvas  # only when a demo is made: the sign-in imports this module

    page = canvas.Canvas(buffer)
    page.drawString(72, 770, "Contoh pindaian dokumen (data demo KPU Desk)")
    page.save()
    return buffer.getvalue()
