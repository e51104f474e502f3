"""One-line text editors: plain text, NIK, telephone and e-mail.

The NIK and telephone fields refuse letters as they are typed (a validator,
not a mask, so a number pasted with spaces or dashes still goes in); whether
the number is a possible NIK or phone number is the engine's to say.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from kpu_desk.contact import EMAIL_EXAMPLE
from kpu_desk.gui.forms.context import translate
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.sop.model import FormField

NIK_INPUT = r"[0-9 .\-]{0,22}"  # 16 digits, with the spaces and dots people copy with them
PHONE_INPUT = r"[0-9 +().\-/]{0,24}"
EMAIL_MAX = 120
SHORT_TEXT = 40  # up to this many characters, a field is drawn about as wide as its text


class LineEditor(FieldEditor):
    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"field_{form_field.key}")
        self.row.addWidget(self.edit)
        self.setup()

    def setup(self) -> None:
        if self.field.max_length:
            self.edit.setMaxLength(self.field.max_length)
            if self.field.max_length <= SHORT_TEXT:
                self.fit_width(self.field.max_length + 4)

    def raw_value(self) -> Any:
        return self.edit.text()

    def set_raw_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))

    def input_widget(self) -> QWidget:
        return self.edit

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def fit_width(self, characters: int) -> None:
        """A short value gets a short box: the width says how much is expected."""
        self.edit.setMaximumWidth(self.edit.fontMetrics().averageCharWidth() * characters + 24)
        self.row.addStretch(1)

    def allow(self, pattern: str) -> None:
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.edit))


class NikEditor(LineEditor):
    def setup(self) -> None:
        self.allow(NIK_INPUT)
        self.fit_width(26)
        self.edit.setPlaceholderText(translate("16 angka sesuai KTP"))


class PhoneEditor(LineEditor):
    def setup(self) -> None:
        self.allow(PHONE_INPUT)
        self.fit_width(24)
        self.edit.setPlaceholderText(translate("mis. 0812-3456-7890"))


class EmailEditor(LineEditor):
    def setup(self) -> None:
        self.edit.setMaxLength(EMAIL_MAX)
        self.edit.setPlaceholderText(translate("mis. {0}").format(EMAIL_EXAMPLE))
