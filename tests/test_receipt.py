"""The tanda bukti of an information request or a complaint: number, date, what was asked, deadline, follow-up."""

from __future__ import annotations

import pypdfium2
import pytest

from kpu_desk import engine
from kpu_desk.engine.deadlines import office_calendar
from kpu_desk.indodate import format_indonesian_date
from kpu_desk.indodate import DAY_NAMES
from letters_support import NOW, RECEIVED, make_office, signed_letter_path

MM = 72 / 25.4


@pytest.fixture
def office_db(sqlite_url):
    from kpu_desk.office import OfficeProfile, save_office
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    try:
        make_office()
        save_office(OfficeProfile(name="KPU Kota Kupang", level="Kota", address="Jl. Polisi Militer No. 5, Kupang",
                                  sops_in_use=("kupang-pelayanan-publik",)))
        letter, _, _ = signed_letter_path()
        complaint = engine.start_case(
            "kediri-pengaduan", {"tanggal_diterima": "2026-11-23 09:00", "nama_pengadu": "Yosef Bria",
                                 "nik": "3313014508900001", "telepon": "081234567890",
                                 "isi_pengaduan": "Nama saya tidak tercantum di DPT"},
            actor="helpdesk", now=NOW, complete_first=True, branch="Jalur offline")
        visit = engine.start_case("karanganyar-pelayanan-umum", actor="helpdesk", now=NOW)
        yield sqlite_url, letter, complaint.number, visit.number
    finally:
        close_database()


def _read(path) -> tuple[str, tuple[float, float]]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        assert len(pdf) == 1
        return " ".join(pdf[0].get_textpage().get_text_range().split()), pdf[0].get_size()
    finally:
        pdf.close()


def test_the_receipt_of_an_information_request(run_cli, office_db, tmp_path):
    url, letter, _, _ = office_db
    out = tmp_path / "tanda-bukti.pdf"
    code, stdout, err = run_cli("--db", url, "print", "receipt", letter.case.number, "-o", str(out))
    assert code == 0, err
    text, (width, height) = _read(out)
    assert width == pytest.approx(148 * MM, abs=0.5) and height == pytest.approx(210 * MM, abs=0.5)
    calendar = office_calendar()
    due = calendar.add_working_days(RECEIVED, 10)
    for expected in ("KPU KOTA KUPANG", "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK", "Nomor pendaftaran",
                     letter.case.number, "Senin, 23 November 2026 pukul 09.30", "Maria Goreti Lake",
                     "Rekapitulasi DPT Kelurahan Oebobo", "Surat nomor 01/PI/XI/2026", "nomor agenda 0001/2026",
                     f"10 hari kerja, paling lambat {DAY_NAMES[due.weekday()]}, {format_indonesian_date(due)}",
                     "dapat diperpanjang paling lama 7 hari kerja", "Undang-Undang Nomor 14 Tahun 2008",
                     f"sebutkan nomor pendaftaran {letter.case.number}", "Jl. Polisi Militer No. 5, Kupang",
                     "Yohanes Ndun"):
        assert expected in text, expected


def test_the_receipt_of_a_complaint_prints_no_nik_or_phone(run_cli, office_db, tmp_path):
    url, _, complaint, _ = office_db
    out = tmp_path / "pengaduan.pdf"
    assert run_cli("--db", url, "print", "receipt", complaint.lower(), "-o", str(out))[0] == 0
    text, _ = _read(out)
    assert "TANDA BUKTI PENERIMAAN PENGADUAN MASYARAKAT" in text and complaint in text
    assert "Yosef Bria" in text and "Nama saya tidak tercantum di DPT" in text
    assert "tidak ada batas waktu yang ditetapkan undang-undang" in text
    assert "3313014508900001" not in text and "081234567890" not in text


def test_a_visit_has_no_receipt(run_cli, office_db, tmp_path):
    url, _, _, visit = office_db
    code, _, err = run_cli("--db", url, "print", "receipt", visit, "-o", str(tmp_path / "x.pdf"))
    assert code != 0 and "hanya untuk permohonan informasi dan pengaduan" in err
    code, _, err = run_cli("--db", url, "print", "receipt", "PI-2026-09999", "-o", str(tmp_path / "x.pdf"))
    assert code != 0 and "tidak ditemukan" in err
