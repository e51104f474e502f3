"""One field on a form: its label (with * when required), the editor, the SOP's help, the error line."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kpu_desk.gui.forms.context import translate
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.sop.model import FormField

REQUIRED_MARK = '<span style="color:#a11a12">*</span>'


class FieldBlock(QWidget):
    def __init__(self, editor: FieldEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        form_field = editor.field
        self.label = QLabel(label_html(form_field), self)
        self.label.setObjectName(f"label_{form_field.key}")
        self.label.setWordWrap(True)
        self.label.setBuddy(editor.input_widget())
        self.hint = QLabel(form_field.help, self)
        self.hint.setWordWrap(True)
        self.hint.setProperty("role", "hint")
        self.hint.setVisible(bool(form_field.help))
        self.error = QLabel(self)
        self.error.setObjectName(f"error_{form_field.key}")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._lay_out()
        editor.describe(form_field.label, description(form_field, editor))

    def _lay_out(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        for widget in (self.label, self.editor, self.hint, self.error):
            column.addWidget(widget)


def label_html(form_field: FormField) -> str:
    text = html.escape(form_field.label)
    return f"{text} {REQUIRED_MARK}" if form_field.required else text


def description(form_field: FormField, editor: FieldEditor) -> str:
    """What a screen reader says after the label: required or not, the SOP's help, the format."""
    parts = [translate("Wajib diisi.") if form_field.required else translate("Boleh dikosongkan.")]
    if form_field.help:
        parts.append(form_field.help.rstrip(".") + ".")
    placeholder = getattr(getattr(editor, "edit", None), "placeholderText", lambda: "")()
    if placeholder:
        parts.append(placeholder[:1].upper() + placeholder[1:] + ".")
    return " ".join(parts)
