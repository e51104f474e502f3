"""Run under a real X display: sign a user in, show the main window on each page, screenshot it.

    python show_main_window.py DB_URL USERNAME OUT_DIR

Prints the Qt platform name and one line per screenshot, so the test can check
that a real window system (xcb), not the offscreen platform, was used.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kpu_desk.gui.app import configure
from kpu_desk.gui.main_window import PAGES, MainWindow
from kpu_desk.gui.session import Session
from kpu_desk.store import models, open_database


def main(db_url: str, username: str, out_dir: str) -> int:
    app = QApplication(sys.argv)
    configure(app)
    open_database(db_url)
    window = MainWindow(Session.of(models.User.get(models.User.username == username)))
    window.resize(1366, 768)
    window.move(0, 0)
    window.show()
    print(f"platform {app.platformName()}", flush=True)
    keys = [page.key for page in PAGES]
    QTimer.singleShot(800, lambda: _shoot(app, window, keys, Path(out_dir)))
    return app.exec()


def _shoot(app: QApplication, window: MainWindow, keys: list[str], out: Path) -> None:
    if not keys:
        _front_desk(app, window, out)
        return
    key = keys[0]
    window.show_page(key)
    app.processEvents()

    def grab() -> None:
        path = out / f"{key}.png"
        # The screen, not the widget: this is what the X server really shows.
        app.primaryScreen().grabWindow(0).save(str(path))
        print(f"shot {path}", flush=True)
        _shoot(app, window, keys[1:], out)

    QTimer.singleShot(400, grab)


def _front_desk(app: QApplication, window: MainWindow, out: Path) -> None:
    """Meja Tamu at work: the Tamu baru dialog half typed, then a scanned pass with its KTP tray."""
    page = window.show_page("visitors")
    dialog = page.open_check_in()
    dialog.nameEdit.setText("Qorina Testadi")
    dialog.institutionEdit.setText("Dinas Komunikasi dan Informatika")
    dialog.numberEdit.setText("3313014508900001")
    dialog.purposeEdit.setText("Koordinasi data pemilih pemula")

    def after_dialog() -> None:
        dialog.reject()
        visit = models.Visit.select().where(models.Visit.checked_out_at.is_null()).first()
        if visit is not None:
            page.scan(visit.pass_number)
        QTimer.singleShot(300, lambda: _grab(app, out / "visitors-scan.png", lambda: _desk_windows(app, page, out)))

    QTimer.singleShot(400, lambda: _grab(app, out / "visitors-checkin.png", after_dialog))


def _desk_windows(app: QApplication, page, out: Path) -> None:
    """The buku tamu and the building windows, each over Meja Tamu."""
    book = page.open_guest_book()
    book.move(60, 60)

    def building() -> None:
        book.close()
        panel = page.open_building()
        panel.move(60, 60)
        QTimer.singleShot(600, lambda: _grab(app, out / "visitors-building.png", app.quit))

    QTimer.singleShot(900, lambda: _grab(app, out / "visitors-guestbook.png", building))


def _grab(app: QApplication, path: Path, then) -> None:
    app.primaryScreen().grabWindow(0).save(str(path))
    print(f"shot {path}", flush=True)
    then()


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
