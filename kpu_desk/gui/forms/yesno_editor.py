"""Yes or no: Ya/Tidak buttons when the SOP requires an answer, one check box when it is optional.

A required answer has no default: an unticked box would record "tidak" for a
clerk who simply skipped the question.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QRadioButton, QWidget

from kpu_desk.gui.forms.context import translate
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.sop.model import FormField


class YesNoCheckEditor(FieldEditor):
    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.check = QCheckBox(translate("Ya"), self)
        self.check.setObjectName(f"field_{form_field.key}")
        self.row.addWidget(self.check)
        self.row.addStretch(1)

    def raw_value(self) -> Any:
        return self.check.isChecked()

    def set_raw_value(self, value: Any) -> None:
        self.check.setChecked(_truthy(value))

    def input_widget(self) -> QWidget:
        return self.check


class YesNoRadioEditor(FieldEditor):
    def __init__(self, form_field: FormField, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        # The pair sits in a box of its own: a missing answer marks both buttons, not the whole row.
        self.box = QWidget(self)
        self.box.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        pair = QHBoxLayout(self.box)
        pair.setContentsMargins(4, 2, 4, 2)
        self.yes = QRadioButton(translate("Ya"), self.box)
        self.no = QRadioButton(translate("Tidak"), self.box)
        self.yes.setObjectName(f"field_{form_field.key}")
        self.no.setObjectName(f"field_{form_field.key}_tidak")
        self.group = QButtonGroup(self)
        for button in (self.yes, self.no):
            self.group.addButton(button)
            pair.addWidget(button)
        self.box.setFocusProxy(self.yes)
        self.row.addWidget(self.box)
        self.row.addStretch(1)

    def raw_value(self) -> Any:
        if self.yes.isChecked():
            return True
        return False if self.no.isChecked() else None

    def set_raw_value(self, value: Any) -> None:
        if value in (None, ""):
            self.group.setExclusive(False)  # an exclusive group cannot be emptied
            self.yes.setChecked(False)
            self.no.setChecked(False)
            self.group.setExclusive(True)
            return
        (self.yes if _truthy(value) else self.no).setChecked(True)

    def input_widget(self) -> QWidget:
        return self.box

    def focus_widgets(self) -> list[QWidget]:
        return [self.yes, self.no]

    def describe(self, name: str, description: str) -> None:
        super().describe(name, description)
        self.box.setAccessibleName(name)
        self.box.setAccessibleDescription(description)
        self.yes.setAccessibleName(f"{translate('Ya')} — {name}")
        self.no.setAccessibleName(f"{translate('Tidak')} — {name}")


def _truthy(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().casefold() in {"ya", "iya", "y", "yes", "true", "1", "benar"}
