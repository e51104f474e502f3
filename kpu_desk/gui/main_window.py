"""The main window: navigation on the left, one page at a time, the signed-in user on top.

What another workstation changes appears here without restarting: a
ChangeWatcher polls the shared database and the page on screen re-reads its
data; pages not on screen re-read when they are next shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QListWidgetItem, QMainWindow, QWidget

from kpu_desk import __version__, office
from kpu_desk.dbprobe import open_database_name
from kpu_desk.gui import case_opener, geometry, messages, operations, wallclock
from kpu_desk.gui.notification_button import NotificationButton
from kpu_desk.gui.pages.base import Page
from kpu_desk.gui.pages.cases import CasesPage
from kpu_desk.gui.pages.letters import LettersPage
from kpu_desk.gui.pages.reports import ReportsPage
from kpu_desk.gui.pages.settings import SettingsPage
from kpu_desk.gui.pages.sops import SopsPage
from kpu_desk.gui.pages.tasks import TasksPage
from kpu_desk.gui.pages.visitors import VisitorsPage
from kpu_desk.gui.session import Session
from kpu_desk.gui.signin import SignInDialog
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.watcher import ChangeWatcher

PAGES = (TasksPage, VisitorsPage, CasesPage, LettersPage, SopsPage, ReportsPage, SettingsPage)
LAST_PAGE_KEY = "main_window/page"
POLL_MS = 5000
DEFAULT_SIZE = QSize(1280, 720)  # shrunk to the screen by place_window


class MainWindow(QMainWindow):
    case_requested = Signal(str)
    session_changed = Signal(object)

    def __init__(self, session: Session, poll_ms: int = POLL_MS, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("main_window.ui", self)
        self.headerBar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.session = session
        self.signin_dialog: SignInDialog | None = None
        self.open_windows: list[QWidget] = []
        self.pages: dict[str, Page] = {}
        self._build_pages()
        self._build_status_bar()
        self.notices = NotificationButton(session.user.id, self)
        self.headerLayout.insertWidget(self.headerLayout.indexOf(self.userLabel), self.notices)
        self.watcher = ChangeWatcher(self, interval_ms=poll_ms)
        self._connect()
        self._apply_session()
        geometry.place_window(self, "main_window", DEFAULT_SIZE)
        self.show_page(str(QSettings().value(LAST_PAGE_KEY, PAGES[0].key)))
        self.watcher.start()

    # --- pages ------------------------------------------------------------------------------

    def page(self, key: str) -> Page:
        return self.pages[key]

    def current_page(self) -> Page:
        return self.pageStack.currentWidget()

    def show_page(self, key: str) -> Page:
        keys = list(self.pages)
        self.navigation.setCurrentRow(keys.index(key) if key in keys else 0)
        return self.current_page()

    def refresh_current(self) -> None:
        self.current_page().refresh()

    def show_dispositions(self, kind: str, case_number: str = "") -> None:
        """Surat & Disposisi on what a disposition's notification is about."""
        self.show_page("letters").show_notice(kind, case_number)

    def open_case(self, number: str) -> None:
        """The hook for the case window: see kpu_desk.gui.case_opener."""
        window = case_opener.open_case(number, self.session, self)
        if window is not None:
            self.open_windows = [w for w in self.open_windows if w.isVisible()] + [window]

    # --- users ------------------------------------------------------------------------------

    def switch_user(self) -> SignInDialog:
        """Another person signs in at this workstation; the window stays open."""
        self.signin_dialog = SignInDialog(self)
        self.signin_dialog.setWindowTitle(self.tr("Ganti pengguna — KPU Desk"))
        self.signin_dialog.accepted.connect(lambda: self.set_session(Session.of(self.signin_dialog.user)))
        self.signin_dialog.open()
        return self.signin_dialog

    def set_session(self, session: Session) -> None:
        for window in self.open_windows:
            window.close()  # what the previous user had open is theirs
        self.open_windows = []
        self.session = session
        self.notices.set_user(session.user.id)
        for page in self.pages.values():
            page.set_session(session)
        self._apply_session()
        self.show_page(PAGES[0].key)
        self.current_page().refresh()
        self.session_changed.emit(session)

    # --- closing ----------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802
        self.watcher.stop()
        geometry.save_window(self, "main_window")
        QSettings().setValue(LAST_PAGE_KEY, self.current_page().key)
        for page in self.pages.values():
            page.save_state()
        operations.cancel_all()
        super().closeEvent(event)

    # --- building ---------------------------------------------------------------------------

    def _build_pages(self) -> None:
        for page_class in PAGES:
            page = page_class(self.session, self)
            self.pageStack.addWidget(page)
            self.navigation.addItem(QListWidgetItem(page.title()))
            page.case_requested.connect(self.case_requested)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 15000))
            page.data_changed.connect(self._own_change)
            self.pages[page.key] = page

    def _build_status_bar(self) -> None:
        self.databaseLabel = QLabel(self)
        self.syncLabel = QLabel(self)
        self.statusBar().addPermanentWidget(self.databaseLabel)
        self.statusBar().addPermanentWidget(self.syncLabel)
        name = open_database_name()
        self.databaseLabel.setText(self.tr("Basis data: {0}").format(name) if name else "")

    def _connect(self) -> None:
        self.navigation.currentRowChanged.connect(self.pageStack.setCurrentIndex)
        self.case_requested.connect(self.open_case)
        self.actionRefresh.triggered.connect(self.refresh_current)
        self.actionSwitchUser.triggered.connect(self.switch_user)
        self.actionQuit.triggered.connect(self.close)
        self.actionAbout.triggered.connect(self._about)
        self.watcher.changed.connect(self._changed_elsewhere)
        self.watcher.polled.connect(self._polled)
        self.watcher.problem.connect(self._poll_problem)
        self.notices.case_requested.connect(self.open_case)
        self.notices.letters_requested.connect(self.show_dispositions)
        self.notices.arrived.connect(lambda text: self.statusBar().showMessage(text, 30000))

    def _apply_session(self) -> None:
        profile = office.load_office()
        self.officeLabel.setText(profile.name or "KPU Desk")
        self.setWindowTitle(self.tr("KPU Desk — {0}").format(profile.name) if profile.name else "KPU Desk")
        logo = office.logo_path(profile)
        pixmap = QPixmap(str(logo)) if logo else QPixmap()
        self.logoLabel.setVisible(not pixmap.isNull())
        if not pixmap.isNull():
            self.logoLabel.setPixmap(pixmap.scaled(36, 36, Qt.AspectRatioMode.KeepAspectRatio,
                                                   Qt.TransformationMode.SmoothTransformation))
        self.userLabel.setText(self.tr("{0} · {1}").format(self.session.name, self.session.role_text))

    # --- changes ----------------------------------------------------------------------------

    def _changed_elsewhere(self) -> None:
        current = self.current_page()
        for page in self.pages.values():
            if page is not current:
                page.mark_stale()
        current.refresh_in_place()

    def _own_change(self) -> None:
        self._apply_session()  # the office's name or logo may be what changed
        for page in self.pages.values():
            if page is not self.current_page():
                page.mark_stale()
        self.watcher.note_own_change()
        self.notices.refresh()

    def _polled(self) -> None:
        self.notices.refresh()
        self.syncLabel.setText(self.tr("Diperbarui {0}").format(f"{wallclock.now():%H.%M.%S}"))

    def _poll_problem(self, text: str) -> None:
        self.syncLabel.setText(self.tr("Tidak tersambung ke basis data: {0}").format(text))

    def _about(self) -> None:
        messages.show_info(self, self.tr("Tentang KPU Desk"), self.tr(
            "KPU Desk {0}\nSOP sekretariat KPU Kabupaten/Kota yang dapat dijalankan: "
            "layanan tamu, permohonan informasi, pengaduan, surat dan disposisi.").format(__version__))
