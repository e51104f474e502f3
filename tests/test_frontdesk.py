"""The front desk core: check-in along the visit SOP, returning guests, check-out, notifications."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kpu_desk import engine, notifications
from kpu_desk.engine import FormError
from kpu_desk.frontdesk import check_in, check_out, find_returning, find_visit
from kpu_desk.store import models
from kpu_desk.visits import PassRefused
from tests.engine_support import T0, VALID_NIK, make_users, sync_shipped

GUEST = {
    "nama_tamu": "Wulan Sari", "asal_tamu": "Instansi", "instansi": "Dinas Kominfo", "jumlah_tamu": 2,
    "telepon": "0812-3456-7890", "cuci_tangan": True, "cek_kesehatan": "Lolos",
    "jenis_identitas": "KTP", "nik": VALID_NIK, "keperluan": "Koordinasi data pemilih",
    "yang_dituju": "Ketua", "identitas_dititipkan": True, "nomor_baki": "7",
}


@pytest.fixture
def office(database):
    sync_shipped()
    return make_users()


def test_check_in_records_the_intake_steps_and_the_visit(office):
    result = check_in(GUEST, office["resepsionis"], now=T0)
    case = engine.find_case(result.case_number)
    assert result.admitted and case.number.startswith("TM-2026-") and case.current_step == 5
    runs = {run.step_no: run for run in case.step_runs}
    assert sorted(runs) == [1, 2, 3, 4, 5] and runs[5].state == "open"
    visit = models.Visit.get_by_id(result.visit_id)
    assert (visit.ktp_held, visit.ktp_tray, visit.group_size, visit.identity_type, visit.origin) == (
        True, "7", 2, "KTP", "Instansi")
    assert visit.valid_until == datetime(2026, 3, 2, 16, 0) and visit.pass_number == case.number
    assert visit.party.name == "Wulan Sari" and visit.party.nik == VALID_NIK
    assert VALID_NIK not in visit.pass_token and "Wulan" not in visit.pass_token


def test_reporting_to_a_pimpinan_tells_them(office):
    ketua = office["pimpinan"]
    result = check_in(GUEST, office["resepsionis"], report_to=ketua.username, now=T0)
    case = engine.find_case(result.case_number)
    assert case.current_step == 6
    waiting = notifications.recent(ketua.id)
    assert [n.case_number for n in waiting] == [case.number] and not waiting[0].read
    assert "menunggu" in waiting[0].text.lower()
    assert notifications.unread_count(office["resepsionis"].id) == 0  # nobody is told of their own action
    check_out(result.visit_id, office["resepsionis"], now=T0 + timedelta(minutes=20))
    assert notifications.recent(ketua.id)[0].text.startswith("Tamu sudah keluar pukul 08.20")


def test_the_pimpinan_decision_reaches_reception(office):
    desk, ketua = office["resepsionis"], office["pimpinan"]
    number = check_in(GUEST, desk, report_to=ketua.username, now=T0).case_number
    engine.complete_step(number, {"jamuan": ["Minuman"]}, office["staf"], now=T0 + timedelta(minutes=5))
    engine.complete_step(number, {"pejabat_ditunjuk": office["kasubag"].username},
                         ketua, branch="Menunjuk pejabat/personil terkait", now=T0 + timedelta(minutes=8))
    told = notifications.recent(desk.id)
    assert len(told) == 1 and "Menunjuk pejabat/personil terkait" in told[0].text
    assert notifications.unread_count(office["kasubag"].id) == 1  # the named official is told too
    view = find_visit(number, now=T0 + timedelta(minutes=9))
    assert view.decision == f"Menunjuk pejabat/personil terkait: {office['kasubag'].full_name}"
    notifications.mark_read(desk.id)
    assert notifications.unread_count(desk.id) == 0


@pytest.mark.parametrize("change, key, words", [
    ({"nama_tamu": ""}, "nama_tamu", "wajib diisi"),
    ({"nik": "9913014508900001"}, "nik", "provinsi"),
    ({"nik": "33130145"}, "nik", "16"),
    ({"nik": ""}, "nik", "KTP"),
    ({"jenis_identitas": "SIM", "nik": ""}, "nomor_identitas", "SIM"),
    ({"nomor_baki": ""}, "nomor_baki", "dititipkan"),
])
def test_bad_input_is_refused_and_nothing_is_written(office, change, key, words):
    with pytest.raises(FormError) as caught:
        check_in({**GUEST, **change}, office["resepsionis"], now=T0)
    assert words.lower() in caught.value.errors[key].lower()
    assert caught.value.data["keperluan"] == GUEST["keperluan"]  # what was typed comes back
    assert models.Case.select().count() == 0 and models.Visit.select().count() == 0
    assert models.CaseCounter.select().count() == 0  # no case number used up


def test_a_guest_who_fails_the_health_check_gets_no_pass(office):
    result = check_in({**GUEST, "cek_kesehatan": "Tidak lolos"}, office["resepsionis"], now=T0)
    case = engine.find_case(result.case_number)
    assert not result.admitted
    assert case.state == "cancelled" and "cek kesehatan" in case.state_reason
    visit = models.Visit.get_by_id(result.visit_id)  # in the buku tamu, over at once
    assert visit.checked_out_at == visit.checked_in_at == T0 and visit.printed_at is None


def test_a_refused_guest_is_anonymised_like_every_other(office):
    from kpu_desk.retention import anonymize_expired

    result = check_in({**GUEST, "cek_kesehatan": "Tidak lolos"}, office["resepsionis"], now=T0)
    anonymize_expired(now=T0 + timedelta(days=400), days=365)
    case = engine.find_case(result.case_number)
    assert case.party.name != GUEST["nama_tamu"] and case.party.nik is None
    recorded = {k: v for run in case.step_runs for k, v in (run.form_data or {}).items()}
    assert "nama_tamu" not in recorded and "nik" not in recorded and GUEST["nama_tamu"] not in case.title


def test_a_returning_guest_is_found_by_name_or_phone(office):
    check_in(GUEST, office["resepsionis"], now=T0)
    check_in({**GUEST, "nama_tamu": "Wulandari", "telepon": "081122223333"}, office["resepsionis"], now=T0)
    desk = {"resepsionis"}
    by_name = find_returning("wulan s", desk)
    assert [g.name for g in by_name] == ["Wulan Sari"]
    assert by_name[0].fields()["nik"] == VALID_NIK and by_name[0].fields()["instansi"] == "Dinas Kominfo"
    assert [g.name for g in find_returning("+62 811 2222 3333", desk)] == ["Wulandari"]
    assert find_returning("wu", desk) == []  # too short to mean anyone


def test_a_returning_guest_brings_no_numbers_to_a_role_that_may_not_see_them(office):
    check_in(GUEST, office["resepsionis"], now=T0)
    found = find_returning("Wulan", {"staf"})
    assert [g.name for g in found] == ["Wulan Sari"]
    assert "nik" not in found[0].fields() and "telepon" not in found[0].fields()
    assert find_returning("0812 3456 7890", {"staf"}) == []  # no guessing who owns a number


def test_check_out_by_scan_closes_the_visit_and_records_the_exit(office):
    desk = office["resepsionis"]
    result = check_in(GUEST, desk, now=T0)
    token = models.Visit.get_by_id(result.visit_id).pass_token
    view = find_visit(token.lower() + "\n", now=T0 + timedelta(hours=1))
    assert view.inside and view.ktp_held and view.ktp_tray == "7" and view.guest_name == "Wulan Sari"
    closed = check_out(view.visit_id, desk, now=T0 + timedelta(hours=1))
    assert not closed.inside
    case = engine.find_case(result.case_number)
    runs = {run.step_no: run.state for run in case.step_runs}
    assert runs[5] == "skipped" and not {6, 7, 8} & runs.keys()  # the guest left before the pimpinan decided
    assert runs[9] == runs[10] == "done" and case.current_step == 11  # the pramusaji tidies the room
    with pytest.raises(PassRefused, match="sudah keluar"):
        find_visit(token, now=T0 + timedelta(hours=2))


def test_typed_pass_numbers_work_and_bad_codes_are_refused(office):
    result = check_in(GUEST, office["resepsionis"], now=T0)
    token = models.Visit.get_by_id(result.visit_id).pass_token
    short = str(int(result.pass_number.rsplit("-", 1)[1]))
    assert find_visit(short, now=T0).visit_id == result.visit_id
    assert find_visit(result.pass_number.lower(), now=T0).visit_id == result.visit_id
    altered = token[:-1] + ("A" if token[-1] != "A" else "B")
    with pytest.raises(PassRefused, match="tidak sah"):
        find_visit(altered, now=T0)
    with pytest.raises(PassRefused, match="kedaluwarsa") as expired:
        find_visit(token, now=T0 + timedelta(days=1))
    assert f"ketik nomor pass {result.pass_number}" in str(expired.value)  # and the typed number works
    assert find_visit(result.pass_number, now=T0 + timedelta(days=1)).inside
    with pytest.raises(PassRefused, match="bukan pass tamu"):
        find_visit("https://kpu.go.id", now=T0)
    with pytest.raises(PassRefused, match="tidak ada pass"):
        find_visit("TM-2025-00077", now=T0)


def test_an_office_closing_at_15_ends_deadlines_warning_and_passes_at_15(office):
    from datetime import time

    from kpu_desk import building, office_hours

    office_hours.set_closing_time(time(15, 0), actor=office["administrator"])
    case = engine.start_case("kupang-pelayanan-publik", actor=office["ppid"], now=datetime(2025, 3, 20, 11, 0))
    assert case.due_at == datetime(2025, 4, 14, 15, 0)  # the legal deadline: 10 hari kerja
    extended = engine.extend_deadline(case.number, "Data tersebar", actor=office["ppid"], now=datetime(2025, 4, 10, 9))
    assert extended.due_at == datetime(2025, 4, 24, 15, 0)
    dumas = engine.start_case("kediri-pengaduan", now=datetime(2025, 3, 3, 10, 0))
    assert engine.case_history(dumas.number)[0].due_at == datetime(2025, 3, 3, 15, 0)  # a step's Hari Ke 1
    result = check_in(GUEST, office["resepsionis"], now=T0)
    assert models.Visit.get_by_id(result.visit_id).valid_until == datetime(2026, 3, 2, 15, 0)
    assert [row.name for row in building.open_at_closing(T0.date())] == ["Wulan Sari"]
    check_out(result.visit_id, office["resepsionis"], now=datetime(2026, 3, 2, 15, 30))
    assert [row.name for row in building.open_at_closing(T0.date())] == ["Wulan Sari"]  # still inside at 15.00
    late = check_in({**GUEST, "nik": "", "jenis_identitas": "SIM", "nomor_identitas": "123",
                     "identitas_dititipkan": False, "nomor_baki": ""}, office["resepsionis"],
                    now=datetime(2026, 3, 2, 15, 10))
    # Let in after closing, a guest's pass lasts the evening rather than being born expired.
    assert models.Visit.get_by_id(late.visit_id).valid_until == datetime(2026, 3, 2, 23, 59)
