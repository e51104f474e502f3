"""Pengaturan → Pelaksana SOP: each lane of one SOP, in the SOP's words, with who acts in it."""

from __future__ import annotations

from dataclasses import dataclass

from kpu_desk.accounts import LaneActors, lane_assignments
from kpu_desk.gui.models.table_model import Column, RowTableModel
from kpu_desk.roles import ROLE_LABELS
from kpu_desk.sop.model import Lane, Sop


@dataclass(frozen=True)
class LaneRow:
    lane: Lane
    actors: LaneActors

    @property
    def unassigned(self) -> bool:
        return self.actors.empty


class LanesModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Pelaksana menurut SOP"), lambda r: r.lane.name),
            Column(self.tr("Peran"), lambda r: ", ".join(_short(x) for x in sorted(r.actors.roles)) or "—",
                   tooltip=lambda r: ", ".join(ROLE_LABELS.get(x, x) for x in sorted(r.actors.roles))),
            Column(self.tr("Pengguna tertentu"), lambda r: ", ".join(sorted(r.actors.users)) or "—"),
        ])

    def load(self, sop: Sop | None) -> None:
        mapping = lane_assignments(sop.id) if sop else {}
        rows = [LaneRow(lane, mapping.get(lane.id, LaneActors())) for lane in (sop.lanes if sop else ())]
        self.set_rows(rows)

    def lane_at(self, row: int) -> LaneRow | None:
        return self.row_at(row)


def _short(role: str) -> str:
    """"Resepsionis (Jagat Saksana/Front Office/Help Desk)" → "Resepsionis": the table cell is narrow."""
    return ROLE_LABELS.get(role, role).split(" (")[0]
