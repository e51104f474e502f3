"""Starting the application: `kpu-desk` without a subcommand, and a database that will not open."""

from __future__ import annotations

import subprocess
import sys

from gui.gui_support import when_modal
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
