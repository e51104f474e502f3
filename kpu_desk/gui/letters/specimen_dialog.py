"""Tanda tangan saya: draw one's signature specimen on the pad (or load a scan) and keep it.

Opened from Surat & Disposisi ("Tanda tangan saya…"). The core keeps the PNG
(set_signature_specimen); a signature already on a signed sheet never changes.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk.engine import EngineError, FormError
from kpu_desk.gui.file_dialogs import ask_open_file
from kpu_desk.gui.letters.signature_pad import SignaturePad
from kpu_desk.gui.letters.specimen import show_specimen
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.letters import set_signature_specimen, signature_specimen

ImageChooser = Callable[[QWidget], str | None]


def choose_image(parent: QWidget) -> str | None:
    return ask_open_file(parent, parent.tr("Muat tanda tangan"), parent.tr("Gambar (*.png *.jpg *.jpeg *.bmp)"))


class SpecimenDialog(QDialog):
    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, choose: ImageChooser | None = None):
        super().__init__(parent)
        load_ui("letters_specimen.ui", self)
        self.session = session
        self.choose = choose or choose_image
        self.pad = SignaturePad(self.padHolder)
        self.padLayout.addWidget(self.pad)
        self.errors = FieldErrors({"signature": self.signatureError}, {"signature": self.pad})
        self.resultLabel.hide()
        self._show_current()
        self.clearButton.clicked.connect(self.pad.clear)
        self.loadButton.clicked.connect(self.load)
        self.saveButton.clicked.connect(self.save)
        self.closeButton.clicked.connect(self.reject)
        self.pad.setFocus()

    def _show_current(self) -> None:
        show_specimen(self.currentLabel, signature_specimen(self.session.username),
                      self.tr("Belum ada. Tanpa spesimen, disposisi tidak dapat ditandatangani."))

    def load(self) -> None:
        path = self.choose(self)
        if path and not self.pad.load_image(QImage(path)):
            self.errors.show({"signature": self.tr("Berkas itu bukan gambar yang dapat dibaca.")})

    def save(self) -> None:
        png = self.pad.png_bytes()
        if not png:
            self.errors.show({"signature": self.tr(
                "Bubuhkan tanda tangan di bidang putih atau muat gambarnya dahulu.")})
            return
        try:
            set_signature_specimen(self.session.username, png)
        except FormError as exc:
            self.errors.show(exc.errors)
            return
        except EngineError as exc:
            self.errors.show({"signature": exc.message})
            return
        self.errors.clear()
        self._show_current()
        self.pad.clear()
        self.resultLabel.setText(self.tr("Spesimen tanda tangan tersimpan."))
        self.resultLabel.show()
        self.saved.emit()
