"""`kpu-desk demo` fills an empty database with a believable office, in every state."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from kpu_desk.roles import ROLES

pytestmark = pytest.mark.usefixtures("office_hours")


def test_demo_fills_an_office_in_every_state(run_cli, database_url):
    code, out, err = run_cli("--db", database_url, "demo", "--days", "10")
    assert code == 0, err
    assert "Data demo terisi: 12 pengguna" in out and "kpudesk2026" in out

    code, out, _ = run_cli("--db", database_url, "case", "list", "--json", "--limit", "1000")
    cases = json.loads(out)
    assert {c["state"] for c in cases} == {"open", "waiting", "done", "cancelled"}
    assert any(c["overdue"] for c in cases) and not all(c["overdue"] for c in cases)
    assert {c["sop_id"] for c in cases} >= {"karanganyar-pelayanan-umum", "karanganyar-maklumat-informasi"}
    open_steps = {c["current_step"] for c in cases if c["state"] == "open" and c["sop_id"] == "karanganyar-pelayanan-umum"}
    assert len(open_steps) >= 4  # open at many different steps, not all at the first

    visits = [c for c in cases if c["number"].startswith("TM-")]
    numbers = sorted(int(c["number"].rsplit("-", 1)[1]) for c in visits)
    assert numbers == list(range(1, len(numbers) + 1))  # gapless
    assert any(" — " in c["title"] for c in visits)  # named after a guest and an institution

    code, out, _ = run_cli("--db", database_url, "db", "verify-audit")
    assert code == 0


def test_demo_users_cover_every_role(run_cli, database_url):
    run_cli("--db", database_url, "demo", "--days", "2")
    from kpu_desk.store import models, open_database, close_database

    open_database(database_url)
    try:
        roles = {r.role for r in models.UserRole.select()}
        assert roles == set(ROLES)
        assert models.Visit.select().count() > 0
        assert models.LaneAssignment.select().where(models.LaneAssignment.lane_id == "jagat_saksana").get().role == "resepsionis"
    finally:
        close_database()


def test_demo_refuses_a_database_with_work_in_it(run_cli, sqlite_url):
    assert run_cli("--db", sqlite_url, "demo", "--days", "1")[0] == 0
    code, _, err = run_cli("--db", sqlite_url, "demo", "--days", "1")
    assert code == 1 and "sudah berisi kasus" in err


def test_lane_role_suggestions_follow_the_lanes_words():
    from kpu_desk.lanemap import suggest_role

    assert suggest_role("Visitor/ Tamu") == "resepsionis"  # reception records what the guest does
    assert suggest_role("Bagian Anggaran") is None
    assert suggest_role("Jagat Saksana") == suggest_role("Help Desk") == suggest_role("Desk/ FO") == "resepsionis"
    assert suggest_role("Atasan PPID") == "sekretaris" and suggest_role("PPID") == "ppid"
    assert suggest_role("Pimpinan (Ketua/ Anggota/ Sekretaris)") == "pimpinan"
    assert suggest_role("KASUBBAG HUKUM KETUA TIM TEKNIS") == "kasubag"
    assert suggest_role("Unit Dumas") == "unit_dumas"


def test_the_command_line_demo_is_the_same_office_as_the_windows(run_cli, sqlite_url):
    assert run_cli("--db", sqlite_url, "demo", "--days", "1")[0] == 0
    from kpu_desk import office
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    try:
        assert office.load_office().name == "KPU Kabupaten Karanganyar" and office.is_demo()
    finally:
        close_database()


def test_every_state_shows_after_the_lebaran_holidays(run_cli, sqlite_url, time_machine):
    # Idul Fitri 1448 (an estimate in `holidays`): closed since Nyepi on 8 March, so only one
    # or two recent cases are still open to put on hold.
    time_machine.move_to(datetime(2027, 3, 10, 19, 30))
    assert run_cli("--db", sqlite_url, "demo", "--days", "10")[0] == 0
    code, out, _ = run_cli("--db", sqlite_url, "case", "list", "--json", "--limit", "1000")
    assert {c["state"] for c in json.loads(out)} == {"open", "waiting", "done", "cancelled"}
