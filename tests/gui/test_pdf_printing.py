"""Printing PDFs through Qt (kpu_desk.gui.printing): the pass 1:1 with a QR that still reads, the sheets on
their paper, the remembered printer and paper, a missing printer said plainly, the reprint question.

Every print goes to a QPrinter writing a PDF file, read back with pypdfium2 and zxing-cpp.
"""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pypdfium2
import pytest
import zxingcpp
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from gui.gui_support import when_modal
from kpu_desk.gui import messages, printer_settings
from kpu_desk.gui.printing import PdfPreviewDialog, PrintStatus, confirm_reprint, offer_preview, print_pdf
from kpu_desk.gui.printing import printing
from kpu_desk.printing.guest_pass import render_guest_pass
from kpu_desk.visits import PassInfo

PT_PER_MM = 72 / 25.4
TOKEN = "Q7fK2pXw9ZtR.4c1d9e"
PASS_SIZES_MM = {"cr80": (85.6, 54.0), "62mm": (62.0, 100.0)}
REAL_CONFIRM_DEFAULT_NO = messages.confirm_default_no  # the GUI tests' conftest answers it; two tests ask for real


def guest_pass(size: str = "cr80") -> bytes:
    day = datetime(2026, 11, 23, 9, 5)
    info = PassInfo(office_name="KPU Kabupaten Karanganyar", guest_name="Budi Santoso",
                    institution="Universitas Sebelas Maret", host="Sekretaris", purpose="Audiensi",
                    pass_number="P-0042", case_number="TM-2026-00042", checked_in_at=day,
                    valid_until=day + timedelta(hours=8), token=TOKEN)
    buffer = io.BytesIO()
    render_guest_pass(info, buffer, size)
    return buffer.getvalue()


def sheet(width_mm: float, height_mm: float, pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width_mm * mm, height_mm * mm))
    for number in range(1, pages + 1):
        canvas.drawString(20 * mm, height_mm * mm - 20 * mm, f"LEMBAR DISPOSISI halaman {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(path))
    return printer


class NamedPrinter(QPrinter):
    """A printer as the print dialog leaves it after the clerk chose `name`; it writes a PDF file all the same."""

    def __init__(self, path, name: str):
        super().__init__(QPrinter.PrinterMode.HighResolution)
        self.setOutputFileName(str(path))
        self._name = name

    def printerName(self):  # noqa: N802 (Qt's name)
        return self._name

    def outputFormat(self):  # noqa: N802
        return QPrinter.OutputFormat.NativeFormat


class FakePrintDialog:
    """Stands in for QPrintDialog: records what it was opened on, lets the 'user' change it, then answers."""

    opened: list[dict] = []

    def __init__(self, printer, parent, choose=None, accept=True):
        self.printer, self.parent, self.choose, self.accept = printer, parent, choose, accept
        self.title = ""

    def setWindowTitle(self, title):  # noqa: N802
        self.title = title

    def exec(self):
        layout = self.printer.pageLayout()
        size = layout.fullRectPoints()
        FakePrintDialog.opened.append({"title": self.title, "width": size.width(), "height": size.height()})
        if self.choose:
            self.choose(self.printer)
        return QDialog.DialogCode.Accepted if self.accept else QDialog.DialogCode.Rejected


def dialog(choose=None, accept=True):
    FakePrintDialog.opened = []
    return lambda printer, parent: FakePrintDialog(printer, parent, choose, accept)


@pytest.fixture
def installed(monkeypatch):
    """The printers this 'computer' has: a list the test fills."""
    names: list[str] = []
    monkeypatch.setattr(printer_settings, "installed_printers", lambda: list(names))
    return names


def read_back(path):
    document = pypdfium2.PdfDocument(str(path))
    return document, [document[i].get_size() for i in range(len(document))]


def qr_codes(page, dpi):
    found = zxingcpp.read_barcodes(page.render(scale=dpi / 72).to_pil())
    return [code for code in found if code.format == zxingcpp.BarcodeFormat.QRCode]


def qr_side_mm(code, dpi) -> float:
    position = code.position
    return abs(position.top_right.x - position.top_left.x) / dpi * 25.4


# -- the guest pass ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ["cr80", "62mm"])
def test_the_pass_prints_at_its_own_size_and_its_qr_reads_at_150_and_300_dpi(qtbot, tmp_path, installed, size):
    installed.append("Brother QL-800")
    printer_settings.save(pass_printer="Brother QL-800")
    data = guest_pass(size)
    result = print_pdf(data, "pass", None, ask=False, title="Pass tamu P-0042",
                       printer=pdf_printer(tmp_path / "pass.pdf"))
    assert result.status is PrintStatus.PRINTED and result.pages == 1 and result.done and not result.problem
    document, sizes = read_back(tmp_path / "pass.pdf")
    width_mm, height_mm = PASS_SIZES_MM[size]
    assert len(sizes) == 1
    assert sizes[0][0] == pytest.approx(width_mm * PT_PER_MM, abs=1)
    assert sizes[0][1] == pytest.approx(height_mm * PT_PER_MM, abs=1)
    original = pypdfium2.PdfDocument(data)
    for dpi in (150, 300):
        codes = qr_codes(document[0], dpi)
        assert [code.text for code in codes] == [TOKEN], f"{dpi} dpi"
    # 1:1: the printed QR code is as large, and where it was, on the card (not stretched, not cropped)
    printed, source = qr_codes(document[0], 300)[0], qr_codes(original[0], 300)[0]
    assert qr_side_mm(printed, 300) == pytest.approx(qr_side_mm(source, 300), abs=0.3)
    assert printed.position.top_left.x == pytest.approx(source.position.top_left.x, abs=6)
    assert printed.position.top_left.y == pytest.approx(source.position.top_left.y, abs=6)


def test_a_card_printed_on_a4_stays_card_sized(qtbot, tmp_path):
    def a4(printer):
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))

    result = print_pdf(guest_pass("cr80"), "pass", None, printer=pdf_printer(tmp_path / "a4.pdf"), dialog=dialog(a4))
    assert result.status is PrintStatus.PRINTED
    document, sizes = read_back(tmp_path / "a4.pdf")
    assert sizes[0][0] == pytest.approx(210 * PT_PER_MM, abs=1) or sizes[0][0] == pytest.approx(297 * PT_PER_MM, abs=1)
    (code,) = qr_codes(document[0], 300)
    assert code.text == TOKEN and qr_side_mm(code, 300) == pytest.approx(25, abs=0.5)  # the card's 25 mm QR


def test_the_dialog_opens_on_the_documents_paper(qtbot, tmp_path):
    print_pdf(guest_pass("cr80"), "pass", None, title="Pass tamu P-0042", printer=pdf_printer(tmp_path / "x.pdf"),
              dialog=dialog())
    (opened,) = FakePrintDialog.opened
    assert opened["title"] == "Cetak Pass tamu P-0042"
    assert opened["width"] == pytest.approx(85.6 * PT_PER_MM, abs=1)  # landscape, as the card is
    assert opened["height"] == pytest.approx(54 * PT_PER_MM, abs=1)


@pytest.mark.parametrize("paper, width_mm, height_mm", [("a4", 210, 297), ("half_folio", 215, 165),
                                                       ("f4", 215, 330)])
def test_sheets_keep_their_paper_page_by_page(qtbot, tmp_path, installed, paper, width_mm, height_mm):
    installed.append("EPSON L3210")
    printer_settings.save(sheet_printer="EPSON L3210")
    result = print_pdf(sheet(width_mm, height_mm, pages=3), "disposisi", None, ask=False,
                       printer=pdf_printer(tmp_path / "sheet.pdf"))
    assert result.status is PrintStatus.PRINTED and result.pages == 3
    document, sizes = read_back(tmp_path / "sheet.pdf")
    assert len(sizes) == 3
    for width, height in sizes:
        assert width == pytest.approx(width_mm * PT_PER_MM, abs=1) and height == pytest.approx(height_mm * PT_PER_MM, abs=1)
    assert document[2].render(scale=1).to_pil().convert("L").getextrema()[0] < 128  # page 3 is not blank


# -- remembering what the dialog chose ----------------------------------------------------------------------


def test_the_printer_and_paper_chosen_in_the_dialog_are_remembered_for_that_kind(qtbot, tmp_path):
    def folio(printer):
        printer.setPageSize(QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "F4"))

    result = print_pdf(sheet(210, 297), "sop", None, printer=NamedPrinter(tmp_path / "sop.pdf", "EPSON L3210"),
                       dialog=dialog(folio))
    assert result.status is PrintStatus.PRINTED and result.printer == "EPSON L3210"
    assert printer_settings.printer_for("sop") == "EPSON L3210" and printer_settings.sheet_printer() == "EPSON L3210"
    assert printer_settings.sheet_paper("sop") == "f4"
    assert printer_settings.sheet_paper("disposisi") == "a4"  # another kind's paper is left alone
    assert printer_settings.pass_printer() == ""


def test_a_pass_paper_chosen_in_the_dialog_becomes_the_pass_size(qtbot, tmp_path):
    def label(printer):
        printer.setPageSize(QPageSize(QSizeF(62, 100), QPageSize.Unit.Millimeter, "62 mm"))

    print_pdf(guest_pass("cr80"), "pass", None, printer=NamedPrinter(tmp_path / "p.pdf", "Brother QL-800"),
              dialog=dialog(label))
    assert printer_settings.pass_printer() == "Brother QL-800" and printer_settings.pass_size() == "label62"


def test_cancelling_the_dialog_prints_and_remembers_nothing(qtbot, tmp_path):
    result = print_pdf(guest_pass(), "pass", None, printer=NamedPrinter(tmp_path / "c.pdf", "Brother QL-800"),
                       dialog=dialog(accept=False))
    assert result.status is PrintStatus.CANCELLED and not result.done and not result.problem
    assert not (tmp_path / "c.pdf").exists() and printer_settings.pass_printer() == ""


# -- no printer ----------------------------------------------------------------------------------------------


def test_a_missing_printer_is_said_plainly_and_nothing_is_lost(qtbot, tmp_path, installed, _no_blocking_message_boxes):
    installed.append("EPSON L3210")
    printer_settings.save(pass_printer="Brother QL-800")
    data = guest_pass()
    result = print_pdf(data, "pass", None, ask=False, printer=pdf_printer(tmp_path / "never.pdf"))
    assert result.status is PrintStatus.PRINTER_MISSING and result.problem and result.printer == "Brother QL-800"
    assert result.message == ("Printer 'Brother QL-800' tidak ditemukan di komputer ini. Kunjungan sudah tersimpan; "
                              "cetak ulang dari Meja Tamu setelah printer tersambung, atau pilih printer lain di "
                              "Pengaturan → Printer.")
    assert not (tmp_path / "never.pdf").exists()
    assert printer_settings.pass_printer() == "Brother QL-800"  # the setting is kept for when it is back
    preview = offer_preview(result, data, "pass", None, "Pass tamu P-0042")  # the clerk takes the offer
    assert _no_blocking_message_boxes[-1] == ("confirm", "Tidak dapat mencetak", result.message)
    assert isinstance(preview, PdfPreviewDialog) and preview.data == data and preview.kind == "pass"
    preview.close()


def test_a_printer_that_cannot_write_fails_with_a_message(qtbot, tmp_path):
    result = print_pdf(sheet(210, 297), "disposisi", None, printer=pdf_printer(tmp_path / "no" / "such" / "x.pdf"),
                       dialog=dialog())
    assert result.status is PrintStatus.FAILED and "Disposisi sudah tersimpan" in result.message


def test_without_a_printer_the_document_is_saved_as_a_pdf(qtbot, tmp_path):
    data = guest_pass()
    target = tmp_path / "pass-P-0042.pdf"
    result = print_pdf(data, "pass", None, ask=False, save_path=target)
    assert result.status is PrintStatus.SAVED and result.path == str(target) and target.read_bytes() == data
    assert list(tmp_path.iterdir()) == [target]  # nothing half-written beside it


def test_an_unknown_kind_is_refused(qtbot):
    with pytest.raises(ValueError):
        print_pdf(guest_pass(), "poster", None, ask=False)


# -- printing a pass twice ---------------------------------------------------------------------------------


def test_reprinting_a_pass_asks_first_and_enter_answers_no(qtbot, monkeypatch):
    monkeypatch.setattr(messages, "confirm_default_no", REAL_CONFIRM_DEFAULT_NO)
    asked = []

    def look(box):
        asked.append((box.text(), box.defaultButton().text()))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_modal(qtbot, QMessageBox, look)
    assert confirm_reprint(None, datetime(2026, 11, 23, 9, 5)) is False
    assert asked == [("Pass ini sudah dicetak pada 23 November 2026 pukul 09.05. Cetak lagi?", "Batal")]


def test_reprinting_a_pass_prints_when_the_clerk_says_so(qtbot, monkeypatch):
    monkeypatch.setattr(messages, "confirm_default_no", REAL_CONFIRM_DEFAULT_NO)
    def look(box):
        next(b for b in box.buttons() if b.text() == "Cetak lagi").click()

    when_modal(qtbot, QMessageBox, look)
    assert confirm_reprint(None, datetime(2026, 11, 23, 9, 5)) is True


def test_the_reprint_question_goes_through_messages(qtbot, _no_blocking_message_boxes):
    assert confirm_reprint(None, datetime(2026, 1, 2, 14, 30)) is True  # the conftest says yes
    assert _no_blocking_message_boxes[-1] == (
        "confirm", "Cetak ulang pass", "Pass ini sudah dicetak pada 2 Januari 2026 pukul 14.30. Cetak lagi?")
    assert printing.reprint_text(datetime(2026, 1, 2, 14, 30)) == \
        "Pass ini sudah dicetak pada 2 Januari 2026 pukul 14.30. Cetak lagi?"
