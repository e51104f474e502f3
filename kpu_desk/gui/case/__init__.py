"""The case window: a case on its bagan alur, the open step's form, its history and files.

    open_case_window(number, session, parent)   the hook kpu_desk.gui.case_opener looks for

Opening a case that is already open in a window of this session brings that
window forward instead of opening a second one (two windows on one case
would race each other).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kpu_desk.gui import messages
from kpu_desk.gui.case.window import CaseWindow
from kpu_desk.gui.operations import CORE_ERRORS
from kpu_desk.gui.session import Session
from kpu_desk.gui.widgets.field_errors import sentence

_open: dict[tuple[str, str], CaseWindow] = {}

__all__ = ["CaseWindow", "open_case_window"]


def open_case_window(number: str, session: Session, parent: QWidget | None = None) -> CaseWindow | None:
    key = (str(number).strip().upper(), session.username)
    window = _open.get(key)
    if window is not None:
        window.showNormal()
        window.raise_()
        window.activateWindow()
        return window
    try:
        window = CaseWindow(number, session, parent)
    except CORE_ERRORS as exc:
        messages.show_error(parent, QCoreApplication.translate("CaseWindow", "Kasus tidak dapat dibuka"),
                            sentence(str(exc)))
        return None
    _register(key, window, parent)
    window.show()
    return window


def _register(key: tuple[str, str], window: CaseWindow, parent: QWidget | None) -> None:
    _open[key] = window
    window.closed.connect(lambda: _forget(key, window))
    # Deleted with its parent (a main window closed), it never says "closed": forget it then too,
    # or the next opening of the case would bring forward a window that no longer exists.
    window.destroyed.connect(lambda *_: _forget(key, window))
    refresh = getattr(parent, "refresh_current", None)
    if callable(refresh):  # the main window: Tugas saya no longer lists a step just completed
        window.changed.connect(refresh)
    watcher = getattr(parent, "watcher", None)
    if watcher is not None:  # the main window's poll of the shared database
        watcher.changed.connect(window.changed_elsewhere)


def _forget(key: tuple[str, str], window: CaseWindow) -> None:
    if _open.get(key) is window:
        del _open[key]
