"""Pengaturan: users with jabatan/NIP/roles, lanes mapped to roles, holiday overrides, the database test."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from kpu_desk import accounts
from kpu_desk.holiday_overrides import list_overrides
from kpu_desk.store import models


def _settings(open_main_window, username="admin"):
    window = open_main_window(username)
    return window, window.show_page("settings")


def test_the_administrator_adds_a_user_with_jabatan_nip_and_roles(qtbot, demo_database, open_main_window):
    window, page = _settings(open_main_window)
    tab = page.show_tab("users")
    dialog = tab.open_dialog(None)
    qtbot.keyClicks(dialog.fullNameEdit, "Wahyu Hidayat")
    qtbot.keyClicks(dialog.usernameEdit, "wahyu")
    qtbot.keyClicks(dialog.jabatanEdit, "Kepala Sub Bagian Teknis dan Hupmas")
    qtbot.keyClicks(dialog.nipEdit, "19800101 200501 1 003")
    dialog.role_checks["kasubag"].setChecked(True)
    dialog.role_checks["ppid"].setChecked(True)
    qtbot.keyClicks(dialog.passwordEdit, "teknis2026")
    qtbot.keyClicks(dialog.repeatEdit, "teknis2026")
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    user = accounts.find_user("wahyu")
    assert (user.full_name, user.jabatan, user.nip) == ("Wahyu Hidayat", "Kepala Sub Bagian Teknis dan Hupmas",
                                                         "198001012005011003")
    assert accounts.roles_of(user) == {"kasubag", "ppid"}
    assert accounts.authenticate("wahyu", "teknis2026").id == user.id
    row = tab.selected()
    assert row.username == "wahyu" and "Kasubag" in tab.model.data(tab.model.index(tab.usersView.currentIndex().row(), 4))


def test_bad_input_is_shown_next_to_the_field_and_what_was_typed_stays(qtbot, demo_database, open_main_window):
    window, page = _settings(open_main_window)
    dialog = page.show_tab("users").open_dialog(None)
    qtbot.keyClicks(dialog.fullNameEdit, "Wahyu Hidayat")
    qtbot.keyClicks(dialog.usernameEdit, "ppid")  # taken
    qtbot.keyClicks(dialog.nipEdit, "12345")
    qtbot.keyClicks(dialog.passwordEdit, "pendek")
    qtbot.keyClicks(dialog.repeatEdit, "pendek")
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.usernameError.isVisible() and "sudah dipakai" in dialog.usernameError.text()
    assert dialog.nipError.isVisible() and "18 angka" in dialog.nipError.text()
    assert dialog.rolesError.isVisible() and "peran" in dialog.rolesError.text()
    assert dialog.passwordError.isVisible() and "8 karakter" in dialog.passwordError.text()
    assert not dialog.fullNameError.isVisible()
    assert (dialog.fullNameEdit.text(), dialog.usernameEdit.text(), dialog.nipEdit.text()) == (
        "Wahyu Hidayat", "ppid", "12345")
    assert dialog.nipEdit.property("invalid") is True
    assert models.User.select().where(models.User.full_name == "Wahyu Hidayat").count() == 0


def test_editing_a_user_changes_roles_and_the_last_administrator_is_kept(qtbot, demo_database, open_main_window):
    window, page = _settings(open_main_window)
    tab = page.show_tab("users")
    tab.usersView.selectRow(tab.model.row_of("admin"))
    dialog = tab.open_dialog(tab.selected())
    assert dialog.usernameEdit.isReadOnly() and dialog.role_checks["administrator"].isChecked()
    dialog.role_checks["administrator"].setChecked(False)
    dialog.role_checks["staf"].setChecked(True)
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "administrator yang aktif" in dialog.rolesError.text()
    assert accounts.roles_of(accounts.find_user("admin")) == {"administrator"}


def test_deactivating_a_user(qtbot, demo_database, open_main_window):
    window, page = _settings(open_main_window)
    tab = page.show_tab("users")
    tab.usersView.selectRow(tab.model.row_of("staf2"))
    qtbot.mouseClick(tab.toggleButton, Qt.MouseButton.LeftButton)
    assert not accounts.find_user("staf2").active
    assert tab.toggleButton.text() == "&Aktifkan"


def test_a_lane_is_mapped_to_a_role(qtbot, demo_database, open_main_window):
    window, page = _settings(open_main_window)
    tab = page.show_tab("lanes")
    tab.select_sop("kupang-pelayanan-publik")
    tab.select_lane("kasubag")
    assert tab.laneTitle.text() == "Kasubag"
    tab.set_checked_roles({"kasubag", "staf"})
    qtbot.mouseClick(tab.saveButton, Qt.MouseButton.LeftButton)
    assert accounts.lane_assignments("kupang-pelayanan-publik")["kasubag"].roles == {"kasubag", "staf"}
    assert ("kupang-pelayanan-publik", "kasubag") in accounts.lanes_of_user(accounts.find_user("staf1"))
    row = tab.lanesView.currentIndex().row()
    assert tab.model.data(tab.model.index(row, 1)) == "Kasubag, Staf"
    assert "tersimpan" in tab.messageLabel.text()


def test_a_holiday_override_is_added_and_a_duplicate_is_refused(qtbot, demo_database, open_main_window):
    window, page = _settings(open_main_window)
    tab = page.show_tab("holidays")
    tab.dayEdit.setDate(QDate(2026, 11, 18))
    qtbot.keyClicks(tab.nameEdit, "Hari Jadi Kabupaten Karanganyar")
    qtbot.mouseClick(tab.addButton, Qt.MouseButton.LeftButton)
    assert [(o.day, o.name) for o in list_overrides(2026)] == [(date(2026, 11, 18), "Hari Jadi Kabupaten Karanganyar")]
    assert tab.model.rowCount() == 1 and tab.nameEdit.text() == ""

    qtbot.keyClicks(tab.nameEdit, "Kantor tutup")
    qtbot.mouseClick(tab.addButton, Qt.MouseButton.LeftButton)
    assert tab.dayError.isVisible() and "sudah ada" in tab.dayError.text()
    assert tab.nameEdit.text() == "Kantor tutup" and not tab.nameError.isVisible()
    assert len(list_overrides(2026)) == 1

    tab.holidaysView.selectRow(0)
    qtbot.mouseClick(tab.removeButton, Qt.MouseButton.LeftButton)
    assert list_overrides(2026) == [] and tab.model.rowCount() == 0


def test_office_data_is_saved_and_checked(qtbot, demo_database, open_main_window):
    window, page = _settings(open_main_window)
    tab = page.show_tab("office")
    tab.nameEdit.clear()
    qtbot.mouseClick(tab.saveButton, Qt.MouseButton.LeftButton)
    assert tab.nameError.isVisible() and "wajib" in tab.nameError.text()
    qtbot.keyClicks(tab.nameEdit, "KPU Kabupaten Sukoharjo")
    qtbot.mouseClick(tab.saveButton, Qt.MouseButton.LeftButton)
    assert not tab.nameError.isVisible() and "tersimpan" in tab.savedLabel.text()
    assert window.officeLabel.text() == "KPU Kabupaten Sukoharjo"


def test_others_see_office_data_read_only_and_no_users_or_lanes(qtbot, demo_database, open_main_window):
    window, page = _settings(open_main_window, "resepsionis")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Kantor", "Basis data", "Printer dan kertas"]
    office_tab = page.show_tab("office")
    assert office_tab.nameEdit.isReadOnly() and not office_tab.saveButton.isVisible()
    assert office_tab.nameEdit.text() == "KPU Kabupaten Karanganyar"


def test_the_connection_test_runs_in_the_background(qtbot, demo_database, open_main_window, tmp_path):
    window, page = _settings(open_main_window)
    tab = page.show_tab("database")
    tab.urlEdit.setText(f"sqlite:///{demo_database.database}")
    qtbot.mouseClick(tab.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Terhubung" in tab.resultLabel.text(), timeout=5000)
    assert "12 pengguna" in tab.resultLabel.text()
    tab.urlEdit.setText(f"sqlite:///{tmp_path}/tidak-ada/kpu.sqlite3")
    qtbot.mouseClick(tab.testButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "tidak ada" in tab.resultLabel.text(), timeout=5000)
    assert tab.resultLabel.property("role") == "error"
    tab.urlEdit.setText("postgresql://kpu@server-kantor/kpu_desk")
    qtbot.mouseClick(tab.saveButton, Qt.MouseButton.LeftButton)
    from kpu_desk.gui import workstation

    assert workstation.saved_database_url() == "postgresql://kpu@server-kantor/kpu_desk"


def test_a_backup_is_written_in_the_background(qtbot, demo_database, open_main_window, tmp_path):
    import sqlite3

    window, page = _settings(open_main_window)
    tab = page.show_tab("database")
    target = tmp_path / "cadangan.sqlite3"
    tab.ask_backup_path = lambda: str(target)
    qtbot.mouseClick(tab.backupButton, Qt.MouseButton.LeftButton)
    assert tab.progress.isVisible() and not tab.backupButton.isEnabled()
    qtbot.waitUntil(lambda: not tab.backing_up.running, timeout=20000)
    assert "Cadangan tersimpan" in tab.backupLabel.text() and tab.backupButton.isEnabled()
    with sqlite3.connect(target) as copy:
        assert copy.execute('SELECT COUNT(*) FROM "user"').fetchone()[0] == 12
