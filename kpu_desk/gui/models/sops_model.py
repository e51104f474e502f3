"""SOP: the registered SOPs with their versions, and the steps of the one selected."""

from __future__ import annotations

from kpu_desk.gui.models.table_model import CENTER, RIGHT, Column, RowTableModel
from kpu_desk.sop.model import Sop
from kpu_desk.sop_catalog import SopEntry, registered_sops


class SopsModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._in_use: set[str] = set()
        self.set_columns([
            Column(self.tr("Layanan"), lambda e: e.label),
            Column(self.tr("Nomor SOP"), lambda e: e.sop.header.number),
            Column(self.tr("Nama SOP"), lambda e: " ".join(e.sop.header.name.split())),
            Column(self.tr("Versi"), lambda e: e.sop.version, align=CENTER),
            Column(self.tr("Langkah"), lambda e: len(e.sop.steps), align=RIGHT),
            Column(self.tr("Pelaksana"), lambda e: len(e.sop.lanes), align=RIGHT),
            Column(self.tr("Dipakai"), lambda e: self.tr("Ya") if e.id in self._in_use else self.tr("Tidak"),
                   align=CENTER),
        ])

    def load(self, in_use: set[str]) -> None:
        self._in_use = set(in_use)
        self.set_rows(registered_sops())

    def entry_at(self, row: int) -> SopEntry | None:
        return self.row_at(row)


class StepsModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._sop: Sop | None = None
        self.set_columns([
            Column(self.tr("No"), lambda s: s.no, align=CENTER),
            Column(self.tr("Kegiatan"), lambda s: " ".join(s.activity.split())),
            Column(self.tr("Pelaksana"), self._lanes),
            Column(self.tr("Waktu"), lambda s: s.mutu_baku.waktu.as_written),
            Column(self.tr("Output"), lambda s: " ".join(s.mutu_baku.output.split()) or "—"),
        ])

    def load(self, sop: Sop | None) -> None:
        self._sop = sop
        self.set_rows(sop.steps if sop else [])

    def _lanes(self, step) -> str:
        names = {lane.id: lane.name for lane in self._sop.lanes} if self._sop else {}
        return ", ".join(names.get(lane, lane) for lane in step.lanes)
