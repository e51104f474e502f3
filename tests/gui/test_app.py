"""Starting the application: `kpu-desk` without a subcommand, and a database that will not open."""

from __future__ import annotations

import subprocess
import sys

from gui.gui_support import when_modal
from store_support import damage_forty_pages, pad_with_unread_rows
from kpu_desk.gui import workstation
from kpu_desk.gui.app import Launcher
from kpu_desk.gui.database_problem import DatabaseProblemDialog
from kpu_desk.store import current_database


def test_kpu_desk_without_a_subcommand_starts_the_desktop(run_cli, monkeypatch):
    from kpu_desk.gui import app

    started = []
    monkeypatch.setattr(app, "main", lambda db_url=None: started.append(db_url) or 0)
    assert run_cli("--db", "sqlite:///kantor.sqlite3") == (0, "", "")
    assert started == ["sqlite:///kantor.sqlite3"]


def test_help_and_subcommands_never_load_qt(tmp_path):
    code = ("import sys\nfrom kpu_desk.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "main(['sop', 'list'])\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Tanpa PERINTAH, aplikasi desktop dibuka" in " ".join(result.stdout.split())


def test_a_database_that_will_not_open_is_explained_and_another_can_be_chosen(qtbot, tmp_path):
    bad = f"sqlite:///{(tmp_path / 'tidak-ada' / 'kpu.sqlite3').as_posix()}"
    good = f"sqlite:///{(tmp_path / 'kpu.sqlite3').as_posix()}"
    seen = []

    def choose_another(dialog):
        seen.append(dialog.messageLabel.text())
        dialog.urlEdit.setText(good)
        dialog.openButton.click()

    when_modal(qtbot, DatabaseProblemDialog, choose_another)
    launcher = Launcher(bad)
    try:
        assert launcher.open_database()
        assert seen and "tidak ada" in seen[0] and seen[0][0].isupper()
        assert str(current_database().database).endswith("kpu.sqlite3")
        assert workstation.saved_database_url() == good  # used next time on this computer
    finally:
        from kpu_desk.store import close_database

        close_database()


def test_quitting_at_the_database_problem_ends_the_start(qtbot, tmp_path):
    when_modal(qtbot, DatabaseProblemDialog, lambda dialog: dialog.quitButton.click())
    assert not Launcher(f"sqlite:///{tmp_path}/tidak-ada/kpu.sqlite3").open_database()
    assert workstation.saved_database_url() is None


def test_an_empty_database_starts_with_the_setup_then_the_sign_in(qtbot, tmp_path):
    from PySide6.QtCore import QThreadPool

    from kpu_desk.gui.setup_wizard import SetupWizard
    from kpu_desk.gui.signin import SignInDialog
    from kpu_desk.store import close_database

    def load_demo(wizard):
        wizard.demo_days = 1
        wizard.load_demo()

    def sign_in(dialog):
        dialog.usernameEdit.setText("sekretaris")
        dialog.passwordEdit.setText("kpudesk2026")
        dialog.signInButton.click()

    when_modal(qtbot, SetupWizard, load_demo)
    when_modal(qtbot, SignInDialog, sign_in, timeout_ms=60000)  # after the demo office is filled
    window = Launcher(f"sqlite:///{(tmp_path / 'baru.sqlite3').as_posix()}").start()
    try:
        qtbot.addWidget(window)
        assert window.session.username == "sekretaris" and window.isVisible()
        assert window.closing_warning.timer.isActive()  # the closing-time warning is on watch
        window.closing_warning.stop()
    finally:
        if window is not None:
            window.close()
        QThreadPool.globalInstance().waitForDone(10000)
        close_database()


def _damaged_demo_office(demo_template, tmp_path):
    import shutil

    path = tmp_path / "rusak.sqlite3"
    shutil.copyfile(demo_template, path)
    pad_with_unread_rows(path)
    damage_forty_pages(path)
    return path


def test_signing_in_to_a_damaged_database_says_how_to_restore_and_writes_nothing(qtbot, demo_template, tmp_path):
    from kpu_desk.gui.signin import SignInDialog
    from kpu_desk.store import close_database, health

    path = _damaged_demo_office(demo_template, tmp_path)
    before = path.read_bytes()
    said = []

    def sign_in(dialog):
        qtbot.waitUntil(lambda: health.verdict()[0], timeout=20000)  # the check answered in the background
        dialog.usernameEdit.setText("admin")
        dialog.passwordEdit.setText("kpudesk2026")
        dialog.signInButton.click()
        said.append(dialog.messageLabel.text())
        dialog.cancelButton.click()

    when_modal(qtbot, SignInDialog, sign_in)
    try:
        assert Launcher(f"sqlite:///{path.as_posix()}").start() is None
        assert said and "rusak" in said[0] and "Pengaturan → Basis data → Pulihkan dari cadangan" in said[0]
    finally:
        close_database()
    assert path.read_bytes() == before


def test_the_window_says_when_the_background_check_finds_damage(qtbot, demo_template, tmp_path, open_main_window,
                                                                 _no_blocking_message_boxes):
    from kpu_desk.gui.database_problem import DamageWatch
    from kpu_desk.store import close_database, open_database

    path = _damaged_demo_office(demo_template, tmp_path)
    open_database(f"sqlite:///{path.as_posix()}", writes_wait=False)
    try:
        window = open_main_window("admin")
        watch = DamageWatch(window).start()
        qtbot.waitUntil(lambda: watch.problem is not None, timeout=20000)
        errors = [text for kind, _title, text in _no_blocking_message_boxes if kind == "error"]
        assert len(errors) == 1 and "kpu-desk db restore" in errors[0]
        assert "rusak" in window.statusBar().currentMessage()
    finally:
        window.close()
        close_database()
