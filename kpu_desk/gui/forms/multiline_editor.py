"""Several lines of text: Tab moves on (it does not type a tab), Ctrl+Enter submits the form."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from kpu_desk.gui.forms.context import translate
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.sop.model import FormField

VISIBLE_LINES = 3


class MultilineEditor(FieldEditor):
    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName(f"field_{form_field.key}")
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(translate("Ctrl+Enter untuk menyelesaikan"))
        line = self.edit.fontMetrics().lineSpacing()
        self.edit.setFixedHeight(line * VISIBLE_LINES + 14)
        self.row.addWidget(self.edit)

    def raw_value(self) -> Any:
        return self.edit.toPlainText()

    def set_raw_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def input_widget(self) -> QWidget:
        return self.edit

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.edit.setPlaceholderText("" if read_only else translate("Ctrl+Enter untuk menyelesaikan"))
