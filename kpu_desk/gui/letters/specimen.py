"""Showing a stored signature specimen in a label."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel

SPECIMEN_HEIGHT = 60


def show_specimen(label: QLabel, path: Path | None, missing: str) -> bool:
    """The specimen's picture in `label`, or the `missing` text; True when a picture is shown."""
    pixmap = QPixmap(str(path)) if path is not None else QPixmap()
    if pixmap.isNull():
        label.setPixmap(QPixmap())
        label.setText(missing)
        return False
    label.setPixmap(pixmap.scaledToHeight(SPECIMEN_HEIGHT, Qt.TransformationMode.SmoothTransformation))
    return True
