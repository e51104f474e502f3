"""Daftarkan surat masuk: the letter typed from paper, its scan, and the SOP case it starts.

Tab from top to bottom, Enter saves. The agenda number is given by the core when
the letter is saved and shown in the dialog; the dialog then offers the next
letter. A refusal is written under the field concerned and nothing typed is lost.

The case: for a request or complaint SOP the applicant's name and what is asked
complete the SOP's letter step at once (Kupang step 5, with the letter's own
fields); when that step asks for more than this dialog holds, the case starts
with the step open and the desk completes it in the case window.
"""

from __future__ import annotations

import os
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from kpu_desk import sop_catalog
from kpu_desk.engine import EngineError, FormError
from kpu_desk.gui import wallclock
from kpu_desk.gui.file_dialogs import ask_open_file
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.letters import SECURITY_CLASSES, URGENCIES, IncomingLetter, RegisteredLetter, register_incoming
from kpu_desk.letters.incoming import letter_entry
from kpu_desk.sop.model import CaseKind, FieldType, Step, Symbol

ScanChooser = Callable[[QWidget], str | None]
LETTER_KINDS = (CaseKind.PERMOHONAN_INFORMASI, CaseKind.PENGADUAN, CaseKind.LAINNYA)
# The core's letter field keys → this dialog's inputs.
_INPUTS = {
    "sender": "senderEdit", "letter_number": "letterNumberEdit", "letter_date": "letterDateEdit",
    "received": "receivedEdit", "subject": "subjectEdit", "urgency": "urgencyCombo",
    "security_class": "securityCombo", "classification_code": "classificationEdit", "scan": "scanEdit",
    "sop": "sopCombo", "applicant": "applicantEdit", "detail": "detailEdit",
}
# The SOP step's own keys that this dialog's inputs fill (through the letter or directly).
_STEP_KEYS = {"nomor_surat": "letter_number", "tanggal_surat": "letter_date", "pengirim": "sender",
              "perihal": "subject", "tanggal_diterima": "received", "surat_masuk": "scan"}


def choose_scan(parent: QWidget) -> str | None:
    return ask_open_file(parent, parent.tr("Pindaian surat"), parent.tr("Pindaian surat (*.pdf *.jpg *.jpeg *.png)"))


class RegisterLetterDialog(QDialog):
    registered = Signal(object)  # RegisteredLetter

    def __init__(self, session: Session, parent: QWidget | None = None, choose: ScanChooser | None = None):
        super().__init__(parent)
        load_ui("letters_register.ui", self)
        self.session = session
        self.choose = choose or choose_scan
        self.result_value: RegisteredLetter | None = None
        self._fill_choices()
        self.errors = FieldErrors({k: getattr(self, f"{v}Error") for k, v in _INPUTS.items()},
                                  {k: getattr(self, v) for k, v in _INPUTS.items()}, self.generalError)
        self.scanButton.clicked.connect(self.pick_scan)
        self.saveButton.clicked.connect(self.accept)
        self.closeButton.clicked.connect(self.reject)
        self.sopCombo.currentIndexChanged.connect(lambda _i: self._sop_changed())
        self.start_over()

    # --- building -------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        self.urgencyCombo.addItems(list(URGENCIES))
        self.securityCombo.addItems(list(SECURITY_CLASSES))
        self.sopCombo.addItem(self.tr("— hanya dicatat di buku agenda —"), "")
        for entry in sop_catalog.registered_sops():
            if entry.sop.case.kind in LETTER_KINDS:
                self.sopCombo.addItem(entry.label, entry.id)
        for edit in (self.letterDateEdit, self.receivedEdit):
            edit.setMaximumDate(wallclock.qdate_today())

    def start_over(self) -> None:
        """An empty form for the next letter (after one was saved)."""
        for name in ("senderEdit", "letterNumberEdit", "subjectEdit", "classificationEdit", "scanEdit",
                     "applicantEdit"):
            getattr(self, name).clear()
        self.detailEdit.clear()
        self.scan_path: str | None = None
        for edit in (self.letterDateEdit, self.receivedEdit):
            edit.setDate(wallclock.qdate_today())
        self.urgencyCombo.setCurrentIndex(0)
        self.securityCombo.setCurrentIndex(0)
        self.errors.clear()
        self.resultLabel.hide()
        self.saveButton.setText(self.tr("&Simpan"))
        self.saved = False
        self._sop_changed()
        self.senderEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _sop_changed(self) -> None:
        has_case = bool(self.sopCombo.currentData())
        for name in ("applicantEdit", "detailEdit", "applicantEditCaption", "detailEditCaption"):
            getattr(self, name).setEnabled(has_case)

    # --- what the clerk typed -------------------------------------------------------------------

    def pick_scan(self) -> None:
        path = self.choose(self)
        if path:
            self.scan_path = path
            self.scanEdit.setText(os.path.basename(path))
            self.scanEdit.setToolTip(path)

    def letter(self) -> IncomingLetter:
        return IncomingLetter(
            sender=self.senderEdit.text(), subject=self.subjectEdit.text(),
            received=self.receivedEdit.date().toPython(), letter_number=self.letterNumberEdit.text(),
            letter_date=self.letterDateEdit.date().toPython(), urgency=self.urgencyCombo.currentText(),
            security_class=self.securityCombo.currentText(), classification_code=self.classificationEdit.text(),
            scan=self.scan_path,
        )

    def entry_step(self) -> Step | None:
        sop_id = self.sopCombo.currentData()
        entry = next((e for e in sop_catalog.registered_sops() if e.id == sop_id), None)
        return letter_entry(entry.sop) if entry else None

    def case_fields(self, step: Step | None) -> dict | None:
        """What completes the SOP's letter step, or None when the step stays open for the desk."""
        if step is None or step.symbol is Symbol.DECISION:
            return None
        fields, keys = {}, step_keys(step)
        if keys.get("applicant"):
            fields[keys["applicant"]] = self.applicantEdit.text().strip()
        if keys.get("detail"):
            fields[keys["detail"]] = self.detailEdit.toPlainText().strip()
        covered = set(fields) | set(_STEP_KEYS) | {"nomor_agenda"}
        if any(f.required and f.key not in covered for f in step.form):
            return None
        return fields

    # --- saving -----------------------------------------------------------------------------------

    def accept(self) -> None:  # noqa: D102 - Enter or Simpan
        if self.saved:
            self.start_over()
            return
        step = self.entry_step()
        try:
            result = register_incoming(self.letter(), self.session.user, sop_id=self.sopCombo.currentData() or None,
                                       case_fields=self.case_fields(step))
        except FormError as exc:
            self.errors.show(for_inputs(exc.errors, step))
            return
        except EngineError as exc:
            self.errors.show({"": exc.message})
            return
        self._saved(result)

    def _saved(self, result: RegisteredLetter) -> None:
        self.result_value, self.saved = result, True
        self.errors.clear()
        text = self.tr("Tercatat dengan nomor agenda {0}.").format(result.agenda)
        if result.case is not None:
            text += " " + self.tr("Kasus {0} dimulai.").format(result.case.number)
        self.resultLabel.setText(text)
        self.resultLabel.show()
        self.saveButton.setText(self.tr("Daftarkan surat &lain"))
        self.saveButton.setFocus()
        self.registered.emit(result)


def step_keys(step: Step) -> dict[str, str]:
    """The step's field for the applicant's name and for what is asked, when it has them."""
    names = [f.key for f in step.form if f.key.startswith("nama_") and f.type is FieldType.TEXT]
    texts = [f.key for f in step.form if f.type is FieldType.MULTILINE and f.required]
    return {"applicant": names[0] if names else "", "detail": texts[0] if texts else ""}


def for_inputs(errors: dict[str, str], step: Step | None) -> dict[str, str]:
    """The core's keys (the letter's, or the SOP step's) onto this dialog's inputs."""
    keys = step_keys(step) if step is not None else {}
    reverse = {v: k for k, v in keys.items() if v}
    mapped = {}
    for key, text in errors.items():
        mapped[_STEP_KEYS.get(key) or reverse.get(key) or key] = text
    return mapped
