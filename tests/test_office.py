"""The office: first-start setup, demo data all or nothing, office data, holiday overrides, registers."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kpu_desk import accounts, office
from kpu_desk.changes import change_marker
from kpu_desk.guestbook import LOOK_BACK_DAYS, mask_phone, still_inside, summarize, visits_on
from kpu_desk.holiday_overrides import add_override, list_overrides, remove_override
from kpu_desk.letter_register import letters
from kpu_desk.store import models
from kpu_desk.validation import FormError

ADMIN = office.FirstAdmin(username="rudi", full_name="Rudi Hartono", password="admin2026",
                          jabatan="Pranata Komputer", nip="198703122010121002")
PROFILE = office.OfficeProfile(name="KPU  Kabupaten Karanganyar", level="Kabupaten", address="Jl. Lawu 1",
                               sops_in_use=("karanganyar-pelayanan-umum", "kupang-pelayanan-publik"))


def test_first_start_sets_up_office_admin_sops_and_lanes(database, tmp_path):
    assert office.is_first_start()
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    admin = office.first_start_setup(PROFILE, ADMIN, logo_file=logo)
    assert not office.is_first_start()
    assert accounts.roles_of(admin) == {"administrator"} and admin.jabatan == "Pranata Komputer"
    stored = office.load_office()
    assert stored.name == "KPU Kabupaten Karanganyar" and stored.address == "Jl. Lawu 1"
    assert stored.sops_in_use == PROFILE.sops_in_use
    assert office.logo_path(stored).read_bytes() == logo.read_bytes()
    assert {row.sop_id for row in models.SopVersion.select()} == set(PROFILE.sops_in_use)
    lanes = accounts.lane_assignments("kupang-pelayanan-publik")
    assert lanes["help_desk"].roles == {"resepsionis"}


def test_first_start_reports_office_and_admin_problems_together_and_writes_nothing(database):
    bad = office.OfficeProfile(name=" ", level="Provinsi", sops_in_use=())
    with pytest.raises(FormError) as caught:
        office.first_start_setup(bad, office.FirstAdmin(username="x", full_name="", password="123"))
    assert set(caught.value.errors) == {"name", "level", "sops", "admin.username", "admin.full_name",
                                          "admin.password"}
    assert office.is_first_start() and not models.SopVersion.select().exists()


def test_office_data_can_be_changed(database):
    office.first_start_setup(PROFILE, ADMIN)
    office.save_office(office.OfficeProfile(name="KPU Kota Kupang", level="Kota", address="",
                                            sops_in_use=("kupang-pelayanan-publik",), visitor_retention_days=90),
                       actor="rudi")
    stored = office.load_office()
    assert (stored.name, stored.level, stored.visitor_retention_days) == ("KPU Kota Kupang", "Kota", 90)
    with pytest.raises(FormError) as caught:
        office.save_office(office.OfficeProfile(name="KPU", sops_in_use=("x",), visitor_retention_days=5))
    assert set(caught.value.errors) == {"retention"}


def test_a_cancelled_demo_leaves_the_database_empty(database, office_hours):
    class Stop(Exception):
        pass

    def cancel_at_first(done, total):
        raise Stop

    with pytest.raises(Stop):
        office.load_demo(days=1, progress=cancel_at_first)
    assert office.is_first_start()
    assert not models.Case.select().exists() and not models.SopVersion.select().exists()


def test_the_demo_makes_a_whole_office(database, office_hours):
    report = office.load_demo(days=1)
    assert report.users == 12 and not office.is_first_start()
    assert office.load_office().name == "KPU Kabupaten Karanganyar"


def test_holiday_overrides_are_listed_checked_and_removed(database):
    add_override(date(2026, 11, 18), "Hari Jadi Kabupaten")  # a script, no user
    with pytest.raises(FormError) as caught:
        add_override(date(2026, 11, 18), "")
    assert set(caught.value.errors) == {"day", "name"}
    assert [(o.day, o.working) for o in list_overrides(2026)] == [(date(2026, 11, 18), False)]
    remove_override(date(2026, 11, 18))
    assert list_overrides() == []


def test_the_guest_book_masks_personal_data_and_counts_who_is_inside(database, office_hours):
    office.load_demo(days=1)
    day = models.Visit.select(models.Visit.checked_in_at).order_by(models.Visit.id.desc()).scalar().date()
    rows = visits_on(day)
    assert rows and all("*" in row.nik for row in rows if row.nik)
    summary = summarize(rows)
    assert summary.visits == len(rows) and summary.inside == sum(1 for r in rows if r.checked_out_at is None)
    assert mask_phone("081234567890") == "0812*****890"
    inside = still_inside(day)
    assert {r.case_number for r in inside} == {
        v.case.number for v in models.Visit.select().where(models.Visit.checked_out_at.is_null())}
    assert still_inside(day + timedelta(days=LOOK_BACK_DAYS + 2)) == []  # a month on, nobody is "inside"


def test_the_letter_register_hides_secret_subjects(database):
    models.Letter.create(direction="masuk", agenda_year=2026, agenda_number=7, sender="Bawaslu",
                         subject="Undangan rapat", letter_number="001/X/2026")
    models.Letter.create(direction="masuk", agenda_year=2026, agenda_number=8, sender="KPU RI",
                         subject="Penetapan", security_class="Rahasia")
    rows = letters(2026)
    assert [r.agenda_number for r in rows] == ["0008/2026", "0007/2026"]
    assert rows[0].subject == "(dirahasiakan)" and letters(2026, reveal_secret=True)[0].subject == "Penetapan"
    assert [r.correspondent for r in letters(2026, search="rapat")] == ["Bawaslu"]


def test_the_change_marker_moves_when_anything_is_written(database):
    before = change_marker()
    add_override(date(2026, 12, 1), "Kantor tutup")
    assert change_marker() > before


def test_an_update_brings_new_versions_of_the_office_sops_only(database, tmp_path, monkeypatch):
    import shutil

    from kpu_desk import office, paths
    from kpu_desk.engine.sops import latest_version, registered_sop_ids, sync_definitions
    from kpu_desk.sop import library
    from kpu_desk.sop.library import load_shipped

    sync_definitions([s for s in load_shipped() if s.id != "kediri-pengaduan"])
    assert office.update_office_sops() == []  # nothing changed: nothing parsed, nothing stored
    folder = tmp_path / "sops"
    shutil.copytree(paths.sops_dir(), folder)
    target = folder / "karanganyar-pelayanan-umum.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("Ruang tamu yang digunakan", "Ruang tamu"),
                      encoding="utf-8")
    monkeypatch.setattr(library, "sops_dir", lambda: folder)
    assert office.update_office_sops() == ["karanganyar-pelayanan-umum"]
    assert latest_version("karanganyar-pelayanan-umum").version == 2
    assert "kediri-pengaduan" not in registered_sop_ids()  # not the office's: left out
    assert office.update_office_sops() == []
