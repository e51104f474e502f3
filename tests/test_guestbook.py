"""The buku tamu: search, date filter, keyset paging, and exports to XLSX, CSV and PDF read back."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import pypdfium2
import pytest
from openpyxl import load_workbook

from kpu_desk.guestbook import GuestbookQuery, count_visits, iter_visits, search_visits
from kpu_desk.guestbook_export import COLUMNS, csv_cell, export_guestbook, format_of
from visitor_support import NIK, PHONE, make_visit

MON = datetime(2026, 3, 2, 8, 0)


@pytest.fixture
def book(database):
    """Eight visits over three days: two named guests, a group of four, five walk-ins."""
    from engine_support import sync_shipped

    sync_shipped()
    visits = [
        make_visit("Wulan Sari", MON + timedelta(hours=1), out=MON + timedelta(hours=2),
                   institution="Bawaslu Karanganyar", host="Ketua KPU", purpose="Koordinasi pengawasan"),
        make_visit("Bambang Hartono", MON + timedelta(days=1, hours=2), institution="Dinas Dukcapil", group=4,
                   host="Kasubag Teknis", purpose="Pemutakhiran data pemilih"),
    ]
    for i in range(5):
        visits.append(make_visit(f"Warga Nomor {i}", MON + timedelta(days=2, minutes=10 * i), origin="Pribadi",
                                 institution="", purpose="Informasi pendaftaran"))
    visits.append(make_visit("=HYPERLINK(\"x\")", MON + timedelta(days=2, hours=3), institution="-"))
    return visits


def _names(rows):
    return [row.name for row in rows]


def test_search_by_name_institution_numbers_host_and_purpose(book):
    assert _names(search_visits(GuestbookQuery("wulan"))) == ["Wulan Sari"]
    assert _names(search_visits(GuestbookQuery("dukcapil"))) == ["Bambang Hartono"]
    assert _names(search_visits(GuestbookQuery(book[1].case.number))) == ["Bambang Hartono"]
    assert _names(search_visits(GuestbookQuery(book[0].pass_number.lower()))) == ["Wulan Sari"]
    assert _names(search_visits(GuestbookQuery("ketua kpu"))) == ["Wulan Sari"]
    assert _names(search_visits(GuestbookQuery("pemilih"))) == ["Bambang Hartono"]
    assert len(search_visits(GuestbookQuery("warga nomor"))) == 5
    assert search_visits(GuestbookQuery("tidak ada orang ini")) == []
    assert search_visits(GuestbookQuery("100%")) == []  # LIKE wildcards are text, not patterns


def test_date_range_includes_both_days_newest_first(book):
    rows = search_visits(GuestbookQuery(date_from=date(2026, 3, 2), date_until=date(2026, 3, 3)))
    assert _names(rows) == ["Bambang Hartono", "Wulan Sari"]
    assert count_visits(GuestbookQuery(date_from=date(2026, 3, 4))) == 6
    assert count_visits(GuestbookQuery("warga", date_until=date(2026, 3, 3))) == 0
    assert count_visits(GuestbookQuery()) == 8


def test_keyset_pages_cover_every_visit_once(book):
    seen, after = [], None
    while True:
        page = search_visits(GuestbookQuery(), limit=3, after=after)
        seen += [row.visit_id for row in page]
        if len(page) < 3:
            break
        after = page[-1].key
    assert sorted(seen) == sorted(v.id for v in book) and len(seen) == len(set(seen))
    assert [row.visit_id for row in iter_visits(GuestbookQuery(), batch=2)] == seen


def test_rows_carry_group_size_origin_and_ktp(book):
    [row] = search_visits(GuestbookQuery("bambang"))
    assert row.group_size == 4 and row.origin == "Instansi" and row.identity_type == "KTP"
    assert row.ktp_held and row.ktp_tray == "A3" and row.inside


def test_xlsx_export_reads_back_masked_for_staff(book, tmp_path):
    target = tmp_path / "buku.xlsx"
    result = export_guestbook(GuestbookQuery(), target, roles={"staf"}, office_name="KPU Kabupaten Karanganyar")
    assert result.rows == 8 and result.people == 11
    sheet = load_workbook(target).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Buku Tamu" and values[1][0] == "KPU Kabupaten Karanganyar"
    assert values[3] == ["No", *(title for title, _v, _w in COLUMNS)]
    body = values[4:]
    assert len(body) == 8 and body[-1][5] == "Wulan Sari"
    nik, phone = values[3].index("NIK"), values[3].index("Telepon")
    assert {row[nik] for row in body} == {"331301**********"} and {row[phone] for row in body} == {"0812*****890"}
    assert not any(NIK in str(v) or PHONE in str(v) for row in values for v in row)
    formula_like = [cell for row in sheet.iter_rows() for cell in row if cell.value == '=HYPERLINK("x")']
    assert len(formula_like) == 1 and formula_like[0].data_type == "s"  # text, never a formula


def test_xlsx_export_whole_numbers_for_reception_as_text(book, tmp_path):
    target = tmp_path / "buku.xlsx"
    export_guestbook(GuestbookQuery("wulan"), target, roles={"resepsionis"})
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[4]]
    row = [c.value for c in sheet[5]]
    assert row[header.index("NIK")] == NIK and row[header.index("Telepon")] == PHONE  # text: the 0 stays


def test_csv_export_is_utf8_bom_semicolons_and_defuses_formulas(book, tmp_path):
    target = tmp_path / "buku.csv"
    export_guestbook(GuestbookQuery(date_from=date(2026, 3, 4)), target, roles={"pimpinan"})
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(target, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[0][:3] == ["No", "Masuk", "Keluar"] and len(rows) == 7
    header = rows[0]
    names = [row[header.index("Nama tamu")] for row in rows[1:]]
    assert "'=HYPERLINK(\"x\")" in names and "Warga Nomor 0" in names
    assert "'-" in [row[header.index("Lembaga/instansi")] for row in rows[1:]]
    assert all(row[header.index("NIK")] == "331301**********" for row in rows[1:])
    assert csv_cell("+62 812") == "'+62 812" and csv_cell("Budi") == "Budi" and csv_cell(None) == ""


def test_pdf_export_landscape_with_headings_and_page_numbers_on_every_page(book, tmp_path, monkeypatch):
    from kpu_desk.printing import guestbook_pdf

    monkeypatch.setattr(guestbook_pdf, "CHUNK", 2)
    target = tmp_path / "buku.pdf"
    for i in range(40):
        make_visit(f"Rombongan {i}", MON + timedelta(days=5, minutes=i), group=3)
    result = export_guestbook(GuestbookQuery(), target, roles={"staf"}, office_name="KPU Kabupaten Karanganyar")
    assert result.rows == 48
    pdf = pypdfium2.PdfDocument(str(target))
    pages = len(pdf)
    assert pages >= 2
    width, height = pdf[0].get_size()
    assert width > height and width == pytest.approx(297 * 72 / 25.4, abs=1)
    texts = [pdf[i].get_textpage().get_text_range() for i in range(pages)]
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {pages}" in text
        assert "Nama tamu" in text and "Keperluan" in text and "BUKU TAMU" in text
    whole = "\n".join(texts)
    assert "Wulan Sari" in whole and "Rombongan 39" in whole and NIK not in whole
    pdf.close()


def test_unknown_export_format_is_refused(tmp_path):
    with pytest.raises(ValueError, match="pilih .xlsx, .csv atau .pdf"):
        format_of(tmp_path / "buku.docx")


# --- command line ----------------------------------------------------------------------------------


@pytest.fixture
def cli_book(run_cli, sqlite_url):
    from engine_support import sync_shipped
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    sync_shipped()
    make_visit("Wulan Sari", MON + timedelta(hours=1))
    make_visit("Bambang Hartono", MON + timedelta(days=1), group=4)
    close_database()
    return sqlite_url


@pytest.mark.parametrize("written", ["02-03-2026", "2026-03-02", "2/3/2026"])
def test_cli_export_takes_indonesian_and_iso_dates(run_cli, cli_book, tmp_path, written):
    target = tmp_path / "buku.csv"
    code, out, err = run_cli("--db", cli_book, "tamu", "ekspor", "--dari", written, "--sampai", written, "-o", str(target))
    assert code == 0, err
    assert "1 kunjungan (1 orang)" in out
    assert "Wulan Sari" in target.read_text(encoding="utf-8-sig") and NIK not in target.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("written", ["2026/13/45", "kemarin", "31-02-2026", "03-2026"])
def test_cli_export_wrong_date_says_how_to_write_it(run_cli, cli_book, tmp_path, written):
    code, out, err = run_cli("--db", cli_book, "tamu", "ekspor", "--dari", written, "-o", str(tmp_path / "b.csv"))
    assert code == 1 and out == ""
    assert f"tanggal '{written}' tidak dikenali" in err and "DD-MM-YYYY" in err and "YYYY-MM-DD" in err
    assert not (tmp_path / "b.csv").exists()


def test_cli_export_pdf_and_xlsx_and_bad_suffix(run_cli, cli_book, tmp_path):
    for suffix in ("pdf", "xlsx"):
        code, out, err = run_cli("--db", cli_book, "tamu", "ekspor", "-o", str(tmp_path / f"b.{suffix}"))
        assert code == 0 and "2 kunjungan (5 orang)" in out, err
    code, _, err = run_cli("--db", cli_book, "tamu", "ekspor", "-o", str(tmp_path / "b.txt"))
    assert code == 1 and "format berkas" in err
    code, _, err = run_cli("--db", cli_book, "tamu", "ekspor", "--dari", "03-03-2026", "--sampai", "02-03-2026",
                           "-o", str(tmp_path / "b.csv"))
    assert code == 1 and "sesudah --sampai" in err
