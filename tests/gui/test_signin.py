"""Signing in: a wrong password says so, repeated failures lock the account, the right one opens the window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.gui_support import when_modal
from kpu_desk.gui.signin import SignInDialog

PASSWORD = "kpudesk2026"


def _try(qtbot, dialog, username, password):
    dialog.usernameEdit.setText(username)
    dialog.passwordEdit.clear()
    qtbot.keyClicks(dialog.passwordEdit, password)
    qtbot.mouseClick(dialog.signInButton, Qt.MouseButton.LeftButton)


def test_a_wrong_password_is_refused_with_a_message(qtbot, demo_database):
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demoHintLabel.isVisible() and PASSWORD in dialog.demoHintLabel.text()
    _try(qtbot, dialog, "resepsionis", "bukan-sandinya1")
    assert dialog.result() != SignInDialog.DialogCode.Accepted and dialog.user is None
    assert dialog.messageLabel.isVisible()
    assert dialog.messageLabel.text().startswith("Nama pengguna atau kata sandi salah.")
    assert dialog.usernameEdit.text() == "resepsionis"  # what was typed stays


def test_repeated_failures_lock_the_account(qtbot, demo_database):
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for attempt in range(4):
        _try(qtbot, dialog, "ppid", f"salah-{attempt}a")
        assert "Sisa" in dialog.messageLabel.text()
    _try(qtbot, dialog, "ppid", "salah-terakhir1")
    assert "Akun terkunci sampai" in dialog.messageLabel.text()
    _try(qtbot, dialog, "ppid", PASSWORD)  # now even the right password waits
    assert "Akun terkunci sampai" in dialog.messageLabel.text() and dialog.user is None


def test_empty_fields_are_asked_for(qtbot, demo_database):
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.signInButton, Qt.MouseButton.LeftButton)
    assert dialog.messageLabel.text() == "Isi nama pengguna dan kata sandi."


def test_the_right_password_opens_the_main_window_with_the_users_name(qtbot, demo_database):
    from kpu_desk.gui.app import Launcher

    when_modal(qtbot, SignInDialog, lambda dialog: _try(qtbot, dialog, "resepsionis", PASSWORD))
    launcher = Launcher(demo_database_url(demo_database))
    window = launcher.start()
    qtbot.addWidget(window)
    assert window is not None and window.isVisible()
    assert window.session.username == "resepsionis"
    assert "Sri Wahyuni" in window.userLabel.text() and "KPU Kabupaten Karanganyar" in window.officeLabel.text()
    window.close()


def test_closing_the_sign_in_ends_the_start(qtbot, demo_database):
    from kpu_desk.gui.app import Launcher

    when_modal(qtbot, SignInDialog, lambda dialog: dialog.reject())
    assert Launcher(demo_database_url(demo_database)).start() is None


def demo_database_url(db) -> str:
    return f"sqlite:///{db.database}"
