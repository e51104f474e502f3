"""The branches of a decision step, one radio button per label the SOP gives them.

Nothing is chosen at first: which way the case goes is the decision the step
records, so it is never a default.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from kpu_desk.sop.model import Sop, Step


class BranchChoice(QWidget):
    changed = Signal(str)

    def __init__(self, sop: Sop, step: Step, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("branchChoice")
        self.step = step
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        for branch in step.branches:
            button = QRadioButton(self._text(sop, branch), self)
            button.setObjectName(f"branch_{len(self.buttons)}")
            button.setAccessibleName(branch.label)
            button.setAccessibleDescription(self.tr("Pilihan keputusan langkah {0}").format(step.no))
            button.toggled.connect(lambda on, label=branch.label: on and self.changed.emit(label))
            self.group.addButton(button)
            self.buttons[branch.label] = button
            column.addWidget(button)
        self.error = QLabel(self)
        self.error.setObjectName("branchError")
        self.error.setWordWrap(True)
        self.error.setProperty("role", "error")
        self.error.hide()
        column.addWidget(self.error)

    def _text(self, sop: Sop, branch) -> str:
        target = sop.step(branch.next)
        return self.tr("{0}  → langkah {1}").format(branch.label, target.no)

    def selected(self) -> str | None:
        return next((label for label, button in self.buttons.items() if button.isChecked()), None)

    def choose(self, label: str) -> None:
        self.buttons[label].setChecked(True)

    def button(self, label: str) -> QRadioButton:
        return self.buttons[label]

    def focus_widgets(self) -> list[QRadioButton]:
        return list(self.buttons.values())

    def show_problem(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def set_read_only(self, read_only: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not read_only)
