"""The signature pad: drawn with the mouse it gives a PNG the core keeps as a specimen."""

from __future__ import annotations

from io import BytesIO

from PIL import Image
from PySide6.QtGui import QColor, QImage

from kpu_desk.gui.letters.signature_pad import SignaturePad
from kpu_desk.letters.images import png_problem
from gui.letters_gui_support import click, draw_signature


def test_drawing_with_the_mouse_makes_a_non_empty_png(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(360, 140)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty() and pad.png_bytes() == b""
    with qtbot.waitSignal(pad.changed):
        draw_signature(qtbot, pad)
    png = pad.png_bytes()
    assert not pad.is_empty() and png_problem(png) is None
    image = Image.open(BytesIO(png)).convert("RGBA")
    inked = sum(image.getchannel("A").histogram()[1:])
    assert image.width > 200 and image.height > 40 and inked > 300  # cropped to the strokes, and ink in it
    pad.clear()
    assert pad.is_empty() and pad.png_bytes() == b""


def test_a_loaded_image_is_the_signature(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    scan = QImage(200, 60, QImage.Format.Format_ARGB32)
    scan.fill(QColor("white"))
    assert pad.load_image(scan) and not pad.is_empty()
    assert Image.open(BytesIO(pad.png_bytes())).size == (200, 60)
    assert not pad.load_image(QImage())


def test_the_specimen_dialog_keeps_a_drawn_signature(qtbot, demo_database, open_main_window):
    from kpu_desk.letters import signature_specimen

    window = open_main_window("ketua")
    page = window.show_page("letters")
    click(qtbot, page.specimenButton)
    dialog = page.specimen_dialog
    assert dialog.isVisible() and signature_specimen("ketua") is None
    click(qtbot, dialog.saveButton)  # nothing drawn yet
    assert dialog.signatureError.isVisible() and "Bubuhkan" in dialog.signatureError.text()
    draw_signature(qtbot, dialog.pad)
    click(qtbot, dialog.saveButton)
    assert signature_specimen("ketua") is not None and not dialog.signatureError.isVisible()
    assert "tersimpan" in dialog.resultLabel.text() and dialog.currentLabel.pixmap() is not None
