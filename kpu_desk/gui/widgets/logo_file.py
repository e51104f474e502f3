"""Choosing the office's logo image, the same way in the setup wizard and in Pengaturan."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def ask_logo_file(parent: QWidget) -> str | None:
    """The image the user picked, or None when they cancelled."""
    tr = QCoreApplication.translate
    path, _filter = QFileDialog.getOpenFileName(parent, tr("LogoFile", "Pilih logo kantor"), "",
                                                tr("LogoFile", "Gambar (*.png *.jpg *.jpeg)"))
    return path or None
