"""Message boxes with Indonesian buttons (Qt ships no Indonesian translation of its own).

Every modal question the application asks goes through here, so tests replace
these functions and never block on a dialog.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text).exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, title, text).exec()


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def confirm_default_no(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """Like confirm, but Enter answers Batal: for a yes that costs something (a second pass printed)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(_tr("Batal"), QMessageBox.ButtonRole.RejectRole))
    box.exec()
    return box.clickedButton() is yes


def _box(parent, icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.addButton(_tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    return box
