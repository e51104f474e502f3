"""Cetak: the SOP document of the case's own SOP version, as a PDF, in the application's print preview.

Rendering takes a moment (reportlab lays out the bagan alur), so it runs off the
UI thread; the preview (kpu_desk.gui.printing) then prints it through the Qt print
dialog or saves it, on the paper chosen in Pengaturan → Printer.
"""

from __future__ import annotations

import io
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from kpu_desk.gui import printer_settings
from kpu_desk.gui.operations import Operation
from kpu_desk.gui.printing import PdfPreviewDialog
from kpu_desk.sop.model import Sop


def document_title(sop: Sop) -> str:
    return f"SOP {sop.header.number or sop.id} {sop.header.name} (versi {sop.version})".replace("  ", " ")


def _render(sop: Sop, paper: str) -> bytes:
    from kpu_desk.printing.sop_document import render_sop_document  # reportlab only when printing

    buffer = io.BytesIO()
    render_sop_document(sop, buffer, paper=paper)
    return buffer.getvalue()


class SopPrinter(QObject):
    opened = Signal(str)  # the preview is showing this document (its title)
    failed = Signal(str)

    def __init__(self, parent: QWidget, open_url: Callable | None = None,
                 make_preview: Callable[..., PdfPreviewDialog] = PdfPreviewDialog):
        super().__init__(parent)
        # open_url was the system viewer's door; the document now opens in the preview. Kept so the
        # case window's call stays as it is.
        self.make_preview = make_preview
        self.running: Operation | None = None
        self.preview: PdfPreviewDialog | None = None

    def print_sop(self, sop: Sop) -> Operation:
        paper = printer_settings.paper_for("sop")
        self.running = Operation(lambda progress: _render(sop, paper), self)
        self.running.succeeded.connect(lambda data: self._show(data, document_title(sop)))
        self.running.failed.connect(self.failed)
        self.running.start()
        return self.running

    def _show(self, data: bytes, title: str) -> None:
        self.preview = self.make_preview(data, title, "sop", self.parent())
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()
        self.opened.emit(title)
