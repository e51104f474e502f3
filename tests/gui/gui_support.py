"""Helpers for the GUI tests."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def when_modal(qtbot, kind, act, timeout_ms: int = 5000):
    """Run act(dialog) as soon as a modal dialog of class `kind` shows: for code that calls exec()."""
    deadline = time.monotonic() + timeout_ms / 1000

    def look():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
