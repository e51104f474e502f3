"""Run under a real X display: the main window and a case window as a clerk opens them; where they are.

    python show_case_window.py DB_URL SCREENSHOT

Prints "free X Y W H" (the screen without the task bar), then the frames of the main
window and of the case window, and where "Selesaikan langkah" is on the screen.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication

from kpu_desk.gui.app import configure
from kpu_desk.gui.main_window import MainWindow
from kpu_desk.gui.session import Session
from kpu_desk.store import models, open_database


def main(db_url: str, shot: str) -> int:
    app = QApplication(sys.argv)
    configure(app)
    open_database(db_url)
    window = MainWindow(Session.of(models.User.get(models.User.username == "admin")))
    window.show()
    _say("free", app.primaryScreen().availableGeometry())
    QTimer.singleShot(600, lambda: _open_case(app, window, shot))
    return app.exec()


def _open_case(app: QApplication, window: MainWindow, shot: str) -> None:
    _say("main", window.frameGeometry())
    case = models.Case.select().where(models.Case.state == "open").order_by(models.Case.id).first()
    window.open_case(case.number)

    def look() -> None:
        opened = window.open_windows[-1]
        _say("case", opened.frameGeometry())
        button = opened.completeButton
        _say("complete", QRect(button.mapToGlobal(button.rect().topLeft()), button.size()))
        app.primaryScreen().grabWindow(0).save(shot)
        app.quit()

    QTimer.singleShot(800, look)


def _say(name: str, rect: QRect) -> None:
    print(name, rect.x(), rect.y(), rect.width(), rect.height(), flush=True)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
