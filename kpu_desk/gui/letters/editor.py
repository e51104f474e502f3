"""The disposition editor: to whom, the instruction checkboxes, a note, a deadline in working days.

One dialog for the four ways a disposition is written (see the factories below):
new on a letter (Ketua/Anggota or Sekretaris; oral too, Kupang step 3), passed on
down with this level's own note, changed before it is signed, or replaced by a
new version after it was signed (with the reason asked first). The due date is
shown while the days are typed; the core's refusals (no recipient, a deadline
in the past or of no days) appear next to their fields and nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

from kpu_desk.engine import EngineError, FormError
from kpu_desk.gui import wallclock
from kpu_desk.gui.letters.recipients_model import RecipientChecklist
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.letters import (INSTRUCTIONS, DispositionDraft, check_deadline, dispose, draft_of, find_disposition, pass_on,
                              replace_disposition, update_disposition)
from kpu_desk.letters.sheet import deadline_text

NO_DEADLINE, IN_DAYS, ON_DATE = "none", "days", "date"
DEFAULT_DAYS = 3


@dataclass(frozen=True)
class EditorMode:
    title: str
    heading: str
    save: Callable[[DispositionDraft, bool], object]  # (draft, oral) -> models.Disposition
    draft: DispositionDraft | None = None
    oral_allowed: bool = False
    default_deadline: str = IN_DAYS
    hint: str = ""


class DispositionEditor(QDialog):
    saved = Signal(int)  # the disposition written

    def __init__(self, mode: EditorMode, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui("letters_disposition.ui", self)
        self.mode, self.session = mode, session
        self.result_id: int | None = None
        self.setWindowTitle(mode.title)
        self.headingLabel.setText(mode.heading)
        self.hintLabel.setText(mode.hint)
        self.hintLabel.setVisible(bool(mode.hint))
        self.checklist = RecipientChecklist(self, leave_out=session.username)
        self.recipientsView.setModel(self.checklist)
        self.instruction_checks = self._make_instruction_checks()
        self._prepare_deadline()
        self.oralCheck.setVisible(mode.oral_allowed)
        self.errors = FieldErrors(
            {"recipients": self.recipientsViewError, "positions": self.recipientsViewError,
             "instructions": self.instructionsError, "other": self.otherEditError, "note": self.noteEditError,
             "deadline": self.deadlineComboError},
            {"recipients": self.recipientsView, "instructions": self.instructionsBox, "other": self.otherEdit,
             "note": self.noteEdit, "deadline": self.deadlineCombo}, self.generalError)
        if mode.draft is not None:
            self.fill(mode.draft)
        self.saveButton.clicked.connect(self.accept)
        self.cancelButton.clicked.connect(self.reject)
        self.recipientsView.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building -----------------------------------------------------------------------------

    def _make_instruction_checks(self) -> dict[str, QCheckBox]:
        checks = {}
        for index, label in enumerate(INSTRUCTIONS):  # the core's words, in the sheet's order
            check = QCheckBox(label, self.instructionsBox)
            self.instructionsLayout.addWidget(check, index // 2, index % 2)
            checks[label] = check
        _chain_tab_order([self.recipientsView, *checks.values(), self.otherEdit])
        return checks

    def _prepare_deadline(self) -> None:
        for text, value in ((self.tr("Tanpa batas waktu"), NO_DEADLINE), (self.tr("Dalam hari kerja"), IN_DAYS),
                            (self.tr("Sampai tanggal"), ON_DATE)):
            self.deadlineCombo.addItem(text, value)
        self.deadlineCombo.setCurrentIndex(self.deadlineCombo.findData(self.mode.default_deadline))
        self.deadlineSpin.setValue(DEFAULT_DAYS)
        self.deadlineDateEdit.setDate(check_deadline(5, None, wallclock.today()).due.date())  # a working day
        self.deadlineCombo.currentIndexChanged.connect(lambda _i: self.update_due())
        self.deadlineSpin.valueChanged.connect(lambda _v: self.update_due())
        self.deadlineDateEdit.dateChanged.connect(lambda _d: self.update_due())
        self.update_due()

    def fill(self, draft: DispositionDraft) -> None:
        self.checklist.check("user", [getattr(r, "username", r) for r in draft.recipients])
        self.checklist.check("position", draft.positions)
        for label in draft.instructions:
            if label in self.instruction_checks:
                self.instruction_checks[label].setChecked(True)
        self.otherEdit.setText(draft.other)
        self.noteEdit.setPlainText(draft.note)
        if draft.due_date is not None:  # a stored deadline that counts no hari kerja: its day
            self.deadlineCombo.setCurrentIndex(self.deadlineCombo.findData(ON_DATE))
            self.deadlineDateEdit.setDate(draft.due_date)
        elif draft.deadline_days:
            self.deadlineCombo.setCurrentIndex(self.deadlineCombo.findData(IN_DAYS))
            self.deadlineSpin.setValue(draft.deadline_days)
        else:
            self.deadlineCombo.setCurrentIndex(self.deadlineCombo.findData(NO_DEADLINE))

    # --- the deadline, live ---------------------------------------------------------------------

    def deadline_mode(self) -> str:
        return self.deadlineCombo.currentData()

    def update_due(self) -> None:
        mode = self.deadline_mode()
        self.deadlineSpin.setVisible(mode == IN_DAYS)
        self.deadlineDateEdit.setVisible(mode == ON_DATE)
        self.dueLabel.setText(self.due_text())

    def due_text(self) -> str:
        """The core's count of the deadline being typed (kpu_desk.letters.check_deadline), or its refusal."""
        if self.deadline_mode() != NO_DEADLINE:
            draft = self.draft()
            check = check_deadline(draft.deadline_days, draft.due_date, wallclock.today())
            if check.problem:
                return check.problem[:1].upper() + check.problem[1:] + "."
            return self.tr("Jatuh tempo: {0}").format(deadline_text(check.days, check.due))
        return self.tr("Tanpa batas waktu") if self.mode.default_deadline != NO_DEADLINE else \
            self.tr("Tanpa batas waktu sendiri (disposisi terusan mengikuti batas waktu di atasnya).")

    # --- saving -------------------------------------------------------------------------------

    def draft(self) -> DispositionDraft:
        mode = self.deadline_mode()
        return DispositionDraft(
            recipients=self.checklist.checked("user"), positions=self.checklist.checked("position"),
            instructions=[label for label, check in self.instruction_checks.items() if check.isChecked()],
            other=self.otherEdit.text(), note=self.noteEdit.toPlainText(),
            deadline_days=self.deadlineSpin.value() if mode == IN_DAYS else None,
            due_date=self.deadlineDateEdit.date().toPython() if mode == ON_DATE else None,
        )

    def accept(self) -> None:  # noqa: D102
        try:
            row = self.mode.save(self.draft(), self.oralCheck.isChecked())
        except FormError as exc:
            self.errors.show(exc.errors)
            return
        except EngineError as exc:
            self.errors.show({"": exc.message})
            return
        self.result_id = row.id
        self.saved.emit(row.id)
        super().accept()


# --- the four ways ----------------------------------------------------------------------------------


def _tr(text: str) -> str:
    return QCoreApplication.translate("DispositionEditor", text)


def new_on_letter(agenda: str, subject: str, session: Session) -> EditorMode:
    return EditorMode(
        title=_tr("Tulis disposisi — KPU Desk"), heading=_tr("Disposisi surat agenda {0}: {1}").format(agenda, subject),
        save=lambda draft, oral: dispose(draft, session.user, letter=agenda, oral=oral), oral_allowed=True,
        hint=_tr("Disposisi tertulis ditandatangani Sekretaris sebelum berlaku. "
                 "Disposisi lisan dicatat dan langsung berlaku."))


def passing_on(parent_id: int, session: Session) -> EditorMode:
    return EditorMode(
        title=_tr("Teruskan disposisi — KPU Desk"),
        heading=_tr("Teruskan disposisi #{0} ke bawah dengan catatan Anda").format(parent_id),
        save=lambda draft, _oral: pass_on(parent_id, draft, session.user), default_deadline=NO_DEADLINE)


def changing(disposition_id: int, session: Session) -> EditorMode:
    return EditorMode(
        title=_tr("Ubah disposisi — KPU Desk"),
        heading=_tr("Ubah disposisi #{0} (belum ditandatangani)").format(disposition_id),
        save=lambda draft, _oral: update_disposition(disposition_id, draft, session.user),
        draft=draft_of(find_disposition(disposition_id)))


def replacing(disposition_id: int, reason: str, session: Session) -> EditorMode:
    return EditorMode(
        title=_tr("Ganti disposisi dengan versi baru — KPU Desk"),
        heading=_tr("Versi baru disposisi #{0}; alasan: {1}").format(disposition_id, reason),
        save=lambda draft, _oral: replace_disposition(disposition_id, reason, draft, session.user),
        draft=draft_of(find_disposition(disposition_id)),
        hint=_tr("Versi lama tetap tersimpan dan lembarnya tidak berlaku lagi; versi baru perlu ditandatangani."))


def _chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab through widgets made in code in their place, not after the form's last button."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)
