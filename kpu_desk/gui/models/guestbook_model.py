"""Buku tamu: every visit of the office, a page at a time, newest first.

The first page of a new search is read off the UI thread (a search through ten years of guests
without a date range reads every visit: up to a few seconds); further pages come through
canFetchMore/fetchMore as the list is scrolled, also in the background, each starting after the
last row held (keyset, kpu_desk.guestbook.search_visits), so page fifty costs what page one costs.
NIK and telephone come as the signed-in user's roles may see them (kpu_desk.privacy).
"""

from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QModelIndex, Signal

from kpu_desk.guestbook import PAGE_SIZE, GuestbookQuery, GuestRow, search_visits
from kpu_desk.gui.formatting import clock, short_datetime
from kpu_desk.gui.models.table_model import RIGHT, Column, RowTableModel
from kpu_desk.gui.operations import Operation


class GuestbookModel(RowTableModel):
    loaded = Signal(int)  # how many rows the model holds now
    failed = Signal(str)
    loading = Signal(bool)

    def __init__(self, roles: Iterable[str], parent=None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.roles = frozenset(roles)
        self.page_size = page_size
        self._query = GuestbookQuery()
        self._more = False
        self._generation = 0
        self._fetching: Operation | None = None
        self.set_columns([
            Column(self.tr("Masuk"), lambda v: short_datetime(v.checked_in_at)),
            Column(self.tr("Keluar"), self._out),
            Column(self.tr("Nomor pass"), lambda v: v.pass_number),
            Column(self.tr("Nama tamu"), lambda v: v.name),
            Column(self.tr("Lembaga/instansi"), lambda v: v.institution or v.origin or "—"),
            Column(self.tr("Jml"), lambda v: v.group_size, align=RIGHT),
            Column(self.tr("NIK"), lambda v: v.nik or "—"),
            Column(self.tr("Telepon"), lambda v: v.phone or "—"),
            Column(self.tr("Bertemu dengan"), lambda v: v.host or "—"),
            Column(self.tr("Keperluan"), lambda v: v.purpose or "—"),
        ])

    @property
    def query(self) -> GuestbookQuery:
        return self._query

    def search(self, query: GuestbookQuery) -> Operation:
        """Read the first page for the query in the background; rows of an older search are dropped."""
        self._query = query
        self._generation += 1
        generation = self._generation
        roles, size = self.roles, self.page_size
        operation = Operation(lambda progress: search_visits(query, roles, limit=size), self)
        operation.succeeded.connect(lambda rows: self._first_page(generation, rows))
        operation.failed.connect(lambda text: self._failed(generation, text))
        self.loading.emit(True)
        return operation.start()

    def load_now(self, query: GuestbookQuery) -> None:
        """The same, on this thread (for a small office, and for tests)."""
        self._query = query
        self._generation += 1
        self._first_page(self._generation, search_visits(query, self.roles, limit=self.page_size))

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more and self._fetching is None

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        """The next page, read in the background (a rare search term may read far before it fills a page)."""
        if parent.isValid() or not self._more or not self._rows or self._fetching is not None:
            return
        query, roles, size, after = self._query, self.roles, self.page_size, self._rows[-1].key
        generation = self._generation
        self._fetching = Operation(lambda progress: search_visits(query, roles, limit=size, after=after), self)
        self._fetching.succeeded.connect(lambda page: self._next_page(generation, page))
        self._fetching.failed.connect(lambda text: self._failed(generation, text))
        self._fetching.finished.connect(self._fetched)
        self._fetching.start()

    def _next_page(self, generation: int, page: list[GuestRow]) -> None:
        if generation != self._generation:
            return
        self._more = len(page) == self.page_size
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        self.loaded.emit(len(self._rows))

    def _fetched(self) -> None:
        self._fetching = None

    def has_more(self) -> bool:
        return self._more

    def _first_page(self, generation: int, rows: list[GuestRow]) -> None:
        if generation != self._generation:
            return
        self._more = len(rows) == self.page_size
        self.set_rows(rows)
        self.loading.emit(False)
        self.loaded.emit(len(rows))

    def _failed(self, generation: int, text: str) -> None:
        if generation == self._generation:
            self.loading.emit(False)
            self.failed.emit(text)

    def _out(self, visit: GuestRow) -> str:
        if visit.inside:
            return self.tr("masih di gedung")
        same_day = visit.checked_out_at.date() == visit.checked_in_at.date()
        return clock(visit.checked_out_at) if same_day else short_datetime(visit.checked_out_at)
