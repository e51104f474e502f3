"""A recorded form value as a clerk reads it: 21-11-2026, 10.42, Ya/Tidak, a colleague's name, a file name.

NIK values arrive masked already (engine.case_history); nothing here unmasks them.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication

from kpu_desk.engine.actors import name_of
from kpu_desk.engine.files import file_info
from kpu_desk.sop.model import FieldType, FormField, Step

SUMMARY_VALUE_CHARS = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseWindow", text)


def value_text(form_field: FormField | None, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    kind = form_field.type if form_field is not None else None
    if isinstance(value, bool):
        return _tr("Ya") if value else _tr("Tidak")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    reader = _READERS.get(kind)
    return reader(value) if reader else _plain(value)


def field_of(step: Step, key: str) -> FormField | None:
    return next((f for f in step.form if f.key == key), None)


def form_summary(step: Step | None, form: dict[str, Any], short: bool = True) -> str:
    """One line for a history row: "Nama tamu: Budi Santoso; Jumlah tamu: 2; …" (each value cut when short)."""
    parts = []
    for key, value in form.items():
        form_field = field_of(step, key) if step is not None else None
        label = form_field.label if form_field is not None else key
        text = value_text(form_field, value)
        parts.append(f"{label}: {_short(text) if short else text}")
    return "; ".join(parts) or "—"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_VALUE_CHARS else text[: SUMMARY_VALUE_CHARS - 1] + "…"


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return str(value)


def _date(value: Any) -> str:
    try:
        return date.fromisoformat(str(value)[:10]).strftime("%d-%m-%Y")
    except ValueError:
        return str(value)


def _time(value: Any) -> str:
    try:
        return time.fromisoformat(str(value)).strftime("%H.%M")
    except ValueError:
        return str(value)


def _datetime(value: Any) -> str:
    try:
        return datetime.fromisoformat(str(value)).strftime("%d-%m-%Y %H.%M")
    except ValueError:
        return str(value)


def _person(value: Any) -> str:
    return name_of(str(value))


def _attachment(value: Any) -> str:
    text = str(value)
    found = file_info(text)
    return found.filename if found is not None else _tr("lampiran #{0}").format(text)


_READERS = {
    FieldType.DATE: _date,
    FieldType.TIME: _time,
    FieldType.DATETIME: _datetime,
    FieldType.PERSON: _person,
    FieldType.ATTACHMENT: _attachment,
    FieldType.SIGNATURE: _attachment,
}
