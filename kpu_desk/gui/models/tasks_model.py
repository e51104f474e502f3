"""Tugas saya: the open steps in the user's lanes, the most urgent first."""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Iterable

from kpu_desk import sop_catalog
from kpu_desk.engine import Task, tasks_for_lanes
from kpu_desk.gui import wallclock
from kpu_desk.gui.formatting import short_datetime, time_left
from kpu_desk.gui.models.table_model import Column, RowTableModel


class TasksModel(RowTableModel):
    def __init__(self, parent=None, clock: Callable[[], datetime] = wallclock.now):
        super().__init__(parent)
        self._clock = clock
        self._now = clock()
        self._labels: dict[str, str] = {}
        self.set_columns([
            Column(self.tr("Sisa waktu"), lambda t: time_left(t.due_at, self._now), status=True),
            Column(self.tr("Batas waktu"), lambda t: short_datetime(t.due_at)),
            Column(self.tr("Nomor"), lambda t: t.case_number),
            Column(self.tr("Layanan"), lambda t: self._labels.get(t.sop_id, t.sop_id)),
            Column(self.tr("Langkah"), lambda t: f"{t.step_no}. {t.activity}"),
            Column(self.tr("Perihal"), lambda t: t.title),
            Column(self.tr("Mulai"), lambda t: short_datetime(t.started_at)),
        ])

    def load(self, lanes: Iterable[tuple[str, str]]) -> None:
        self._now = self._clock()
        self._labels = sop_catalog.labels()
        self.set_rows(tasks_for_lanes(lanes, now=self._now))

    def overdue_count(self) -> int:
        return sum(1 for task in self._rows if task.overdue)

    def task_at(self, row: int) -> Task | None:
        return self.row_at(row)
