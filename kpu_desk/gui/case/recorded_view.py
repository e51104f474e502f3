"""What one step run recorded, field by field, with who did it, when and which branch they took."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from kpu_desk.engine import HistoryEntry
from kpu_desk.engine.lifecycle import SKIP_REASON_KEY
from kpu_desk.gui.case.value_text import field_of, value_text
from kpu_desk.gui.formatting import short_datetime
from kpu_desk.sop.model import Sop


class RecordedView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordedView")
        self.entry: HistoryEntry | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setProperty("role", "summary")
        self.byline = QLabel(self)
        self.byline.setWordWrap(True)
        self.byline.setProperty("role", "hint")
        self.values = QFormLayout()
        self.values.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.values.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.heading)
        column.addWidget(self.byline)
        column.addLayout(self.values)
        column.addStretch(1)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.entry = None
        self._clear()
        self.heading.setText(self.tr("Pilih langkah pada riwayat atau bagan alur untuk melihat yang dicatat."))
        self.byline.clear()

    def show_entry(self, sop: Sop, entry: HistoryEntry) -> None:
        self.entry = entry
        self._clear()
        self.heading.setText(self.tr("Langkah {0}: {1}").format(entry.step_no, " ".join(entry.activity.split())))
        self.byline.setText(self._byline(entry))
        step = _step(sop, entry.step_no)
        for key, value in entry.form.items():
            if key == SKIP_REASON_KEY:
                self._add_row(self.tr("Alasan dilewati"), str(value))
                continue
            form_field = field_of(step, key) if step else None
            self._add_row(form_field.label if form_field else key, value_text(form_field, value))
        if entry.branch:
            self._add_row(self.tr("Pilihan keputusan"), entry.branch)
        if entry.state == "done" and not entry.form and not entry.branch:
            self._add_row(self.tr("Isian"), self.tr("(langkah ini tidak memiliki isian)"))

    def shown_values(self) -> dict[str, str]:
        """Label → value text as on screen (what tests and screen readers read)."""
        found = {}
        for row in range(self.values.rowCount()):
            label = self.values.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.values.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and field:
                found[label.widget().text().rstrip(":")] = field.widget().text()
        return found

    def _byline(self, entry: HistoryEntry) -> str:
        if entry.state == "open":
            return self.tr("Belum diselesaikan; batas waktu {0}.").format(short_datetime(entry.due_at))
        if entry.state == "cancelled":
            return self.tr("Dibatalkan bersama kasusnya.")
        if entry.state == "skipped":
            return self.tr("Dilewati pada {0}; tidak ada catatan langkah ini.").format(short_datetime(entry.completed_at))
        who = entry.completed_by_name or entry.completed_by or self.tr("(tanpa nama pengguna)")
        return self.tr("Diselesaikan oleh {0}, {1}.").format(who, short_datetime(entry.completed_at))

    def _add_row(self, label: str, text: str) -> None:
        value = QLabel(text, self)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values.addRow(QLabel(f"{label}:", self), value)

    def _clear(self) -> None:
        while self.values.rowCount():
            self.values.removeRow(0)


def _step(sop: Sop, step_no: int):
    try:
        return sop.step(step_no)
    except KeyError:
        return None
