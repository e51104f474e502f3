"""Printing a document (a PDF) the way the application does it everywhere.

    result = print_pdf(pdf, "pass", parent, ask=False)   # Save at the front desk: straight to the pass printer
    if result.problem:                                    # no printer: say so, nothing is lost
        offer_preview(result, pdf, "pass", parent)
    print_pdf(pdf, "disposisi", parent)                   # through the Qt print dialog
    if visit.printed_at and not confirm_reprint(parent, visit.printed_at): ...

kind is "pass", "disposisi", "sop" or "sheet": it picks the remembered printer
(Pengaturan → Printer) and, after a print through the dialog, what is remembered.
A printer setting of "" means "save as PDF": the document is written to a file.
Nothing here changes the database; a failed print never loses what was saved.

For tests: `printer` is the QPrinter to print on (a PDF file), `dialog` a factory
called with (printer, parent) returning an object with exec() (as QPrintDialog),
`save_path` the file a "save as PDF" writes without asking.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from kpu_desk.gui import messages, printer_settings
from kpu_desk.gui.file_dialogs import ask_save_file
from kpu_desk.gui.printing.pdf_render import MM_PER_POINT, PdfError, PdfSource, first_page_size, match_paper
from kpu_desk.gui.printing.pdf_render import paint_pdf, pdf_bytes
from kpu_desk.indodate import format_indonesian_date
from kpu_desk.output_files import unwritable_reason, write_output_bytes

KINDS = printer_settings.KINDS
DialogFactory = Callable[[QPrinter, QWidget | None], QDialog]


def _tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


class PrintStatus(enum.Enum):
    PRINTED = "printed"                  # sent to a printer
    SAVED = "saved"                      # written as a PDF file (the "save as PDF" setting)
    CANCELLED = "cancelled"              # the user closed the print or file dialog
    PRINTER_MISSING = "printer_missing"  # the remembered printer is not on this computer now
    FAILED = "failed"                    # the printer or the file could not be written


@dataclass(frozen=True)
class PrintResult:
    status: PrintStatus
    printer: str = ""   # the printer's name ("" when saved as a PDF)
    path: str = ""      # the PDF file written, when saved
    pages: int = 0
    message: str = ""   # for the user (Bahasa Indonesia) when there is a problem

    @property
    def done(self) -> bool:
        return self.status in (PrintStatus.PRINTED, PrintStatus.SAVED)

    @property
    def problem(self) -> bool:
        return self.status in (PrintStatus.PRINTER_MISSING, PrintStatus.FAILED)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"jenis dokumen '{kind}' tidak dikenal; pilih: {', '.join(KINDS)}")


# -- the one entry point ------------------------------------------------------------------------


def print_pdf(pdf: PdfSource, kind: str, parent: QWidget | None = None, *, ask: bool = True, title: str = "",
              printer: QPrinter | None = None, dialog: DialogFactory | None = None,
              save_path: str | os.PathLike | None = None) -> PrintResult:
    """Print the PDF: through the print dialog (ask=True), or straight to this kind's printer.

    The dialog opens on this kind's remembered printer (when it is connected) and on the PDF's own
    paper (the document was made on the remembered paper); what the user picks there is remembered.
    Never raises for a printer problem: the result says what happened and, for a problem, carries
    the message to show (offer_preview shows it and offers the print dialog instead). Raises
    ValueError for an unknown kind and PdfError for bytes that are not a PDF.
    """
    _check_kind(kind)
    data = pdf_bytes(pdf)
    if ask:
        return _print_with_dialog(data, kind, parent, title, printer, dialog)
    return _print_direct(data, kind, parent, title, printer, save_path)


def _print_with_dialog(data: bytes, kind: str, parent, title: str, printer: QPrinter | None,
                       dialog: DialogFactory | None) -> PrintResult:
    printer = printer or _printer_named(_installed(printer_settings.printer_for(kind)))
    printer.setDocName(title or _tr("Dokumen KPU Desk"))
    match_paper(printer, *first_page_size(data))  # the dialog opens on the document's paper
    chooser = (dialog or QPrintDialog)(printer, parent)
    chooser.setWindowTitle(_tr("Cetak {0}").format(title) if title else _tr("Cetak"))
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return PrintResult(PrintStatus.CANCELLED)
    result = _paint(printer, data, kind, match=False)
    if result.done:
        remember_choice(kind, printer)
    return result


def _print_direct(data: bytes, kind: str, parent, title: str, printer: QPrinter | None,
                  save_path) -> PrintResult:
    name = printer_settings.printer_for(kind)
    if name == printer_settings.PDF:
        return save_pdf(data, parent, title, path=save_path)
    if name not in printer_settings.installed_printers():
        return PrintResult(PrintStatus.PRINTER_MISSING, printer=name, message=missing_printer_text(name, kind))
    printer = printer or _printer_named(name)
    printer.setDocName(title or _tr("Dokumen KPU Desk"))
    return _paint(printer, data, kind, match=True)


def _paint(printer: QPrinter, data: bytes, kind: str, match: bool) -> PrintResult:
    name = chosen_printer(printer)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a long document takes a few seconds
    try:
        pages = paint_pdf(printer, data, match=match)
    except PdfError as exc:
        text = _tr("Dokumen tidak dapat dicetak: {0} {1}").format(exc, kept_text(kind))
        return PrintResult(PrintStatus.FAILED, printer=name, message=text)
    finally:
        QApplication.restoreOverrideCursor()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return PrintResult(PrintStatus.PRINTED, printer=name, path=printer.outputFileName(), pages=pages)
    return PrintResult(PrintStatus.PRINTED, printer=name, pages=pages)


def _printer_named(name: str) -> QPrinter:
    """A printer at high resolution: the named one, or the system's default when name is ""."""
    if name:
        return QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def _installed(name: str) -> str:
    return name if name and name in printer_settings.installed_printers() else ""


# -- what is remembered -------------------------------------------------------------------------------


def chosen_printer(printer: QPrinter) -> str:
    """The printer's name as the settings keep it: "" (save as PDF) for output to a file."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return printer_settings.PDF
    return printer.printerName()


def remember_choice(kind: str, printer: QPrinter) -> None:
    """After a print through the dialog: this kind's printer, and its paper when it is one of the kind's."""
    size = printer.pageLayout().fullRectPoints()
    paper = printer_settings.paper_matching(kind, size.width() * MM_PER_POINT, size.height() * MM_PER_POINT)
    printer_settings.remember(kind, chosen_printer(printer), paper)


# -- saving as a PDF --------------------------------------------------------------------------------------


def save_pdf(pdf: PdfSource, parent: QWidget | None = None, title: str = "", *,
             path: str | os.PathLike | None = None) -> PrintResult:
    """Write the PDF to a file: `path`, or one the user picks (cancelled when they do not)."""
    target = str(path) if path is not None else ask_save_path(parent, title)
    if not target:
        return PrintResult(PrintStatus.CANCELLED)
    try:
        write_output_bytes(target, pdf_bytes(pdf))
    except OSError as exc:
        text = _tr("Berkas '{0}' tidak dapat ditulis: {1}").format(target, unwritable_reason(exc))
        return PrintResult(PrintStatus.FAILED, path=target, message=text)
    return PrintResult(PrintStatus.SAVED, path=target)


def ask_save_path(parent: QWidget | None, title: str) -> str:
    suggested = _file_name(title)
    return ask_save_file(parent, _tr("Simpan PDF"), suggested, _tr("Dokumen PDF (*.pdf)"), suffix=".pdf") or ""


def _file_name(title: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in " -_" else "-" for c in (title or "dokumen")).strip()
    return f"{cleaned or 'dokumen'}.pdf"


# -- what the user is told and asked ------------------------------------------------------------------


def kept_text(kind: str) -> str:
    """The sentence saying nothing is lost, for this kind of document."""
    return {
        "pass": _tr("Kunjungan sudah tersimpan; cetak ulang dari Meja Tamu setelah printer tersambung, "
                    "atau pilih printer lain di Pengaturan → Printer."),
        "disposisi": _tr("Disposisi sudah tersimpan; cetak ulang setelah printer tersambung, "
                         "atau pilih printer lain di Pengaturan → Printer."),
    }.get(kind, _tr("Tidak ada data yang hilang; cetak ulang setelah printer tersambung, "
                    "atau pilih printer lain di Pengaturan → Printer."))


def missing_printer_text(name: str, kind: str) -> str:
    return _tr("Printer '{0}' tidak ditemukan di komputer ini.").format(name) + " " + kept_text(kind)


def offer_preview(result: PrintResult, pdf: PdfSource, kind: str, parent: QWidget | None = None,
                  title: str = ""):
    """Tell the user why nothing was printed and offer the preview, where another printer can be chosen.

    Returns the preview dialog when it was opened (it is shown with open(), not exec()'d), else None;
    its `printed` signal tells the caller when the document was printed from there after all.
    """
    if not result.problem:
        return None
    if not messages.confirm(parent, _tr("Tidak dapat mencetak"), result.message, _tr("Pilih printer lain…")):
        return None
    from kpu_desk.gui.printing.preview_dialog import PdfPreviewDialog

    preview = PdfPreviewDialog(pdf, title, kind, parent)
    preview.open()
    return preview


def reprint_text(printed_at: datetime) -> str:
    return _tr("Pass ini sudah dicetak pada {0} pukul {1}. Cetak lagi?").format(
        format_indonesian_date(printed_at.date()), f"{printed_at:%H.%M}")


def confirm_reprint(parent: QWidget | None, printed_at: datetime) -> bool:
    """Ask before a pass is printed a second time; Enter (the default) answers no."""
    return messages.confirm_default_no(parent, _tr("Cetak ulang pass"), reprint_text(printed_at),
                                       _tr("Cetak lagi"))

