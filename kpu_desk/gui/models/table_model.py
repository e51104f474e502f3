"""A read-only table model over a list of rows, with overdue rows marked.

Each model names its columns once (title, how to read the value, alignment).
Overdue rows get a warning colour *and* a warning icon with the word
"terlambat" in their status column, so the mark survives a greyscale printout
and a colour-blind reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_BACKGROUND = QColor("#fde4e1")
OVERDUE_TEXT = QColor("#8a1c12")
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], Any]
    align: Qt.AlignmentFlag = LEFT
    status: bool = False  # the column that carries the overdue icon
    tooltip: Callable[[Any], str] | None = None


class RowTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._columns: list[Column] = []
        self._rows: list[Any] = []

    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self.endResetModel()

    # --- rows -----------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, index: QModelIndex | int) -> Any:
        row = index if isinstance(index, int) else index.row()
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def is_overdue(self, row: Any) -> bool:
        return bool(getattr(row, "overdue", False))

    def is_emphasised(self, row: Any) -> bool:
        return False

    # --- QAbstractTableModel ----------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole:  # a number's title sits over the number
            return int(self._columns[section].align.value)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        reader = _ROLE_READERS.get(role)
        return getattr(self, reader)(row, column) if reader else None

    def _display(self, row, column: Column):
        value = column.value(row)
        return "" if value is None else str(value)

    def _tooltip(self, row, column: Column):
        return column.tooltip(row) if column.tooltip else self._display(row, column)

    def _background(self, row, column):
        return QBrush(OVERDUE_BACKGROUND) if self.is_overdue(row) else None

    def _foreground(self, row, column):
        return QBrush(OVERDUE_TEXT) if self.is_overdue(row) else None

    def _decoration(self, row, column: Column):
        if column.status and self.is_overdue(row):
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def _alignment(self, row, column: Column):
        return int(column.align.value)

    def _row(self, row, column: Column):
        return row

    def _font(self, row, column: Column):
        if (column.status and self.is_overdue(row)) or self.is_emphasised(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


_ROLE_READERS = {  # role → the method that answers it; subclasses may override any of them
    Qt.ItemDataRole.DisplayRole: "_display",
    Qt.ItemDataRole.ToolTipRole: "_tooltip",
    Qt.ItemDataRole.BackgroundRole: "_background",
    Qt.ItemDataRole.ForegroundRole: "_foreground",
    Qt.ItemDataRole.DecorationRole: "_decoration",
    Qt.ItemDataRole.FontRole: "_font",
    Qt.ItemDataRole.TextAlignmentRole: "_alignment",
    ROW_ROLE: "_row",
}
