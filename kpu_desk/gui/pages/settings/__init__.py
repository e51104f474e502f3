"""Pengaturan: office data for everyone to read; users, lanes and holidays for the administrator."""

from __future__ import annotations

from kpu_desk.gui.pages.base import Page
from kpu_desk.gui.pages.settings.database_tab import DatabaseTab
from kpu_desk.gui.pages.settings.holidays_tab import HolidaysTab
from kpu_desk.gui.pages.settings.lanes_tab import LanesTab
from kpu_desk.gui.pages.settings.office_tab import OfficeTab
from kpu_desk.gui.pages.settings.printers_tab import PrintersTab
from kpu_desk.gui.pages.settings.tab import SettingsTab
from kpu_desk.gui.pages.settings.users_tab import UsersTab

ADMIN_TABS = (OfficeTab, UsersTab, LanesTab, HolidaysTab, DatabaseTab, PrintersTab)
EVERYONE_TABS = (OfficeTab, DatabaseTab, PrintersTab)  # each workstation sets its own printers


class SettingsPage(Page):
    key = "settings"
    form = "settings.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.tab_widgets: dict[str, SettingsTab] = {}
        self._build_tabs()
        self.tabs.currentChanged.connect(lambda _index: self._reload_current())

    def title(self) -> str:
        return self.tr("Pengaturan")

    def set_session(self, session) -> None:
        super().set_session(session)
        self._build_tabs()

    def tab(self, name: str) -> SettingsTab | None:
        return self.tab_widgets.get(name)

    def show_tab(self, name: str) -> SettingsTab:
        tab = self.tab_widgets[name]
        self.tabs.setCurrentWidget(tab)
        return tab

    def reload(self) -> None:
        self._reload_current()

    def refresh_in_place(self) -> None:
        """Not while the administrator may be typing: a change elsewhere waits for F5 or the next visit."""
        self.mark_stale()

    def _reload_current(self) -> None:
        current = self.tabs.currentWidget()
        if current is not None:
            current.reload()

    def _build_tabs(self) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self.tab_widgets = {}
        for tab_class in ADMIN_TABS if self.session.is_admin else EVERYONE_TABS:
            tab = tab_class(self.session, self)
            tab.changed.connect(self.data_changed)
            self.tabs.addTab(tab, tab.title())
            self.tab_widgets[tab_class.__name__.removesuffix("Tab").lower()] = tab
        self.tabs.blockSignals(False)
