"""Checking a step's form: each value converted to its type and held to its rules.

Input comes as text (the CLI, a line edit) or as Python values (a date picker,
a check box). What comes out is JSON-ready, because it is stored as the step
run's form data: dates as "YYYY-MM-DD", times as "HH:MM", date-times as
"YYYY-MM-DDTHH:MM", yes/no as booleans, a person as a username, an attachment
as the Attachment id, a NIK as 16 digits, a phone number in its 08… form.

A bad form raises FormError with one Indonesian message per field key and the
input exactly as given, so the form can be shown again as the user typed it.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any, Callable, Mapping

import peewee as pw

from kpu_desk.contact import ContactError, normalize_email, normalize_phone
from kpu_desk.engine.errors import FormError
from kpu_desk.nik import nik_problems, normalize_nik
from kpu_desk.sop.model import FieldType, FormField, Step
from kpu_desk.sop.patterns import PatternError, full_match
from kpu_desk.store import models
from kpu_desk.workcal import YEARS
from kpu_desk.validation import UNSTORABLE_TEXT, is_storable_text, stored_int

DATE_HINT = "tanggal harus ditulis seperti 2026-11-21 atau 21-11-2026"
TIME_HINT = "jam harus ditulis seperti 10:42"
DATETIME_HINT = "tanggal dan jam harus ditulis seperti 2026-11-21 10:42 atau 21-11-2026 10:42"

# Digits are 0-9 (re.ASCII): "\d" alone also takes "٣" and "²", and int("²") fails.
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_LOCAL_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", re.ASCII)
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$", re.ASCII)
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$", re.ASCII)
# The most digits a number field keeps before the decimal comma: every such number survives
# the JSON of the stored form exactly (a double holds 15 significant digits), and int() is never
# asked to read thousands of digits.
NUMBER_DIGITS = 15
_TOO_BIG = f"angka terlalu besar; paling banyak {NUMBER_DIGITS} angka sebelum koma"
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")
_YES = {"ya", "iya", "y", "yes", "true", "1", "benar"}
_NO = {"tidak", "tdk", "t", "n", "no", "false", "0", "bukan"}


class FieldError(ValueError):
    """One field's value breaks one of its rules; the message is shown beside the field."""


def validate_form(step: Step, raw: Mapping[str, Any] | None) -> dict[str, Any]:
    """The step's form data, converted and checked; raise FormError listing every bad field."""
    given = dict(raw or {})
    known = {f.key for f in step.form}
    errors = {key: f"langkah {step.no} tidak memiliki isian '{key}'" for key in given if key not in known}
    clean: dict[str, Any] = {}
    for form_field in step.form:
        value = given.get(form_field.key)
        if _is_empty(value):
            if form_field.required:
                errors[form_field.key] = "wajib diisi"
            continue
        try:
            clean[form_field.key] = convert_value(form_field, value)
        except FieldError as exc:
            errors[form_field.key] = str(exc)
    if errors:
        raise FormError(errors, given)
    return clean


def convert_value(form_field: FormField, value: Any) -> Any:
    """One non-empty value converted to its field's type; raise FieldError."""
    if isinstance(value, str) and not is_storable_text(value):
        raise FieldError(UNSTORABLE_TEXT)
    return _CONVERTERS[form_field.type](form_field, value)


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, set)):
        return not any(not _is_empty(item) for item in value)
    return False


# --- text ----------------------------------------------------------------------


def _text(form_field: FormField, value: Any) -> str:
    # One line: a pasted line break would break registers and printed passes.
    return _text_rules(form_field, " ".join(str(value).split()))


def _multiline(form_field: FormField, value: Any) -> str:
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").strip()
    return _text_rules(form_field, text)


def _text_rules(form_field: FormField, text: str) -> str:
    if form_field.min_length is not None and len(text) < form_field.min_length:
        raise FieldError(f"paling sedikit {form_field.min_length} huruf")
    if form_field.max_length is not None and len(text) > form_field.max_length:
        raise FieldError(f"paling banyak {form_field.max_length} huruf (tertulis {len(text)})")
    if form_field.pattern and not _fits(form_field.pattern, text):
        raise FieldError(form_field.pattern_message or "isian tidak sesuai dengan bentuk yang diminta")
    return text


def _fits(pattern: str, text: str) -> bool:
    try:
        return full_match(pattern, text)
    except PatternError:  # only a version stored before the linter refused such patterns
        raise FieldError("bentuk isian ini tidak dapat diperiksa: pola (pattern) pada SOP tidak didukung; "
                         "minta administrator memperbaiki SOP-nya") from None


# --- numbers, dates and times --------------------------------------------------------


def _number(form_field: FormField, value: Any) -> int | float:
    number = _as_number(value)
    if form_field.minimum is not None and number < form_field.minimum:
        raise FieldError(f"paling kecil {_plain_number(form_field.minimum)}")
    if form_field.maximum is not None and number > form_field.maximum:
        raise FieldError(f"paling besar {_plain_number(form_field.maximum)}")
    return number


def _as_number(value: Any) -> int | float:
    if isinstance(value, bool):
        raise FieldError("harus berupa angka")
    if isinstance(value, (int, float)):
        number = value
    else:
        number = _parse_number(str(value))
    if not abs(number) < 10**NUMBER_DIGITS:  # also refuses NaN and infinity
        raise FieldError(_TOO_BIG)
    return number


def _parse_number(text: str) -> int | float:
    # The decimal comma is what Indonesians write (36,5); the dot is accepted too.
    text = text.strip().replace(",", ".", 1)
    if not _NUMBER.match(text):
        raise FieldError("harus berupa angka, misalnya 12 atau 36,5")
    whole = text.lstrip("+-").split(".")[0].lstrip("0")
    if len(whole) > NUMBER_DIGITS:  # before int(): 5,000 digits would raise ValueError there
        raise FieldError(_TOO_BIG)
    return float(text) if "." in text else int(text)


def _plain_number(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number).replace(".", ",")


def _date(form_field: FormField, value: Any) -> str:
    return parse_date(value).isoformat()


def parse_date(value: Any) -> date:
    """A date from a date, or text written 2026-11-21, 21-11-2026 or 21/11/2026."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    parts = (match.group(1), match.group(2), match.group(3)) if match else None
    match = None if parts else _LOCAL_DATE.match(text)
    if match:
        parts = (match.group(3), match.group(2), match.group(1))
    if parts is None:
        raise FieldError(DATE_HINT)
    if int(parts[0]) not in YEARS:
        raise FieldError(f"tahun pada tanggal '{text}' harus antara {YEARS.start} dan {YEARS.stop - 1}")
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise FieldError(f"tanggal '{text}' tidak ada di kalender") from None


def _time(form_field: FormField, value: Any) -> str:
    return parse_time(value).strftime("%H:%M")


def parse_time(value: Any) -> time:
    """A time of day from a time, or text written 10:42 or 10.42 (as Indonesians write it)."""
    if isinstance(value, time):
        return value
    match = _TIME.match(str(value).strip())
    if not match:
        raise FieldError(TIME_HINT)
    try:
        return time(int(match.group(1)), int(match.group(2)), int(match.group(3) or 0))
    except ValueError:
        raise FieldError(f"jam '{str(value).strip()}' tidak ada; {TIME_HINT}") from None


def _datetime(form_field: FormField, value: Any) -> str:
    return parse_datetime(value).isoformat(timespec="minutes")


def parse_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    pieces = str(value).strip().replace("T", " ", 1).split()
    if len(pieces) != 2:
        raise FieldError(DATETIME_HINT)
    try:
        return datetime.combine(parse_date(pieces[0]), parse_time(pieces[1]))
    except FieldError:
        raise FieldError(DATETIME_HINT) from None


# --- choices --------------------------------------------------------------------


def _choice(form_field: FormField, value: Any) -> str | list[str]:
    if form_field.multiple:
        return _choices(form_field, value)
    if isinstance(value, (list, tuple, set)):
        raise FieldError("pilih satu saja")
    option = _option(form_field, str(value))
    if option is None:
        raise FieldError(f"pilih salah satu dari: {', '.join(form_field.options)}")
    return option


def _choices(form_field: FormField, value: Any) -> list[str]:
    pieces = [str(v) for v in value] if isinstance(value, (list, tuple, set)) else _split_choices(form_field, str(value))
    chosen, unknown = [], []
    for piece in pieces:
        option = _option(form_field, piece)
        if option is None:
            unknown.append(piece.strip())
        elif option not in chosen:
            chosen.append(option)
    if unknown:
        raise FieldError(f"'{', '.join(unknown)}' bukan pilihan; pilih dari: {', '.join(form_field.options)}")
    return chosen


def _split_choices(form_field: FormField, text: str) -> list[str]:
    """Comma-separated choices, joining pieces back when an option itself holds a comma."""
    pieces, buffer = [], ""
    for piece in text.split(","):
        buffer = f"{buffer},{piece}" if buffer else piece
        if _option(form_field, buffer) is not None:
            pieces.append(buffer)
            buffer = ""
    if buffer.strip():
        pieces.extend(p for p in buffer.split(",") if p.strip())
    return pieces


def _option(form_field: FormField, text: str) -> str | None:
    wanted = " ".join(text.split()).casefold()
    return next((o for o in form_field.options if " ".join(o.split()).casefold() == wanted), None)


def _yesno(form_field: FormField, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().casefold()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise FieldError("jawab ya atau tidak")


# --- people and identity -----------------------------------------------------------


def _nik(form_field: FormField, value: Any) -> str:
    problems = nik_problems(str(value))
    if problems:
        raise FieldError("; ".join(problems))
    return normalize_nik(str(value))


def _phone(form_field: FormField, value: Any) -> str:
    try:
        return normalize_phone(str(value))
    except ContactError as exc:
        raise FieldError(str(exc)) from None


def _email(form_field: FormField, value: Any) -> str:
    try:
        return normalize_email(str(value))
    except ContactError as exc:
        raise FieldError(str(exc)) from None


def _person(form_field: FormField, value: Any) -> str:
    name = value.username if isinstance(value, models.User) else str(value).strip()
    user = models.User.get_or_none(
        (pw.fn.LOWER(models.User.username) == name.lower()) & (models.User.active == True)  # noqa: E712
    )
    if user is None:
        raise FieldError(f"pengguna '{name}' tidak dikenal atau tidak aktif")
    if form_field.role and not _has_role(user, form_field.role):
        raise FieldError(f"pengguna '{user.username}' tidak memiliki peran {form_field.role}")
    return user.username


def _has_role(user: models.User, role: str) -> bool:
    query = models.UserRole.select().where((models.UserRole.user == user) & (models.UserRole.role == role))
    return query.exists()


# --- files ------------------------------------------------------------------------


def _attachment(form_field: FormField, value: Any) -> int:
    attachment = _find_attachment(value)
    if attachment is None:
        raise FieldError(f"lampiran '{value}' tidak ditemukan; unggah berkasnya dahulu")
    if form_field.accept and not attachment.filename.lower().endswith(tuple(a.lower() for a in form_field.accept)):
        raise FieldError(f"berkas harus berjenis {', '.join(form_field.accept)}")
    return attachment.id


def _find_attachment(value: Any) -> models.Attachment | None:
    """An Attachment by row, id, or the SHA-256 of its content (the newest upload of it)."""
    if isinstance(value, models.Attachment):
        return value
    text = str(value).strip()
    row_id = stored_int(text)
    if row_id is not None:
        return models.Attachment.get_or_none(models.Attachment.id == row_id)
    if _SHA256.match(text):
        query = models.Attachment.select().where(models.Attachment.sha256 == text.lower())
        return query.order_by(models.Attachment.id.desc()).first()
    return None


_CONVERTERS: dict[FieldType, Callable[[FormField, Any], Any]] = {
    FieldType.TEXT: _text,
    FieldType.MULTILINE: _multiline,
    FieldType.NUMBER: _number,
    FieldType.DATE: _date,
    FieldType.TIME: _time,
    FieldType.DATETIME: _datetime,
    FieldType.CHOICE: _choice,
    FieldType.PERSON: _person,
    FieldType.NIK: _nik,
    FieldType.PHONE: _phone,
    FieldType.EMAIL: _email,
    FieldType.YESNO: _yesno,
    # A signature is an image of it (drawn on the pad or scanned), kept as an attachment.
    FieldType.ATTACHMENT: _attachment,
    FieldType.SIGNATURE: _attachment,
}
