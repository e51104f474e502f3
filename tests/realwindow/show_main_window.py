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
        app.quit()
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


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
