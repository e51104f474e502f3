"""Printing documents (PDFs) in the application: preview, the Qt print dialog, the remembered printers.

    from kpu_desk.gui.printing import print_pdf, PdfPreviewDialog, confirm_reprint

print_pdf and friends live in printing.py, the preview in preview_dialog.py, and
pypdfium2's rendering (on screen and onto a QPrinter) in pdf_render.py.
"""

from kpu_desk.gui.printing.printing import (KINDS, PrintResult, PrintStatus, confirm_reprint, offer_preview,
                                            print_pdf, save_pdf)
from kpu_desk.gui.printing.preview_dialog import PdfPreviewDialog

__all__ = ["KINDS", "PdfPreviewDialog", "PrintResult", "PrintStatus", "confirm_reprint", "offer_preview",
           "print_pdf", "save_pdf"]
