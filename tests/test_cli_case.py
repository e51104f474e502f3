"""`kpu-desk case …` and `kpu-desk calendar …` through the command line, on a SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime

import pytest

from engine_support import VALID_NIK, make_users, sync_shipped
from kpu_desk import engine
from kpu_desk.store import close_database, models, open_database
from kpu_desk.store.connection import data_dir
from conftest import SUITE_NOW

TAMU = "karanganyar-pelayanan-umum"
SUMMARY_KEYS = ["number", "sop_id", "title", "state", "current_step", "due", "overdue"]
GUEST = ["--field", "nama_tamu=Budi Santoso", "--field", "asal_tamu=Instansi", "--field", "instansi=Dinas Kominfo",
         "--field", "jumlah_tamu=2"]


@pytest.fixture
def db_url(sqlite_url):
    """A migrated SQLite file with the office's users, closed again so only the CLI holds it."""
    open_database(sqlite_url)
    make_users()
    sync_shipped()
    close_database()
    return sqlite_url


@pytest.fixture
def cli(run_cli, db_url, monkeypatch):
    """The CLI on the office's file; a command without --user acts as the resepsionis (KPU_DESK_USER)."""
    monkeypatch.setenv("KPU_DESK_USER", "resepsionis1")

    def run(*args: str):
        return run_cli("--db", db_url, *args)

    return run


def _counts(url: str) -> tuple[int, ...]:
    open_database(url, migrate=False)
    try:
        # Signing in is audited (user.signin); what a refused command must not write is the rest.
        work = models.AuditEntry.select().where(~models.AuditEntry.action.startswith("user."))
        return tuple(q.count() for q in (models.Case.select(), models.StepRun.select(), models.CaseCounter.select(),
                                         work, models.Party.select()))
    finally:
        close_database()


def test_start_step_show_and_list(cli, time_machine):
    time_machine.move_to(datetime(2026, 12, 31, 23, 50))  # New Year's Eve: the number is of 2026
    code, out, err = cli("case", "start", TAMU, *GUEST, "--user", "resepsionis1")
    assert (code, err) == (0, "")
    assert out.startswith("Kasus TM-") and "Langkah berikutnya: 2." in out
    number = out.split()[1]
    code, out, err = cli("case", "step", number, "--field", "cuci_tangan=ya", "--field", "cek_kesehatan=Lolos",
                         "--field", "suhu_tubuh=36,6", "--user", "resepsionis1")
    assert (code, err) == (0, "") and "Langkah 2 kasus" in out
    code, out, err = cli("case", "show", number, "--json")
    assert code == 0
    shown = json.loads(out)
    assert list(shown) == SUMMARY_KEYS + ["history"]
    assert shown["number"] == number == "TM-2026-00001"
    assert (shown["sop_id"], shown["title"], shown["state"], shown["current_step"], shown["overdue"]) == (
        TAMU, "Budi Santoso — Dinas Kominfo", "open", 3, False)
    assert datetime.fromisoformat(shown["due"]) > SUITE_NOW
    assert [(h["step"], h["state"], h["completed_by"]) for h in shown["history"]] == [
        (1, "done", "resepsionis1"), (2, "done", "resepsionis1"), (3, "open", None)]
    assert shown["history"][1]["form"] == {"cuci_tangan": True, "suhu_tubuh": 36.6, "cek_kesehatan": "Lolos"}
    code, out, _ = cli("case", "list", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [list(row) for row in listed] == [SUMMARY_KEYS]
    assert {k: listed[0][k] for k in SUMMARY_KEYS} == {k: shown[k] for k in SUMMARY_KEYS}
    code, out, _ = cli("case", "list")
    assert code == 0 and number in out and "berjalan" in out


def test_list_overdue_and_by_sop(cli, db_url):
    assert cli("case", "start", TAMU, *GUEST)[0] == 0  # fresh: due in five minutes
    open_database(db_url)
    try:  # a request that came in last year and was never handled
        old = engine.start_case("kupang-pelayanan-publik", now=datetime(2025, 3, 20, 11, 0))
    finally:
        close_database()
    code, out, _ = cli("case", "list", "--json", "--overdue")
    assert code == 0
    assert [(r["number"], r["overdue"], r["due"]) for r in json.loads(out)] == [
        (old.number, True, "2025-03-20T11:03:00")]
    code, out, _ = cli("case", "list", "--json", "--sop", TAMU)
    assert [(r["sop_id"], r["overdue"]) for r in json.loads(out)] == [(TAMU, False)]
    code, out, _ = cli("case", "list", "--json")
    assert [r["overdue"] for r in json.loads(out)] == [True, False]  # newest first


def test_a_decision_and_a_second_way_in(cli):
    code, out, err = cli("case", "start", "kupang-pelayanan-publik", "--entry", "permohonan melalui surat")
    assert code == 0, err
    number = out.split()[1]
    code, out, _ = cli("case", "show", number, "--json")
    assert json.loads(out)["current_step"] == 5


def test_bad_input_says_what_is_wrong_exits_1_and_writes_nothing(cli, db_url):
    code, out, _ = cli("case", "start", TAMU, *GUEST)
    number = out.split()[1]
    before = _counts(db_url)
    cases = [
        (("case", "start", "sop-tidak-ada"), "kpu-desk: SOP 'sop-tidak-ada' tidak dikenal"),
        (("case", "show", "TM-2020-00404"), "kpu-desk: kasus 'TM-2020-00404' tidak ditemukan"),
        (("case", "step", "TM-2020-00404", "--field", "cuci_tangan=ya"), "kpu-desk: kasus 'TM-2020-00404' tidak ditemukan"),
        (("case", "start", "kupang-pelayanan-publik", "--field", "nama_pemohon=Ani", "--field", "nik=12345",
          "--field", "rincian_informasi=DPT", "--field", "tujuan_penggunaan=Riset"),
         "kpu-desk: isian tidak sah:\n  nik: NIK harus 16 angka"),
        (("case", "step", number, "--field", "cuci_tangan=mungkin", "--field", "cek_kesehatan=Lolos"),
         "kpu-desk: isian tidak sah:\n  cuci_tangan: jawab ya atau tidak"),
        (("case", "step", number, "--field", "cuci_tangan"), "kpu-desk: isian 'cuci_tangan' harus ditulis KUNCI=NILAI"),
        (("case", "step", number, "--field", "cuci_tangan=ya", "--field", "cek_kesehatan=Lolos", "--branch", "Ya"),
         "kpu-desk: langkah 2 bukan langkah keputusan"),
        (("case", "start", "kediri-pengaduan", "--field", "nama_pengadu=Ani", "--field", "isi_pengaduan=Spanduk",
          "--field", "tanggal_diterima=2026-01-05 09:00", "--branch", "lewat merpati"),
         "kpu-desk: cabang 'lewat merpati' tidak ada pada langkah 1; pilih salah satu: 'Jalur offline', "
         "'Jalur online/email'"),
        (("case", "step", number, "--user", "hantu"), "kpu-desk: Nama pengguna atau kata sandi salah."),
        (("case", "cancel", number, "--reason", " "), "kpu-desk: alasan pembatalan wajib diisi"),
        (("case", "extend", number, "--reason", "butuh waktu"), f"kpu-desk: SOP {TAMU} tidak mengenal perpanjangan"),
    ]
    for args, message in cases:
        code, out, err = cli(*args)
        assert code == 1, (args, out, err)
        assert err.startswith(message), (args, err)
    assert _counts(db_url) == before


def test_a_form_error_lists_every_field(cli):
    code, _, err = cli("case", "start", TAMU, "--field", "jumlah_tamu=banyak", "--field", "telepon=12")
    assert code == 1
    assert err.splitlines() == [
        "kpu-desk: 4 isian tidak sah:",
        "  nama_tamu: wajib diisi",
        "  asal_tamu: wajib diisi",
        "  jumlah_tamu: harus berupa angka, misalnya 12 atau 36,5",
        "  telepon: nomor telepon harus 9 sampai 13 angka; tulis seperti 0812-3456-7890 atau +62 812 3456 7890",
    ]


def test_show_masks_the_nik(cli):
    code, out, _ = cli("case", "start", "kupang-pelayanan-publik", "--field", "nama_pemohon=Ani",
                       "--field", f"nik={VALID_NIK}", "--field", "rincian_informasi=DPT",
                       "--field", "tujuan_penggunaan=Riset")
    number = out.split()[1]
    code, out, _ = cli("case", "show", number, "--json")
    assert json.loads(out)["history"][0]["form"]["nik"] == "331301**********"
    code, out, _ = cli("case", "show", number)
    assert code == 0 and VALID_NIK not in out and "331301**********" in out


def test_cancel_and_reopen(cli):
    number = cli("case", "start", TAMU, *GUEST)[1].split()[1]
    assert cli("case", "cancel", number, "--reason", "Tamu batal")[0] == 0
    assert json.loads(cli("case", "show", number, "--json")[1])["state"] == "cancelled"
    assert cli("case", "reopen", number, "--reason", "Tamu kembali")[0] == 0
    assert json.loads(cli("case", "show", number, "--json")[1])["state"] == "open"


def test_an_error_exits_non_zero_from_a_real_process(db_url):
    result = subprocess.run([sys.executable, "-m", "kpu_desk", "--db", db_url, "case", "show", "XX-1"],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr == "kpu-desk: kasus 'XX-1' tidak ditemukan\n"


# --- calendar ---------------------------------------------------------------------------------


def test_calendar_without_a_database(run_cli):
    code, out, _ = run_cli("calendar", "holidays", "2025")
    assert code == 0
    assert "2025-03-31  Senin  Hari Raya Idul Fitri" in out.splitlines()
    assert "2025-04-07  Senin  Cuti Bersama Hari Raya Idul Fitri" in out.splitlines()
    assert run_cli("calendar", "add", "2025-03-27", "1")[:2] == (0, "2025-04-08\n")
    assert run_cli("calendar", "add", "2025-03-20", "10")[:2] == (0, "2025-04-14\n")
    assert not (data_dir() / "kpu-desk.sqlite3").exists()  # looking never makes a database


def test_calendar_bad_input(run_cli):
    assert run_cli("calendar", "add", "27/3", "1") == (
        1, "", "kpu-desk: tanggal harus ditulis seperti 2026-11-21 atau 21-11-2026\n")
    code, _, err = run_cli("calendar", "add", "2025-03-27", "-1")
    assert code == 1 and "jumlah hari kerja '-1' tidak sah" in err
    code, _, err = run_cli("calendar", "holidays", "dua ribu")
    assert code == 1 and err.startswith("kpu-desk: tahun 'dua ribu' tidak sah")


def test_calendar_uses_the_office_overrides_from_the_database(run_cli, db_url):
    open_database(db_url)
    models.HolidayOverride.create(day=date(2025, 4, 8), working=False, name="Hari Jadi Kabupaten")
    models.HolidayOverride.create(day=date(2025, 4, 7), working=True, name="Kantor tetap buka")
    close_database()
    assert run_cli("--db", db_url, "calendar", "add", "2025-04-04", "1")[:2] == (0, "2025-04-07\n")
    assert run_cli("--db", db_url, "calendar", "add", "2025-04-07", "1")[:2] == (0, "2025-04-09\n")
    lines = run_cli("--db", db_url, "calendar", "holidays", "2025")[1].splitlines()
    assert "2025-04-08  Selasa  Hari Jadi Kabupaten" in lines
    assert not any(line.startswith("2025-04-07") for line in lines)


def test_step_refuses_when_the_meant_step_is_no_longer_open(cli):
    code, out, _ = cli("case", "start", TAMU, *GUEST, "--user", "resepsionis1")
    number = out.split()[1]
    health = ["--field", "cuci_tangan=ya", "--field", "cek_kesehatan=Lolos", "--user", "resepsionis1"]
    assert cli("case", "step", number, "--step", "2", *health)[0] == 0
    # Another workstation did step 2 first: the clerk's command for step 2 must not land on step 3.
    code, _, err = cli("case", "step", number, "--step", "2", *health)
    assert code == 1 and "langkah 2 kasus" in err and "langkah yang terbuka: 3" in err
    code, out, _ = cli("case", "show", number, "--json")
    assert [h["step"] for h in json.loads(out)["history"]] == [1, 2, 3]
