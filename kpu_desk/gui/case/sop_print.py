"""Cetak: the SOP document of the case's own SOP version, as a PDF, opened in the system's viewer.

The guest pass and the lembar disposisi get their printers in later issues;
until then the SOP document is what a step "produces" on paper. Rendering
takes a moment (reportlab lays out the bagan alur), so it runs off the UI thread.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QUrl, Signal

from kpu_desk.gui.operations import Operation
from kpu_desk.sop.model import Sop


def pdf_path(sop: Sop) -> Path:
    name = re.sub(r"[^0-9A-Za-z]+", "-", f"SOP-{sop.header.number or sop.id}-v{sop.version}").strip("-")
    folder = Path(tempfile.mkdtemp(prefix="kpu-desk-cetak-"))
    return folder / f"{name}.pdf"


def _render(sop: Sop, target: Path) -> str:
    from kpu_desk.printing.sop_document import render_sop_document  # reportlab only when printing

    render_sop_document(sop, target)
    return str(target)


class SopPrinter(QObject):
    opened = Signal(str)  # the PDF's path
    failed = Signal(str)

    def __init__(self, parent: QObject, open_url: Callable[[QUrl], bool]):
        super().__init__(parent)
        self.open_url = open_url
        self.running: Operation | None = None

    def print_sop(self, sop: Sop) -> Operation:
        target = pdf_path(sop)
        self.running = Operation(lambda progress: _render(sop, target), self)
        self.running.succeeded.connect(self._open)
        self.running.failed.connect(self.failed)
        self.running.start()
        return self.running

    def _open(self, path: str) -> None:
        self.open_url(QUrl.fromLocalFile(path))
        self.opened.emit(path)
