"""Step forms built from SOP fields: every type has its editor, Tab follows the SOP, Enter submits,
and bad input gets the engine's message beside its field while what was typed stays."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QPushButton, QRadioButton,
                               QToolButton)

from engine_support import VALID_NIK
from kpu_desk.gui.forms import FormContext, StepForm
from kpu_desk.gui.forms.attachment_editor import AttachmentEditor
from kpu_desk.gui.forms.choice_editors import ChoicesEditor, ComboEditor
from kpu_desk.gui.forms.datetime_editors import DateEditor, DateTimeEditor, TimeEditor
from kpu_desk.gui.forms.multiline_editor import MultilineEditor
from kpu_desk.gui.forms.number_editor import NumberEditor
from kpu_desk.gui.forms.person_editor import PersonEditor
from kpu_desk.gui.forms.text_editors import EmailEditor, LineEditor, NikEditor, PhoneEditor
from kpu_desk.gui.forms.yesno_editor import YesNoCheckEditor, YesNoRadioEditor
from kpu_desk.sop.model import FieldType, FormField, MutuBaku, Step, Symbol
from kpu_desk.sop.timestd import parse_time_standard
from kpu_desk.store import models
from kpu_desk.gui import wallclock

FIELDS = (
    FormField("nama", "Nama pemohon", FieldType.TEXT, required=True, max_length=100),
    FormField("alamat", "Alamat", FieldType.MULTILINE, max_length=300, help="Sesuai KTP"),
    FormField("jumlah", "Jumlah tamu", FieldType.NUMBER, required=True, minimum=1, maximum=200),
    FormField("tanggal", "Tanggal surat", FieldType.DATE, required=True),
    FormField("jam", "Jam datang", FieldType.TIME),
    FormField("diterima", "Tanggal dan jam diterima", FieldType.DATETIME),
    FormField("asal", "Asal tamu", FieldType.CHOICE, required=True, options=("Lembaga", "Instansi", "Pribadi")),
    FormField("jamuan", "Jamuan", FieldType.CHOICE, options=("Minuman", "Snack", "Makanan"), multiple=True),
    FormField("pimpinan", "Pimpinan yang dilapori", FieldType.PERSON, role="pimpinan"),
    FormField("nik", "NIK", FieldType.NIK),
    FormField("telepon", "Nomor telepon", FieldType.PHONE),
    FormField("email", "Alamat e-mail", FieldType.EMAIL),
    FormField("cuci_tangan", "Tamu sudah cuci tangan", FieldType.YESNO, required=True),
    FormField("ktp_dititipkan", "KTP dititipkan", FieldType.YESNO),
    FormField("surat", "Pindaian surat", FieldType.ATTACHMENT, accept=(".pdf",)),
    FormField("paraf", "Tanda tangan", FieldType.SIGNATURE),
)

EDITOR_CLASSES = {
    "nama": LineEditor, "alamat": MultilineEditor, "jumlah": NumberEditor, "tanggal": DateEditor,
    "jam": TimeEditor, "diterima": DateTimeEditor, "asal": ComboEditor, "jamuan": ChoicesEditor,
    "pimpinan": PersonEditor, "nik": NikEditor, "telepon": PhoneEditor, "email": EmailEditor,
    "cuci_tangan": YesNoRadioEditor, "ktp_dititipkan": YesNoCheckEditor, "surat": AttachmentEditor,
    "paraf": AttachmentEditor,
}

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4"
       b"\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND"
       b"\xaeB`\x82")


def _step(fields=FIELDS) -> Step:
    mutu = MutuBaku("Buku tamu", parse_time_standard("5 menit"), "Data tamu")
    return Step(no=3, activity="Mencatat tamu", lanes=("jagat_saksana",), symbol=Symbol.PROCESS,
                mutu_baku=mutu, next=4, form=fields)


@pytest.fixture
def chosen_files():
    """The file chooser a test injects: it answers with the next queued path instead of a dialog."""
    return []


@pytest.fixture
def make_form(qtbot, demo_database, chosen_files):
    def make(fields=FIELDS, context: FormContext | None = None) -> StepForm:
        context = context or FormContext(choose_file=lambda parent, title, name_filter: chosen_files.pop(0))
        form = StepForm(_step(fields), context)
        qtbot.addWidget(form)
        form.resize(600, 1400)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        return form

    return make


def _fill_valid(qtbot, form: StepForm) -> None:
    qtbot.keyClicks(form.editor("nama").edit, "Budi Santoso")
    qtbot.keyClicks(form.editor("jumlah").edit, "3")
    _type_masked(qtbot, form.editor("tanggal").edit, "21112026")
    qtbot.keyClicks(form.editor("asal").combo, "Pribadi")
    click_box(qtbot, form.editor("cuci_tangan").yes)


def click_box(qtbot, box) -> None:
    """Click a check box or radio button on its indicator, where a clerk clicks (not the empty cell beside)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _type_masked(qtbot, edit: QLineEdit, digits: str) -> None:
    edit.setFocus()
    edit.setCursorPosition(0)
    qtbot.keyClicks(edit, digits)


def test_every_field_type_has_its_editor_with_label_required_mark_and_description(make_form):
    form = make_form()
    assert {key: type(form.editor(key)) for key in form.blocks} == EDITOR_CLASSES
    for form_field in FIELDS:
        block = form.blocks[form_field.key]
        assert block.label.text().startswith(form_field.label)
        assert ("*" in block.label.text()) == form_field.required
        widget = block.editor.input_widget()
        assert form_field.label in widget.accessibleName()
        wanted = "Wajib diisi." if form_field.required else "Boleh dikosongkan."
        assert widget.accessibleDescription().startswith(wanted)
        assert block.error.isHidden()
    assert "Sesuai KTP" in form.editor("alamat").edit.accessibleDescription()
    assert form.blocks["alamat"].hint.text() == "Sesuai KTP" and form.blocks["alamat"].hint.isVisible()
    assert form.legend.isVisible() and "*" in form.legend.text()
    assert form.editor("nama").edit.maxLength() == 100
    assert form.editor("jumlah").edit.placeholderText() == "angka 1 sampai 200"
    assert [c.text() for c in form.editor("jamuan").checks] == ["Minuman", "Snack", "Makanan"]
    people = [form.editor("pimpinan").combo.itemText(i) for i in range(form.editor("pimpinan").combo.count())]
    assert people == ["Bambang Setiawan — Ketua KPU Kabupaten Karanganyar",
                      "Siti Rahayu — Anggota KPU Divisi Hukum dan Pengawasan"]


def test_tab_walks_the_fields_in_the_sops_order(qtbot, make_form):
    form = make_form()
    chain = [w for w in form.focus_chain() if w.isVisible()]  # "Hapus" shows once a file is attached
    first = [QLineEdit, QPlainTextEdit, QLineEdit, QLineEdit]  # nama, alamat, jumlah, tanggal
    assert all(isinstance(widget, kind) for widget, kind in zip(chain, first))
    assert isinstance(chain[4], QToolButton) and chain[4].text() == "Kalender"
    for kind in (QComboBox, QRadioButton, QCheckBox, QPushButton):
        assert any(isinstance(widget, kind) for widget in chain)
    chain[0].setFocus()
    qtbot.waitUntil(chain[0].hasFocus)
    visited = [chain[0]]
    for _ in chain[1:]:
        qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Tab)
        visited.append(form.focusWidget())
    # An exclusive radio group is one Tab stop (arrows move inside it): Qt skips "Tidak" while none is checked.
    expected = [w for w in chain if w is not form.editor("cuci_tangan").no]
    assert visited[:len(expected)] == expected


def test_enter_submits_and_a_multiline_field_needs_ctrl_enter(qtbot, make_form):
    form = make_form()
    with qtbot.waitSignal(form.submitted, timeout=1000):
        qtbot.keyClick(form.editor("nama").edit, Qt.Key.Key_Return)
    alamat = form.editor("alamat").edit
    with qtbot.assertNotEmitted(form.submitted):
        qtbot.keyClicks(alamat, "Jl. Lawu 1")
        qtbot.keyClick(alamat, Qt.Key.Key_Return)
        qtbot.keyClicks(alamat, "Karanganyar")
    assert alamat.toPlainText() == "Jl. Lawu 1\nKaranganyar"
    with qtbot.waitSignal(form.submitted, timeout=1000):
        qtbot.keyClick(alamat, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(form.submitted, timeout=1000):
        qtbot.keyClick(form.editor("asal").combo, Qt.Key.Key_Enter)


def test_bad_input_gets_a_message_beside_its_field_and_keeps_what_was_typed(qtbot, make_form):
    form = make_form()
    qtbot.keyClicks(form.editor("jumlah").edit, "250")
    _type_masked(qtbot, form.editor("tanggal").edit, "31022026")
    qtbot.keyClicks(form.editor("nik").edit, "3313014508900000")
    qtbot.keyClicks(form.editor("email").edit, "budi@contoh")
    qtbot.keyClicks(form.editor("telepon").edit, "12345")
    assert form.check() is None
    errors = {key: form.error_text(key) for key in form.blocks if form.error_text(key)}
    assert errors == {
        "nama": "Wajib diisi",
        "jumlah": "Paling besar 200",
        "tanggal": "Tanggal '31-02-2026' tidak ada di kalender",
        "asal": "Wajib diisi",
        "nik": "Empat angka terakhir NIK (nomor urut) tidak boleh 0000",
        "telepon": errors["telepon"],
        "email": "Alamat e-mail tidak sah; tulis seperti nama@contoh.go.id",
        "cuci_tangan": "Wajib diisi",
    }
    assert errors["telepon"].startswith("Nomor telepon harus 9 sampai 13 angka")
    for key in errors:
        block = form.blocks[key]
        assert block.error.isVisible() and block.error.property("role") == "error"
        assert block.editor.input_widget().property("invalid") is True
    assert form.editor("jumlah").edit.text() == "250"
    assert form.editor("tanggal").edit.text() == "31-02-2026"
    assert form.editor("nik").edit.text() == "3313014508900000"
    assert form.editor("email").edit.text() == "budi@contoh"
    assert form.editor("telepon").edit.text() == "12345"
    assert form.focusWidget() is form.editor("nama").edit  # the first problem has the focus


def test_fixed_input_clears_the_messages_and_values_come_out_as_the_engine_stores_them(qtbot, make_form,
                                                                                      chosen_files, tmp_path):
    form = make_form()
    qtbot.keyClicks(form.editor("jumlah").edit, "250")
    assert form.check() is None
    form.editor("jumlah").edit.clear()
    _fill_valid(qtbot, form)
    _type_masked(qtbot, form.editor("jam").edit, "1042")
    _type_masked(qtbot, form.editor("diterima").edit, "211120260915")
    click_box(qtbot, form.editor("jamuan").checks[1])
    qtbot.keyClicks(form.editor("pimpinan").combo, "Siti")
    qtbot.keyClicks(form.editor("nik").edit, "3313 0145 0890 0001")
    qtbot.keyClicks(form.editor("telepon").edit, "0812-3456-7890")
    qtbot.keyClicks(form.editor("email").edit, "Budi@Contoh.GO.ID")
    clean = form.check()
    assert clean is not None, {k: form.error_text(k) for k in form.blocks}
    assert all(not form.error_text(key) for key in form.blocks)
    assert clean == {
        "nama": "Budi Santoso", "jumlah": 3, "tanggal": "2026-11-21", "jam": "10:42",
        "diterima": "2026-11-21T09:15", "asal": "Pribadi", "jamuan": ["Snack"], "pimpinan": "anggota",
        "nik": VALID_NIK, "telepon": "081234567890", "email": "Budi@contoh.go.id",
        "cuci_tangan": True, "ktp_dititipkan": False,
    }
    raw = form.raw_values()
    assert raw["tanggal"] == "2026-11-21" and raw["cuci_tangan"] is True and raw["jamuan"] == ["Snack"]


@pytest.mark.parametrize("key, typed, stored, shown", [
    ("diterima", "2026-12-10 09:00", "2026-12-10T09:00", "10-12-2026 09.00"),
    ("diterima", "10-12-2026 09:00", "2026-12-10T09:00", "10-12-2026 09.00"),
    ("diterima", "2012-12-10 09:00", "2012-12-10T09:00", "10-12-2012 09.00"),  # not 20-12-1210
    ("tanggal", "2026-11-21", "2026-11-21", "21-11-2026"),
    ("tanggal", "21/11/2026", "2026-11-21", "21-11-2026"),
    ("jam", "10:42", "10:42", "10.42"),
])
def test_dates_typed_the_iso_or_the_indonesian_way_are_understood(qtbot, make_form, key, typed, stored, shown):
    form = make_form()
    _type_masked(qtbot, form.editor(key).edit, typed)
    assert form.editor(key).raw_value() == stored
    assert form.editor(key).edit.text() == shown  # with the last digit, the field shows how it was read


def test_what_a_date_message_recommends_can_be_typed(qtbot, make_form):
    form = make_form()
    edit = form.editor("diterima").edit
    _type_masked(qtbot, edit, "2026-13-45 09:00")
    assert form.check() is None
    message = form.error_text("diterima")
    examples = ["2026-11-21 10:42", "21-11-2026 10:42"]
    assert all(example in message for example in examples), message
    for example in examples:
        edit.clear()
        _type_masked(qtbot, edit, example)
        assert form.editor("diterima").raw_value() == "2026-11-21T10:42", example


def test_a_message_goes_as_soon_as_its_field_is_corrected(qtbot, make_form):
    form = make_form()
    qtbot.keyClicks(form.editor("jumlah").edit, "250")
    _type_masked(qtbot, form.editor("diterima").edit, "31-02-2026 09:00")
    assert form.check() is None
    assert form.error_text("nama") and form.error_text("jumlah") and form.error_text("diterima")
    qtbot.keyClicks(form.editor("nama").edit, "Budi")
    qtbot.keyClick(form.editor("jumlah").edit, Qt.Key.Key_End)
    qtbot.keyClick(form.editor("jumlah").edit, Qt.Key.Key_Backspace)  # 250 is too many; 25 is not
    form.editor("diterima").edit.clear()
    _type_masked(qtbot, form.editor("diterima").edit, "2026-02-27 09:00")
    assert not form.error_text("nama") and not form.error_text("jumlah") and not form.error_text("diterima")
    assert form.editor("jumlah").input_widget().property("invalid") is False
    assert form.error_text("asal") and form.error_text("cuci_tangan")  # not corrected: still said


def test_a_date_is_picked_from_the_calendar_or_set_to_today(qtbot, make_form):
    form = make_form()
    editor = form.editor("tanggal")
    calendar = editor.open_calendar()
    assert calendar.isVisible()
    calendar.setSelectedDate(date(2026, 11, 21))
    calendar.activated.emit(calendar.selectedDate())
    assert not calendar.isVisible() and editor.edit.text() == "21-11-2026" and editor.raw_value() == "2026-11-21"
    qtbot.mouseClick(editor.buttons[1], Qt.MouseButton.LeftButton)
    assert editor.raw_value() == wallclock.today().isoformat()
    stamp = form.editor("diterima")
    stamp.pick_date(date(2026, 3, 2))
    assert stamp.raw_value().startswith("2026-03-02T")


def test_an_attachment_is_chosen_stored_and_named(qtbot, make_form, chosen_files, tmp_path):
    case = models.Case.select().first()
    scan = tmp_path / "surat permohonan.pdf"
    scan.write_bytes(b"%PDF-1.4 contoh")
    signature = tmp_path / "tanda tangan Budi.png"
    signature.write_bytes(PNG)
    chosen_files.extend([str(scan), str(signature)])
    context = FormContext(case_number=case.number, case_id=case.id,
                          user=models.User.get(models.User.username == "resepsionis"),
                          choose_file=lambda parent, title, name_filter: chosen_files.pop(0))
    form = make_form(context=context)
    surat = form.editor("surat")
    assert "*.pdf" in surat.name_filter()
    assert surat.nameLabel.text() == "Belum ada berkas"
    qtbot.mouseClick(surat.chooseButton, Qt.MouseButton.LeftButton)
    stored = models.Attachment.get_by_id(int(surat.raw_value()))
    assert stored.filename == "surat permohonan.pdf" and stored.case_id == case.id
    assert stored.uploaded_by.username == "resepsionis"
    assert surat.nameLabel.text() == "surat permohonan.pdf" and surat.chooseButton.text() == "Ganti berkas…"
    paraf = form.editor("paraf")
    paraf.chooseButton.setFocus()
    qtbot.keyClick(paraf.chooseButton, Qt.Key.Key_Return)  # Enter on the button picks the file, not submit
    assert paraf.nameLabel.text() == "tanda tangan Budi.png" and paraf.preview.isVisible()
    audit = models.AuditEntry.select().where(models.AuditEntry.action == "attachment.add")
    assert audit.count() == 2 and all("Budi" not in str(e.detail) for e in audit)  # no file names logged
    qtbot.mouseClick(surat.clearButton, Qt.MouseButton.LeftButton)
    assert surat.raw_value() == "" and surat.nameLabel.text() == "Belum ada berkas"


def test_a_wrong_file_type_is_refused_beside_the_field_and_stays_chosen(qtbot, make_form, chosen_files, tmp_path):
    notes = tmp_path / "catatan.txt"
    notes.write_text("bukan pdf")
    chosen_files.append(str(notes))
    form = make_form(fields=(FormField("surat", "Pindaian surat", FieldType.ATTACHMENT, required=True,
                                       accept=(".pdf",)),))
    qtbot.mouseClick(form.editor("surat").chooseButton, Qt.MouseButton.LeftButton)
    assert form.check() is None
    assert form.error_text("surat") == "Berkas harus berjenis .pdf"
    assert form.editor("surat").nameLabel.text() == "catatan.txt"


def test_a_missing_file_is_reported_beside_the_field(qtbot, make_form, chosen_files, tmp_path):
    chosen_files.append(str(tmp_path / "hilang.pdf"))
    form = make_form()
    qtbot.mouseClick(form.editor("surat").chooseButton, Qt.MouseButton.LeftButton)
    assert "tidak ada" in form.error_text("surat") and form.editor("surat").raw_value() == ""


def test_values_shown_again_read_back_the_same_and_read_only_blocks_typing(qtbot, make_form):
    form = make_form()
    stored = {"nama": "Budi", "jumlah": 3, "tanggal": "2026-11-21", "jam": "10:42",
              "diterima": "2026-11-21T09:15", "asal": "Pribadi", "jamuan": ["Snack", "Makanan"],
              "pimpinan": "ketua", "cuci_tangan": False, "ktp_dititipkan": True}
    form.set_values(stored)
    raw = form.raw_values()
    assert {key: raw[key] for key in stored} == {**stored, "jumlah": "3"}
    assert form.editor("tanggal").edit.text() == "21-11-2026" and form.editor("jam").edit.text() == "10.42"
    form.set_read_only(True)
    assert form.editor("nama").edit.isReadOnly() and not form.editor("asal").combo.isEnabled()
    assert not form.editor("surat").chooseButton.isVisible() and not form.legend.isVisible()


def test_a_step_without_fields_says_so(make_form):
    form = make_form(fields=())
    assert form.emptyNote.isVisible() and not form.legend.isVisible() and form.check() == {}
