"""Enter submits a step form from any field; Ctrl+Enter from a multi-line one, where Enter is a new line.

A push button that has the focus is clicked by Enter instead: a clerk who
tabbed to "Pilih berkas…" and pressed Enter wants the file, not the form sent
without it. An open drop-down list keeps Enter for choosing its item.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QComboBox, QPlainTextEdit, QRadioButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SubmitOnEnter(QObject):
    triggered = Signal()

    def watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or event.key() not in ENTER_KEYS:
            return False
        return self._handle(watched, event.modifiers())

    def _handle(self, watched: QObject, modifiers) -> bool:
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if isinstance(watched, QPlainTextEdit) and not ctrl:
            return False  # a new line in the text
        if isinstance(watched, QComboBox) and watched.view().isVisible():
            return False
        if isinstance(watched, QAbstractButton) and not isinstance(watched, (QCheckBox, QRadioButton)) and not ctrl:
            watched.click()
            return True
        self.triggered.emit()
        return True
