"""Which editor each field type gets."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kpu_desk.gui.forms.attachment_editor import AttachmentEditor
from kpu_desk.gui.forms.choice_editors import ChoicesEditor, ComboEditor
from kpu_desk.gui.forms.context import FormContext
from kpu_desk.gui.forms.datetime_editors import DateEditor, DateTimeEditor, TimeEditor
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.gui.forms.multiline_editor import MultilineEditor
from kpu_desk.gui.forms.number_editor import NumberEditor
from kpu_desk.gui.forms.person_editor import PersonEditor
from kpu_desk.gui.forms.text_editors import EmailEditor, LineEditor, NikEditor, PhoneEditor
from kpu_desk.gui.forms.yesno_editor import YesNoCheckEditor, YesNoRadioEditor
from kpu_desk.sop.model import FieldType, FormField

_SIMPLE = {
    FieldType.TEXT: LineEditor,
    FieldType.MULTILINE: MultilineEditor,
    FieldType.NUMBER: NumberEditor,
    FieldType.DATE: DateEditor,
    FieldType.TIME: TimeEditor,
    FieldType.DATETIME: DateTimeEditor,
    FieldType.PERSON: PersonEditor,
    FieldType.NIK: NikEditor,
    FieldType.PHONE: PhoneEditor,
    FieldType.EMAIL: EmailEditor,
}


def editor_for(form_field: FormField, context: FormContext, parent: QWidget | None = None) -> FieldEditor:
    kind = form_field.type
    if kind in (FieldType.ATTACHMENT, FieldType.SIGNATURE):
        return AttachmentEditor(form_field, context, parent)
    if kind is FieldType.CHOICE:
        return ChoicesEditor(form_field, parent) if form_field.multiple else ComboEditor(form_field, parent)
    if kind is FieldType.YESNO:
        return YesNoRadioEditor(form_field, parent) if form_field.required else YesNoCheckEditor(form_field, parent)
    return _SIMPLE[kind](form_field, parent)
