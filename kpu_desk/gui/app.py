"""Starting the desktop application: Qt set up, the database opened, setup or sign-in, the main window.

    kpu-desk                 (no subcommand) runs main(args.db)
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from kpu_desk import office
from kpu_desk.gui import workstation
from kpu_desk.gui.daily_backup import DailyBackupScheduler
from kpu_desk.gui.database_problem import DamageWatch, DatabaseProblemDialog
from kpu_desk.gui.main_window import MainWindow
from kpu_desk.gui.session import Session
from kpu_desk.gui.setup_wizard import SetupWizard
from kpu_desk.gui.signin import SignInDialog
from kpu_desk.gui.visitors.closing_warning import ClosingWarning
from kpu_desk.gui.visitors.retention_run import start_retention
from kpu_desk.paths import resources_dir, ui_dir
from kpu_desk.store import StoreError, close_database, dbguard, health, open_database

ORGANIZATION = "KPU Desk"
APPLICATION = "KPU Desk"
INDONESIAN = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)


def main(db_url: str | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    configure(app)
    dbguard.guard()  # for as long as the window runs, only SQLite opens the database's files
    window = Launcher(db_url).start()
    if window is None:
        close_database()
        return 0
    try:
        return app.exec()
    finally:
        close_database()


def configure(app: QCoreApplication) -> None:
    """Names for QSettings, Indonesian dates and Qt's own texts where a translation exists, the style."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    QLocale.setDefault(INDONESIAN)
    _install_qt_translation(app)
    if isinstance(app, QApplication):
        _legible_font(app)
    style = ui_dir() / "style.qss"
    if style.is_file() and isinstance(app, QApplication):
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    icon = resources_dir() / "icons" / "kpu-desk.png"
    if icon.is_file() and isinstance(app, QApplication):
        app.setWindowIcon(QIcon(str(icon)))  # title bars and the task bar


def _legible_font(app: QApplication, points: int = 10) -> None:
    """At least 10 points: clerks read these lists all day. Set on the application, not in the
    style sheet, so every widget measures its text with the font it draws it in."""
    font = QFont(app.font())
    if font.pointSize() < points:
        font.setPointSize(points)
        app.setFont(font)


def _install_qt_translation(app: QCoreApplication) -> None:
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(INDONESIAN, "qtbase", "_", folder):
        app.installTranslator(translator)


class Launcher:
    """The steps before the main window; each may end the start (the user closed a dialog)."""

    def __init__(self, db_url: str | None = None):
        self.url = db_url or workstation.saved_database_url()
        self.window: MainWindow | None = None

    def start(self) -> MainWindow | None:
        if not self.open_database():
            return None
        first = office.is_first_start()
        if not first:
            self._update_office_sops()
        session = self.first_start() if first else self.sign_in()
        if session is None:
            return None
        self.window = MainWindow(session)
        self.window.damage_watch = DamageWatch(self.window).start()  # the file's check runs in the background
        self.window.daily_backup = DailyBackupScheduler(self.window).start()  # SQLite: today's copy, then on a timer
        self._start_front_desk_duties(session)
        self.window.show()
        return self.window

    @staticmethod
    def _update_office_sops() -> None:
        """An update of KPU Desk may bring new versions of the office's SOPs; tried again next start."""
        try:
            office.update_office_sops()
        except StoreError:
            if not health.problem():
                raise
            # a damaged file takes no writes: DamageWatch says so once the window is up

    def _start_front_desk_duties(self, session: Session) -> None:
        """Visitor data past its retention period anonymised in the background; the closing-time warning."""
        start_retention(self.window, actor=session.username)
        self.window.closing_warning = ClosingWarning(session, self.window)
        self.window.session_changed.connect(lambda changed: setattr(self.window.closing_warning, "session", changed))
        self.window.closing_warning.start()

    def open_database(self) -> bool:
        """Open the database, or ask for another until one opens or the user quits."""
        asked = False
        while True:
            try:
                open_database(self.url, writes_wait=False)  # the window is not held up by the file check
            except StoreError as exc:
                dialog = DatabaseProblemDialog(str(exc), self.url)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return False
                self.url, asked = dialog.chosen_url(), True
                continue
            if asked:
                workstation.save_database_url(self.url)  # what worked is what this computer uses next time
            return True

    def first_start(self) -> Session | None:
        wizard = SetupWizard()
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        if wizard.admin is not None:
            return Session.of(wizard.admin)  # who just chose the password need not type it again
        return self.sign_in()

    def sign_in(self) -> Session | None:
        dialog = SignInDialog()
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            return None
        return Session.of(dialog.user)
