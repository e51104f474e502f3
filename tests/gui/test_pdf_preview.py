"""The print preview (PdfPreviewDialog): pages, zoom by keyboard, printing and saving without a mouse."""

from __future__ import annotations

import pypdfium2
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from gui.test_pdf_printing import TOKEN, NamedPrinter, dialog, guest_pass, qr_codes, sheet
from kpu_desk.gui import printer_settings
from kpu_desk.gui.printing import PdfPreviewDialog, PrintStatus
from kpu_desk.gui.printing.preview_dialog import MAX_ZOOM, MIN_ZOOM, SCREEN_DPI, ZOOM_STEP

CTRL = Qt.KeyboardModifier.ControlModifier


def open_preview(qtbot, pdf, kind="pass", title="Pass tamu P-0042", **seams) -> PdfPreviewDialog:
    preview = PdfPreviewDialog(pdf, title, kind, None, **seams)
    qtbot.addWidget(preview)
    preview.resize(900, 700)
    preview.show()
    qtbot.waitExposed(preview)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    qtbot.wait(10)  # the fit to the laid-out window
    return preview


def shown_width(preview, index=0) -> float:
    return preview.page_labels[index].pixmap().deviceIndependentSize().width()


def test_every_page_is_shown_and_counted(qtbot):
    preview = open_preview(qtbot, sheet(210, 297, pages=3), kind="disposisi", title="Lembar disposisi 12/2026")
    assert preview.windowTitle() == "Pratinjau — Lembar disposisi 12/2026"
    assert preview.pagesLabel.text() == "3 halaman" and preview.page_count() == 3
    assert [label.accessibleName() for label in preview.page_labels] == [
        "Halaman 1 dari 3", "Halaman 2 dari 3", "Halaman 3 dari 3"]
    assert preview.pagesArea.hasFocus()  # the arrows and Page Up/Down scroll at once


def test_it_opens_fitted_and_zooms_with_the_keyboard(qtbot):
    preview = open_preview(qtbot, guest_pass("cr80"))
    viewport = preview.pagesArea.maximumViewportSize()
    fitted = preview.zoom
    assert shown_width(preview) <= viewport.width() and shown_width(preview) > viewport.width() * 0.6
    qtbot.keyClick(preview.pagesArea, Qt.Key.Key_Plus, CTRL)
    assert preview.zoom == pytest.approx(min(fitted * ZOOM_STEP, MAX_ZOOM))
    assert preview.zoomLabel.text() == f"{round(preview.zoom * 100)}%"
    qtbot.keyClick(preview.pagesArea, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(preview.pagesArea, Qt.Key.Key_Minus, CTRL)
    assert preview.zoom == pytest.approx(fitted / ZOOM_STEP)
    qtbot.keyClick(preview.pagesArea, Qt.Key.Key_0, CTRL)
    assert preview.zoom == pytest.approx(fitted)


def test_one_hundred_percent_is_the_printed_size_and_zoom_has_limits(qtbot):
    preview = open_preview(qtbot, guest_pass("cr80"))
    preview.set_zoom(1.0)
    assert shown_width(preview) == pytest.approx(85.6 / 25.4 * SCREEN_DPI, abs=1.5)
    for _ in range(30):
        preview.zoom_out()
    assert preview.zoom == MIN_ZOOM and not preview.zoomOutAction.isEnabled()
    for _ in range(30):
        preview.zoom_in()
    assert preview.zoom == MAX_ZOOM and not preview.zoomInAction.isEnabled()
    image = preview.page_labels[0].pixmap().toImage()
    assert image.width() * image.height() <= 12_000_000  # rendered within bounds, drawn larger


def test_ctrl_p_prints_through_the_dialog_remembers_the_choice_and_closes(qtbot, tmp_path):
    out = tmp_path / "pass.pdf"
    preview = open_preview(qtbot, guest_pass("62mm"), printer=NamedPrinter(out, "Brother QL-800"), dialog=dialog())
    with qtbot.waitSignal(preview.printed) as printed:
        qtbot.keyClick(preview.pagesArea, Qt.Key.Key_P, CTRL)
    assert printed.args[0].status is PrintStatus.PRINTED
    assert preview.result() == QDialog.DialogCode.Accepted and not preview.isVisible()
    assert printer_settings.pass_printer() == "Brother QL-800" and printer_settings.pass_size() == "label62"
    document = pypdfium2.PdfDocument(str(out))
    assert [code.text for code in qr_codes(document[0], 150)] == [TOKEN]


def test_enter_prints_too(qtbot, tmp_path):
    preview = open_preview(qtbot, guest_pass(), printer=NamedPrinter(tmp_path / "p.pdf", "Brother QL-800"),
                           dialog=dialog())
    assert preview.printButton.isDefault()
    with qtbot.waitSignal(preview.printed):
        qtbot.keyClick(preview.pagesArea, Qt.Key.Key_Return)


def test_a_cancelled_print_keeps_the_preview_open(qtbot, tmp_path):
    preview = open_preview(qtbot, guest_pass(), printer=NamedPrinter(tmp_path / "p.pdf", "X"),
                           dialog=dialog(accept=False))
    assert preview.print_document().status is PrintStatus.CANCELLED
    assert preview.isVisible() and printer_settings.pass_printer() == ""


def test_a_failed_print_is_said_and_the_preview_stays(qtbot, tmp_path, _no_blocking_message_boxes):
    preview = open_preview(qtbot, guest_pass(), printer=NamedPrinter(tmp_path / "no" / "dir" / "p.pdf", "X"),
                           dialog=dialog())
    assert preview.print_document().status is PrintStatus.FAILED
    kind, title, text = _no_blocking_message_boxes[-1]
    assert (kind, title) == ("error", "Tidak dapat mencetak") and "Kunjungan sudah tersimpan" in text
    assert preview.isVisible()


def test_simpan_pdf_writes_the_document_where_the_user_chose(qtbot, tmp_path):
    data = guest_pass()
    target = tmp_path / "pass.pdf"
    asked = []
    preview = open_preview(qtbot, data, choose_path=lambda parent, title: asked.append(title) or str(target))
    with qtbot.waitSignal(preview.saved) as saved:
        qtbot.keyClick(preview.pagesArea, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert asked == ["Pass tamu P-0042"] and saved.args == [str(target)] and target.read_bytes() == data
    assert str(target) in preview.statusLabel.text() and preview.isVisible()


def test_escape_closes_it(qtbot):
    preview = open_preview(qtbot, guest_pass())
    qtbot.keyClick(preview.pagesArea, Qt.Key.Key_Escape)
    assert preview.result() == QDialog.DialogCode.Rejected and not preview.isVisible()


def test_every_control_has_an_accessible_name_and_a_shortcut_hint(qtbot):
    preview = open_preview(qtbot, guest_pass())
    for control in (preview.zoomInButton, preview.zoomOutButton, preview.fitButton, preview.printButton,
                    preview.saveButton, preview.closeButton, preview.pagesArea):
        assert control.accessibleName(), control.objectName()
    assert preview.zoomInButton.text() == "Perbesar" and "Ctrl+" in preview.zoomInButton.toolTip()
    assert "Ctrl+0" in preview.fitButton.toolTip()
