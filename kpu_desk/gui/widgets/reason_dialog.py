"""Asking for the written reason that cancelling, reopening, holding or extending a case needs.

The dialog is opened with open(), never exec(): the window goes on painting,
and a test fills it like a clerk. The action runs when Simpan is pressed; if
the engine refuses (the case changed meanwhile), its message shows in the
dialog and the reason stays as typed.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk.gui.operations import CORE_ERRORS
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import sentence


class ReasonDialog(QDialog):
    def __init__(self, title: str, heading: str, explanation: str, ok_text: str,
                 action: Callable[[str], object], parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("reason_dialog.ui", self)
        self.setWindowTitle(title)
        self.headingLabel.setText(heading)
        self.explanationLabel.setText(explanation)
        self.explanationLabel.setVisible(bool(explanation))
        self.okButton.setText(ok_text)
        self.action = action
        self.result_value: object = None
        self.errorLabel.hide()
        self.okButton.clicked.connect(self.save)
        self.cancelButton.clicked.connect(self.reject)
        self.reasonEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason(self) -> str:
        return " ".join(self.reasonEdit.toPlainText().split())

    def save(self) -> None:
        if not self.reason():
            self._problem(self.tr("Alasan wajib diisi."))
            return
        try:
            self.result_value = self.action(self.reason())
        except CORE_ERRORS as exc:
            self._problem(sentence(str(exc)))
            return
        self.accept()

    def _problem(self, text: str) -> None:
        self.errorLabel.setText(text)
        self.errorLabel.show()
        self.reasonEdit.setProperty("invalid", True)
        self.reasonEdit.style().unpolish(self.reasonEdit)
        self.reasonEdit.style().polish(self.reasonEdit)
        self.reasonEdit.setFocus()
