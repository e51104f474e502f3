"""The front desk end to end: check a guest in with the keyboard only, print the pass, scan it to check out."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta

import pypdfium2
import pytest
import zxingcpp
from hypothesis import given
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from code_strategies import CODES, FUZZ
from kpu_desk.store import models
from kpu_desk.gui import wallclock

VALID_NIK = "3313014508900001"


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(qtbot, key) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key)


def _focus(qtbot, widget) -> None:
    # Offscreen Qt does not hand activation back to the main window when a dialog closes.
    # requestActivate() is not enough there either; the deprecated call is the one that works.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(widget.window())
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def _qr_payloads(pdf_path, dpi: int) -> list[str]:
    page = pypdfium2.PdfDocument(str(pdf_path))[0]
    image = page.render(scale=dpi / 72).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image)]


@pytest.fixture
def desk(demo_database, open_main_window, tmp_path):
    from kpu_desk.gui import printer_settings

    printer_settings.save(pass_printer=printer_settings.PDF, pass_size="cr80")  # "save as PDF" on this PC
    window = open_main_window("resepsionis")
    page = window.show_page("visitors")
    page.print_options = {"save_path": tmp_path / "pass.pdf"}
    return window, page, tmp_path / "pass.pdf"


def _check_in_by_keyboard(qtbot, page):
    _focus(qtbot, page.visitsView)
    _key(qtbot, Qt.Key.Key_F2)
    dialog = page.checkin_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.nameEdit)
    for text in ("Qorina Testadi", "I", "Dinas Kominfo"):  # name, origin (I = Instansi), institution
        _type(qtbot, text)
        _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)  # one person
    for text in ("0812 3456 7890", "", VALID_NIK, "Koordinasi data pemilih", "Ketua"):  # "": KTP is the default
        _type(qtbot, text)
        _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Down)  # report to the first pimpinan in the list
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Tab)  # the KTP is kept (ticked for a KTP)
    _type(qtbot, "7")
    _key(qtbot, Qt.Key.Key_Return)
    return dialog


def test_keyboard_check_in_prints_a_pass_whose_qr_checks_the_guest_out(qtbot, desk):
    window, page, pass_pdf = desk
    dialog = _check_in_by_keyboard(qtbot, page)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    visit = models.Visit.select().order_by(models.Visit.id.desc()).first()
    assert visit.party.name == "Qorina Testadi" and visit.ktp_tray == "7" and visit.printed_at is not None
    assert visit.case.current_step == 6  # steps 1-5 recorded; the pramusaji is next
    assert models.Notification.select().where(models.Notification.case == visit.case).count() == 1

    payloads = _qr_payloads(pass_pdf, 300)
    assert payloads == [visit.pass_token]
    assert _qr_payloads(pass_pdf, 150) == payloads

    _focus(qtbot, page.visitsView)  # the clerk is anywhere on the page; the scanner just types
    _type(qtbot, payloads[0])
    _key(qtbot, Qt.Key.Key_Return)
    assert page.shown_visit is not None and page.shown_visit.visit_id == visit.id
    assert "baki 7" in page.ktpLabel.text()
    assert QApplication.focusWidget() is page.checkOutButton
    _key(qtbot, Qt.Key.Key_Return)  # one key closes the visit
    assert models.Visit.get_by_id(visit.id).checked_out_at is not None
    assert QApplication.focusWidget() is page.scanEdit  # ready for the next guest


def test_bad_input_in_the_dialog_keeps_what_was_typed(qtbot, desk):
    window, page, _ = desk
    dialog = page.open_check_in()
    _focus(qtbot, dialog.nameEdit)
    dialog.phoneEdit.setText("0812 3456 7890")
    dialog.numberEdit.setText("3313019999900001")  # no such birth date
    dialog.purposeEdit.setText("Audiensi")
    qtbot.keyClick(dialog.purposeEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "wajib" in dialog.nameEditError.text().lower()
    assert "tanggal lahir" in dialog.numberEditError.text().lower()
    assert dialog.purposeEdit.text() == "Audiensi" and dialog.focusWidget() is dialog.nameEdit
    assert models.Visit.select().where(models.Visit.purpose == "Audiensi").count() == 0


def test_a_scan_while_the_dialog_is_open_is_not_saved_as_data(qtbot, desk):
    window, page, _ = desk
    token = models.Visit.select().first().pass_token
    dialog = page.open_check_in()
    _focus(qtbot, dialog.nameEdit)
    before = models.Visit.select().count()
    _type(qtbot, token)  # the scanner types into the name field
    _key(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.nameEdit.text() == ""
    assert "pass terpindai" in dialog.generalError.text()
    assert models.Visit.select().count() == before


@pytest.mark.parametrize("code, words", [
    ("https://kpu.go.id/berita", "bukan pass tamu"),
    ("TM1.AAAAAAAAAAAAA.BBBBBBBBBBBBBBBB", "tidak sah"),
])
def test_other_codes_are_refused_with_a_message(qtbot, desk, code, words):
    window, page, _ = desk
    _focus(qtbot, page.scanEdit)
    _type(qtbot, code)
    _key(qtbot, Qt.Key.Key_Return)
    assert page.shown_visit is None and words in page.scanMessage.text()
    assert page.scanEdit.hasSelectedText()  # the next scan replaces it


def test_a_pass_with_what_a_scanner_adds_around_it_checks_the_guest_out(qtbot, desk):
    window, page, _ = desk
    visit = models.Visit.select().order_by(models.Visit.id.desc()).first()
    # A guest inside with a valid pass, whatever the hour the demo office was made at.
    models.Visit.update(checked_out_at=None, valid_until=wallclock.now() + timedelta(hours=1)).where(
        models.Visit.id == visit.id).execute()
    _focus(qtbot, page.scanEdit)
    page.scanEdit.setText(f"\ufeff{visit.pass_token}\u200b")  # as the scanner's keystrokes leave it
    _key(qtbot, Qt.Key.Key_Return)
    assert page.shown_visit is not None and page.shown_visit.visit_id == visit.id, page.scanMessage.text()


@FUZZ
@given(text=CODES)
def test_the_scan_field_answers_any_text(qtbot, desk, text):
    window, page, _ = desk
    visit = page.scan(text)
    assert visit is not None or page.scanMessage.text().startswith("Ditolak: ")


def test_a_missing_printer_keeps_the_visit(qtbot, desk, _no_blocking_message_boxes):
    from kpu_desk.gui import printer_settings

    window, page, pass_pdf = desk
    printer_settings.save(pass_printer="Brother QL-800 di meja depan")
    page.print_options = {}
    dialog = _check_in_by_keyboard(qtbot, page)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    visit = models.Visit.select().order_by(models.Visit.id.desc()).first()
    assert visit.party.name == "Qorina Testadi" and visit.printed_at is None
    said = [text for kind, title, text in _no_blocking_message_boxes if kind == "confirm"]
    assert said and "Brother QL-800" in said[0] and "tersimpan" in said[0]
    assert not pass_pdf.exists()


@pytest.mark.parametrize("username, whole", [("resepsionis", True), ("ketua", False)])
def test_the_nik_in_the_case_window_is_whole_only_for_reception(qtbot, demo_database, username, whole):
    from kpu_desk.accounts import find_user
    from kpu_desk.frontdesk import check_in
    from kpu_desk.gui.case.window import CaseWindow
    from kpu_desk.gui.session import Session

    guest = {"nama_tamu": "Qorina Testadi", "asal_tamu": "Pribadi", "jumlah_tamu": 1, "cuci_tangan": True,
             "cek_kesehatan": "Lolos", "jenis_identitas": "KTP", "nik": VALID_NIK, "keperluan": "Audiensi",
             "yang_dituju": "Ketua", "identitas_dititipkan": False}
    number = check_in(guest, find_user("resepsionis")).case_number
    window = CaseWindow(number, Session.of(find_user(username)))
    qtbot.addWidget(window)
    shown = [value for entry in window.data.history for value in entry.form.values()]
    assert (VALID_NIK in shown) is whole
    assert ("331301**********" in shown) is not whole


def test_a_new_pass_is_valid_until_the_office_closing_time(qtbot, desk, time_machine):
    from datetime import time

    from kpu_desk.office_hours import set_closing_time

    set_closing_time(time(15, 0))
    time_machine.move_to(datetime(2026, 11, 18, 14, 0))
    window, page, _ = desk
    assert page.open_check_in().validEdit.time().toPython() == time(15, 0)
