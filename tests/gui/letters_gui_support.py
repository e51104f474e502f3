"""Helpers for the letters GUI tests: switching users, a scanned letter, drawing on a pad, reading QR codes."""

from __future__ import annotations

import io
import warnings

import pypdfium2
import zxingcpp
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from kpu_desk.accounts import find_user
from kpu_desk.gui.session import Session


def sign_in_as(window, username: str):
    """The same main window, another user (as after Keluar and signing in again); the letters page shown."""
    window.set_session(Session.of(find_user(username)))
    return window.show_page("letters")


def scan_file(folder) -> str:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 770, "Surat permohonan informasi (pindaian uji)")
    page.save()
    path = folder / "surat-masuk.pdf"
    path.write_bytes(buffer.getvalue())
    return str(path)


def draw_signature(qtbot, pad) -> None:
    """A scribble with the mouse: press, a zig-zag of moves, release."""
    points = [QPoint(30, 90), QPoint(70, 30), QPoint(110, 95), QPoint(160, 35), QPoint(220, 85), QPoint(280, 50)]
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
        _drag(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def _drag(pad, point) -> None:
    # qtbot.mouseMove sends no button state; a drag is a move with the left button held.
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent

    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(point), QPointF(pad.mapToGlobal(point)),
                        Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(pad, event)


def qr_payloads(pdf_path, dpi: int = 300) -> list[str]:
    page = pypdfium2.PdfDocument(str(pdf_path))[0]
    image = page.render(scale=dpi / 72).to_pil()
    return [r.text for r in zxingcpp.read_barcodes(image)]


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def signature_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (240, 80), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 60), (60, 15), (100, 65), (150, 20), (220, 55)], fill=(10, 20, 120, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def focus(qtbot, widget) -> None:
    # Offscreen Qt does not hand activation back to the main window when a dialog closes.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(widget.window())
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
