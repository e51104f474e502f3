"""The "Diteruskan kepada" checklist: the office's positions, then the people (active users with a jabatan)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from kpu_desk.letters import addressable_people, positions

KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # "position" or "user"
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2  # the position's name, or the username


class RecipientChecklist(QStandardItemModel):
    def __init__(self, parent=None, leave_out: str = ""):
        super().__init__(parent)
        for name in positions():
            self._add(name, "position", name)
        for person in addressable_people():
            if person.username != leave_out:
                self._add(f"{person.name} — {person.jabatan}", "user", person.username)

    def _add(self, text: str, kind: str, value: str) -> None:
        item = QStandardItem(text)
        item.setCheckable(True)
        item.setEditable(False)
        item.setData(kind, KIND_ROLE)
        item.setData(value, VALUE_ROLE)
        item.setToolTip(self.tr("Jabatan pada lembar disposisi") if kind == "position" else
                        self.tr("Orang; diberi tahu di aplikasi"))
        self.appendRow(item)

    def checked(self, kind: str) -> list[str]:
        return [self.item(r).data(VALUE_ROLE) for r in range(self.rowCount())
                if self.item(r).data(KIND_ROLE) == kind and self.item(r).checkState() == Qt.CheckState.Checked]

    def check(self, kind: str, values, on: bool = True) -> None:
        wanted = set(values)
        for r in range(self.rowCount()):
            item = self.item(r)
            if item.data(KIND_ROLE) == kind and item.data(VALUE_ROLE) in wanted:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
