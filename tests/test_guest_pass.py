"""Guest passes: the badge PDF (both sizes), its QR code, and checking a pass at the door."""

from __future__ import annotations

from datetime import datetime, timedelta

import pypdfium2
import pytest
import zxingcpp
from conftest import SUITE_NOW

MM = 72 / 25.4


@pytest.fixture
def visit(run_cli, sqlite_url, office_hours):
    """A demo office with one visit that is still inside, valid until tomorrow: (case number, code, party)."""
    assert run_cli("--db", sqlite_url, "demo", "--days", "1")[0] == 0
    from kpu_desk.store import close_database, models, open_database

    open_database(sqlite_url)
    try:
        row = models.Visit.select().order_by(models.Visit.id).first()
        models.Visit.update(valid_until=SUITE_NOW + timedelta(days=1), checked_out_at=None).where(
            models.Visit.id == row.id).execute()
        party = row.party
        yield row.case.number, row.pass_token, (party.name, party.nik or "", party.phone or "")
    finally:
        close_database()


def _set_visit(sqlite_url, number, **values):
    from kpu_desk.store import close_database, models, open_database

    open_database(sqlite_url)
    try:
        case = models.Case.get(models.Case.number == number)
        models.Visit.update(**values).where(models.Visit.case == case).execute()
    finally:
        close_database()


@pytest.mark.parametrize("size, width_mm, height_mm", [("cr80", 85.6, 54), ("62mm", 62, 100)])
def test_badge_pdf(run_cli, sqlite_url, tmp_path, visit, size, width_mm, height_mm):
    number, token, (name, nik, phone) = visit
    out = tmp_path / f"badge-{size}.pdf"
    code, stdout, err = run_cli("--db", sqlite_url, "print", "badge", number.lower(), "--size", size, "-o", str(out))
    assert code == 0, err
    pdf = pypdfium2.PdfDocument(str(out))
    assert len(pdf) == 1
    page = pdf[0]
    width, height = page.get_size()
    assert width == pytest.approx(width_mm * MM, abs=0.5)
    assert height == pytest.approx(height_mm * MM, abs=0.5)
    text = page.get_textpage().get_text_range()
    for expected in ("TAMU", name, number, "KPU", "Berlaku s.d."):
        assert expected in text
    from kpu_desk.printing.guest_pass import DAY_COLOURS

    assert any(f"· {colour}" in text for colour, _, _ in DAY_COLOURS)  # the colour of the day, in words too
    image = page.render(scale=300 / 72).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert [c.text for c in codes if c.format == zxingcpp.BarcodeFormat.QRCode] == [token]
    for personal in (name, *name.split(), nik, phone):
        if personal:
            assert personal.upper() not in token.upper()
    pdf.close()


def test_badge_refuses_a_case_that_is_not_a_visit(run_cli, sqlite_url, tmp_path, visit):
    code, _, err = run_cli("--db", sqlite_url, "print", "badge", "XX-2026-99999", "-o", str(tmp_path / "x.pdf"))
    assert code != 0 and "tidak ditemukan" in err


def test_pass_check(run_cli, sqlite_url, visit):
    number, token, (name, _, _) = visit
    code, out, err = run_cli("--db", sqlite_url, "pass", "check", token)
    assert code == 0, err
    assert out.count("\n") == 1 and number in out and "SAH" in out
    assert name not in out  # the name is shown masked
    assert name.split()[0] in out

    chars = list(token)
    chars[6] = "Q" if chars[6] != "Q" else "R"
    code, out, err = run_cli("--db", sqlite_url, "pass", "check", "".join(chars))
    assert code != 0 and not out and "tidak sah" in err

    from kpu_desk.security.pass_token import new_pass_token
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    try:
        genuine_but_unknown = new_pass_token()
    finally:
        close_database()
    code, _, err = run_cli("--db", sqlite_url, "pass", "check", genuine_but_unknown)
    assert code != 0 and "tidak dikenal" in err

    _set_visit(sqlite_url, number, valid_until=SUITE_NOW - timedelta(minutes=1))
    code, out, err = run_cli("--db", sqlite_url, "pass", "check", token)
    assert code != 0 and "kedaluwarsa" in err

    _set_visit(sqlite_url, number, valid_until=SUITE_NOW + timedelta(hours=1), checked_out_at=SUITE_NOW)
    code, out, err = run_cli("--db", sqlite_url, "pass", "check", token)
    assert code != 0 and "sudah keluar" in err


@pytest.mark.parametrize("junk", ["\u200b", "\ufeff", "\t", "\r\n", "\x1d", "\u00a0"])
def test_what_a_scanner_adds_around_a_genuine_code_is_forgiven_not_inside_it(run_cli, sqlite_url, visit, junk):
    number, token, _ = visit
    code, out, err = run_cli("--db", sqlite_url, "pass", "check", f"{junk}{token}{junk}")
    assert code == 0 and number in out, err
    code, out, err = run_cli("--db", sqlite_url, "pass", "check", token[:9] + junk + token[9:])
    assert code == 1 and out == "" and err == "kpu-desk: kode pass tidak sah / telah diubah\n"


def test_demo_passes_are_signed(run_cli, sqlite_url, visit):
    from kpu_desk.security.pass_token import verify_pass_token
    from kpu_desk.store import close_database, models, open_database

    open_database(sqlite_url)
    try:
        tokens = [v.pass_token for v in models.Visit.select()]
        assert tokens and all(verify_pass_token(t) for t in tokens)
    finally:
        close_database()


def test_unknown_badge_size_is_refused(tmp_path):
    from kpu_desk.printing.guest_pass import PassSizeError, render_guest_pass
    from kpu_desk.visits import PassInfo

    now = datetime(2026, 11, 23, 9, 0)
    info = PassInfo("KPU", "Ani", "", "Ketua", "", "TM-1", "TM-1", now, now, "TM1.A.B")
    with pytest.raises(PassSizeError, match="a4"):
        render_guest_pass(info, tmp_path / "x.pdf", size="a4")
