"""The "Langkah terbuka" tab: the open step's form, its branches, and completing it.

Completing sends the row_version the window loaded. If another workstation
completed the step (or changed the case) meanwhile, the engine refuses and
names who did it; the message stays above the form, the form keeps every
value typed, and the clerk reloads the case when ready.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kpu_desk import engine
from kpu_desk.engine import BranchError, ConcurrentChange, FormError
from kpu_desk.gui.case.branch_choice import BranchChoice
from kpu_desk.gui.case.case_data import CaseData
from kpu_desk.accounts.permissions import Permissions
from kpu_desk.gui.case.step_texts import act_note, closed_text, step_heading, step_meta
from kpu_desk.gui.forms import FormContext, StepForm
from kpu_desk.gui.forms.context import FileChooser
from kpu_desk.gui.operations import CORE_ERRORS
from kpu_desk.gui.session import Session
from kpu_desk.gui.widgets.field_errors import sentence


class OpenStep(QObject):
    completed = Signal(object)  # engine.StepOutcome
    reload_requested = Signal()

    def __init__(self, window, session: Session, choose_file: FileChooser):
        super().__init__(window)
        self.w = window
        self.session = session
        self.choose_file = choose_file
        self.data: CaseData | None = None
        self.form: StepForm | None = None
        self.branches: BranchChoice | None = None
        self.may_complete = False
        self.w.completeButton.clicked.connect(self.complete)
        self.w.reloadButton.clicked.connect(self.reload_requested)

    # --- showing a case ----------------------------------------------------------------

    def show(self, data: CaseData, permissions: Permissions) -> None:
        carried = self._typed_if_same_run(data)
        self.data = data
        self.may_complete = permissions.complete and data.state == "open"
        self._clear()
        self.w.conflictFrame.hide()
        step = data.open_step
        if step is None:
            self._show_closed(data)
            return
        self._heading_role("step")
        self.w.stepHeading.setText(step_heading(data, step))
        self.w.stepMeta.setText(step_meta(data, step))
        self.w.actNote.setText(act_note(data, permissions))
        self.w.actNote.setVisible(bool(self.w.actNote.text()))
        self._build_form(data, step)
        if carried:
            self.form.set_values(carried[0])
            if carried[1] and self.branches is not None:
                self.branches.choose(carried[1])
        self._set_editable(self.may_complete)

    def _typed_if_same_run(self, data: CaseData):
        """What was typed, when the same step run is still open after a reload (nothing is lost)."""
        if self.form is None or self.data is None or self.data.open_run_id != data.open_run_id:
            return None
        return self.form.raw_values(), self.branches.selected() if self.branches else None

    def _build_form(self, data: CaseData, step) -> None:
        context = FormContext(case_number=data.number, case_id=data.case_id, step_run_id=data.open_run_id,
                              user=self.session.user, choose_file=self.choose_file)
        self.form = StepForm(step, context, self.w.formHost)
        self.w.formSlot.addWidget(self.form)
        self.form.submitted.connect(self.complete)
        self.w.branchBox.setVisible(bool(step.branches))
        if step.branches:
            self.branches = BranchChoice(data.sop, step, self.w.branchBox)
            self.w.branchLayout.addWidget(self.branches)
        self._chain_focus()

    def _chain_focus(self) -> None:
        """Tab: the fields, the branches, then Selesaikan; Enter on any of them completes."""
        branches = self.branches.focus_widgets() if self.branches else []
        chain = self.form.focus_chain() + branches + [self.w.completeButton]
        for first, second in zip(chain, chain[1:]):
            self.w.setTabOrder(first, second)
        for widget in branches + [self.w.completeButton]:
            self.form.enter.watch(widget)

    def has_typed(self) -> bool:
        """Whether the clerk has entered anything that a reload would throw away."""
        if self.form is None:
            return False
        typed = [v for v in self.form.raw_values().values() if v not in ("", None, False, [])]
        return bool(typed) or bool(self.branches and self.branches.selected())

    def _show_closed(self, data: CaseData) -> None:
        self._heading_role("closed")
        self.w.stepHeading.setText(closed_text(data))
        self.w.stepMeta.setText("")
        self.w.actNote.hide()
        self.w.branchBox.hide()
        self.w.completeButton.hide()
        self.w.completeHint.hide()

    def _heading_role(self, role: str) -> None:
        self.w.stepHeading.setProperty("role", role)
        self.w.stepHeading.style().unpolish(self.w.stepHeading)
        self.w.stepHeading.style().polish(self.w.stepHeading)

    def _set_editable(self, editable: bool) -> None:
        self.form.set_read_only(not editable)
        if self.branches is not None:
            self.branches.set_read_only(not editable)
        self.w.completeButton.setVisible(True)
        self.w.completeButton.setEnabled(editable)
        self.w.completeHint.setVisible(editable)

    def _clear(self) -> None:
        for widget in (self.form, self.branches):
            if widget is not None:  # deleted by Qt, on this thread; never by Python's collector
                widget.hide()
                widget.deleteLater()
        self.form = self.branches = None

    # --- completing ------------------------------------------------------------------------

    def complete(self) -> None:
        if not self.may_complete or self.form is None or not self.w.completeButton.isEnabled():
            return
        form_ok = self.form.check() is not None
        branch = self._checked_branch()
        if not form_ok or branch is False:
            return
        try:
            outcome = engine.complete_step(self.data.number, self.form.raw_values(), actor=self.session.user,
                                           branch=branch, expected_version=self.data.row_version)
        except ConcurrentChange as exc:
            self.show_conflict(exc.message)
            return
        except (FormError, BranchError, *CORE_ERRORS) as exc:
            self._refused(exc)
            return
        self.completed.emit(outcome)

    def _checked_branch(self):
        """The chosen branch label; None when the step is no decision; False when one must be chosen."""
        if self.branches is None:
            return None
        label = self.branches.selected()
        if label is None:
            self.branches.show_problem(self.tr("Pilih ke mana kasus berlanjut: {0}.").format(
                ", ".join(self.branches.buttons)))
            self.branches.focus_widgets()[0].setFocus()
            return False
        self.branches.show_problem("")
        return label

    def _refused(self, exc: Exception) -> None:
        if isinstance(exc, FormError):
            self.form.show_errors(exc.errors)
        elif isinstance(exc, BranchError) and self.branches is not None:
            self.branches.show_problem(sentence(exc.message))
        else:  # the case is no longer open (another workstation cancelled or put it on hold)
            self.show_conflict(str(exc))

    def show_conflict(self, message: str) -> None:
        self.w.conflictLabel.setText(self.tr("{0}. Isian Anda tetap di bawah ini; muat ulang kasus untuk melihat "
                                             "keadaannya sekarang.").format(sentence(message).rstrip(".")))
        self.w.conflictFrame.show()
        self.w.completeButton.setEnabled(False)
        self.w.reloadButton.setFocus()
