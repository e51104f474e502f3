"""The lembar disposisi: both paper sizes, every field read back, the QR verified through the CLI."""

from __future__ import annotations

import pypdfium2
import pytest
import zxingcpp

from letters_support import make_office, signature_png, signed_letter_path

MM = 72 / 25.4


@pytest.fixture
def office_db(sqlite_url, tmp_path):
    """A SQLite office (with a logo) and a signed disposition passed on twice: (url, letter, signed disposition)."""
    from kpu_desk.office import OfficeProfile, save_office
    from kpu_desk.store import close_database, open_database

    logo = tmp_path / "logo.png"
    logo.write_bytes(signature_png(120, 120))
    open_database(sqlite_url)
    try:
        make_office()
        save_office(OfficeProfile(name="KPU Kota Kupang", level="Kota", address="Jl. Polisi Militer No. 5, Kupang",
                                  sops_in_use=("kupang-pelayanan-publik",)), logo_file=logo)
        letter, signed, _ = signed_letter_path()
        yield sqlite_url, letter, signed
    finally:
        close_database()


def _text(pdf_path) -> tuple[str, pypdfium2.PdfDocument]:
    pdf = pypdfium2.PdfDocument(str(pdf_path))
    return "\n".join(page.get_textpage().get_text_range() for page in pdf), pdf


@pytest.mark.parametrize("paper, width_mm, height_mm", [("a4", 210, 297), ("half-folio", 165, 215)])
def test_the_sheet_has_its_page_size_and_every_field(run_cli, office_db, tmp_path, paper, width_mm, height_mm):
    url, letter, signed = office_db
    out = tmp_path / f"disposisi-{paper}.pdf"
    code, stdout, err = run_cli("--db", url, "print", "disposisi", str(signed.id), "--paper", paper, "-o", str(out))
    assert code == 0, err
    assert "1 halaman" in stdout
    text, pdf = _text(out)
    assert len(pdf) == 1
    width, height = pdf[0].get_size()
    assert width == pytest.approx(width_mm * MM, abs=0.5) and height == pytest.approx(height_mm * MM, abs=0.5)
    flat = " ".join(text.split())
    expected = [
        "KPU KOTA KUPANG", "LEMBAR DISPOSISI", "Surat dari", "Maria Goreti Lake", "Nomor surat", "01/PI/XI/2026",
        "Tanggal surat", "18 November 2026", "Diterima tanggal", "20 November 2026", "Nomor agenda", "0001/2026",
        "Perihal", "Permohonan salinan rekapitulasi DPT Kelurahan Oebobo", "☑ Amat Segera", "☐ Segera",
        "☑ Terbatas", "☐ Rahasia", "PR.01.02", letter.case.number, "Diteruskan kepada",
        "☑ Sekretaris (Masykur Abdullah)", "☑ Kasubag Hukum dan SDM", "☐ Anggota KPU", "Dengan hormat harap",
        "☑ Tindak lanjuti", "☑ Laporkan hasilnya", "☐ Arsipkan", "☐ Tanggapan dan saran",
        "☑ Lainnya: Koordinasi dengan PPID", "Mohon disiapkan data sesuai permohonan", "Batas waktu",
        "3 hari kerja, s.d. Kamis, 26 November 2026", "Ketua KPU Kota Kupang (Bambang Setiawan)",
        "Sekretaris KPU Kota Kupang", "Masykur Abdullah", "NIP 197205141998031004", "Tanggal: 23 November 2026",
        "Siapkan data baku hari ini", "Ketik rekap per TPS", "Pengelola Data (Fitri Handayani)",
        "Tanda terima penerima disposisi", "Paraf", signed.signature_code,
    ]
    missing = [item for item in expected if item not in flat]
    assert not missing, f"not on the sheet: {missing}\n{flat}"
    images = [obj for obj in pdf[0].get_objects() if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 2  # the office's logo and the signature specimen
    pdf.close()


@pytest.mark.parametrize("dpi", [150, 300])
@pytest.mark.parametrize("paper", ["a4", "half-folio"])
def test_the_qr_code_verifies_through_the_command_line(run_cli, office_db, tmp_path, paper, dpi):
    url, letter, signed = office_db
    out = tmp_path / "disposisi.pdf"
    assert run_cli("--db", url, "print", "disposisi", letter.agenda, "--paper", paper, "-o", str(out))[0] == 0
    pdf = pypdfium2.PdfDocument(str(out))
    image = pdf[0].render(scale=dpi / 72).to_pil()
    found = [c.text for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
    pdf.close()
    assert found == [signed.signature_code]
    assert "Maria" not in found[0] and "Kupang" not in found[0]
    code, stdout, err = run_cli("--db", url, "disposisi", "verify", found[0])
    assert code == 0, err
    assert stdout.startswith("SAH") and "0001/2026" in stdout and stdout.count("\n") == 1


def test_a_tampered_row_fails_verification_and_an_unsigned_sheet_has_no_code(run_cli, office_db, tmp_path):
    url, letter, signed = office_db
    from kpu_desk.store import current_database

    current_database().execute_sql("UPDATE disposition SET deadline_days = 30 WHERE id = ?", (signed.id,))
    code, stdout, err = run_cli("--db", url, "disposisi", "verify", signed.signature_code)
    assert code != 0 and not stdout and "telah diubah" in err
    code, _, err = run_cli("--db", url, "disposisi", "verify", "DS1.999.AAAAAAAAAAAAAAAA")
    assert code != 0 and "tidak dikenal" in err

    from kpu_desk.letters import DispositionDraft, dispose
    from kpu_desk.store import open_database

    open_database(url)
    draft = dispose(DispositionDraft(recipients=["kasubag.hukum"], note="Konsep"), "ketua", case=letter.case.number)
    out = tmp_path / "konsep.pdf"
    assert run_cli("--db", url, "print", "disposisi", f"#{draft.id}", "-o", str(out))[0] == 0
    text, pdf = _text(out)
    assert "BELUM DITANDATANGANI" in text
    assert not zxingcpp.read_barcodes(pdf[0].render(scale=150 / 72).to_pil())
    pdf.close()


def test_unknown_numbers_and_papers_are_refused(run_cli, office_db, tmp_path):
    url, _, _ = office_db
    code, _, err = run_cli("--db", url, "print", "disposisi", "0099/2026", "-o", str(tmp_path / "x.pdf"))
    assert code != 0 and "0099/2026" in err
    code, _, err = run_cli("--db", url, "print", "disposisi", "1", "--paper", "f4", "-o", str(tmp_path / "x.pdf"))
    assert code != 0 and "pilihan tidak sah" in err
