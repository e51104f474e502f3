"""Buku Tamu window: search, date range, lazily fetched pages, masking by role, exports in the background."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta

import pypdfium2
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from kpu_desk.gui.session import Session
from kpu_desk.gui.visitors.guestbook_dialog import GuestbookDialog
from visitor_support import NIK, PHONE, make_visit

TODAY = datetime(2026, 11, 18)  # midnight of a Wednesday; the tests run late that afternoon


@pytest.fixture
def office(empty_database, time_machine):
    time_machine.move_to(TODAY + timedelta(hours=17))
    from engine_support import make_users, sync_shipped

    sync_shipped()
    users = make_users()
    make_visit("Wulan Sari", TODAY - timedelta(days=2, hours=-9), institution="Perludem", group=3)
    make_visit("Bambang Hartono", TODAY - timedelta(days=400), institution="Dinas Dukcapil")
    for i in range(12):
        make_visit(f"Warga Nomor {i}", TODAY + timedelta(hours=8, minutes=i), origin="Pribadi", institution="")
    return users


def _dialog(qtbot, user, page_size=None) -> GuestbookDialog:
    dialog = GuestbookDialog(Session.of(user))
    qtbot.addWidget(dialog)
    if page_size:
        dialog.model.page_size = page_size
    dialog.show()
    _wait_loaded(qtbot, dialog)
    return dialog


def _wait_loaded(qtbot, dialog):
    qtbot.waitUntil(lambda: bool(dialog.statusLabel.text()) and not dialog.statusLabel.text().startswith("Mencari"),
                    timeout=5000)


def _column(dialog, title):
    model = dialog.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(title)
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_opens_on_the_last_twelve_months_masked_for_staff(qtbot, office):
    dialog = _dialog(qtbot, office["staf"])
    assert (dialog.fromEdit.date().toPython(), dialog.untilEdit.date().toPython()) == (
        (TODAY - timedelta(days=365)).date(), TODAY.date())  # the test's clock, not the computer's
    names = _column(dialog, "Nama tamu")
    assert len(names) == 13 and names[-1] == "Wulan Sari" and "Bambang Hartono" not in names
    assert set(_column(dialog, "NIK")) == {"331301**********"} and set(_column(dialog, "Telepon")) == {"0812*****890"}
    assert "disamarkan" in dialog.privacyLabel.text()
    assert dialog.statusLabel.text() == "13 kunjungan ditampilkan"


def test_reception_sees_whole_numbers(qtbot, office):
    dialog = _dialog(qtbot, office["resepsionis"])
    assert set(_column(dialog, "NIK")) == {NIK} and set(_column(dialog, "Telepon")) == {PHONE}
    assert dialog.privacyLabel.text() == ""


def test_typing_searches_and_all_dates_reaches_older_visits(qtbot, office):
    dialog = _dialog(qtbot, office["staf"])
    qtbot.keyClicks(dialog.searchEdit, "hartono")
    qtbot.waitUntil(lambda: dialog.statusLabel.text() == "Tidak ada kunjungan yang cocok", timeout=5000)
    dialog.allDatesCheck.setChecked(True)
    qtbot.waitUntil(lambda: _column(dialog, "Nama tamu") == ["Bambang Hartono"], timeout=5000)
    assert not dialog.fromEdit.isEnabled()
    dialog.searchEdit.clear()
    dialog.allDatesCheck.setChecked(False)
    dialog.fromEdit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    qtbot.waitUntil(lambda: len(_column(dialog, "Nama tamu")) == 12, timeout=5000)


def test_pages_are_fetched_as_the_list_scrolls(qtbot, office):
    dialog = _dialog(qtbot, office["staf"], page_size=5)
    dialog.reload()
    # The view itself asks for more while its rows do not fill it; each answer is one page of five.
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 5, timeout=5000)
    while dialog.model.has_more():
        held = dialog.model.rowCount()
        dialog.model.fetchMore()
        qtbot.waitUntil(lambda: dialog.model._fetching is None, timeout=5000)
        assert dialog.model.rowCount() in (held, held + 5, 13)
    names = _column(dialog, "Nama tamu")
    assert len(names) == 13 == len(set(names))


def test_enter_on_a_row_asks_for_its_case(qtbot, office):
    dialog = _dialog(qtbot, office["staf"])
    with qtbot.waitSignal(dialog.case_requested) as asked:
        dialog.table.activated.emit(dialog.model.index(0, 0))
    assert asked.args[0].startswith("TM-")


@pytest.mark.parametrize("kind", ["xlsx", "csv", "pdf"])
def test_exports_run_in_the_background_and_read_back(qtbot, office, tmp_path, kind):
    dialog = _dialog(qtbot, office["pimpinan"])
    qtbot.keyClicks(dialog.searchEdit, "wulan")
    qtbot.waitUntil(lambda: _column(dialog, "Nama tamu") == ["Wulan Sari"], timeout=5000)
    target = tmp_path / f"buku.{kind}"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export_to(str(target))
    assert "1 kunjungan (3 orang)" in dialog.exportLabel.text()
    assert all(button.isEnabled() for button in dialog.exportButtons.values())
    if kind == "xlsx":
        text = repr([[c.value for c in row] for row in load_workbook(target).active.iter_rows()])
    elif kind == "csv":
        with open(target, encoding="utf-8-sig", newline="") as stream:
            text = repr(list(csv.reader(stream, delimiter=";")))
    else:
        text = pypdfium2.PdfDocument(str(target))[0].get_textpage().get_text_range()
    assert "Wulan Sari" in text and "Warga" not in text and "331301**********" in text and NIK not in text
