"""First start on an empty database: the setup wizard, or demo data loaded off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kpu_desk import accounts, office
from kpu_desk.gui.setup_wizard import ADMIN, OFFICE, SOPS, SetupWizard
from kpu_desk.store import models


def _wizard(qtbot) -> SetupWizard:
    wizard = SetupWizard(demo_days=1)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _next(qtbot, wizard) -> None:
    qtbot.mouseClick(wizard.button(SetupWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _fill_office(qtbot, wizard) -> None:
    qtbot.keyClicks(wizard.nameEdit, "KPU Kota Kupang")
    wizard.levelCombo.setCurrentText("Kota")
    qtbot.keyClicks(wizard.addressEdit, "Jl. El Tari No. 5, Kupang")


def _fill_admin(qtbot, wizard, nip="198703122010121002") -> None:
    qtbot.keyClicks(wizard.fullNameEdit, "Yohanes Ndun")
    qtbot.keyClicks(wizard.usernameEdit, "yohanes")
    qtbot.keyClicks(wizard.jabatanEdit, "Pranata Komputer")
    qtbot.keyClicks(wizard.nipEdit, nip)
    qtbot.keyClicks(wizard.passwordEdit, "kupang2026")
    qtbot.keyClicks(wizard.repeatEdit, "kupang2026")


def test_setup_creates_the_office_its_administrator_and_the_chosen_sops(qtbot, empty_database, tmp_path):
    assert office.is_first_start()
    wizard = _wizard(qtbot)
    _next(qtbot, wizard)
    assert wizard.currentId() == OFFICE
    _fill_office(qtbot, wizard)
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    wizard.set_logo_file(str(logo))
    _next(qtbot, wizard)
    assert wizard.currentId() == ADMIN
    _fill_admin(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentId() == SOPS
    wanted = {"kupang-pelayanan-publik", "kediri-pengaduan"}
    for index in range(wizard.sopsList.count()):
        item = wizard.sopsList.item(index)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                           else Qt.CheckState.Unchecked)
    qtbot.mouseClick(wizard.button(SetupWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)

    assert wizard.result() == SetupWizard.DialogCode.Accepted and wizard.admin.username == "yohanes"
    profile = office.load_office()
    assert (profile.name, profile.level, set(profile.sops_in_use)) == ("KPU Kota Kupang", "Kota", wanted)
    assert office.logo_path(profile) is not None
    assert {row.sop_id for row in models.SopVersion.select()} == wanted
    assert accounts.roles_of(wizard.admin) == {"administrator"} and wizard.admin.nip == "198703122010121002"
    assert accounts.lane_assignments("kupang-pelayanan-publik")["help_desk"].roles == {"resepsionis"}


def test_each_page_keeps_its_problems_next_to_the_fields(qtbot, empty_database):
    wizard = _wizard(qtbot)
    _next(qtbot, wizard)
    _next(qtbot, wizard)  # no office name
    assert wizard.currentId() == OFFICE
    assert wizard.nameError.isVisible() and "wajib diisi" in wizard.nameError.text()
    _fill_office(qtbot, wizard)
    _next(qtbot, wizard)
    _fill_admin(qtbot, wizard, nip="12345")
    wizard.repeatEdit.setText("lain-lain9")
    _next(qtbot, wizard)
    assert wizard.currentId() == ADMIN
    assert "18 angka" in wizard.nipError.text() and wizard.nipEdit.text() == "12345"
    assert "tidak sama" in wizard.passwordError.text()
    assert wizard.fullNameEdit.text() == "Yohanes Ndun"
    assert office.is_first_start()


def test_no_sop_chosen_is_refused_and_nothing_is_written(qtbot, empty_database):
    wizard = _wizard(qtbot)
    _next(qtbot, wizard)
    _fill_office(qtbot, wizard)
    _next(qtbot, wizard)
    _fill_admin(qtbot, wizard)
    _next(qtbot, wizard)
    for index in range(wizard.sopsList.count()):
        wizard.sopsList.item(index).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(wizard.button(SetupWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == SOPS and wizard.sopsError.isVisible()
    assert office.is_first_start() and not models.SopVersion.select().exists()


def test_demo_data_loads_in_the_background_with_progress(qtbot, empty_database, office_hours):
    wizard = _wizard(qtbot)
    seen = []
    operation = wizard.load_demo()
    operation.progressed.connect(lambda done, total: seen.append((done, total)))
    assert wizard.progress.isVisible() and not wizard.demoButton.isEnabled()
    with qtbot.waitSignal(wizard.accepted, timeout=60000):
        pass
    assert wizard.demo_loaded and seen and seen[-1][0] == seen[-1][1]
    assert not office.is_first_start() and models.Case.select().count() == seen[-1][1]
    assert office.is_demo()


def test_loading_demo_data_can_be_cancelled_and_leaves_the_database_empty(qtbot, empty_database, office_hours):
    wizard = _wizard(qtbot)
    operation = wizard.load_demo()
    qtbot.mouseClick(wizard.progress.cancelButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(operation.finished, timeout=60000):
        pass
    assert not wizard.demo_loaded and wizard.result() != SetupWizard.DialogCode.Accepted
    assert "dibatalkan" in wizard.demoMessage.text() and wizard.demoButton.isEnabled()
    assert office.is_first_start() and not models.Case.select().exists()
