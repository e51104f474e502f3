"""The main window on a demo office: every page, Tugas saya, the case list, changes from elsewhere, switching user."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from engine_support import valid_form
from kpu_desk import accounts, engine
from kpu_desk.engine.sops import sop_for_version
from kpu_desk.gui.case_summary import CaseSummaryDialog
from kpu_desk.gui.main_window import PAGES, MainWindow
from kpu_desk.gui.session import Session
from kpu_desk.gui.models.table_model import OVERDUE_BACKGROUND, ROW_ROLE
from kpu_desk.store import models
from kpu_desk.gui import wallclock

PASSWORD = "kpudesk2026"


def test_every_page_can_be_reached_and_fits_a_1366_screen(qtbot, demo_database, open_main_window):
    window = open_main_window("admin")
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == ["Tugas saya", "Meja Tamu", "Layanan", "Surat & Disposisi", "SOP", "Laporan", "Pengaturan"]
    for row, page_class in enumerate(PAGES):
        window.navigation.setCurrentRow(row)
        page = window.current_page()
        assert isinstance(page, page_class) and page.isVisible() and not page.stale
    assert window.minimumSizeHint().width() <= 1280 and window.minimumSizeHint().height() <= 720
    assert window.databaseLabel.text() == f"Basis data: {demo_database.database}"


def test_the_last_page_and_the_window_geometry_are_remembered(qtbot, demo_database, open_main_window):
    from PySide6.QtCore import QSettings

    window = open_main_window("admin")
    window.show_page("reports")
    window.close()
    saved = QSettings().value("geometry/main_window")
    assert saved is not None and saved == window.saveGeometry()
    again = MainWindow(Session.of(accounts.find_user("admin")), poll_ms=60000)
    qtbot.addWidget(again)
    try:
        assert again.current_page().key == "reports"
    finally:
        again.close()


def test_a_dialogs_size_is_remembered(qtbot, demo_database):
    # The offscreen screen is 800 x 600: a size inside it comes back exactly.
    number = models.Case.select().first().number
    dialog = CaseSummaryDialog(number)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(720, 430)
    qtbot.waitUntil(lambda: dialog.size().width() == 720)
    dialog.accept()
    again = CaseSummaryDialog(number)
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (720, 430)


def test_tugas_saya_shows_the_clerks_open_steps_due_first_with_overdue_marked(qtbot, demo_database,
                                                                              open_main_window):
    window = open_main_window("resepsionis")
    page = window.show_page("tasks")
    model = page.model
    tasks = [model.data(model.index(row, 0), ROW_ROLE) for row in range(model.rowCount())]
    expected = engine.tasks_for_lanes(accounts.lanes_of_user(accounts.find_user("resepsionis")))
    assert [t.step_run_id for t in tasks] == [t.step_run_id for t in expected] and tasks
    dues = [t.due_at for t in tasks if t.due_at is not None]
    assert dues == sorted(dues)
    lanes = accounts.lanes_of_user(accounts.find_user("resepsionis"))
    lane_of_run = {(r.step_run_id, r.sop_id, r.lane_id) for r in models.StepRunLane.select()}
    assert all(any((t.step_run_id, s, lane) in lane_of_run for s, lane in lanes) for t in tasks)
    late = [row for row, t in enumerate(tasks) if t.overdue]
    on_time = [row for row, t in enumerate(tasks) if not t.overdue]
    assert late, "the demo office has overdue steps at the desk"
    for row in late:
        assert model.data(model.index(row, 0)).startswith("terlambat")
        assert model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) is not None
        assert model.data(model.index(row, 2), Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    for row in on_time:
        assert not model.data(model.index(row, 0)).startswith("terlambat")
        assert model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) is None
    assert f"{len(tasks)} langkah menunggu Anda, {len(late)} terlambat" == page.summaryLabel.text()
    assert "Jagat Saksana" in page.lanesLabel.text()


def _case_rows(page):
    return [page.model.row_at(row) for row in range(page.model.rowCount())]


def test_the_case_list_filters_by_sop_state_overdue_date_and_search(qtbot, demo_database, open_main_window):
    window = open_main_window("sekretaris")
    page = window.show_page("cases")
    everything = _case_rows(page)
    assert everything and len({c.sop_id for c in everything}) > 1

    page.sopCombo.setCurrentIndex(page.sopCombo.findData("karanganyar-pelayanan-umum"))
    assert {c.sop_id for c in _case_rows(page)} == {"karanganyar-pelayanan-umum"}
    page.stateCombo.setCurrentIndex(page.stateCombo.findData("done"))
    assert _case_rows(page) and {c.state for c in _case_rows(page)} == {"done"}
    page.reset_filters()

    page.overdueCheck.setChecked(True)
    assert _case_rows(page) and all(c.overdue for c in _case_rows(page))
    assert page.model.data(page.model.index(0, 3)).endswith("terlambat")
    page.reset_filters()

    wanted = everything[len(everything) // 2]
    qtbot.keyClicks(page.searchEdit, wanted.number.lower())
    qtbot.waitUntil(lambda: [c.number for c in _case_rows(page)] == [wanted.number], timeout=3000)
    page.searchEdit.clear()
    surname = wanted.title.split(" — ")[0].split()[-1]
    qtbot.keyClicks(page.searchEdit, surname)
    qtbot.waitUntil(lambda: wanted.number in [c.number for c in _case_rows(page)], timeout=3000)
    assert all(surname.lower() in c.title.lower() for c in _case_rows(page))
    page.reset_filters()

    day = wanted.started_at.date()
    page.fromDate.setDate(day)
    page.untilDate.setDate(day)
    page.dateCheck.setChecked(True)
    assert _case_rows(page) and {c.started_at.date() for c in _case_rows(page)} == {day}
    page.reset_filters()
    page.searchEdit.setText("tidak-ada-kasus-seperti-ini")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=3000)
    assert "Tidak ada kasus" in page.summaryLabel.text()


def test_the_case_list_loads_more_rows_when_scrolled(qtbot, demo_database, open_main_window):
    window = open_main_window("sekretaris")
    page = window.show_page("cases")
    page.model.page_size = 10
    page.model.reload()
    assert page.model.rowCount() == 10 and page.model.canFetchMore()
    total = models.Case.select().count()
    for _ in range(total):
        if not page.model.canFetchMore():
            break
        page.casesView.scrollToBottom()
        qtbot.wait(10)
    assert page.model.rowCount() == total
    numbers = [c.number for c in _case_rows(page)]
    assert len(set(numbers)) == total  # no case twice, none left out
    assert "kasus ditampilkan" in page.summaryLabel.text() and "gulir" not in page.summaryLabel.text()


def test_what_another_workstation_does_appears_after_the_poll(qtbot, demo_database, open_main_window):
    window = open_main_window("resepsionis", poll_ms=150)
    page = window.show_page("tasks")
    qtbot.waitUntil(lambda: window.watcher._marker is not None, timeout=3000)
    before = {page.model.row_at(row).case_number for row in range(page.model.rowCount())}
    started = _start_case_elsewhere()
    assert started not in before
    qtbot.waitUntil(lambda: started in {page.model.row_at(r).case_number for r in range(page.model.rowCount())},
                    timeout=5000)
    assert window.page("cases").stale  # the pages not shown read again when they are next shown
    assert "Diperbarui" in window.syncLabel.text()


def _start_case_elsewhere() -> str:
    """A case started on "another workstation": its own thread, its own database connection."""
    sop = sop_for_version(engine.latest_version("karanganyar-pelayanan-umum").id)
    found = []

    def work():
        case = engine.start_case(sop.id, valid_form(sop.step(1)), "helpdesk", complete_first=True)
        found.append(case.number)
        models.database.obj.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    return found[0]


def test_switching_user_keeps_the_window_and_changes_what_is_shown(qtbot, demo_database, open_main_window):
    window = open_main_window("admin")
    window.show_page("settings")
    assert window.page("settings").tab("users") is not None
    dialog = window.switch_user()
    qtbot.keyClicks(dialog.usernameEdit, "ppid")
    qtbot.keyClicks(dialog.passwordEdit, PASSWORD)
    qtbot.mouseClick(dialog.signInButton, Qt.MouseButton.LeftButton)
    assert window.isVisible() and window.session.username == "ppid"
    assert "Dian Kusuma" in window.userLabel.text() and "PPID" in window.userLabel.text()
    assert window.current_page().key == "tasks"
    assert "PPID" in window.current_page().lanesLabel.text()
    window.show_page("settings")
    assert window.page("settings").tab("users") is None and window.page("settings").tab("lanes") is None


def test_a_cancelled_switch_keeps_the_current_user(qtbot, demo_database, open_main_window):
    window = open_main_window("resepsionis")
    dialog = window.switch_user()
    qtbot.mouseClick(dialog.cancelButton, Qt.MouseButton.LeftButton)
    assert window.session.username == "resepsionis"


def test_without_a_case_window_opening_a_case_shows_its_summary(qtbot, demo_database, open_main_window,
                                                                 monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "kpu_desk.gui.case", None)  # as if the case window were not installed
    window = open_main_window("resepsionis")
    page = window.show_page("tasks")
    task = page.model.row_at(0)
    index = page.model.index(0, 2)
    page.tasksView.scrollTo(index)
    rect = page.tasksView.visualRect(index)
    qtbot.mouseClick(page.tasksView.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.tasksView.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(window.open_windows) == 1  # one double-click, one window
    dialog = window.open_windows[-1]
    assert isinstance(dialog, CaseSummaryDialog) and dialog.number == task.case_number
    assert task.case_number in dialog.titleLabel.text()
    history = [dialog.history.row_at(row) for row in range(dialog.history.rowCount())]
    assert history[-1].state == "open" and history[-1].step_no == task.step_no
    dialog.close()
    page.tasksView.setFocus()
    qtbot.keyClick(page.tasksView, Qt.Key.Key_Return)  # the keyboard opens it too
    assert len(window.open_windows) == 1 and window.open_windows[-1] is not dialog


def test_the_case_window_is_used_once_it_is_installed(qtbot, demo_database, open_main_window, monkeypatch):
    import sys
    import types

    opened = []
    fake = types.ModuleType("kpu_desk.gui.case")
    fake.open_case_window = lambda number, session, parent: opened.append((number, session.username))
    monkeypatch.setitem(sys.modules, "kpu_desk.gui.case", fake)
    window = open_main_window("resepsionis")
    window.case_requested.emit("TM-2026-00001")
    assert opened == [("TM-2026-00001", "resepsionis")]


def test_the_report_is_shown_and_exported_in_the_background(qtbot, demo_database, open_main_window, tmp_path):
    from openpyxl import load_workbook

    window = open_main_window("sekretaris")
    page = window.show_page("reports")
    qtbot.waitUntil(lambda: page.report is not None, timeout=5000)
    assert page.model.rowCount() > 1 and page.model.data(page.model.index(page.model.rowCount() - 1, 0)) == "Jumlah"
    target = tmp_path / "laporan.xlsx"
    page.ask_export_path = lambda: str(target)
    qtbot.mouseClick(page.exportButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.exporting.running, timeout=10000)
    sheet = load_workbook(target).active
    assert any(row[0] == "Jumlah" for row in sheet.iter_rows(values_only=True))
    assert str(target) in window.statusBar().currentMessage()


@pytest.mark.parametrize("key", ["visitors", "letters", "sops"])
def test_the_registers_show_what_exists(qtbot, demo_database, open_main_window, key):
    window = open_main_window("sekretaris")
    page = window.show_page(key)
    if key == "visitors":
        page.insideCheck.setChecked(True)
        assert page.model.rowCount() == models.Visit.select().where(models.Visit.checked_out_at.is_null()).count()
        assert all(page.model.row_at(r).inside for r in range(page.model.rowCount()))
    elif key == "letters":
        year = wallclock.today().year
        this_year = models.Letter.select().where(models.Letter.agenda_year == year)
        assert page.model.rowCount() == this_year.count()
        last = max((letter.agenda_number for letter in this_year), default=0)
        models.Letter.create(direction="masuk", agenda_year=year, agenda_number=last + 1,
                             sender="Bawaslu Kabupaten Uji", subject="Undangan rapat koordinasi")
        page.refresh()
        senders = [page.model.data(page.model.index(row, 5)) for row in range(page.model.rowCount())]
        assert "Bawaslu Kabupaten Uji" in senders
    else:
        assert page.model.rowCount() == 5 and page.steps.rowCount() > 0
