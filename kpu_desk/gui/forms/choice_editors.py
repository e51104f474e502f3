"""Choices: a drop-down list for one option, a check box per option for several.

The list starts with nothing chosen, so a required choice is a decision the
clerk makes, not a default they forgot to change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QWidget

from kpu_desk.gui.forms.context import translate
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.sop.model import FormField

CHECKBOX_COLUMNS = 2
COMBO_MAX_WIDTH = 460  # a long row of empty list reads as a text box


class ComboEditor(FieldEditor):
    """A drop-down whose items carry the value the engine takes (the option, a username)."""

    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"field_{form_field.key}")
        self.combo.setPlaceholderText(translate("— pilih —"))
        self.combo.setMinimumContentsLength(18)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMaximumWidth(COMBO_MAX_WIDTH)
        self.row.addWidget(self.combo, 1)
        self.row.addStretch(0)
        for text, value in self.items():
            self.combo.addItem(text, value)
        self.combo.setCurrentIndex(-1)

    def items(self) -> list[tuple[str, str]]:
        return [(option, option) for option in self.field.options]

    def raw_value(self) -> Any:
        return self.combo.currentData() if self.combo.currentIndex() >= 0 else ""

    def set_raw_value(self, value: Any) -> None:
        if value in (None, ""):
            self.combo.setCurrentIndex(-1)
            return
        index = self.combo.findData(str(value))
        if index < 0:  # not (or no longer) a choice: show it as it was, the engine will say why
            self.combo.addItem(str(value), str(value))
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)

    def input_widget(self) -> QWidget:
        return self.combo


class ChoicesEditor(FieldEditor):
    """Several options may be ticked; the engine gets the ticked options as a list."""

    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.box = QWidget(self)
        self.box.setObjectName(f"field_{form_field.key}")
        grid = QGridLayout(self.box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: list[QCheckBox] = []
        for index, option in enumerate(form_field.options):
            check = QCheckBox(option, self.box)
            grid.addWidget(check, index // CHECKBOX_COLUMNS, index % CHECKBOX_COLUMNS)
            self.checks.append(check)
        self.box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        if self.checks:
            self.box.setFocusProxy(self.checks[0])
        self.row.addWidget(self.box, 1)

    def raw_value(self) -> Any:
        return [check.text() for check in self.checks if check.isChecked()]

    def set_raw_value(self, value: Any) -> None:
        chosen = set(value) if isinstance(value, (list, tuple, set)) else {str(value or "")}
        for check in self.checks:
            check.setChecked(check.text() in chosen)

    def input_widget(self) -> QWidget:
        return self.box

    def focus_widgets(self) -> list[QWidget]:
        return list(self.checks)

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        self.box.setAccessibleName(name)
        self.box.setAccessibleDescription(description)
        for check in self.checks:  # each box reads its own option, then the question
            check.setAccessibleName(f"{check.text()} — {name}")
