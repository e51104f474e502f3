"""GUI test fixtures: headless Qt, private QSettings, fast password hashing, a demo office per test.

Every window is built on a database of its own. The demo office is generated
once per session (with cheap argon2 parameters) and its file copied for each
test, so a test may change it freely.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# One screen as on the offices' smallest laptops: 1280x720 less a 40-pixel task bar (the offscreen
# platform has no task bar, so its screen is the free area). Every window must fit on it.
LAPTOP_SCREEN = Path(__file__).with_name("laptop_screen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={LAPTOP_SCREEN}"

from argon2 import PasswordHasher  # noqa: E402
from PySide6.QtCore import QSettings, QThreadPool  # noqa: E402

CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
DEMO_PASSWORD = "kpudesk2026"


@pytest.fixture(scope="session")
def _configured_qapp(qapp):
    """The application's names, font and style sheet, once: setting a style sheet re-polishes every
    widget alive, and doing it per test makes each test slower than the one before."""
    from kpu_desk.gui.app import configure

    configure(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _private_qsettings(tmp_path, _configured_qapp):
    """Window sizes and the chosen database go to a folder of the test, never to the user's settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield
    QSettings().clear()


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch):
    """argon2 at its real cost takes half a second a hash; the GUI tests need the flow, not the cost."""
    from kpu_desk.accounts import signin
    from kpu_desk.security import passwords

    monkeypatch.setattr(passwords, "_hasher", CHEAP_HASHER)
    monkeypatch.setattr(signin, "_hasher", CHEAP_HASHER)


@pytest.fixture(autouse=True)
def _no_blocking_message_boxes(monkeypatch):
    """A message box in a test would wait for a click forever: record what would have been said."""
    from kpu_desk.gui import messages

    said = []
    monkeypatch.setattr(messages, "show_error", lambda parent, title, text: said.append(("error", title, text)))
    monkeypatch.setattr(messages, "show_info", lambda parent, title, text: said.append(("info", title, text)))
    monkeypatch.setattr(messages, "confirm", lambda parent, title, text, yes: said.append(("confirm", title, text)) or True)
    monkeypatch.setattr(messages, "confirm_default_no",
                        lambda parent, title, text, yes: said.append(("confirm", title, text)) or True)
    return said


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """A demo office (a few working days of cases) in a SQLite file, generated once."""
    from kpu_desk import office
    from kpu_desk.security import passwords
    from kpu_desk.store import close_database, open_database

    folder = tmp_path_factory.mktemp("demo")
    saved_env, saved_hasher = os.environ.get("KPU_DESK_DATA"), passwords._hasher
    os.environ["KPU_DESK_DATA"] = str(folder / "data")
    passwords._hasher = CHEAP_HASHER
    try:
        open_database(f"sqlite:///{(folder / 'demo.sqlite3').as_posix()}")
        office.load_demo(days=4)
    finally:
        close_database()
        passwords._hasher = saved_hasher
        if saved_env is None:
            os.environ.pop("KPU_DESK_DATA", None)
        else:
            os.environ["KPU_DESK_DATA"] = saved_env
    return folder / "demo.sqlite3"


@pytest.fixture
def demo_database(demo_template, tmp_path):
    """This test's own copy of the demo office, open and bound."""
    from kpu_desk.store import close_database, open_database

    target = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, target)
    db = open_database(f"sqlite:///{target.as_posix()}")
    yield db
    QThreadPool.globalInstance().waitForDone(10000)  # no worker may outlive the database
    close_database()


@pytest.fixture
def empty_database(database):
    yield database
    QThreadPool.globalInstance().waitForDone(10000)


@pytest.fixture
def open_main_window(qtbot):
    """Build the main window signed in as `username` (poll interval in ms), closed after the test."""
    from kpu_desk.accounts import find_user
    from kpu_desk.gui.main_window import MainWindow
    from kpu_desk.gui.session import Session

    windows = []

    def open_window(username: str, poll_ms: int = 60000) -> MainWindow:
        window = MainWindow(Session.of(find_user(username)), poll_ms=poll_ms)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.close()
    QThreadPool.globalInstance().waitForDone(10000)
