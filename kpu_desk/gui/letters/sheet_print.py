"""Cetak lembar disposisi: the sheet as a PDF on this workstation's paper, shown in the preview first.

The paper is Pengaturan → Printer ("a4" or "half_folio"); the preview prints
through the Qt print dialog or saves a PDF. `preview_options` are handed to
PdfPreviewDialog (tests pass choose_path, printer, dialog).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kpu_desk.gui import printer_settings

if TYPE_CHECKING:
    from kpu_desk.accounts import User

# Pengaturan's paper names → the sheet renderer's.
SHEET_PAPER = {"a4": "a4", "half_folio": "half-folio"}


def sheet_pdf(disposition_id: int, reader: User, paper: str | None = None) -> bytes:
    from kpu_desk.letters.sheet import sheet_info  # reportlab only when printing
    from kpu_desk.printing.disposition_sheet import render_disposition_sheet

    chosen = SHEET_PAPER[paper or printer_settings.sheet_paper("disposisi")]
    buffer = io.BytesIO()
    render_disposition_sheet(sheet_info(disposition_id, reader), buffer, paper=chosen)
    return buffer.getvalue()


def sheet_title(disposition_id: int) -> str:
    return QCoreApplication.translate("DispositionDialog", "Lembar disposisi #{0}").format(disposition_id)


def preview_sheet(disposition_id: int, reader: User, parent: QWidget, **preview_options):
    """The lembar disposisi in the print preview (a PdfPreviewDialog, shown)."""
    from kpu_desk.gui.printing import PdfPreviewDialog  # Qt's printing only when printing

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        data = sheet_pdf(disposition_id, reader)
    finally:
        QApplication.restoreOverrideCursor()
    preview = PdfPreviewDialog(data, sheet_title(disposition_id), "disposisi", parent, **preview_options)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
