"""Choosing the office's logo image, the same way in the setup wizard and in Pengaturan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kpu_desk.gui.file_dialogs import ask_open_file


def ask_logo_file(parent: QWidget) -> str | None:
    """The image the user picked, or None when they cancelled."""
    tr = QCoreApplication.translate
    return ask_open_file(parent, tr("LogoFile", "Pilih logo kantor"), tr("LogoFile", "Gambar (*.png *.jpg *.jpeg)"))
