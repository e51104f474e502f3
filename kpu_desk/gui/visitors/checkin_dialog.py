"""Tamu baru: the visit SOP's check-in (steps 1-4, and the report to the pimpinan) in one dialog.

Built for a clerk who never touches the mouse: Tab from top to bottom, Enter
saves and prints the pass. A returning guest is offered while the name or the
phone is typed (Down, Enter). The dialog stays open with everything typed when
the core refuses something, with the message under the field concerned.

A USB scanner types like a keyboard: a pass scanned while this dialog has the
focus lands in a field. Such a code is taken out again and the clerk told,
instead of being saved as a guest's name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QDialog, QLineEdit, QWidget

from kpu_desk.accounts import active_users
from kpu_desk.engine import EngineError, FormError
from kpu_desk.frontdesk import ReturningGuest, check_in, find_returning, visit_sop
from kpu_desk.frontdesk.checkout import looks_like_pass_code
from kpu_desk.frontdesk.flow import intake_steps
from kpu_desk.gui import wallclock
from kpu_desk.gui.session import Session
from kpu_desk.gui.forms.person_editor import person_text
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.nik import nik_problems
from kpu_desk.office_hours import pass_valid_until

LAST_REPORT_KEY = "checkin/report_to"
LOOKUP_DELAY_MS = 150
_CHOICE_FIELDS = {"originCombo": "asal_tamu", "identityCombo": "jenis_identitas"}


class CheckInDialog(QDialog):
    checked_in = Signal(object)  # kpu_desk.frontdesk.CheckInResult

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("checkin_dialog.ui", self)
        self.session = session
        self.result_value = None
        self._fill_choices()
        self._build_lookup()
        self.errors = FieldErrors(self._error_labels(), self._error_inputs(), self.generalError)
        self.validEdit.setTime(pass_valid_until(wallclock.now()).time())
        self._connect()
        self._identity_changed()
        self.nameEdit.setFocus()

    # --- what the clerk typed ----------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as SOP field keys (what kpu_desk.frontdesk.check_in takes)."""
        identity = self.identityCombo.currentText()
        number = self.numberEdit.text().strip()
        return {
            "nama_tamu": self.nameEdit.text().strip(), "asal_tamu": self.originCombo.currentText(),
            "instansi": self.institutionEdit.text().strip(), "jumlah_tamu": self.groupSpin.value(),
            "telepon": self.phoneEdit.text().strip(), "jenis_identitas": identity,
            "nik": number if identity == "KTP" else "", "nomor_identitas": "" if identity == "KTP" else number,
            "keperluan": self.purposeEdit.text().strip(), "yang_dituju": self.hostEdit.text().strip(),
            "identitas_dititipkan": self.ktpCheck.isChecked(),
            "nomor_baki": self.trayEdit.text().strip() if self.ktpCheck.isChecked() else "",
            "cuci_tangan": self.washedCheck.isChecked(),
            "cek_kesehatan": "Lolos" if self.healthCheck.isChecked() else "Tidak lolos",
        }

    def report_to(self) -> str | None:
        return self.reportCombo.currentData() or None

    def valid_until(self) -> datetime:
        return datetime.combine(wallclock.today(), self.validEdit.time().toPython())

    def fill(self, guest: ReturningGuest) -> None:
        """A returning guest's details; what this visit is about is still the clerk's to type."""
        values = guest.fields()
        self.nameEdit.setText(values.get("nama_tamu", ""))
        self.institutionEdit.setText(values.get("instansi", ""))
        self.phoneEdit.setText(values.get("telepon", ""))
        for combo, key in ((self.originCombo, "asal_tamu"), (self.identityCombo, "jenis_identitas")):
            if values.get(key):
                combo.setCurrentText(values[key])
        if values.get("nik"):
            self.numberEdit.setText(values["nik"])
        self.purposeEdit.setFocus()

    # --- saving ------------------------------------------------------------------------------

    def accept(self) -> None:  # noqa: D102 - Enter anywhere in the dialog
        if self._drop_scanned_codes():
            return
        try:
            result = check_in(self.values(), self.session.user, report_to=self.report_to(),
                              valid_until=self.valid_until())
        except FormError as exc:
            self.errors.show(_for_fields(exc.errors))
            return
        except EngineError as exc:
            self.errors.show({"": exc.message})
            return
        self.result_value = result
        QSettings().setValue(LAST_REPORT_KEY, self.report_to() or "")
        self.checked_in.emit(result)
        super().accept()

    def print_requested(self) -> bool:
        return self.printCheck.isChecked()

    def _drop_scanned_codes(self) -> bool:
        scanned = [edit for edit in self.findChildren(QLineEdit) if looks_like_pass_code(edit.text())]
        for edit in scanned:
            edit.clear()
        if scanned:
            self.errors.show({"": self.tr(
                "Sebuah pass terpindai ketika formulir tamu baru terbuka; kodenya tidak dimasukkan. "
                "Selesaikan pendaftaran ini dahulu, lalu pindai pass itu lagi di Meja Tamu.")})
            scanned[0].setFocus()
        return bool(scanned)

    # --- building ----------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        options = {f.key: f.options for step in intake_steps(visit_sop()) for f in step.form if f.options}
        for name, key in _CHOICE_FIELDS.items():
            getattr(self, name).addItems(list(options.get(key, ())))
        self.reportCombo.addItem(self.tr("— belum dilaporkan —"), "")
        for user in active_users("pimpinan"):  # the person field's role: see the SOP's step 5
            self.reportCombo.addItem(person_text(user), user.username)
        last = str(QSettings().value(LAST_REPORT_KEY, "") or "")
        index = self.reportCombo.findData(last)
        self.reportCombo.setCurrentIndex(max(index, 0))
        self.hostEdit.setCompleter(QCompleter([u.full_name for u in active_users()], self))
        self.hostEdit.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def _build_lookup(self) -> None:
        self.guests: list[ReturningGuest] = []
        self.guest_model = QStandardItemModel(self)
        self.name_completer = QCompleter(self.guest_model, self)
        self.name_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.name_completer.activated[str].connect(self._guest_chosen)
        self.nameEdit.setCompleter(self.name_completer)
        self.lookup_timer = QTimer(self, singleShot=True, interval=LOOKUP_DELAY_MS)
        self.lookup_timer.timeout.connect(self._look_up)

    def _connect(self) -> None:
        self.saveButton.clicked.connect(self.accept)
        self.cancelButton.clicked.connect(self.reject)
        self.nameEdit.textEdited.connect(lambda _text: self.lookup_timer.start())
        self.phoneEdit.editingFinished.connect(self._phone_lookup)
        self.identityCombo.currentIndexChanged.connect(lambda _i: self._identity_changed())
        self.ktpCheck.toggled.connect(self.trayEdit.setEnabled)
        self.numberEdit.editingFinished.connect(self._check_nik)

    def _look_up(self) -> None:
        self.guests = find_returning(self.nameEdit.text(), self.session.roles)
        self.guest_model.clear()
        for guest in self.guests:
            item = QStandardItem(_guest_line(guest))
            item.setData(guest.party_id, Qt.ItemDataRole.UserRole)
            self.guest_model.appendRow(item)
        if self.guests:
            self.name_completer.complete()

    def _guest_chosen(self, text: str) -> None:
        guest = next((g for g in self.guests if _guest_line(g) == text), None)
        if guest is not None:
            QTimer.singleShot(0, lambda: self.fill(guest))  # after the completer wrote its line

    def _phone_lookup(self) -> None:
        if self.nameEdit.text().strip():
            return
        found = find_returning(self.phoneEdit.text(), self.session.roles)
        if found:
            self.fill(found[0])

    def _identity_changed(self) -> None:
        ktp = self.identityCombo.currentText() == "KTP"
        self.numberEditCaption.setText(self.tr("NI&K") if ktp else self.tr("Nomor &kartu identitas"))
        self.numberEdit.setMaxLength(16 + 3 if ktp else 30)  # room for the spaces people type
        self.ktpCheck.setChecked(ktp)
        self.trayEdit.setEnabled(self.ktpCheck.isChecked())

    def _check_nik(self) -> None:
        text = self.numberEdit.text().strip()
        if self.identityCombo.currentText() == "KTP" and text and nik_problems(text):
            self.numberEditError.setText(nik_problems(text)[0])
            self.numberEditError.show()
        elif self.numberEditError.isVisible():
            self.numberEditError.hide()

    def _error_labels(self) -> dict[str, Any]:
        return {key: getattr(self, f"{name}Error") for key, name in _ERROR_WIDGETS.items()}

    def _error_inputs(self) -> dict[str, Any]:
        return {key: getattr(self, name) for key, name in _ERROR_WIDGETS.items()}


_ERROR_WIDGETS = {
    "nama_tamu": "nameEdit", "asal_tamu": "originCombo", "instansi": "institutionEdit",
    "jumlah_tamu": "groupSpin", "telepon": "phoneEdit", "jenis_identitas": "identityCombo",
    "nomor": "numberEdit", "keperluan": "purposeEdit", "yang_dituju": "hostEdit",
    "pimpinan_dilapori": "reportCombo", "nomor_baki": "trayEdit", "berlaku_sampai": "validEdit",
}


def _for_fields(errors: dict[str, str]) -> dict[str, str]:
    """The core's field keys onto this form: NIK and other numbers share one box."""
    mapped = {}
    for key, text in errors.items():
        mapped["nomor" if key in ("nik", "nomor_identitas") else key] = text
    return mapped


def _guest_line(guest: ReturningGuest) -> str:
    last = QCoreApplication.translate("CheckInDialog", "terakhir {0}").format(guest.last_visit)
    parts = [guest.name, guest.institution, last]
    return " — ".join(part for part in parts if part)
