"""The Surat & Disposisi page: the agenda and its secrets, the register dialog's refusals, the buku ekspedisi,
the code check, the lembar disposisi on half folio through the save-as-PDF printer, and the case window's receipt."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pypdfium2
import pytest
from PySide6.QtCore import QDate, Qt

from gui.letters_gui_support import click, draw_signature, focus, qr_payloads, scan_file, sign_in_as
from kpu_desk.accounts import find_user
from kpu_desk.gui.session import Session
from kpu_desk.store import models
from kpu_desk.gui import wallclock

KUPANG = "kupang-pelayanan-publik"


def _open_register(qtbot, page, tmp_path):
    page.choose_scan = lambda parent: scan_file(tmp_path)
    page.tabs.setCurrentWidget(page.agendaTab)
    focus(qtbot, page.lettersView)
    qtbot.keyClick(page.lettersView, Qt.Key.Key_F2)
    return page.register_dialog



def test_a_letter_received_last_year_is_shown_in_that_years_agenda(qtbot, demo_database, open_main_window,
                                                                   tmp_path, time_machine):
    from kpu_desk.letters import IncomingLetter, register_incoming
    from letters_support import scan_pdf

    time_machine.move_to(datetime(2027, 1, 4, 9, 0))  # the first working day of 2027
    window = open_main_window("helpdesk")
    page = window.show_page("letters")
    assert page.yearSpin.value() == 2027
    dialog = _open_register(qtbot, page, tmp_path)
    registered = register_incoming(IncomingLetter(
        sender="Yayasan Lentera", subject="Permohonan data TPS", received=date(2026, 12, 30),
        letter_number="31/XII/2026", letter_date=date(2026, 12, 29), scan=scan_pdf(),
        scan_filename="surat.pdf"), "helpdesk")
    dialog.registered.emit(registered)  # what the dialog says after saving
    assert page.yearSpin.value() == 2026 and page.model.row_at(0).agenda_number == registered.agenda


def _pdf_text(path) -> str:
    document = pypdfium2.PdfDocument(str(path))
    return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))


def test_the_register_dialog_says_what_is_missing_under_each_field(qtbot, demo_database, open_main_window, tmp_path):
    window = open_main_window("helpdesk")
    page = window.show_page("letters")
    dialog = _open_register(qtbot, page, tmp_path)
    before = models.Letter.select().count()
    dialog.sopCombo.setCurrentIndex(dialog.sopCombo.findData(KUPANG))
    qtbot.keyClicks(dialog.letterNumberEdit, "07/XI/2026")
    dialog.receivedEdit.setDate(QDate(wallclock.today()).addDays(-3))
    qtbot.keyClick(dialog.letterNumberEdit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result_value is None
    assert "Pengirim wajib diisi" in dialog.senderEditError.text() and dialog.senderEditError.isVisible()
    assert "Perihal wajib diisi" in dialog.subjectEditError.text()
    assert "sebelum tanggal surat" in dialog.receivedEditError.text()
    assert dialog.letterNumberEdit.text() == "07/XI/2026"  # nothing typed is lost

    qtbot.keyClicks(dialog.senderEdit, "Yayasan Lentera")
    qtbot.keyClicks(dialog.subjectEdit, "Permohonan data TPS")
    dialog.letterDateEdit.setDate(QDate(wallclock.today()).addDays(-4))
    click(qtbot, dialog.saveButton)
    # The Kupang letter step asks for the applicant, what is asked and the scan.
    assert "Wajib diisi" in dialog.applicantEditError.text() and "Wajib diisi" in dialog.detailEditError.text()
    assert dialog.scanEditError.isVisible()
    assert models.Letter.select().count() == before

    qtbot.keyClicks(dialog.applicantEdit, "Yayasan Lentera")
    qtbot.keyClicks(dialog.detailEdit, "Daftar TPS Kecamatan Oebobo")
    click(qtbot, dialog.scanButton)
    assert dialog.scanEdit.text() == "surat-masuk.pdf"
    click(qtbot, dialog.saveButton)
    registered = dialog.result_value
    assert registered is not None and registered.case.current_step == 6
    assert f"nomor agenda {registered.agenda}" in dialog.resultLabel.text()
    assert registered.letter.received_date == wallclock.today() - timedelta(days=3)
    click(qtbot, dialog.saveButton)  # "Daftarkan surat lain": an empty form
    assert dialog.senderEdit.text() == "" and dialog.scanEdit.text() == "" and not dialog.resultLabel.isVisible()
    click(qtbot, dialog.closeButton)
    assert page.model.row_at(0).agenda_number == registered.agenda


def test_rahasia_subjects_are_hidden_from_those_who_may_not_read_them(qtbot, demo_database, open_main_window,
                                                                       tmp_path):
    window = open_main_window("helpdesk")
    page = window.show_page("letters")
    dialog = _open_register(qtbot, page, tmp_path)
    qtbot.keyClicks(dialog.senderEdit, "Polres Kota")
    qtbot.keyClicks(dialog.subjectEdit, "Laporan intelijen pengamanan pemilu")
    dialog.securityCombo.setCurrentText("Rahasia")
    click(qtbot, dialog.saveButton)
    agenda = dialog.result_value.agenda
    click(qtbot, dialog.closeButton)

    def subject(page):
        page.refresh()
        return next(r.subject for r in page.model.rows() if r.agenda_number == agenda)

    assert subject(page) == "(dirahasiakan)"
    assert subject(sign_in_as(window, "kasubag.hukum")) == "(dirahasiakan)"
    page = sign_in_as(window, "sekretaris")
    assert subject(page) == "Laporan intelijen pengamanan pemilu"
    assert page.tabs.isTabVisible(page.tabs.indexOf(page.signingTab))
    page = sign_in_as(window, "kasubag.hukum")
    assert not page.tabs.isTabVisible(page.tabs.indexOf(page.signingTab))
    assert not page.disposeButton.isVisible()  # only leadership writes dispositions


def test_the_buku_ekspedisi_dialog_refuses_an_empty_hand_over(qtbot, demo_database, open_main_window):
    window = open_main_window("kasubag.hukum")
    page = window.show_page("letters")
    page.tabs.setCurrentWidget(page.expeditionTab)
    before = page.expedition_model.rowCount()
    click(qtbot, page.handoverButton)
    dialog = page.handover_dialog
    assert not dialog.padHolder.isVisible()
    click(qtbot, dialog.saveButton)
    assert dialog.isVisible() and "wajib" in dialog.itemEditError.text()
    assert "wajib" in dialog.recipientNameEditError.text()
    qtbot.keyClicks(dialog.itemEdit, "Salinan berita acara pleno")
    qtbot.keyClicks(dialog.recipientNameEdit, "Yohana Bria")
    qtbot.keyClicks(dialog.caseEdit, "PI-1999-99999")
    dialog.signCheck.setChecked(True)
    assert dialog.padHolder.isVisible()
    click(qtbot, dialog.saveButton)
    assert "belum menandatangani" in dialog.signatureError.text()
    draw_signature(qtbot, dialog.pad)
    click(qtbot, dialog.saveButton)
    assert dialog.isVisible() and "PI-1999-99999" in dialog.generalError.text()
    dialog.caseEdit.clear()
    click(qtbot, dialog.saveButton)
    assert not dialog.isVisible() and page.expedition_model.rowCount() == before + 1
    assert page.expedition_model.row_at(0).item == "Salinan berita acara pleno"
    assert page.expedition_model.index(0, 7).data() == "Ada"
    assert "tercatat di buku ekspedisi" in window.statusBar().currentMessage()


def test_the_code_field_checks_a_scanned_code(qtbot, demo_database, open_main_window):
    window = open_main_window("sekretaris")
    page = window.show_page("letters")
    signed = models.Disposition.select().where(models.Disposition.signature_code.is_null(False)).first()
    for text, words in (("bukan kode", "bukan kode verifikasi"), (signed.signature_code, "SAH: disposisi")):
        page.verifyEdit.setText(text)
        qtbot.keyClick(page.verifyEdit, Qt.Key.Key_Return)
        assert page.verifyResult.isVisible() and words in page.verifyResult.text()


def test_the_half_folio_sheet_prints_to_a_pdf_whose_qr_verifies(qtbot, demo_database, open_main_window, tmp_path):
    from kpu_desk.gui import printer_settings
    from kpu_desk.gui.letters.sheet_print import sheet_pdf, sheet_title
    from kpu_desk.gui.printing import PrintStatus, print_pdf
    from kpu_desk.letters import verify_code

    printer_settings.save(sheet_printer=printer_settings.PDF, disposisi_paper="half_folio")
    window = open_main_window("sekretaris")
    signed = models.Disposition.select().where(models.Disposition.signature_code.is_null(False)).first()
    target = tmp_path / "lembar.pdf"
    sheet = sheet_pdf(signed.id, find_user("sekretaris"))
    result = print_pdf(sheet, "disposisi", window, ask=False, title=sheet_title(signed.id),
                       save_path=target)
    assert result.status is PrintStatus.SAVED
    width, height = pypdfium2.PdfDocument(str(target))[0].get_size()
    assert (round(width / 72 * 25.4), round(height / 72 * 25.4)) == (165, 215)
    assert "LEMBAR DISPOSISI" in _pdf_text(target).upper()
    payloads = qr_payloads(target, 400)
    assert payloads == [signed.signature_code] and verify_code(payloads[0]).ok


@pytest.mark.parametrize("username", ["ppid"])
def test_the_case_window_prints_the_receipt_of_a_request(qtbot, demo_database, tmp_path, username):
    from kpu_desk.gui.case import CaseWindow

    case = models.Case.select().where(models.Case.sop_id == KUPANG).first()
    window = CaseWindow(case.number, Session.of(find_user(username)))
    qtbot.addWidget(window)
    window.show()
    assert window.actionReceipt.isVisible()
    target = tmp_path / "tanda-bukti.pdf"
    window.receipt_options = {"choose_path": lambda parent, title: str(target)}
    window.actionReceipt.trigger()
    preview = window.receipt_preview
    assert preview.isVisible()
    click(qtbot, preview.saveButton)
    text = _pdf_text(target)
    assert case.number in text and "TANDA BUKTI" in text.upper()
    preview.close()
    window.close()


def test_the_case_window_of_a_visit_offers_no_receipt(qtbot, demo_database):
    from kpu_desk.gui.case import CaseWindow

    case = models.Case.select().where(models.Case.sop_id == "karanganyar-pelayanan-umum").first()
    window = CaseWindow(case.number, Session.of(find_user("resepsionis")))
    qtbot.addWidget(window)
    window.show()
    assert not window.actionReceipt.isVisible()
    window.close()


def _secret_signed_disposition():
    signed = models.Disposition.select().where(models.Disposition.signature_code.is_null(False)).first()
    letter = models.Letter.get_by_id(signed.letter_id)
    models.Letter.update(security_class="Rahasia").where(models.Letter.id == letter.id).execute()
    return signed, letter


def test_a_rahasia_letter_is_shown_and_printed_only_to_its_readers(qtbot, demo_database):
    from kpu_desk.gui.letters.view_dialog import DispositionDialog
    from kpu_desk.letters import disposition_view

    signed, letter = _secret_signed_disposition()
    view = disposition_view(signed.id)
    recipient = next(r.user.username for r in view.recipients if r.user is not None)
    shown = {}
    for username in ("helpdesk", recipient, "sekretaris"):
        dialog = DispositionDialog(signed.id, Session.of(find_user(username)))
        qtbot.addWidget(dialog)
        dialog.show()
        shown[username] = (dialog.detailView.toPlainText(), dialog.printButton.isVisible())
    assert letter.subject not in shown["helpdesk"][0] and letter.sender not in shown["helpdesk"][0]
    assert "(dirahasiakan)" in shown["helpdesk"][0] and not shown["helpdesk"][1]
    for username in (recipient, "sekretaris"):
        assert letter.subject in shown[username][0] and shown[username][1]


def test_a_genuine_code_shows_what_was_signed(qtbot, demo_database, open_main_window):
    from kpu_desk.letters import disposition_view

    window = open_main_window("helpdesk")
    page = window.show_page("letters")
    signed = models.Disposition.select().where(models.Disposition.signature_code.is_null(False)).first()
    view = disposition_view(signed.id)
    letter = models.Letter.get_by_id(signed.letter_id)
    page.verifyEdit.setText(signed.signature_code)
    qtbot.keyClick(page.verifyEdit, Qt.Key.Key_Return)
    shown = page.verifyResult.text()
    assert f"agenda {view.agenda}, nomor {letter.letter_number or '—'}" in shown
    assert all(r.label in shown for r in view.recipients)
    assert all(i in shown for i in view.instructions) and (view.note or "—") in shown
    assert "Batas waktu:" in shown and f"Ditandatangani oleh: {view.signer.name}" in shown


class _Marking:
    """A translator that marks every text it is asked for: what is not marked did not go through tr()."""

    def __enter__(self):
        from PySide6.QtCore import QCoreApplication, QTranslator

        class Marker(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):
                return f"«{source}»"

            def isEmpty(self):
                return False

        self.translator = Marker()
        QCoreApplication.installTranslator(self.translator)
        return self

    def __exit__(self, *_exc):
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.removeTranslator(self.translator)


def test_the_letters_texts_go_through_tr(qtbot, demo_database):
    from dataclasses import replace

    from kpu_desk.accounts import find_user
    from kpu_desk.gui.letters import editor as editors
    from kpu_desk.gui.letters.describe import details_html, heading, signed_summary, status
    from kpu_desk.gui.letters.models import said
    from kpu_desk.gui.letters.sheet_print import sheet_title
    from kpu_desk.letters import disposition_view

    signed = models.Disposition.select().where(models.Disposition.signature_code.is_null(False)).first()
    view = replace(disposition_view(signed.id), other="Hubungi pemohon")
    session = Session.of(find_user("sekretaris"))
    with _Marking():
        texts = [heading(view), status(view), signed_summary(view), sheet_title(view.id)]
        texts += [mode.title + mode.heading for mode in (editors.new_on_letter(view.agenda, "Perihal", session),
                                                         editors.passing_on(view.id, session))]
        html = details_html(view)
        other = said(view)
    assert all(text.startswith("«") for text in texts), texts
    assert "«Surat dari»" in html and "«Batas waktu»" in html and "«Lainnya: Hubungi pemohon»" in other
