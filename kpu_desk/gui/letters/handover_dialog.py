"""Catat serah terima: a buku ekspedisi entry — what was handed over, to whom, optionally signed on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk.engine import EngineError, FormError
from kpu_desk.gui.letters.signature_pad import SignaturePad
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.letters import Handover, expedition_number, record_handover

_INPUTS = {"item": "itemEdit", "recipient_name": "recipientNameEdit", "recipient_institution": "institutionEdit",
           "case": "caseEdit", "letter": "letterEdit", "note": "noteEdit"}


class HandoverDialog(QDialog):
    recorded = Signal(str)  # the entry's number, "0007/2026"

    def __init__(self, session: Session, parent: QWidget | None = None, case_number: str = "", agenda: str = ""):
        super().__init__(parent)
        load_ui("letters_handover.ui", self)
        self.session = session
        self.number: str | None = None
        self.pad = SignaturePad(self.padHolder)
        self.padLayout.addWidget(self.pad)
        labels = {k: getattr(self, f"{v}Error") for k, v in _INPUTS.items()}
        labels["receiver_signature"] = self.signatureError
        self.errors = FieldErrors(labels, {k: getattr(self, v) for k, v in _INPUTS.items()}, self.generalError)
        self.caseEdit.setText(case_number)
        self.letterEdit.setText(agenda)
        self.signCheck.toggled.connect(self._signing)
        self.clearSignatureButton.clicked.connect(self.pad.clear)
        self.saveButton.clicked.connect(self.accept)
        self.cancelButton.clicked.connect(self.reject)
        self._signing(False)
        self.itemEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _signing(self, on: bool) -> None:
        self.padHolder.setVisible(on)
        self.clearSignatureButton.setVisible(on)

    def handover(self) -> Handover:
        signature = None
        if self.signCheck.isChecked():
            signature = self.pad.png_bytes()
        return Handover(
            item=self.itemEdit.text(), recipient_name=self.recipientNameEdit.text(),
            recipient_institution=self.institutionEdit.text(), case=self.caseEdit.text().strip() or None,
            letter=self.letterEdit.text().strip() or None, receiver_signature=signature, note=self.noteEdit.text(),
        )

    def accept(self) -> None:  # noqa: D102
        if self.signCheck.isChecked() and self.pad.is_empty():
            self.errors.show({"receiver_signature": self.tr("Penerima belum menandatangani di bidang putih.")})
            return
        try:
            entry = record_handover(self.handover(), self.session.user)
        except FormError as exc:
            self.errors.show(exc.errors)
            return
        except EngineError as exc:
            self.errors.show({"": exc.message})
            return
        self.number = expedition_number(entry)
        self.recorded.emit(self.number)
        super().accept()
