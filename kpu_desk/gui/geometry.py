"""Window sizes and positions, and table column widths, remembered between sessions (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget


def restore_window(widget: QWidget, key: str) -> bool:
    state = QSettings().value(f"geometry/{key}")
    return isinstance(state, QByteArray) and widget.restoreGeometry(state)


def save_window(widget: QWidget, key: str) -> None:
    QSettings().setValue(f"geometry/{key}", widget.saveGeometry())


def restore_columns(view: QAbstractItemView, key: str) -> bool:
    state = QSettings().value(f"columns/{key}")
    return isinstance(state, QByteArray) and _header(view).restoreState(state)


def save_columns(view: QAbstractItemView, key: str) -> None:
    QSettings().setValue(f"columns/{key}", _header(view).saveState())


def _header(view) -> QHeaderView:
    return view.horizontalHeader()
