"""The case window, used like a clerk: sign in, open Tugas saya, open the case, fill the open step,
take the branch at a decision, complete — for a whole path of each of the five SOPs — and find the
result in the database and on the chart. Also: a step completed meanwhile on another workstation,
the actions that need a written reason, who may act, and what a done step recorded."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

from engine_support import PATTERN_SAMPLES, VALID_NIK, valid_form
from kpu_desk import engine
from kpu_desk.accounts import find_user
from kpu_desk.engine.sops import sop_for_version
from kpu_desk.gui.case import CaseWindow, open_case_window
from kpu_desk.gui.chart.palette import StepState
from kpu_desk.gui.forms import context as form_context
from kpu_desk.gui.main_window import MainWindow
from kpu_desk.gui.session import Session
from kpu_desk.gui.signin import SignInDialog
from kpu_desk.sop.model import FieldType
from kpu_desk.store import models
from kpu_desk.gui import wallclock

PASSWORD = "kpudesk2026"


# --- a clerk's hands ---------------------------------------------------------------------------


@pytest.fixture
def desk(qtbot, demo_database, monkeypatch, tmp_path):
    """Workstations where users sign in; files come from a folder instead of a file dialog."""
    opened_urls = []
    monkeypatch.setattr(form_context, "dialog_file_chooser", _file_chooser(tmp_path / "pindaian"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened_urls.append(url) or True)
    desk = Desk(qtbot, opened_urls)
    yield desk
    desk.close_all()


def _file_chooser(folder: Path):
    """Answer a file dialog with a small scan of the first type it accepts."""
    folder.mkdir()

    def choose(parent, title, name_filter):
        found = re.search(r"\*(\.\w+)", name_filter)
        suffix = found.group(1) if found else ".pdf"
        path = folder / f"pindaian-{len(list(folder.iterdir())) + 1}{suffix}"
        path.write_bytes(b"%PDF-1.4 contoh pindaian" if suffix == ".pdf" else b"contoh pindaian")
        return str(path)

    return choose


class Desk:
    def __init__(self, qtbot, opened_urls):
        self.qtbot = qtbot
        self.opened_urls = opened_urls
        self.windows: dict[str, MainWindow] = {}

    def sign_in(self, username: str) -> MainWindow:
        """The sign-in dialog, typed into; then the main window of that user (kept for the next step)."""
        if username in self.windows:
            return self.windows[username]
        dialog = SignInDialog()
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.keyClicks(dialog.usernameEdit, username)
        self.qtbot.keyClicks(dialog.passwordEdit, PASSWORD)
        self.qtbot.mouseClick(dialog.signInButton, Qt.MouseButton.LeftButton)
        assert dialog.user is not None and dialog.user.username == username
        window = MainWindow(Session.of(dialog.user), poll_ms=600000)
        self.qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        self.windows[username] = window
        return window

    def open_from_tasks(self, username: str, number: str) -> CaseWindow:
        """Tugas saya → double-click the case's row → its case window."""
        main = self.sign_in(username)
        page = main.show_page("tasks")
        page.refresh()
        rows = [r for r in range(page.model.rowCount()) if page.model.row_at(r).case_number == number]
        assert rows, f"{number} is not in the Tugas saya of {username}"
        return self._double_click(main, page.tasksView, page.model.index(rows[0], 2))

    def open_from_cases(self, username: str, number: str) -> CaseWindow:
        """Layanan → search the number → double-click: for a step in the visitor's own lane."""
        main = self.sign_in(username)
        page = main.show_page("cases")
        page.searchEdit.setText(number)
        self.qtbot.waitUntil(lambda: [page.model.row_at(r).number for r in range(page.model.rowCount())] == [number],
                             timeout=3000)
        return self._double_click(main, page.casesView, page.model.index(0, 1))

    def _double_click(self, main, view, index) -> CaseWindow:
        view.scrollTo(index)
        spot = view.visualRect(index).center()
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        self.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        window = main.open_windows[-1]
        assert isinstance(window, CaseWindow)
        self.qtbot.waitExposed(window)
        return window

    def close_all(self) -> None:
        for window in self.windows.values():
            for case_window in window.open_windows:
                case_window.close()
            window.close()


def click_box(qtbot, box) -> None:
    """A check box or radio button, clicked on its indicator."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def type_masked(qtbot, edit, digits: str) -> None:
    edit.setFocus()
    edit.setCursorPosition(0)
    qtbot.keyClicks(edit, digits)


def fill_field(qtbot, editor) -> None:
    """Type or pick a believable value for one field, the way a clerk would."""
    form_field = editor.field
    kind = form_field.type
    if kind in (FieldType.TEXT, FieldType.MULTILINE):
        qtbot.keyClicks(editor.edit, _text_for(form_field))
    elif kind is FieldType.NUMBER:
        low = form_field.minimum if form_field.minimum is not None else 1
        qtbot.keyClicks(editor.edit, str(int(low) + 1))
    elif kind is FieldType.DATE:
        type_masked(qtbot, editor.edit, wallclock.today().strftime("%d%m%Y"))
    elif kind is FieldType.TIME:
        type_masked(qtbot, editor.edit, "1042")
    elif kind is FieldType.DATETIME:
        type_masked(qtbot, editor.edit, wallclock.today().strftime("%d%m%Y") + "1042")
    elif kind is FieldType.CHOICE and form_field.multiple:
        click_box(qtbot, editor.checks[0])
    elif kind in (FieldType.CHOICE, FieldType.PERSON):
        editor.combo.setFocus()
        qtbot.keyClick(editor.combo, Qt.Key.Key_Down)  # the first choice, by keyboard
    else:
        _fill_special(qtbot, editor, kind)


def _fill_special(qtbot, editor, kind) -> None:
    if kind is FieldType.NIK:
        qtbot.keyClicks(editor.edit, VALID_NIK)
    elif kind is FieldType.PHONE:
        qtbot.keyClicks(editor.edit, "0812-3456-7890")
    elif kind is FieldType.EMAIL:
        qtbot.keyClicks(editor.edit, "pemohon@contoh.go.id")
    elif kind is FieldType.YESNO:
        click_box(qtbot, editor.yes if hasattr(editor, "yes") else editor.check)
    else:  # attachment, signature: the file chooser answers
        qtbot.mouseClick(editor.chooseButton, Qt.MouseButton.LeftButton)


def _text_for(form_field) -> str:
    if form_field.pattern:
        return PATTERN_SAMPLES[form_field.pattern]
    return f"Isian {form_field.label}"[: form_field.max_length or 100]


def fill_open_step(qtbot, window: CaseWindow) -> None:
    for block in window.open_step.form.blocks.values():
        fill_field(qtbot, block.editor)


# --- the five SOPs, one path each ----------------------------------------------------------------


@dataclass(frozen=True)
class Visit:
    step: int
    user: str
    branch: str | None = None
    opened_from: str = "tasks"  # or "cases": a step in the visitor's own lane is in nobody's Tugas saya


PATHS = {
    "karanganyar-pelayanan-umum": (None, [
        Visit(1, "resepsionis", opened_from="cases"), Visit(2, "resepsionis"), Visit(3, "resepsionis"),
        Visit(4, "resepsionis"), Visit(5, "resepsionis"), Visit(6, "staf1"),
        Visit(7, "ketua", "Bersedia menemui"), Visit(8, "ketua"), Visit(9, "resepsionis", opened_from="cases"),
        Visit(10, "resepsionis"), Visit(11, "staf2"),
    ]),
    "kupang-pelayanan-publik": ("Permohonan melalui surat", [
        Visit(5, "helpdesk"), Visit(6, "sekretaris"), Visit(7, "kasubag.umum"), Visit(8, "kasubag.umum"),
        Visit(9, "kasubag.umum", "Surat balasan dengan lampiran data"), Visit(12, "sekretaris"),
        Visit(13, "kasubag.umum"),
    ]),
    "kediri-pengaduan": (None, [
        Visit(1, "resepsionis", "Jalur online/email"), Visit(3, "resepsionis"), Visit(4, "resepsionis"),
        Visit(5, "ketua"), Visit(6, "anggota"), Visit(7, "dumas"), Visit(8, "dumas"), Visit(9, "ketua"),
        Visit(10, "ketua"), Visit(11, "anggota"), Visit(12, "dumas"), Visit(13, "dumas"),
        Visit(14, "dumas", "Mediasi/klarifikasi"), Visit(15, "dumas"), Visit(16, "dumas"), Visit(17, "ketua"),
    ]),
    "pulangpisau-pengaduan": (None, [
        Visit(1, "kasubag.hukum"), Visit(2, "staf1"), Visit(3, "kasubag.hukum"), Visit(4, "staf1"),
        Visit(5, "staf2"), Visit(6, "staf1"), Visit(7, "kasubag.hukum"), Visit(8, "staf1"),
    ]),
    "karanganyar-maklumat-informasi": (None, [
        Visit(1, "ppid"), Visit(2, "ppid"), Visit(3, "anggota"), Visit(4, "ppid"), Visit(5, "staf1"),
        Visit(6, "staf2"),
    ]),
}


@pytest.mark.parametrize("sop_id", list(PATHS))
def test_a_whole_path_through_the_case_window(qtbot, desk, sop_id):
    entry, path = PATHS[sop_id]
    number = engine.start_case(sop_id, actor="admin", entry=entry).number
    for index, visit in enumerate(path):
        following = path[index + 1].step if index + 1 < len(path) else None
        _work_one_step(qtbot, desk, number, visit, following)
    case = engine.find_case(number)
    assert case.state == "done" and case.current_step is None
    runs = list(models.StepRun.select().where(models.StepRun.case == case.id).order_by(models.StepRun.id))
    assert [(r.step_no, r.completed_by.username, r.branch) for r in runs] == [
        (v.step, v.user, v.branch) for v in path]
    assert [h.step_no for h in engine.case_history(number)] == [v.step for v in path]


def _work_one_step(qtbot, desk, number: str, visit: Visit, following: int | None) -> None:
    opener = desk.open_from_tasks if visit.opened_from == "tasks" else desk.open_from_cases
    window = opener(visit.user, number)
    assert window.data.open_step.no == visit.step
    assert window.chart.marked_open_step() == visit.step  # the chart marks the step to do
    assert window.open_step.may_complete and window.completeButton.isEnabled()
    fill_open_step(qtbot, window)
    if visit.branch:
        click_box(qtbot, window.open_step.branches.button(visit.branch))
    qtbot.mouseClick(window.completeButton, Qt.MouseButton.LeftButton)
    _check_completed(window, number, visit, following)
    window.close()


def _check_completed(window: CaseWindow, number: str, visit: Visit, following: int | None) -> None:
    form = window.open_step.form
    assert not window.conflictFrame.isVisible(), window.conflictLabel.text()
    if form is not None and form.step.no == visit.step:  # the step did not complete: say why
        problems = {key: form.error_text(key) for key in form.blocks if form.error_text(key)}
        pytest.fail(f"step {visit.step} not completed: {problems}")
    case = engine.find_case(number)
    run = models.StepRun.get((models.StepRun.case == case.id) & (models.StepRun.step_no == visit.step))
    assert run.state == "done" and run.completed_by.username == visit.user and run.branch == visit.branch
    step = window.data.sop.step(visit.step)
    assert set(run.form_data) == {f.key for f in step.form}  # every field the clerk filled is recorded
    assert case.current_step == following and window.data.summary.current_step == following
    assert window.chart.marked_open_step() == following
    assert window.chart.item_for_step(visit.step).state is StepState.DONE
    assert window.history.model.row_at(window.history.model.row_of_step(visit.step)).state == "done"
    if following is None:
        assert case.state == "done" and window.stateLabel.text() == "Selesai"
        assert "Kasus selesai" in window.stepHeading.text() and not window.completeButton.isVisible()


# --- another workstation, reasons, permissions ---------------------------------------------------


def _visit_at_step_two() -> str:
    """A guest registered at the desk (step 1 done, as Meja Tamu records it); step 2 is open."""
    sop = sop_for_version(engine.latest_version("karanganyar-pelayanan-umum").id)
    form = {**valid_form(sop.step(1)), "nama_tamu": "Wulan Nugroho"}
    return engine.start_case(sop.id, form, "resepsionis", complete_first=True).number


def _elsewhere(work) -> None:
    """Run on "another workstation": its own thread, its own database connection."""
    def run():
        try:
            work()
        finally:
            models.database.obj.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()


def test_a_step_completed_meanwhile_elsewhere_is_reported_and_what_was_typed_stays(qtbot, desk):
    number = _visit_at_step_two()
    window = desk.open_from_tasks("resepsionis", number)
    form = window.open_step.form
    click_box(qtbot, form.editor("cuci_tangan").yes)
    qtbot.keyClicks(form.editor("suhu_tubuh").edit, "36,5")
    sop = window.data.sop
    _elsewhere(lambda: engine.complete_step(number, valid_form(sop.step(2)), "helpdesk"))
    qtbot.keyClicks(form.editor("cek_kesehatan").combo, "Lolos")
    qtbot.keyClick(form.editor("suhu_tubuh").edit, Qt.Key.Key_Return)  # Enter completes
    assert window.conflictFrame.isVisible()
    assert "Langkah 2 sudah diselesaikan oleh Yohanes Ndun" in window.conflictLabel.text()
    assert "Isian Anda tetap" in window.conflictLabel.text()
    assert window.open_step.form is form and form.editor("suhu_tubuh").edit.text() == "36,5"
    assert form.raw_values()["cuci_tangan"] is True and form.raw_values()["cek_kesehatan"] == "Lolos"
    assert not window.completeButton.isEnabled()
    run = models.StepRun.get((models.StepRun.case == engine.find_case(number).id) & (models.StepRun.step_no == 2))
    assert run.completed_by.username == "helpdesk" and run.form_data["suhu_tubuh"] != 36.5  # nothing overwritten
    qtbot.mouseClick(window.reloadButton, Qt.MouseButton.LeftButton)
    assert not window.conflictFrame.isVisible() and window.data.open_step.no == 3
    assert window.chart.marked_open_step() == 3 and window.completeButton.isEnabled()


def test_a_change_seen_by_the_poll_warns_before_completing_or_reloads_an_untouched_form(qtbot, desk):
    number = _visit_at_step_two()
    window = desk.open_from_tasks("resepsionis", number)
    main = desk.windows["resepsionis"]
    form = window.open_step.form
    qtbot.keyClicks(form.editor("suhu_tubuh").edit, "36")
    sop = window.data.sop
    _elsewhere(lambda: engine.complete_step(number, valid_form(sop.step(2)), "helpdesk"))
    main.watcher.changed.emit()  # what the main window's poll of the shared database reports
    assert window.conflictFrame.isVisible() and "Yohanes Ndun" in window.conflictLabel.text()
    assert form.editor("suhu_tubuh").edit.text() == "36" and window.data.open_step.no == 2
    qtbot.mouseClick(window.reloadButton, Qt.MouseButton.LeftButton)
    assert window.data.open_step.no == 3 and not window.open_step.has_typed()
    _elsewhere(lambda: engine.complete_step(number, valid_form(sop.step(3)), "helpdesk"))
    main.watcher.changed.emit()
    assert window.data.open_step.no == 4 and not window.conflictFrame.isVisible()  # nothing typed: reloaded


def test_the_keyboard_alone_completes_a_step(qtbot, desk):
    number = _visit_at_step_two()
    window = desk.open_from_tasks("resepsionis", number)
    window.activateWindow()
    form = window.open_step.form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.editor("cuci_tangan").yes, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Ya
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(QApplication.focusWidget(), "36,5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.editor("cek_kesehatan").combo
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.completeButton
    qtbot.keyClick(window.completeButton, Qt.Key.Key_Return)
    run = models.StepRun.get((models.StepRun.case == engine.find_case(number).id) & (models.StepRun.step_no == 2))
    assert run.state == "done" and run.form_data == {"cuci_tangan": True, "suhu_tubuh": 36.5, "cek_kesehatan": "Lolos"}
    assert window.data.open_step.no == 3


def test_a_missing_branch_or_bad_field_is_shown_and_nothing_is_written(qtbot, desk):
    number = engine.start_case("kediri-pengaduan", actor="admin").number
    window = desk.open_from_tasks("resepsionis", number)
    form = window.open_step.form
    qtbot.keyClicks(form.editor("nama_pengadu").edit, "Rina Wati")
    qtbot.keyClicks(form.editor("nik").edit, "1234")
    qtbot.mouseClick(window.completeButton, Qt.MouseButton.LeftButton)
    assert form.error_text("nik") == "NIK harus 16 angka (tertulis 4 angka)"
    assert form.error_text("tanggal_diterima") == "Wajib diisi"
    assert window.open_step.branches.error.isVisible()
    assert "Jalur offline, Jalur online/email" in window.open_step.branches.error.text()
    assert form.editor("nama_pengadu").edit.text() == "Rina Wati" and form.editor("nik").edit.text() == "1234"
    assert engine.find_case(number).current_step == 1 and engine.find_case(number).row_version == 1


def test_cancelling_extending_holding_and_reopening_need_a_reason(qtbot, desk):
    number = engine.start_case("kupang-pelayanan-publik", actor="admin", entry="Permohonan langsung").number
    window = desk.open_from_tasks("helpdesk", number)
    assert window.actionExtend.isEnabled() and not window.actionReopen.isVisible()

    dialog = _ask(qtbot, window, window.actionExtend)
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.errorLabel.text() == "Alasan wajib diisi."
    assert engine.find_case(number).extended_at is None
    qtbot.keyClicks(dialog.reasonEdit, "Informasi yang diminta harus dihimpun dari beberapa divisi")
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    case = engine.find_case(number)
    assert not dialog.isVisible() and case.extended_at is not None
    assert case.extension_reason == "Informasi yang diminta harus dihimpun dari beberapa divisi"
    assert not window.actionExtend.isEnabled() and "(diperpanjang)" in window.dueLabel.text()

    _give_reason(qtbot, window, window.actionWait, "Menunggu fotokopi KTP pemohon")
    assert engine.find_case(number).state == "waiting" and window.stateLabel.text().startswith("Menunggu")
    assert not window.completeButton.isEnabled() and "Menunggu fotokopi KTP pemohon" in window.actNote.text()
    window.actionResume.trigger()
    assert engine.find_case(number).state == "open" and window.completeButton.isEnabled()

    dialog = _ask(qtbot, window, window.actionCancel)
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    assert dialog.errorLabel.isVisible() and engine.find_case(number).state == "open"
    qtbot.keyClicks(dialog.reasonEdit, "Pemohon mencabut permohonannya")
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    assert engine.find_case(number).state == "cancelled" and window.stateLabel.text() == "Dibatalkan"
    assert "Pemohon mencabut permohonannya" in window.stepHeading.text() and window.open_step.form is None
    assert window.chart.marked_open_step() is None and window.actionReopen.isEnabled()

    _give_reason(qtbot, window, window.actionReopen, "Pemohon mengajukan kembali")
    assert engine.find_case(number).state == "open" and window.data.open_step.no == 1
    assert window.chart.marked_open_step() == 1 and window.completeButton.isEnabled()


def _ask(qtbot, window, action):
    action.trigger()
    dialog = window.lifecycle.dialog
    qtbot.waitExposed(dialog)
    return dialog


def _give_reason(qtbot, window, action, reason: str) -> None:
    dialog = _ask(qtbot, window, action)
    qtbot.keyClicks(dialog.reasonEdit, reason)
    qtbot.mouseClick(dialog.okButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_only_users_of_the_open_steps_lane_complete_it_others_read_who_must(qtbot, desk):
    number = _visit_at_step_two()
    session = Session.of(find_user("ppid"))
    window = open_case_window(number, session, None)
    qtbot.addWidget(window)
    assert not window.open_step.may_complete and not window.completeButton.isEnabled()
    assert window.open_step.form.editor("suhu_tubuh").edit.isReadOnly()
    note = window.actNote.text()
    assert "Jagat Saksana" in note and "Sri Wahyuni" in note and "Yohanes Ndun" in note
    assert not window.actionCancel.isEnabled()  # the PPID has no lane in this SOP
    window.close()
    admin = open_case_window(number, Session.of(find_user("admin")), None)
    qtbot.addWidget(admin)
    assert not admin.open_step.may_complete and admin.actionCancel.isEnabled()  # no acting for others
    admin.close()


def test_a_done_step_shows_what_was_recorded_from_the_chart_and_the_history(qtbot, desk):
    number = _visit_at_step_two()
    window = desk.open_from_tasks("resepsionis", number)
    item = window.chart.item_for_step(1)
    window.chart.centerOn(item)
    spot = window.chart.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseDClick(window.chart.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert window.tabs.currentWidget() is window.historyTab
    shown = window.history.recorded.shown_values()
    assert shown["Nama tamu"] == "Wulan Nugroho" and shown["Jumlah tamu"]
    assert "Diselesaikan oleh Sri Wahyuni" in window.history.recorded.byline.text()
    window.chart.step_activated.emit(2)  # the open step: its form
    assert window.tabs.currentWidget() is window.openStepTab
    window.history.model.row_of_step(1)
    recorded = window.history.model.index(0, 5).data()
    assert "Nama tamu: Wulan Nugroho" in recorded


def test_the_desk_sees_the_whole_nik_in_the_history(qtbot, desk):
    """The help desk compares it with the KTP in front of them (kpu_desk.privacy); other roles see it
    masked (tests/gui/test_visitor_desk.py)."""
    sop = sop_for_version(engine.latest_version("kupang-pelayanan-publik").id)
    form = {**valid_form(sop.step(1)), "nik": VALID_NIK}
    number = engine.start_case(sop.id, form, "helpdesk", entry="Permohonan langsung", complete_first=True).number
    window = desk.open_from_tasks("helpdesk", number)
    window.history.show_step(1)
    assert window.history.recorded.shown_values()["NIK pemohon"] == VALID_NIK


def test_files_of_the_case_are_listed_and_opened(qtbot, desk):
    number = engine.start_case("kediri-pengaduan", actor="admin").number
    window = desk.open_from_tasks("resepsionis", number)
    assert not window.filesEmptyLabel.isHidden() and window.filesView.isHidden()
    fill_open_step(qtbot, window)
    click_box(qtbot, window.open_step.branches.button("Jalur online/email"))
    qtbot.mouseClick(window.completeButton, Qt.MouseButton.LeftButton)
    fill_open_step(qtbot, window)  # step 3 asks for the printed complaint: an attachment
    qtbot.mouseClick(window.completeButton, Qt.MouseButton.LeftButton)
    assert window.data.open_step.no == 4
    model = window.files.model
    assert model.rowCount() == 1 and model.row_at(0).step_no == 3
    assert model.row_at(0).field_label.startswith("Pengaduan yang dicetak")
    assert window.tabs.tabText(window.tabs.indexOf(window.filesTab)) == "&Lampiran (1)"
    window.tabs.setCurrentWidget(window.filesTab)
    qtbot.mouseClick(window.openFileButton, Qt.MouseButton.LeftButton)
    assert desk.opened_urls and Path(desk.opened_urls[-1].toLocalFile()).is_file()


def test_the_sop_document_opens_in_the_print_preview(qtbot, desk):
    window = desk.open_from_tasks("resepsionis", _visit_at_step_two())
    with qtbot.waitSignal(window.printer.opened, timeout=30000) as opened:
        window.actionPrint.trigger()
    preview = window.printer.preview
    assert preview.isVisible() and preview.kind == "sop" and opened.args[0] in preview.windowTitle()
    assert preview.data.startswith(b"%PDF") and preview.page_count() >= 1
    assert not desk.opened_urls  # no system PDF viewer
    preview.close()


def test_opening_a_case_twice_brings_its_window_forward(qtbot, desk):
    number = _visit_at_step_two()
    first = desk.open_from_tasks("resepsionis", number)
    again = open_case_window(number.lower(), desk.windows["resepsionis"].session, desk.windows["resepsionis"])
    assert again is first
    first.close()
    QApplication.processEvents()
    third = open_case_window(number, desk.windows["resepsionis"].session, desk.windows["resepsionis"])
    assert third is not first
    third.close()


def test_an_unknown_case_number_is_said_not_crashed(qtbot, desk, _no_blocking_message_boxes):
    assert open_case_window("TM-1999-99999", Session.of(find_user("resepsionis")), None) is None
    assert _no_blocking_message_boxes[-1][0] == "error" and "tidak ditemukan" in _no_blocking_message_boxes[-1][2]



def test_a_case_window_deleted_with_its_main_window_opens_again(qtbot, demo_database):
    import shiboken6
    from PySide6.QtWidgets import QWidget

    session = Session.of(find_user("admin"))
    number = models.Case.select().where(models.Case.state == "open").first().number
    parent = QWidget()
    first = open_case_window(number, session, parent)
    parent.deleteLater()  # the main window goes, and its case windows with it, without being closed
    qtbot.waitUntil(lambda: not shiboken6.isValid(first), timeout=3000)
    again = open_case_window(number, session)
    qtbot.addWidget(again)
    assert again is not first and again.isVisible()
    again.close()
