"""The letter path of the Kupang SOP through the windows, and the refusals of the disposition dialogs.

Register a letter (helpdesk), the Ketua writes the disposition, the Sekretaris keeps a
signature specimen and signs (a wrong password first), passes it on to the Kasubag
Hukum, who works it, records the reply letter's hand-over in the buku ekspedisi and
finishes; the case is done. The printed sheet's QR, read back with zxing-cpp, verifies;
changing the signed row behind the application's back makes the dialog and the page say
"TIDAK SAH".
"""

from __future__ import annotations


import pytest
from PySide6.QtCore import QDate, Qt

from gui.conftest import DEMO_PASSWORD
from gui.letters_gui_support import click, draw_signature, focus, qr_payloads, scan_file, sign_in_as
from kpu_desk import engine
from kpu_desk.engine.sops import sop_for_case
from kpu_desk.gui.letters.recipients_model import KIND_ROLE, VALUE_ROLE
from kpu_desk.letters import disposition_view, handover_fields, verify_code
from kpu_desk.letters.prefill import disposition_fields
from kpu_desk.store import models
from kpu_desk.gui import wallclock

KUPANG = "kupang-pelayanan-publik"


def _tick(editor, kind: str, value: str) -> None:
    model = editor.checklist
    row = next(r for r in range(model.rowCount())
               if model.item(r).data(KIND_ROLE) == kind and model.item(r).data(VALUE_ROLE) == value)
    model.item(row).setCheckState(Qt.CheckState.Checked)


def _row_of(model, disposition_id: int) -> int | None:
    return next((r for r in range(model.rowCount()) if model.row_at(r).view.id == disposition_id), None)


def _select_letter(page, agenda: str) -> None:
    page.tabs.setCurrentWidget(page.agendaTab)
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).agenda_number == agenda)
    page.lettersView.setCurrentIndex(page.model.index(row, 0))


def _register(qtbot, page, tmp_path) -> str:
    page.choose_scan = lambda parent: scan_file(tmp_path)
    page.tabs.setCurrentWidget(page.agendaTab)
    focus(qtbot, page.lettersView)
    qtbot.keyClick(page.lettersView, Qt.Key.Key_F2)
    dialog = page.register_dialog
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.senderEdit, "Maria Goreti Lake")
    qtbot.keyClicks(dialog.letterNumberEdit, "01/PI/XI/2026")
    qtbot.keyClicks(dialog.subjectEdit, "Permohonan salinan rekapitulasi DPT")
    dialog.urgencyCombo.setCurrentText("Segera")
    click(qtbot, dialog.scanButton)
    dialog.sopCombo.setCurrentIndex(dialog.sopCombo.findData(KUPANG))
    qtbot.keyClicks(dialog.applicantEdit, "Maria Goreti Lake")
    qtbot.keyClicks(dialog.detailEdit, "Rekapitulasi DPT Kelurahan Oebobo")
    qtbot.keyClick(dialog.classificationEdit, Qt.Key.Key_Return)  # Enter saves
    assert dialog.result_value is not None, dialog.generalError.text()
    agenda = dialog.result_value.agenda
    assert agenda in dialog.resultLabel.text() and dialog.result_value.case.number in dialog.resultLabel.text()
    click(qtbot, dialog.closeButton)
    return agenda


def _write_disposition(qtbot, page, agenda: str, to: str = "sekretaris") -> int:
    _select_letter(page, agenda)
    click(qtbot, page.disposeButton)
    editor = page.editor
    _tick(editor, "user", to)
    _tick(editor, "position", "Kasubag Hukum dan SDM")
    editor.instruction_checks["Tindak lanjuti"].setChecked(True)
    editor.instruction_checks["Laporkan hasilnya"].setChecked(True)
    qtbot.keyClicks(editor.noteEdit, "Mohon disiapkan data sesuai permohonan")
    editor.deadlineSpin.setValue(3)
    assert "3 hari kerja" in editor.dueLabel.text()
    click(qtbot, editor.saveButton)
    assert not editor.isVisible() and editor.result_id
    return editor.result_id


def _sign(qtbot, page, agenda: str) -> int:
    click(qtbot, page.specimenButton)
    draw_signature(qtbot, page.specimen_dialog.pad)
    click(qtbot, page.specimen_dialog.saveButton)
    assert "tersimpan" in page.specimen_dialog.resultLabel.text(), page.specimen_dialog.signatureError.text()
    click(qtbot, page.specimen_dialog.closeButton)
    page.tabs.setCurrentWidget(page.signingTab)
    row = next(r for r in range(page.signing_model.rowCount()) if page.signing_model.row_at(r).where == agenda)
    page.signingView.setCurrentIndex(page.signing_model.index(row, 0))
    click(qtbot, page.openSigningButton)
    view = page.disposition_dialog
    assert view.signButton.isVisible() and not view.replaceButton.isVisible()
    assert not view.editButton.isVisible()  # the Ketua wrote it: only he changes it
    signer = view.sign_dialog  # the worklist asks for the password at once
    assert signer.isVisible()
    assert signer.passwordEdit.echoMode() == signer.passwordEdit.EchoMode.Password
    qtbot.keyClicks(signer.passwordEdit, "bukan-sandinya")
    qtbot.keyClick(signer.passwordEdit, Qt.Key.Key_Return)
    assert signer.isVisible() and "kata sandi salah" in signer.passwordEditError.text()
    assert models.Disposition.get_by_id(view.disposition_id).signed_at is None
    qtbot.keyClicks(signer.passwordEdit, DEMO_PASSWORD)
    qtbot.keyClick(signer.passwordEdit, Qt.Key.Key_Return)
    assert not signer.isVisible()
    assert not view.signButton.isVisible() and not view.editButton.isVisible() and view.replaceButton.isVisible()
    assert "SAH" in view.verifyLabel.text() and "TIDAK" not in view.verifyLabel.text()
    return view.disposition_id


def _pass_on(qtbot, page, signed_id: int) -> int:
    view = page.disposition_dialog
    click(qtbot, view.passOnButton)
    editor = view.editor
    _tick(editor, "user", "kasubag.hukum")
    editor.instruction_checks["Proses lebih lanjut"].setChecked(True)
    qtbot.keyClicks(editor.noteEdit, "Siapkan data baku hari ini")
    click(qtbot, editor.saveButton)
    assert not editor.isVisible()
    child = models.Disposition.get(models.Disposition.parent == signed_id)
    assert child.due_at == models.Disposition.get_by_id(signed_id).due_at  # the parent's deadline
    click(qtbot, view.closeButton)
    return child.id


def _print_sheet(qtbot, page, signed_id: int, tmp_path):
    page.tabs.setCurrentWidget(page.writtenTab)
    view = page.open_disposition(signed_id)
    target = tmp_path / "disposisi.pdf"
    view.print_options = {"choose_path": lambda parent, title: str(target)}
    click(qtbot, view.printButton)
    assert view.preview.isVisible() and view.preview.kind == "disposisi"
    click(qtbot, view.preview.saveButton)
    click(qtbot, view.preview.closeButton)
    click(qtbot, view.closeButton)
    return target


def test_the_kupang_letter_path_through_the_windows(qtbot, demo_database, open_main_window, tmp_path):
    window = open_main_window("helpdesk")
    page = sign_in_as(window, "helpdesk")
    agenda = _register(qtbot, page, tmp_path)
    letter = models.Letter.get(models.Letter.subject == "Permohonan salinan rekapitulasi DPT")
    case = models.Case.get_by_id(letter.case_id)
    assert letter.attachment_id and case.sop_id == KUPANG and case.current_step == 6

    page = sign_in_as(window, "ketua")
    written_id = _write_disposition(qtbot, page, agenda)
    row = _row_of(page.written_model, written_id)
    assert page.written_model.index(row, 4).data() == "Belum"
    assert "(Masykur): belum dibaca; Kasubag Hukum dan SDM: belum dibaca" in page.written_model.index(row, 3).data()

    page = sign_in_as(window, "sekretaris")
    signed_id = _sign(qtbot, page, agenda)
    assert signed_id == written_id and _row_of(page.signing_model, signed_id) is None
    page.tabs.setCurrentWidget(page.inboxTab)
    assert _row_of(page.inbox_model, signed_id) is not None  # the Sekretaris is a recipient too
    child_id = _pass_on(qtbot, page, signed_id)
    sheet = _print_sheet(qtbot, page, signed_id, tmp_path)
    step6 = sop_for_case(case).step(6)
    engine.complete_step(case.number, disposition_fields(models.Disposition.get_by_id(child_id), step6),
                         actor="sekretaris")

    page = sign_in_as(window, "kasubag.hukum")
    page.tabs.setCurrentWidget(page.inboxTab)
    row = _row_of(page.inbox_model, child_id)
    assert page.inbox_model.row_at(row).mine.state == "unread"
    page.inboxView.setCurrentIndex(page.inbox_model.index(row, 0))
    click(qtbot, page.openInboxButton)
    view = page.disposition_dialog
    assert view.mine(view.view).state == "read"  # opening marks it read
    click(qtbot, view.startButton)
    assert view.mine(view.view).state == "in_progress"
    for step, fields, branch in (
            (7, {"disposisi_dicermati": True}, None),
            (8, {"sifat_permohonan": "Permintaan data baku", "hasil_identifikasi": "Data DPT tersedia"}, None),
            (9, {"divisi_konsultasi": "Divisi Data", "data_baku_yang_akan_diberikan": "Rekap DPT"},
             "Surat balasan dengan lampiran data")):
        engine.complete_step(case.number, fields, actor="kasubag.hukum", branch=branch)
    engine.complete_step(case.number, {"kasubag_ditugaskan_balasan": "kasubag.hukum"}, actor="sekretaris")

    page.tabs.setCurrentWidget(page.expeditionTab)
    click(qtbot, page.handoverButton)
    handover = page.handover_dialog
    qtbot.keyClicks(handover.itemEdit, "Surat balasan 12/PI/XI/2026 dan rekap DPT")
    qtbot.keyClicks(handover.recipientNameEdit, "Maria Goreti Lake")
    qtbot.keyClicks(handover.caseEdit, case.number)
    handover.signCheck.setChecked(True)
    draw_signature(qtbot, handover.pad)
    click(qtbot, handover.saveButton)
    entry = models.Expedition.select().order_by(models.Expedition.id.desc()).first()
    assert not handover.isVisible() and handover.number == f"{entry.number:04d}/{entry.year}"
    assert page.expedition_model.row_at(0).number == handover.number
    assert page.expedition_model.index(0, 7).data() == "Ada"
    assert entry.case.number == case.number and entry.receiver_signature_sha256
    engine.complete_step(case.number, {
        "nomor_surat_balasan": "12/PI/XI/2026", "tanggal_surat_balasan": wallclock.today().isoformat(),
        "surat_balasan": letter.attachment_id, "cara_penyampaian_balasan": "Langsung",
        **handover_fields(entry, sop_for_case(case).step(13))}, actor="kasubag.hukum")
    assert engine.find_case(case.number).state == "done"

    view.myNoteEdit.setText("Data dan surat balasan sudah diserahkan")
    click(qtbot, view.finishButton)
    assert disposition_view(child_id).done and _row_of(page.inbox_model, child_id) is None

    payloads = qr_payloads(sheet)
    assert payloads == [models.Disposition.get_by_id(signed_id).signature_code]
    assert verify_code(payloads[0]).ok

    # Behind the application's back: the signed note changed in the database.
    models.Disposition.update(note="Tidak perlu ditindaklanjuti").where(models.Disposition.id == signed_id).execute()
    page = sign_in_as(window, "sekretaris")
    qtbot.keyClicks(page.verifyEdit, payloads[0])
    qtbot.keyClick(page.verifyEdit, Qt.Key.Key_Return)
    assert "TIDAK SAH" in page.verifyResult.text() and "diubah" in page.verifyResult.text()
    view = page.open_disposition(signed_id)
    assert "TIDAK SAH" in view.verifyLabel.text()


@pytest.fixture
def ketua_editor(qtbot, demo_database, open_main_window, tmp_path):
    window = open_main_window("sekretaris")
    page = sign_in_as(window, "sekretaris")
    agenda = _register(qtbot, page, tmp_path)
    page = sign_in_as(window, "ketua")
    _select_letter(page, agenda)
    click(qtbot, page.disposeButton)
    return page.editor


def test_a_disposition_with_no_recipient_is_refused_next_to_the_list(qtbot, ketua_editor):
    editor, before = ketua_editor, models.Disposition.select().count()
    editor.instruction_checks["Untuk diketahui"].setChecked(True)
    qtbot.keyClicks(editor.noteEdit, "Catatan yang tidak boleh hilang")
    click(qtbot, editor.saveButton)
    assert editor.isVisible() and editor.recipientsViewError.isVisible()
    assert "paling sedikit satu orang atau jabatan" in editor.recipientsViewError.text()
    assert editor.noteEdit.toPlainText() == "Catatan yang tidak boleh hilang"
    assert editor.instruction_checks["Untuk diketahui"].isChecked()
    assert models.Disposition.select().count() == before
    _tick(editor, "user", "sekretaris")
    click(qtbot, editor.saveButton)
    assert not editor.isVisible() and models.Disposition.select().count() == before + 1


def test_a_deadline_in_the_past_or_of_no_days_is_refused(qtbot, ketua_editor):
    editor, before = ketua_editor, models.Disposition.select().count()
    _tick(editor, "user", "sekretaris")
    editor.instruction_checks["Tindak lanjuti"].setChecked(True)
    editor.deadlineSpin.setValue(0)
    assert "paling sedikit 1 hari kerja" in editor.dueLabel.text()
    click(qtbot, editor.saveButton)
    assert editor.isVisible() and "paling sedikit 1 hari kerja" in editor.deadlineComboError.text()
    editor.deadlineCombo.setCurrentIndex(editor.deadlineCombo.findData("date"))
    editor.deadlineDateEdit.setDate(QDate(wallclock.today()).addDays(-3))
    assert "sudah lewat" in editor.dueLabel.text()
    click(qtbot, editor.saveButton)
    assert editor.isVisible() and "sudah lewat" in editor.deadlineComboError.text()
    assert models.Disposition.select().count() == before
    assert editor.checklist.checked("user") == ["sekretaris"]  # nothing lost


def test_a_signed_disposition_is_replaced_with_a_reason_not_edited(qtbot, demo_database, open_main_window, tmp_path):
    from kpu_desk.letters import set_signature_specimen
    from gui.letters_gui_support import signature_png

    window = open_main_window("sekretaris")
    page = sign_in_as(window, "sekretaris")
    agenda = _register(qtbot, page, tmp_path)
    set_signature_specimen("sekretaris", signature_png())
    written_id = _write_disposition(qtbot, page, agenda, to="kasubag.umum")
    view = page.open_disposition(written_id)
    click(qtbot, view.signButton)
    qtbot.keyClicks(view.sign_dialog.passwordEdit, DEMO_PASSWORD)
    click(qtbot, view.sign_dialog.signButton)
    old_code = models.Disposition.get_by_id(written_id).signature_code
    click(qtbot, view.replaceButton)
    reason = view.reason_dialog
    click(qtbot, reason.okButton)  # no reason yet
    assert reason.isVisible() and reason.errorLabel.isVisible()
    qtbot.keyClicks(reason.reasonEdit, "Salah ketik batas waktu")
    click(qtbot, reason.okButton)
    editor = view.editor
    assert editor.isVisible() and editor.instruction_checks["Tindak lanjuti"].isChecked()
    editor.deadlineSpin.setValue(5)
    click(qtbot, editor.saveButton)
    new = models.Disposition.get_by_id(view.disposition_id)
    assert new.id != written_id and new.version == 2 and new.deadline_days == 5 and new.signed_at is None
    assert models.Disposition.get_by_id(written_id).replace_reason == "Salah ketik batas waktu"
    assert verify_code(old_code).status == "replaced"
    assert view.signButton.isVisible() and "versi 2" in view.headingLabel.text()


def test_an_oral_disposition_is_in_force_without_a_signature(qtbot, demo_database, open_main_window, tmp_path):
    window = open_main_window("ketua")
    page = sign_in_as(window, "ketua")
    agenda = _register(qtbot, page, tmp_path)
    _select_letter(page, agenda)
    click(qtbot, page.disposeButton)
    editor = page.editor
    assert editor.oralCheck.isVisible()
    editor.oralCheck.setChecked(True)
    _tick(editor, "user", "kasubag.umum")
    click(qtbot, editor.saveButton)
    assert editor.isVisible() and "lisan wajib diisi" in editor.noteEditError.text()
    qtbot.keyClicks(editor.noteEdit, "Segera hubungi pemohon")
    click(qtbot, editor.saveButton)
    oral = models.Disposition.get_by_id(editor.result_id)
    assert oral.oral and oral.signed_at is None
    page = sign_in_as(window, "sekretaris")
    assert _row_of(page.signing_model, oral.id) is None
    view = page.open_disposition(oral.id)
    assert not view.signButton.isVisible() and "tanpa tanda tangan" in view.statusLabel.text()
    page = sign_in_as(window, "kasubag.umum")
    assert page.inbox_model.row_at(_row_of(page.inbox_model, oral.id)).mine.state == "unread"


def test_an_unsigned_disposition_is_changed_by_its_writer(qtbot, demo_database, open_main_window, tmp_path):
    window = open_main_window("ketua")
    page = sign_in_as(window, "ketua")
    agenda = _register(qtbot, page, tmp_path)
    written_id = _write_disposition(qtbot, page, agenda)
    page.tabs.setCurrentWidget(page.writtenTab)
    page.writtenView.setCurrentIndex(page.written_model.index(_row_of(page.written_model, written_id), 0))
    click(qtbot, page.openWrittenButton)
    view = page.disposition_dialog
    assert view.editButton.isVisible() and not view.replaceButton.isVisible()
    click(qtbot, view.editButton)
    editor = view.editor
    assert editor.checklist.checked("user") == ["sekretaris"] and editor.deadlineSpin.value() == 3
    editor.noteEdit.setPlainText("Catatan yang dibetulkan")
    click(qtbot, editor.saveButton)
    assert models.Disposition.get_by_id(written_id).note == "Catatan yang dibetulkan"
    assert "Catatan yang dibetulkan" in view.detailView.toPlainText()


def test_the_sign_dialog_refuses_what_changed_after_it_opened(qtbot, demo_database):
    from kpu_desk.accounts import find_user
    from kpu_desk.gui.letters.sign_dialog import SignDialog
    from kpu_desk.gui.session import Session
    from dataclasses import replace

    from gui.letters_gui_support import signature_png
    from kpu_desk.letters import DispositionDraft, dispose, draft_of, find_disposition, set_signature_specimen
    from kpu_desk.letters import update_disposition

    set_signature_specimen("sekretaris", signature_png())
    letter = models.Letter.select().order_by(models.Letter.id).first()
    waiting = dispose(DispositionDraft(recipients=["sekretaris"], instructions=["Tindak lanjuti"], deadline_days=3),
                      "ketua", letter=letter.id)
    dialog = SignDialog(waiting.id, Session.of(find_user("sekretaris")))
    qtbot.addWidget(dialog)
    dialog.show()
    changed = replace(draft_of(find_disposition(waiting.id)), note="Catatan yang diganti")
    update_disposition(waiting.id, changed, "ketua")
    qtbot.keyClicks(dialog.passwordEdit, DEMO_PASSWORD)
    click(qtbot, dialog.signButton)
    assert dialog.isVisible() and "diubah sesudah dibuka" in dialog.generalError.text()
    assert models.Disposition.get_by_id(waiting.id).signed_at is None
    assert "Catatan yang diganti" in dialog.summaryView.toPlainText()  # shown again, to be read
    qtbot.keyClicks(dialog.passwordEdit, DEMO_PASSWORD)
    click(qtbot, dialog.signButton)
    assert not dialog.isVisible() and models.Disposition.get_by_id(waiting.id).signed_at is not None


def test_only_the_author_sees_ubah_on_an_unsigned_disposition(qtbot, demo_database):
    from kpu_desk.accounts import find_user
    from kpu_desk.gui.letters.view_dialog import DispositionDialog
    from kpu_desk.gui.session import Session
    from kpu_desk.letters import DispositionDraft, dispose

    letter = models.Letter.select().order_by(models.Letter.id).first()
    written = dispose(DispositionDraft(recipients=["kasubag.hukum"], instructions=["Tindak lanjuti"],
                                       deadline_days=3), "ketua", letter=letter.id)
    visible = {}
    for username in ("ketua", "sekretaris"):
        dialog = DispositionDialog(written.id, Session.of(find_user(username)))
        qtbot.addWidget(dialog)
        dialog.show()
        visible[username] = dialog.editButton.isVisible()
    assert visible == {"ketua": True, "sekretaris": False}


def test_ubah_keeps_a_stored_deadline_on_a_day_off(qtbot, demo_database):
    from datetime import datetime

    from kpu_desk.accounts import find_user
    from kpu_desk.gui.letters import editor as editors
    from kpu_desk.gui.session import Session
    from kpu_desk.letters import DispositionDraft, dispose

    letter = models.Letter.select().order_by(models.Letter.id).first()
    written = dispose(DispositionDraft(recipients=["kasubag.hukum"], instructions=["Tindak lanjuti"],
                                       deadline_days=3), "ketua", letter=letter.id)
    sunday = datetime(2026, 11, 29, 16, 0)  # let in by the old check: 0 hari kerja
    models.Disposition.update(deadline_days=0, due_at=sunday).where(models.Disposition.id == written.id).execute()
    session = Session.of(find_user("ketua"))
    editor = editors.DispositionEditor(editors.changing(written.id, session), session)
    qtbot.addWidget(editor)
    editor.show()
    editor.noteEdit.setPlainText("Catatan yang dibetulkan")
    click(qtbot, editor.saveButton)
    assert not editor.isVisible(), editor.generalError.text() + editor.deadlineComboError.text()
    stored = models.Disposition.get_by_id(written.id)
    assert stored.note == "Catatan yang dibetulkan" and stored.due_at == sunday


def test_enter_in_my_note_saves_it_and_alt_letters_reach_their_widgets(qtbot, demo_database):
    from kpu_desk.accounts import find_user
    from kpu_desk.gui.letters.view_dialog import DispositionDialog
    from kpu_desk.gui.session import Session
    from kpu_desk.letters import in_force

    signed = next(d for d in models.Disposition.select().where(models.Disposition.signature_code.is_null(False))
                  if in_force(d))
    mine = next(r for r in disposition_view(signed.id).recipients if r.user is not None)
    dialog = DispositionDialog(signed.id, Session.of(find_user(mine.user.username)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    focus(qtbot, dialog.detailView)
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.myNoteEdit  # Catatan s&aya
    dialog.myNoteEdit.setText("Sudah dikoordinasikan dengan PPID")
    qtbot.keyClick(dialog.myNoteEdit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert models.DispositionRecipient.get_by_id(mine.id).note == "Sudah dikoordinasikan dengan PPID"
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Tutu&p (an animated click)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_a_deadline_date_on_a_day_off_is_refused_and_the_default_date_is_a_working_day(qtbot, ketua_editor):
    from datetime import timedelta

    from kpu_desk.engine.deadlines import office_calendar

    editor, before = ketua_editor, models.Disposition.select().count()
    assert office_calendar().is_working_day(editor.deadlineDateEdit.date().toPython())
    _tick(editor, "user", "sekretaris")
    editor.instruction_checks["Tindak lanjuti"].setChecked(True)
    editor.deadlineCombo.setCurrentIndex(editor.deadlineCombo.findData("date"))
    today = wallclock.today()
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    editor.deadlineDateEdit.setDate(saturday)
    assert "bukan hari kerja" in editor.dueLabel.text()
    click(qtbot, editor.saveButton)
    assert editor.isVisible() and "Sabtu" in editor.deadlineComboError.text()
    assert models.Disposition.select().count() == before


def test_the_live_deadline_says_what_the_core_says_about_an_office_closure(qtbot, office_hours, ketua_editor):
    from kpu_desk.engine.deadlines import office_calendar

    editor = ketua_editor
    closed = office_calendar().add_working_days(office_hours.date(), 4)
    models.HolidayOverride.create(day=closed, working=False, name="Hari Jadi Kabupaten")
    editor.deadlineCombo.setCurrentIndex(editor.deadlineCombo.findData("date"))
    editor.deadlineDateEdit.setDate(closed)
    # The core's refusal, with the office's own name for the day, before anything is saved.
    assert "bukan hari kerja (Hari Jadi Kabupaten)" in editor.dueLabel.text()
