"""The files of a case: those stored against it, and those its recorded forms point to.

A form's attachment field holds an Attachment id; a file chosen at another
desk (or imported) may not carry the case, so both ways are looked up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kpu_desk.engine.files import FileInfo
from kpu_desk.engine.files import case_files as stored_files
from kpu_desk.gui.case.case_data import CaseData
from kpu_desk.sop.model import FieldType
from kpu_desk.validation import stored_int

FILE_TYPES = (FieldType.ATTACHMENT, FieldType.SIGNATURE)


@dataclass(frozen=True)
class CaseFile:
    attachment_id: int
    filename: str
    size: int
    uploaded_at: datetime | None
    step_no: int | None  # the step whose recorded form names it
    field_label: str


def case_files(data: CaseData) -> list[CaseFile]:
    named = _named_in_forms(data)
    rows = stored_files(data.case_id, also=named)
    return [_file(row, named.get(row.id)) for row in rows if row.id in named or _uploaded_to_case(row)]


def _named_in_forms(data: CaseData) -> dict[int, tuple[int, str]]:
    """attachment id → (step number, field label) for every file a recorded form points to."""
    found: dict[int, tuple[int, str]] = {}
    for entry in data.history:
        if entry.state != "done":
            continue
        step = data.sop.step(entry.step_no)
        for form_field in step.form:
            row_id = stored_int(entry.form.get(form_field.key, ""))
            if form_field.type in FILE_TYPES and row_id is not None:
                found[row_id] = (entry.step_no, form_field.label)
    return found


def _uploaded_to_case(row: FileInfo) -> bool:
    return row.case_id is not None


def _file(row: FileInfo, named: tuple[int, str] | None) -> CaseFile:
    step_no, label = named if named else (None, "")
    return CaseFile(row.id, row.filename, row.size, row.uploaded_at, step_no, label)
