"""Di gedung: who is in the building now, whose KTP is still at the desk, and the evacuation list.

    BuildingDialog(session, parent).open()      # the panel in its own non-modal window
    BuildingPanel(session, parent)              # the panel alone, to place in a page

"Cetak daftar evakuasi" writes the PDF in the background (write_evacuation_pdf, no Qt) and opens
it in the application's print preview, where it is printed or saved. `show_pdf` (a callable taking
the PDF's path) replaces the preview, e.g. in tests.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from kpu_desk.building import Occupancy, in_building
from kpu_desk.guestbook import GuestRow
from kpu_desk.gui import geometry, wallclock
from kpu_desk.gui.formatting import clock, short_datetime
from kpu_desk.gui.models.table_model import RIGHT, Column, RowTableModel
from kpu_desk.gui.operations import Operation
from kpu_desk.gui.pages.base import prepare_table
from kpu_desk.gui.session import Session


def write_evacuation_pdf(target: str | Path | None = None, now: datetime | None = None) -> Path:
    """The evacuation list of this moment as a PDF file (a new temporary file unless a target is given)."""
    from kpu_desk.office import load_office
    from kpu_desk.output_files import write_output
    from kpu_desk.printing.evacuation_list import render_evacuation_list

    now = now or wallclock.now()
    if target is None:
        folder = Path(tempfile.mkdtemp(prefix="kpu-desk-cetak-"))
        target = folder / f"daftar-evakuasi-{now:%Y%m%d-%H%M}.pdf"
    occupancy, office_name = in_building(now), load_office().name
    write_output(target, lambda stream: render_evacuation_list(occupancy, stream, office_name))
    return Path(target)


class OccupancyModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Masuk"), self._in),
            Column(self.tr("Nama"), lambda v: v.name),
            Column(self.tr("Lembaga/instansi"), lambda v: v.institution or v.origin or "—"),
            Column(self.tr("Menemui"), lambda v: v.host or "—"),
            Column(self.tr("Orang"), lambda v: v.group_size, align=RIGHT),
            Column(self.tr("KTP"), self._ktp),
            Column(self.tr("Nomor pass"), lambda v: v.pass_number),
        ])

    def is_emphasised(self, row: GuestRow) -> bool:
        return row.checked_in_at.date() < wallclock.today()  # an earlier day: a forgotten check-out?

    def _in(self, visit: GuestRow) -> str:
        today = visit.checked_in_at.date() == wallclock.today()
        return clock(visit.checked_in_at) if today else short_datetime(visit.checked_in_at)

    def _ktp(self, visit: GuestRow) -> str:
        if not visit.ktp_held:
            return "—"
        return self.tr("baki {0}").format(visit.ktp_tray) if visit.ktp_tray else self.tr("di meja")


class BuildingPanel(QWidget):
    pdf_ready = Signal(str)  # the evacuation list's path
    failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None,
                 show_pdf: Callable[[str], object] | None = None):
        super().__init__(parent)
        self.session = session
        self.show_pdf = show_pdf or self._preview
        self.occupancy: Occupancy | None = None
        self.printing: Operation | None = None
        self.model = OccupancyModel(self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.summaryLabel = QLabel(self)
        self.summaryLabel.setProperty("role", "heading")
        self.summaryLabel.setWordWrap(True)
        layout.addWidget(self.summaryLabel)
        self.table = QTableView(self)
        self.table.setObjectName("buildingView")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Tamu di gedung"))
        prepare_table(self.table, "visitors/buildingView", {0: 115, 1: 180, 2: 170, 3: 150, 4: 60, 5: 90, 6: 130}, stretch=2)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.messageLabel = QLabel(self)
        self.messageLabel.setWordWrap(True)
        self.refreshButton = QPushButton(self.tr("&Muat ulang"), self)
        self.printButton = QPushButton(self.tr("&Cetak daftar evakuasi"), self)
        self.printButton.setProperty("role", "primary")
        self.refreshButton.clicked.connect(self.refresh)
        self.printButton.clicked.connect(self.print_evacuation_list)
        buttons.addWidget(self.messageLabel, 1)
        buttons.addWidget(self.refreshButton)
        buttons.addWidget(self.printButton)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        self.occupancy = in_building(wallclock.now(), self.session.roles)
        self.model.set_rows(self.occupancy.rows)
        self.summaryLabel.setText(self.summary_text(self.occupancy))

    def summary_text(self, occupancy: Occupancy) -> str:
        if not occupancy.rows:
            return self.tr("Tidak ada tamu di gedung.")
        earlier = sum(1 for row in occupancy.rows if row.checked_in_at.date() < occupancy.at.date())
        text = self.tr("{0} orang di gedung ({1} kunjungan) · {2} KTP masih dititipkan").format(
            occupancy.people, occupancy.visits, len(occupancy.ktp_held))
        if earlier:
            text += self.tr(" · {0} dari hari sebelumnya belum tercatat keluar (cetak tebal)").format(earlier)
        return text

    def print_evacuation_list(self) -> Operation:
        """Write the list (off the UI thread) and show it; pdf_ready carries the path."""
        self.printButton.setEnabled(False)
        self.messageLabel.setText(self.tr("Menyiapkan daftar evakuasi…"))
        self.printing = Operation(lambda progress: str(write_evacuation_pdf()), self)
        self.printing.succeeded.connect(self._printed)
        self.printing.failed.connect(self._failed)
        self.printing.finished.connect(lambda: self.printButton.setEnabled(True))
        return self.printing.start()

    def _printed(self, path: str) -> None:
        self.messageLabel.setText(self.tr("Daftar evakuasi: {0}").format(path))
        self.refresh()
        self.show_pdf(path)
        self.pdf_ready.emit(path)

    def _preview(self, path: str):
        from kpu_desk.gui.printing import PdfPreviewDialog

        preview = PdfPreviewDialog(path, self.tr("Daftar evakuasi"), "sheet", self)
        preview.open()
        return preview

    def _failed(self, text: str) -> None:
        self.messageLabel.setText(self.tr("Daftar evakuasi tidak dapat dibuat: {0}").format(text))
        self.failed.emit(text)


class BuildingDialog(QDialog):
    """The panel in a window of its own; non-modal, so a scan at the desk still reaches Meja Tamu."""

    def __init__(self, session: Session, parent: QWidget | None = None,
                 show_pdf: Callable[[str], object] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tamu di gedung dan daftar evakuasi"))
        self.setModal(False)
        self.resize(1000, 540)
        self.panel = BuildingPanel(session, self, show_pdf)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)
        close = QPushButton(self.tr("&Tutup"), self)
        close.clicked.connect(self.close)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        row.setContentsMargins(9, 0, 9, 9)
        layout.addLayout(row)
        geometry.fit_on_screen(self)

    def open(self) -> None:  # noqa: A003 - QDialog.open() would make the window modal
        """Show without blocking Meja Tamu: the scanner keeps working while the list is open."""
        self.show()
        self.raise_()
