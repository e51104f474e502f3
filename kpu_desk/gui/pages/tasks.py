"""Tugas saya: the open steps whose lane is the user's, due first, overdue marked."""

from __future__ import annotations

from kpu_desk import sop_catalog
from kpu_desk.gui.models.tasks_model import TasksModel
from kpu_desk.gui.pages.base import Page, prepare_table


class TasksPage(Page):
    key = "tasks"
    form = "tasks.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = TasksModel(self)
        self.tasksView.setModel(self.model)
        prepare_table(self.tasksView, "tasks/tasksView", {0: 168, 1: 105, 2: 125, 3: 168, 5: 200, 6: 105}, stretch=4)
        self.tasksView.activated.connect(lambda index: self._open(index.row()))  # double-click or Enter
        self.openButton.clicked.connect(lambda: self._open(self.tasksView.currentIndex().row()))

    def title(self) -> str:
        return self.tr("Tugas saya")

    def reload(self) -> None:
        lanes = self.session.lanes()
        self.model.load(lanes)
        self._describe_lanes(lanes)
        self._summarize()

    def _open(self, row: int) -> None:
        task = self.model.task_at(row)
        if task is not None:
            self.case_requested.emit(task.case_number)

    def _summarize(self) -> None:
        count, late = self.model.rowCount(), self.model.overdue_count()
        self.summaryLabel.setText(self.tr("{0} langkah menunggu Anda, {1} terlambat").format(count, late)
                                  if count else "")
        self.openButton.setEnabled(count > 0)
        if count:
            self.tasksView.selectRow(0)
        self.emptyLabel.setVisible(count == 0)
        self.tasksView.setVisible(count > 0)
        self.emptyLabel.setText(self.tr("Tidak ada langkah yang menunggu di pelaksana Anda saat ini."))

    def _describe_lanes(self, lanes: set[tuple[str, str]]) -> None:
        if not lanes:
            self.lanesLabel.setText(self.tr(
                "Akun Anda belum dipetakan ke pelaksana SOP mana pun. Administrator memetakannya di "
                "Pengaturan → Pelaksana SOP."))
            return
        entries = {entry.id: entry for entry in sop_catalog.registered_sops()}
        names = []
        for sop_id, lane_id in sorted(lanes):
            entry = entries.get(sop_id)
            if entry is None:
                continue
            lane = next((lane.name for lane in entry.sop.lanes if lane.id == lane_id), lane_id)
            names.append(f"{lane} ({entry.label})")
        self.lanesLabel.setText(self.tr("Pelaksana Anda: {0}").format("; ".join(names)))
