"""Surat masuk: registering an incoming letter in the buku agenda and starting the case it belongs to.

    registered = register_incoming(
        IncomingLetter(sender="Budi Santoso", subject="Permohonan data DPT", received=date(2026, 11, 20),
                       letter_number="001/XI/2026", letter_date=date(2026, 11, 18), scan="surat.pdf"),
        actor="helpdesk", sop_id="kupang-pelayanan-publik",
        case_fields={"nama_pemohon": "Budi Santoso", "rincian_informasi": "DPT Kelurahan Oebobo"},
    )
    registered.letter.agenda_number, registered.case.number     # 42, "PI-2026-00003"

One transaction: the scan, the agenda number (per year, without gaps), the
letter, the case (and its completed entry step) and the audit entries are kept
together or not at all. The case's legal deadline counts from the date the
letter was received, not from the moment it was typed in (UU 14/2008 art. 22).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Mapping

from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.cases import entry_step, find_case, now_or, start_case
from kpu_desk.engine.deadlines import case_due, office_calendar
from kpu_desk.engine.errors import FormError
from kpu_desk.engine.sops import latest_version, sop_for_version
from kpu_desk.engine.storage import audit, writing
from kpu_desk.letters.errors import LetterError
from kpu_desk.letters.sequence import format_number, next_in_year, parse_number
from kpu_desk.letters.vocab import SCAN_SUFFIXES, SECRET_CLASSES, SECURITY_CLASSES, URGENCIES
from kpu_desk.sop.model import FieldType, Sop, Step
from kpu_desk.store import models
from kpu_desk.store.attachments import store_file
from kpu_desk.validation import stored_int

_MORNING = time(8, 0)

# Form fields of the SOPs' letter steps, filled from the registered letter (see letter_fields).
_LETTER_KEYS = {
    "nomor_surat": "letter_number",
    "tanggal_surat": "letter_date",
    "pengirim": "sender",
    "perihal": "subject",
    "tanggal_diterima": "received",
    "nomor_agenda": "agenda",
    "nomor_surat_masuk": "agenda",
    "nomor_agenda_surat_masuk": "agenda",
    "tanggal_register": "registered",
    "tanggal_agenda": "registered",
    "surat_masuk": "scan",
    "form_pengaduan": "scan",
    "berkas_unduhan": "scan",
    "cetakan_pengaduan": "scan",
}


@dataclass(frozen=True)
class IncomingLetter:
    """What the clerk types from the letter. `received` may carry the hour it arrived."""

    sender: str
    subject: str
    received: date | datetime
    letter_number: str = ""
    letter_date: date | None = None
    urgency: str = "Biasa"
    security_class: str = "Biasa"
    classification_code: str = ""
    scan: str | os.PathLike | bytes | None = None  # the scanned letter: a file path or its bytes
    scan_filename: str | None = None  # the name to keep when `scan` is bytes


@dataclass(frozen=True)
class RegisteredLetter:
    letter: models.Letter
    case: models.Case | None

    @property
    def agenda(self) -> str:
        return format_number(self.letter.agenda_number, self.letter.agenda_year)


def register_incoming(
    incoming: IncomingLetter,
    actor: Actor = None,
    *,
    sop_id: str | None = None,
    entry: str | None = None,
    case_fields: Mapping[str, Any] | None = None,
    branch: str | None = None,
    case_number: str | None = None,
    now: datetime | None = None,
) -> RegisteredLetter:
    """Register the letter; start a case of `sop_id` for it, or link it to the case `case_number`.

    With sop_id the case starts at `entry` (default: the SOP's start step that records a letter,
    e.g. Kupang step 5). With case_fields (even {}) that entry step is completed at once with the
    letter's own fields (letter_fields) plus case_fields (and `branch` at a decision); without,
    it stays open for the desk. Raises FormError (per field, Indonesian) for bad input, and the
    engine's errors for the case; nothing is written then.
    """
    now = now_or(now)
    acting = resolve_actor(actor)
    require_letter(incoming, now)
    if sop_id and case_number:
        raise LetterError("pilih salah satu: mulai kasus baru (SOP) atau kaitkan dengan kasus yang ada")
    linked = find_case(case_number) if case_number else None
    with writing():
        letter = _insert(incoming, acting, now)
        case = linked
        if sop_id:
            case = _start_case(letter, incoming, sop_id, entry, case_fields, branch, acting, now)
        if case is not None:
            _link(letter, case)
        audit("letter.register", acting.username, "letter", format_number(letter.agenda_number, letter.agenda_year),
              letter=letter.id, direction="masuk", case=case.number if case else None,
              urgency=letter.urgency, security_class=letter.security_class, scan=letter.attachment_id)
    return RegisteredLetter(models.Letter.get_by_id(letter.id), models.Case.get_by_id(case.id) if case else None)


# --- checks -------------------------------------------------------------------------------


def letter_problems(incoming: IncomingLetter, now: datetime | None = None) -> dict[str, str]:
    """Every reason the letter cannot be registered, by field; empty when it can."""
    today = now_or(now).date()
    problems: dict[str, str] = {}
    _text_problem(problems, "sender", incoming.sender, "pengirim", models.Letter.sender.max_length)
    _text_problem(problems, "subject", incoming.subject, "perihal", None)
    if len(incoming.letter_number or "") > models.Letter.letter_number.max_length:
        problems["letter_number"] = "nomor surat terlalu panjang (paling banyak 100 karakter)"
    if len(incoming.classification_code or "") > models.Letter.classification_code.max_length:
        problems["classification_code"] = "kode klasifikasi terlalu panjang (paling banyak 30 karakter)"
    if incoming.urgency not in URGENCIES:
        problems["urgency"] = f"sifat surat harus salah satu dari: {', '.join(URGENCIES)}"
    if incoming.security_class not in SECURITY_CLASSES:
        problems["security_class"] = f"klasifikasi keamanan harus salah satu dari: {', '.join(SECURITY_CLASSES)}"
    problems.update(_date_problems(incoming, today))
    problems.update(_scan_problems(incoming))
    return problems


def require_letter(incoming: IncomingLetter, now: datetime | None = None) -> None:
    problems = letter_problems(incoming, now)
    if problems:
        raise FormError(problems, {k: v for k, v in vars(incoming).items() if k != "scan"})


def _text_problem(problems: dict, key: str, text: str, word: str, limit: int | None) -> None:
    if not str(text or "").strip():
        problems[key] = f"{word} wajib diisi"
    elif limit and len(" ".join(str(text).split())) > limit:
        problems[key] = f"{word} terlalu panjang (paling banyak {limit} karakter)"


def _date_problems(incoming: IncomingLetter, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    received = _as_date(incoming.received)
    written = _as_date(incoming.letter_date)
    if received is None:
        problems["received"] = "tanggal diterima wajib diisi"
    elif received > today:
        problems["received"] = "tanggal diterima tidak boleh di masa depan"
    if written is not None and written > today:
        problems["letter_date"] = "tanggal surat tidak boleh di masa depan"
    elif written is not None and received is not None and received < written:
        problems["received"] = "tanggal diterima tidak boleh sebelum tanggal surat"
    return problems


def _scan_problems(incoming: IncomingLetter) -> dict[str, str]:
    scan = incoming.scan
    if scan is None:
        return {}
    name = incoming.scan_filename or ("" if isinstance(scan, (bytes, bytearray)) else os.fspath(scan))
    if not str(name).lower().endswith(SCAN_SUFFIXES):
        return {"scan": f"pindaian surat harus berjenis {', '.join(SCAN_SUFFIXES)}"}
    if not isinstance(scan, (bytes, bytearray)) and not os.path.isfile(scan):
        return {"scan": f"berkas pindaian {os.fspath(scan)} tidak ditemukan"}
    if isinstance(scan, (bytes, bytearray)) and not scan:
        return {"scan": "berkas pindaian kosong"}
    return {}


def _as_date(value: date | datetime | None) -> date | None:
    if value is None:
        return None
    return value.date() if isinstance(value, datetime) else value


# --- writing ------------------------------------------------------------------------------


def _insert(incoming: IncomingLetter, acting, now: datetime) -> models.Letter:
    received = _as_date(incoming.received)
    assert received is not None  # require_letter refused a letter without its date
    scan = None
    if incoming.scan is not None:
        scan = store_file(incoming.scan, incoming.scan_filename, uploaded_by=acting.user)
    year = received.year
    number = next_in_year(models.Letter.agenda_number, models.Letter.agenda_year, year,
                          models.Letter.direction == "masuk")
    return models.Letter.create(
        direction="masuk", agenda_year=year, agenda_number=number,
        sender=" ".join(incoming.sender.split()), letter_number=" ".join((incoming.letter_number or "").split()),
        letter_date=_as_date(incoming.letter_date), received_date=received, subject=incoming.subject.strip(),
        urgency=incoming.urgency, security_class=incoming.security_class,
        classification_code=(incoming.classification_code or "").strip(), attachment=scan,
        registered_at=now, registered_by=acting.user,
    )


def _start_case(letter, incoming, sop_id, entry, case_fields, branch, acting, now) -> models.Case:
    sop = sop_for_version(latest_version(sop_id).id)
    step = entry_step(sop, entry) if entry else letter_entry(sop)
    complete = case_fields is not None
    fields = {**letter_fields(letter, step, received_at=_moment(incoming, now)), **dict(case_fields or {})}
    case = start_case(sop_id, fields if complete else None, acting.user,
                      entry=step.entry or str(step.no), now=now, complete_first=complete, branch=branch,
                      registering_letter=True)
    _count_from_received(case, sop, letter.received_date)
    return case


def letter_entry(sop: Sop) -> Step:
    """The start step where a letter comes in: the one whose form records most of a letter."""
    def score(step: Step) -> int:
        return sum(1 for f in step.form if f.key in _LETTER_KEYS)

    return max(sop.start_steps, key=score)


def _count_from_received(case: models.Case, sop: Sop, received: date) -> None:
    """The legal deadline counts from the day the letter arrived (that day not counted)."""
    deadline = sop.case.legal_deadline
    if deadline is None:
        return
    due = case_due(office_calendar(), deadline, datetime.combine(received, _MORNING))
    models.Case.update(due_at=due).where(models.Case.id == case.id).execute()


def _link(letter: models.Letter, case: models.Case) -> None:
    models.Letter.update(case=case).where(models.Letter.id == letter.id).execute()
    if letter.attachment_id:
        models.Attachment.update(case=case).where(models.Attachment.id == letter.attachment_id).execute()
    if not case.title and letter.security_class not in SECRET_CLASSES:
        models.Case.update(title=letter.subject[:models.Case.title.max_length]).where(
            models.Case.id == case.id).execute()


def _moment(incoming: IncomingLetter, now: datetime) -> datetime:
    if isinstance(incoming.received, datetime):
        return incoming.received.replace(second=0, microsecond=0)
    return _received_moment(incoming.received, now)


def _received_moment(day: date, registered: datetime | None) -> datetime:
    """When a letter known only by its date arrived: the hour it was registered, that same day; else 08:00."""
    if registered is not None and registered.date() == day:
        return registered.replace(second=0, microsecond=0)
    return datetime.combine(day, _MORNING)


# --- the letter in a step's form -------------------------------------------------------------


def letter_fields(letter: models.Letter, step: Step, received_at: datetime | None = None) -> dict[str, Any]:
    """The fields of `step`'s form that the letter fills (nomor_surat, perihal, surat_masuk, …).

    For a form shown to the desk, or completed at once by register_incoming; fields the
    step does not have are left out.
    """
    values = _letter_values(letter, received_at)
    found: dict[str, Any] = {}
    for form_field in step.form:
        source = _LETTER_KEYS.get(form_field.key)
        value = values.get(source) if source else None
        if value is None or value == "":
            continue
        if isinstance(value, datetime) and form_field.type is FieldType.DATE:
            value = value.date()
        found[form_field.key] = value
    return found


def _letter_values(letter: models.Letter, received_at: datetime | None) -> dict[str, Any]:
    return {
        "letter_number": letter.letter_number, "letter_date": letter.letter_date, "sender": letter.sender,
        "subject": letter.subject,
        "received": received_at or _received_moment(letter.received_date, letter.registered_at),
        "agenda": format_number(letter.agenda_number, letter.agenda_year),
        "registered": (letter.registered_at or datetime.now()).date(),
        "scan": letter.attachment_id,
    }


# --- finding ------------------------------------------------------------------------------------


def find_letter(ref: int | str | models.Letter, direction: str = "masuk") -> models.Letter:
    """A letter by row, id, or agenda number ("0042/2026")."""
    if isinstance(ref, models.Letter):
        return ref
    text = str(ref).strip()
    parsed = parse_number(text)
    letter = None
    if parsed:
        number, year = parsed
        letter = models.Letter.get_or_none((models.Letter.direction == direction)
                                           & (models.Letter.agenda_year == year)
                                           & (models.Letter.agenda_number == number))
    elif (row_id := stored_int(text)) is not None:
        letter = models.Letter.get_or_none(models.Letter.id == row_id)
    if letter is None:
        raise LetterError(f"surat '{text}' tidak ditemukan")
    return letter


def letters_of_case(case: models.Case) -> list[models.Letter]:
    return list(models.Letter.select().where(models.Letter.case == case.id).order_by(models.Letter.id))
