"""Printing a guest pass from the front desk: straight to the pass printer, asking before a reprint.

The size comes from this workstation's settings (Pengaturan → Printer). A printer
that is gone is said plainly and the preview offered; the visit is saved already,
so nothing is lost. `options` are print_pdf's test seams (printer, dialog, save_path).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kpu_desk.gui import printer_settings
from kpu_desk.gui.printing import PrintResult, PrintStatus, confirm_reprint, offer_preview, print_pdf
from kpu_desk.visits import guest_pass_pdf, mark_printed, printed_at

# Settings name the label roll "label62"; the pass renderer calls it "62mm".
_RENDER_SIZE = {"cr80": "cr80", "label62": "62mm"}


def print_pass(case_number: str, parent: QWidget | None, *, ask: bool = False, **options: Any) -> PrintResult:
    pdf = guest_pass_pdf(case_number, _RENDER_SIZE[printer_settings.pass_size()])
    title = QCoreApplication.translate("PassPrinting", "Pass tamu {0}").format(case_number)
    result = print_pdf(pdf, "pass", parent, ask=ask, title=title, **options)
    if result.done:
        mark_printed(case_number)
    elif result.problem:
        preview = offer_preview(result, pdf, "pass", parent, title)
        if preview is not None:  # printed on another printer from the preview: printed all the same
            preview.printed.connect(lambda outcome: outcome.done and mark_printed(case_number))
    return result


def reprint_pass(case_number: str, parent: QWidget | None, **options: Any) -> PrintResult:
    """Print again, through the print dialog, after asking when the pass was printed before."""
    earlier = printed_at(case_number)
    if earlier is not None and not confirm_reprint(parent, earlier):
        return PrintResult(PrintStatus.CANCELLED)
    return print_pass(case_number, parent, ask=True, **options)
