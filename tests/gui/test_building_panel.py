"""Who is in the building, the evacuation list from the panel, and the warning at closing time."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from kpu_desk import office_hours
from kpu_desk.gui.session import Session
from kpu_desk.gui.visitors.building_panel import BuildingDialog, write_evacuation_pdf
from kpu_desk.gui.visitors.closing_warning import ClosingWarning, ClosingTimeField
from visitor_support import make_visit

# A Wednesday afternoon before the office's closing time of 16.00: the visits and the warning
# are all counted against this clock, whatever the hour the suite runs.
NOW = datetime(2026, 11, 18, 15, 30)


@pytest.fixture
def office(empty_database, time_machine):
    time_machine.move_to(NOW)
    from engine_support import make_users, sync_shipped

    sync_shipped()
    users = make_users()
    make_visit("Bambang Hartono", NOW - timedelta(minutes=50), group=5, institution="Dinas Dukcapil", tray="A1")
    make_visit("Wulan Sari", NOW - timedelta(minutes=20), tray=None)
    make_visit("Sri Lestari", NOW - timedelta(days=1), tray="B2")
    make_visit("Andi Wijaya", NOW - timedelta(minutes=90), out=NOW - timedelta(minutes=60))
    return users


def test_panel_lists_who_is_inside_with_people_and_ktp(qtbot, office):
    dialog = BuildingDialog(Session.of(office["resepsionis"]), show_pdf=lambda path: None)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.isVisible() and not dialog.isModal()  # a scan at the desk still reaches Meja Tamu
    panel = dialog.panel
    names = [panel.model.data(panel.model.index(r, 1)) for r in range(panel.model.rowCount())]
    assert names == ["Wulan Sari", "Bambang Hartono", "Sri Lestari"]
    summary = panel.summaryLabel.text()
    assert "7 orang di gedung (3 kunjungan)" in summary and "2 KTP" in summary and "hari sebelumnya" in summary
    assert panel.model.data(panel.model.index(1, 5)) == "baki A1"


def test_printing_the_evacuation_list_writes_a_pdf_off_the_ui_thread(qtbot, office):
    shown = []
    dialog = BuildingDialog(Session.of(office["staf"]), show_pdf=shown.append)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.panel.pdf_ready, timeout=10000) as ready:
        dialog.panel.print_evacuation_list()
    assert shown == [ready.args[0]] and dialog.panel.printButton.isEnabled()
    text = " ".join(pypdfium2.PdfDocument(ready.args[0])[0].get_textpage().get_text_range().split())
    for expected in ("DAFTAR EVAKUASI TAMU", "Bambang Hartono", "Wulan Sari", "Sri Lestari", "Jumlah: 7 orang"):
        assert expected in text
    assert "Andi Wijaya" not in text and "331301" not in text


def test_the_evacuation_list_opens_in_the_print_preview(qtbot, office):
    from kpu_desk.gui.printing import PdfPreviewDialog

    dialog = BuildingDialog(Session.of(office["resepsionis"]))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.panel.pdf_ready, timeout=10000):
        dialog.panel.print_evacuation_list()
    previews = [w for w in dialog.findChildren(PdfPreviewDialog) if w.isVisible()]
    assert len(previews) == 1 and "evakuasi" in previews[0].windowTitle().lower()
    previews[0].close()


def test_write_evacuation_pdf_to_a_chosen_file(office, tmp_path):
    path = write_evacuation_pdf(tmp_path / "evakuasi.pdf")
    assert path.read_bytes().startswith(b"%PDF")


def _clock_at(moment):
    return lambda: moment


def test_closing_warning_shows_once_without_taking_the_keyboard(qtbot, office):
    office_hours.set_closing_time(time(16, 0))
    window = QWidget()
    qtbot.addWidget(window)
    typing = QLineEdit(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    typing.setFocus()
    qtbot.waitUntil(typing.hasFocus, timeout=2000)
    before = datetime.combine(NOW.date(), time(15, 59))
    warning = ClosingWarning(Session.of(office["resepsionis"]), window, clock=_clock_at(before))
    assert warning.check() == [] and warning.popup is None
    warning.clock = _clock_at(datetime.combine(NOW.date(), time(16, 1)))
    with qtbot.waitSignal(warning.warned) as shown:
        rows = warning.check()
    assert [row.name for row in rows] == ["Wulan Sari", "Bambang Hartono", "Sri Lestari"] == [
        row.name for row in shown.args[0]]
    popup = warning.popup
    assert popup.isVisible() and not popup.isModal() and QApplication.activeModalWidget() is None
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert "7 orang (3 kunjungan)" in popup.headingLabel.text() and "2 KTP" in popup.headingLabel.text()
    assert popup.list.count() == 3 and "rombongan 5 orang" in popup.list.item(1).text()
    qtbot.keyClicks(typing, "TM1")  # the clerk keeps typing where they were
    assert typing.text() == "TM1" and QApplication.focusWidget() is typing
    assert warning.check() == []  # once a day
    from kpu_desk.store import models

    models.Visit.update(checked_out_at=NOW).where(models.Visit.id == rows[0].visit_id).execute()
    warning.check()  # the warning shown follows the check-outs
    assert popup.list.count() == 2 and popup.isVisible()
    models.Visit.update(checked_out_at=NOW).where(models.Visit.checked_out_at.is_null()).execute()
    warning.check()
    assert not popup.isVisible()


def test_no_warning_when_everyone_has_left(qtbot, office):
    from kpu_desk.store import models

    models.Visit.update(checked_out_at=NOW).execute()
    warning = ClosingWarning(Session.of(office["staf"]), None, clock=_clock_at(datetime.combine(NOW.date(), time(17))))
    assert warning.check() == [] and warning.popup is None


def test_closing_time_field_of_pengaturan(qtbot, office):
    field = ClosingTimeField()
    qtbot.addWidget(field)
    field.load()
    assert field.timeEdit.time().toPython() == time(16, 0)
    field.timeEdit.setTime(time(16, 30))
    field.save("administrator1")
    assert office_hours.closing_time() == time(16, 30)
    field.set_editable(False)
    assert field.timeEdit.isReadOnly()


def test_meja_tamu_opens_both_windows_without_blocking_the_scanner(qtbot, demo_database, open_main_window):
    from kpu_desk.gui.visitors.guestbook_dialog import GuestbookDialog

    window = open_main_window("resepsionis")
    page = window.show_page("visitors")
    building_dialog = page.open_building()
    guestbook = page.open_guest_book()
    assert isinstance(building_dialog, BuildingDialog) and isinstance(guestbook, GuestbookDialog)
    assert building_dialog.isVisible() and guestbook.isVisible()
    assert QApplication.activeModalWidget() is None
    qtbot.waitUntil(lambda: guestbook.model.rowCount() > 0, timeout=5000)
    building_dialog.close()
    guestbook.close()
