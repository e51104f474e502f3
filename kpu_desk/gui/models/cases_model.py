"""Layanan: every case of the office, loaded a page at a time as the list is scrolled.

An office keeps ten years of cases (about a hundred thousand); the view asks
for more rows through canFetchMore/fetchMore when it scrolls near the end, so
opening the list or changing a filter reads one page, never the whole table.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Callable

from PySide6.QtCore import QModelIndex, Signal

from kpu_desk import sop_catalog
from kpu_desk.engine import CaseSummary, list_cases
from kpu_desk.engine.sops import sop_of_version
from kpu_desk.gui import wallclock
from kpu_desk.gui.formatting import short_datetime, state_label
from kpu_desk.gui.models.table_model import Column, RowTableModel
from kpu_desk.sop.model import Sop

REFRESH_LIMIT = 2000  # a refresh re-reads at most this many rows; further ones load again on scrolling


@dataclass(frozen=True)
class CaseFilter:
    sop_id: str | None = None
    state: str | None = None
    overdue_only: bool = False
    search: str = ""
    started_from: date | None = None
    started_until: date | None = None  # included

    def query(self) -> dict:
        values = asdict(self)
        until = values.pop("started_until")
        values["overdue"] = True if values.pop("overdue_only") else None
        values["started_from"] = datetime.combine(self.started_from, time()) if self.started_from else None
        values["started_before"] = datetime.combine(until + timedelta(days=1), time()) if until else None
        values["search"] = self.search.strip() or None
        return values


class CasesModel(RowTableModel):
    loaded = Signal(int)  # how many rows the model holds now

    def __init__(self, parent=None, page_size: int = 200, clock: Callable[[], datetime] = wallclock.now):
        super().__init__(parent)
        self.page_size = page_size
        self._clock = clock
        self._filter = CaseFilter()
        self._more = False
        self._labels: dict[str, str] = {}
        self._sops: dict[tuple[str, int], Sop | None] = {}
        self.set_columns([
            Column(self.tr("Nomor"), lambda c: c.number),
            Column(self.tr("Layanan"), lambda c: self._labels.get(c.sop_id, c.sop_id)),
            Column(self.tr("Perihal"), lambda c: c.title),
            Column(self.tr("Status"), self._status, status=True),
            Column(self.tr("Langkah sekarang"), self._step),
            Column(self.tr("Batas waktu"), lambda c: short_datetime(c.due), tooltip=self._due_tooltip),
            Column(self.tr("Dimulai"), lambda c: short_datetime(c.started_at)),
        ])

    @property
    def filter(self) -> CaseFilter:
        return self._filter

    def set_filter(self, case_filter: CaseFilter) -> None:
        self._filter = case_filter
        self.reload()

    def reload(self, keep: int = 0) -> None:
        """Read the first page again (or as many rows as `keep`, so a refresh keeps the scroll position)."""
        self._labels = sop_catalog.labels()
        limit = max(self.page_size, min(keep, REFRESH_LIMIT))
        rows = self._fetch(0, limit)
        self._more = len(rows) == limit
        self.set_rows(rows)
        self.loaded.emit(len(self._rows))

    def refresh(self) -> None:
        self.reload(keep=len(self._rows))

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        page = self._fetch(len(self._rows), self.page_size)
        self._more = len(page) == self.page_size
        held = {case.number for case in self._rows[-self.page_size:]}
        page = [case for case in page if case.number not in held]  # a case added meanwhile shifts the pages
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.loaded.emit(len(self._rows))

    def has_more(self) -> bool:
        return self._more

    def _fetch(self, offset: int, limit: int) -> list[CaseSummary]:
        return list_cases(limit=limit, offset=offset, now=self._clock(), **self._filter.query())

    # --- cells ------------------------------------------------------------------------

    def _status(self, case: CaseSummary) -> str:
        label = state_label(case.state)
        return self.tr("{0}, terlambat").format(label) if case.overdue else label

    def _step(self, case: CaseSummary) -> str:
        if case.current_step is None or case.state in ("done", "cancelled"):
            return "—"
        sop = self._sop(case.sop_id, case.sop_version)
        try:
            return f"{case.current_step}. {sop.step(case.current_step).activity}" if sop else str(case.current_step)
        except KeyError:
            return str(case.current_step)

    def _due_tooltip(self, case: CaseSummary) -> str:
        return self.tr("Batas langkah: {0}\nBatas kasus: {1}").format(
            short_datetime(case.step_due), short_datetime(case.case_due))

    def _sop(self, sop_id: str, version: int) -> Sop | None:
        key = (sop_id, version)
        if key not in self._sops:
            self._sops[key] = sop_of_version(sop_id, version)
        return self._sops[key]
