"""The form of one SOP step, built from its fields, checked by the engine, errors beside the fields.

Tab follows the SOP's field order; Enter anywhere submits (Ctrl+Enter in a
multi-line field). `check()` runs kpu_desk.engine.validate_form and returns the
clean values, or shows each message under its field and leaves every value
exactly as typed.
"""

from __future__ import annotations

from typing import Any, Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from kpu_desk.engine import FormError, validate_form
from kpu_desk.gui.forms.context import FormContext
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.gui.forms.factory import editor_for
from kpu_desk.gui.forms.field_block import FieldBlock
from kpu_desk.gui.forms.submit_keys import SubmitOnEnter
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.sop.model import Step

FIELD_SPACING = 12


class StepForm(QWidget):
    submitted = Signal()

    def __init__(self, step: Step, context: FormContext | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stepForm")
        self.step = step
        self.context = context or FormContext()
        self.blocks: dict[str, FieldBlock] = {}
        self.enter = SubmitOnEnter(self)
        self.enter.triggered.connect(self.submitted)
        self._build()
        self.errors = FieldErrors({k: b.error for k, b in self.blocks.items()},
                                  {k: b.editor.input_widget() for k, b in self.blocks.items()},
                                  general=self.generalError)
        self._chain_focus()

    # --- values ---------------------------------------------------------------------------

    def editor(self, key: str) -> FieldEditor:
        return self.blocks[key].editor

    def raw_values(self) -> dict[str, Any]:
        """What the clerk gave, field by field, in the form the engine takes."""
        return {key: block.editor.raw_value() for key, block in self.blocks.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        for key, value in values.items():
            if key in self.blocks:
                self.blocks[key].editor.set_raw_value(value)

    def check(self) -> dict[str, Any] | None:
        """The engine's clean values, or None with every problem shown beside its field."""
        try:
            clean = validate_form(self.step, self.raw_values())
        except FormError as exc:
            self.show_errors(exc.errors)
            return None
        self.clear_errors()
        return clean

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.errors.show(errors)

    def clear_errors(self) -> None:
        self.errors.clear()

    def recheck(self, key: str) -> None:
        """A message under a field goes as soon as the field holds a valid value: a clerk who
        corrected it must not be left wondering what is still wrong."""
        if not self.error_text(key):
            return
        try:
            validate_form(self.step, {key: self.editor(key).raw_value()})
        except FormError as exc:
            if key in exc.errors:
                return
        self.errors.clear_field(key)

    def error_text(self, key: str) -> str:
        block = self.blocks[key]
        return block.error.text() if not block.error.isHidden() else ""

    # --- focus and read-only ---------------------------------------------------------------

    def focus_chain(self) -> list[QWidget]:
        return [w for block in self.blocks.values() for w in block.editor.focus_widgets()]

    def focus_first(self) -> None:
        chain = [w for w in self.focus_chain() if w.isEnabled() and w.isVisibleTo(self)]
        if chain:
            chain[0].setFocus()

    def set_read_only(self, read_only: bool) -> None:
        for block in self.blocks.values():
            block.editor.set_read_only(read_only)
        self.legend.setVisible(not read_only and any(f.required for f in self.step.form))

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(FIELD_SPACING)
        self.legend = self._note(self.tr("Isian bertanda * wajib diisi."), "hint")
        self.legend.setVisible(any(f.required for f in self.step.form))
        self.generalError = self._note("", "error")
        self.emptyNote = self._note(self.tr("Langkah ini tidak memiliki isian."), "hint")
        self.emptyNote.setVisible(not self.step.form)
        for widget in (self.legend, self.generalError, self.emptyNote):
            column.addWidget(widget)
        for form_field in self.step.form:
            block = FieldBlock(editor_for(form_field, self.context, self), self)
            block.editor.problem.connect(lambda text, key=form_field.key: self.show_errors({key: text}))
            for signal in _change_signals(block.editor):
                signal.connect(lambda *_, key=form_field.key: self.recheck(key))
            self.blocks[form_field.key] = block
            column.addWidget(block)
        column.addStretch(1)

    def _note(self, text: str, role: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setProperty("role", role)
        return label

    def _chain_focus(self) -> None:
        chain = self.focus_chain()
        for widget in chain:
            self.enter.watch(widget)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)


def _change_signals(editor: FieldEditor) -> list:
    """The signals by which each of an editor's widgets says its value changed."""
    signals = []
    for widget in editor.focus_widgets():
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            signals.append(widget.textChanged)
        elif isinstance(widget, QComboBox):
            signals.append(widget.currentIndexChanged)
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            signals.append(widget.toggled)
    return signals
