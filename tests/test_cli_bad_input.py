"""Bad command lines (issue 14): each gets a clear Indonesian message and a non-zero exit code,
never a Python traceback, and never the last-resort "galat tak terduga" either."""

from __future__ import annotations

import pytest

from engine_support import make_users, sync_shipped
from kpu_desk.store import close_database, open_database
from kpu_desk.store.connection import data_dir

TAMU = "karanganyar-pelayanan-umum"
GUEST = ("--field", "nama_tamu=Budi", "--field", "asal_tamu=Pribadi")
PI = "kupang-pelayanan-publik"
APPLICANT = ("--field", "nama_pemohon=Maria", "--field", "rincian_informasi=Data", "--field", "tujuan_penggunaan=Riset")


@pytest.fixture
def db(sqlite_url, monkeypatch):
    """A migrated database with the office's users and SOPs; a command without --user acts as the resepsionis."""
    open_database(sqlite_url)
    make_users()
    sync_shipped()
    close_database()
    monkeypatch.setenv("KPU_DESK_USER", "resepsionis1")
    return sqlite_url


@pytest.mark.parametrize("args, said", [
    (("pass", "check", "TM1.\u00c9.A"), "kode pass tidak sah"),
    (("pass", "check", "TM1.A.\u00c9"), "kode pass tidak sah"),
    (("disposisi", "verify", "DS1.\u00b2.A"), "bukan kode verifikasi disposisi"),
    (("disposisi", "verify", "DS1.999999999999999999999999.A"), "bukan kode verifikasi disposisi"),
    (("calendar", "add", "2026-01-05", "99999999"), "jatuh di luar kalender (tahun 1900 sampai 2200)"),
    (("calendar", "add", "9999-12-31", "5"), "tahun pada tanggal '9999-12-31' harus antara 1900 dan 2200"),
    (("calendar", "add", "2026-01-05", "\u00b2"), "jumlah hari kerja '\u00b2' tidak sah"),
    (("tamu", "ekspor", "--sampai", "9999-12-31", "-o", "{out}.csv"), "tanggal '9999-12-31' tidak dikenali"),
    (("print", "ekspedisi", "1" + "0" * 30, "-o", "{out}.pdf"), "argumen TAHUN: '1" + "0" * 30 + "' bukan bilangan bulat"),
    (("case", "list", "--limit", "1" + "0" * 20), "bukan bilangan bulat 0 sampai 2147483647"),
    (("print", "disposisi", "9" * 25, "-o", "{out}.pdf"), "bukan nomor disposisi, nomor agenda surat, atau nomor kasus"),
    (("print", "disposisi", "0042/" + "9" * 20, "-o", "{out}.pdf"), "bukan nomor disposisi, nomor agenda surat"),
    (("case", "start", TAMU, *GUEST, "--field", "jumlah_tamu=" + "7" * 5000), "angka terlalu besar"),
    (("case", "start", PI, *APPLICANT, "--field", "nik=" + "\u00b2" * 16), "nik: NIK hanya boleh berisi angka 0-9"),
    (("case", "start", PI, "--entry", "permohonan melalui surat", "--field", "surat_masuk=" + "9" * 25),
     "surat_masuk: lampiran '" + "9" * 25 + "' tidak ditemukan"),
    (("case", "start", TAMU, "--field", "nama_tamu=Bu\udcffdi", "--field", "asal_tamu=Pribadi",
      "--field", "jumlah_tamu=2"), "argumen 'nama_tamu=Bu\ufffddi' berisi karakter yang tidak dapat disimpan"),
])
def test_bad_input_is_refused_in_words(run_cli, db, tmp_path, args, said):
    args = [arg.replace("{out}", str(tmp_path / "keluaran")) for arg in args]
    code, out, err = run_cli("--db", db, *args)
    assert code not in (0, None) and out == ""
    assert "kpu-desk" in err and said in err, err
    assert "Traceback" not in err and "galat tak terduga" not in err
    assert not list(tmp_path.glob("keluaran*"))


@pytest.mark.parametrize("url, said", [
    ("postgresql://kpu:rahasia@127.0.0.1:99999/kpu_desk", "nomor port harus 0 sampai 65535"),
    ("postgresql://kpu:rahasia@[::1/kpu_desk", "alamat IPv6 harus ditutup dengan ]"),
])
def test_a_database_address_that_is_no_address_is_refused_in_words(run_cli, url, said):
    code, out, err = run_cli("--db", url, "case", "list")
    assert code == 2 and out == ""
    assert err.startswith("kpu-desk: alamat basis data") and said in err, err
    assert "rahasia" not in err  # the password is never shown


def test_an_unforeseen_fault_is_a_short_message_and_a_log_without_personal_data(run_cli, monkeypatch):
    from kpu_desk.cli import CRASH_LOG
    from kpu_desk.workcal import WorkingCalendar

    def broken(self, start, n):
        raise RuntimeError("Budi Santoso 3313014508900001")

    monkeypatch.setattr(WorkingCalendar, "add_working_days", broken)
    code, out, err = run_cli("calendar", "add", "2026-01-05", "3")
    assert code == 70 and out == ""
    assert err.startswith("kpu-desk: galat tak terduga (RuntimeError)") and "Traceback" not in err
    log = (data_dir() / CRASH_LOG).read_text(encoding="utf-8")
    assert "RuntimeError" in log and "calendar_cmd.py" in log
    assert "Budi" not in err + log and "3313" not in err + log
