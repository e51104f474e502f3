"""What a tab of Pengaturan has: its form from ui/pages/, the session, and a reload."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui


class SettingsTab(QWidget):
    form = ""
    changed = Signal()  # this tab wrote something the other pages may show

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui(f"pages/{self.form}", self)
        self.session = session

    def title(self) -> str:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError
