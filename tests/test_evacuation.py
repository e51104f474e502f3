"""Who is in the building, the evacuation list PDF, and the visits left at closing time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pypdfium2
import pytest

from kpu_desk import building, office_hours
from kpu_desk.guestbook import LOOK_BACK_DAYS
from kpu_desk.printing.evacuation_list import TICK_HEADING, evacuation_pdf_bytes, render_evacuation_list
from visitor_support import NIK, make_visit
from conftest import SUITE_NOW

NOW = datetime(2026, 3, 4, 11, 0)  # a Wednesday


@pytest.fixture
def guests(database):
    from engine_support import sync_shipped

    sync_shipped()
    return {
        "group": make_visit("Bambang Hartono", NOW - timedelta(hours=2), group=5, institution="Dinas Dukcapil",
                            host="Kasubag Teknis"),
        "alone": make_visit("Wulan Sari", NOW - timedelta(hours=1), tray=None),
        "yesterday": make_visit("Sri Lestari", NOW - timedelta(days=1), group=2, tray="B1"),
        "gone": make_visit("Andi Wijaya", NOW - timedelta(hours=3), out=NOW - timedelta(hours=2)),
        "long ago": make_visit("Lupa Keluar", NOW - timedelta(days=LOOK_BACK_DAYS + 2)),
        "later": make_visit("Belum Datang", NOW + timedelta(hours=1)),
    }


def test_in_building_counts_groups_as_people(guests):
    occupancy = building.in_building(NOW)
    assert [row.name for row in occupancy.rows] == ["Wulan Sari", "Bambang Hartono", "Sri Lestari"]
    assert occupancy.visits == 3 and occupancy.people == 8
    assert [(row.name, row.ktp_tray) for row in occupancy.ktp_held] == [("Bambang Hartono", "A3"), ("Sri Lestari", "B1")]
    assert all(row.nik == "331301**********" for row in occupancy.rows)


def test_evacuation_pdf_names_everyone_totals_people_and_never_shows_a_nik(guests, tmp_path):
    occupancy = building.in_building(NOW, roles={"resepsionis"})  # even for a role that sees the NIK
    target = tmp_path / "evakuasi.pdf"
    assert render_evacuation_list(occupancy, target, "KPU Kabupaten Karanganyar") == 1
    pdf = pypdfium2.PdfDocument(str(target))
    width, height = pdf[0].get_size()
    assert height > width and width == pytest.approx(210 * 72 / 25.4, abs=1)
    text = pdf[0].get_textpage().get_text_range()
    flat = " ".join(text.split())
    for expected in ("KPU KABUPATEN KARANGANYAR", "DAFTAR EVAKUASI TAMU", "Dicetak 04-03-2026 pukul 11.00",
                     "Bambang Hartono", "Wulan Sari", "Sri Lestari", "Dinas Dukcapil", "Kasubag Teknis",
                     "Jumlah: 8 orang dalam 3 kunjungan", "Halaman 1 dari 1"):
        assert expected in flat, expected
    assert " ".join(TICK_HEADING.split()[:1]) in flat and "kumpul" in flat
    assert "Andi Wijaya" not in flat and "Lupa Keluar" not in flat and "Belum Datang" not in flat
    assert NIK not in text and "331301" not in text
    pdf.close()


def test_evacuation_pdf_of_an_empty_building(database):
    occupancy = building.Occupancy(NOW, [])
    data = evacuation_pdf_bytes(occupancy, "KPU Kota Kupang")
    text = pypdfium2.PdfDocument(data)[0].get_textpage().get_text_range()
    assert "Tidak ada tamu di gedung." in text and "Jumlah: 0 orang" in text


def test_long_list_repeats_the_heading_on_every_page(database, tmp_path):
    from engine_support import sync_shipped

    sync_shipped()
    for i in range(45):
        make_visit(f"Peserta Sosialisasi {i}", NOW - timedelta(minutes=i + 1), group=2)
    target = tmp_path / "evakuasi.pdf"
    pages = render_evacuation_list(building.in_building(NOW), target, "KPU")
    assert pages >= 2
    pdf = pypdfium2.PdfDocument(str(target))
    for number in range(pages):
        text = " ".join(pdf[number].get_textpage().get_text_range().split())
        assert "Nama" in text and f"Halaman {number + 1} dari {pages}" in text
    assert "Jumlah: 90 orang dalam 45 kunjungan" in " ".join(pdf[pages - 1].get_textpage().get_text_range().split())
    pdf.close()


def test_closing_time_default_setting_and_parsing(database):
    assert office_hours.closing_time() == time(16, 0)
    assert office_hours.set_closing_time(time(16, 30)) == time(16, 30)  # a script, no user
    assert office_hours.closing_time() == time(16, 30)
    assert office_hours.closing_at(date(2026, 3, 6)) == datetime(2026, 3, 6, 16, 30)
    assert office_hours.parse_clock("7.30") == time(7, 30) and office_hours.parse_clock("16:00") == time(16, 0)
    assert office_hours.parse_clock("25:00") is None and office_hours.parse_clock("sore") is None
    from kpu_desk.store import models

    entry = models.AuditEntry.select().order_by(models.AuditEntry.id.desc()).first()
    assert entry.action == "office.closing_time" and entry.detail == {"value": "16:30"}


def test_visits_not_checked_out_at_closing_time(guests):
    from kpu_desk.store import models

    day = NOW.date()
    # Bambang's group left after closing: at closing time they were still inside.
    models.Visit.update(checked_out_at=datetime.combine(day, time(17, 0))).where(
        models.Visit.id == guests["group"].id).execute()
    left = building.open_at_closing(day)
    assert [row.name for row in left] == ["Belum Datang", "Wulan Sari", "Bambang Hartono", "Sri Lestari"]
    office_hours.set_closing_time(time(11, 30))
    assert "Belum Datang" not in [row.name for row in building.open_at_closing(day)]


def test_cli_evacuation(run_cli, sqlite_url, tmp_path):
    from engine_support import sync_shipped
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    sync_shipped()
    make_visit("Wulan Sari", SUITE_NOW - timedelta(minutes=30), group=3)
    close_database()
    target = tmp_path / "evakuasi.pdf"
    code, out, err = run_cli("--db", sqlite_url, "tamu", "evakuasi", "-o", str(target))
    assert code == 0, err
    assert "3 orang dalam 1 kunjungan" in out
    assert "Wulan Sari" in pypdfium2.PdfDocument(str(target))[0].get_textpage().get_text_range()
