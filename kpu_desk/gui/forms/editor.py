"""The common shape of every field editor: a value for the engine, what was typed shown again, focus.

An editor hands the engine text (or a list, a bool, an attachment id) exactly
as the clerk gave it; converting and judging it is validate_form's job. So a
wrong value stays on screen as typed, next to the engine's message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kpu_desk.sop.model import FormField


class FieldEditor(QWidget):
    problem = Signal(str)  # something went wrong inside the editor (a file could not be stored)

    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(parent)
        self.field = form_field
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(6)

    def raw_value(self) -> Any:
        raise NotImplementedError

    def set_raw_value(self, value: Any) -> None:
        raise NotImplementedError

    def input_widget(self) -> QWidget:
        """The widget that is marked invalid, described for screen readers and focused first."""
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        """Every widget the Tab key stops at, in order."""
        return [self.input_widget()]

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.focus_widgets():
            widget.setEnabled(not read_only)

    def describe(self, name: str, description: str) -> None:
        for widget in self.focus_widgets():
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(description)
