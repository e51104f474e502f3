"""Cetak tanda bukti: the receipt of an information request or a complaint (A5), in the print preview.

Opened from the case window ("Cetak tanda bukti"). A5 is half an A4 sheet: it goes to
the sheet printer ("sheet": any paper). `preview_options` are handed to PdfPreviewDialog.
"""

from __future__ import annotations

import io

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kpu_desk.sop.model import CaseKind, Sop

RECEIPT_KINDS = (CaseKind.PERMOHONAN_INFORMASI, CaseKind.PENGADUAN)


def has_receipt(sop: Sop) -> bool:
    return sop.case.kind in RECEIPT_KINDS


def receipt_pdf(case_number: str) -> bytes:
    from kpu_desk.letters.receipt_info import receipt_info  # reportlab only when printing
    from kpu_desk.printing.receipt import render_receipt

    buffer = io.BytesIO()
    render_receipt(receipt_info(case_number), buffer)
    return buffer.getvalue()


def preview_receipt(case_number: str, parent: QWidget, **preview_options):
    """The receipt in the print preview (a PdfPreviewDialog, shown).

    Raises the core's EngineError (e.g. not a request or complaint): the caller says so."""
    from kpu_desk.gui.printing import PdfPreviewDialog  # Qt's printing only when printing

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        data = receipt_pdf(case_number)
    finally:
        QApplication.restoreOverrideCursor()
    title = QCoreApplication.translate("CaseWindow", "Tanda bukti {0}").format(case_number)
    preview = PdfPreviewDialog(data, title, "sheet", parent, **preview_options)
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    preview.open()
    return preview
