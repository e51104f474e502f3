"""What the lembar disposisi prints, gathered from the database (kpu_desk.printing.disposition_sheet draws it).

The sheet of a disposition shows its letter, the "Diteruskan kepada" checklist with
its ticks, every instruction checkbox, the note, the deadline, the signer, and the
levels it was passed on to (each level's own note), so one sheet tells the whole
way down. Nothing here is personal data of a citizen beyond what the letter itself
says; the QR code holds only the verification code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from kpu_desk.engine.actors import Actor
from kpu_desk.indodate import DAY_NAMES, format_indonesian_date
from kpu_desk.letters.dispositions import DispositionRef
from kpu_desk.letters.positions import positions
from kpu_desk.letters.prefill import disposition_text
from kpu_desk.letters.signing import specimen_path
from kpu_desk.letters.views import DispositionView, chain_below, disposition_view, require_may_read_letter
from kpu_desk.letters.vocab import INSTRUCTIONS, OTHER_LABEL, SECURITY_CLASSES, URGENCIES
from kpu_desk.office import load_office, logo_path
from kpu_desk.store import models


@dataclass(frozen=True)
class Tick:
    label: str
    ticked: bool


@dataclass(frozen=True)
class Level:
    """One level passed on below the signed disposition (Sekretaris → Kasubag → staf)."""

    by: str  # jabatan (name)
    to: str  # the recipients, joined
    note: str  # this level's instructions and note
    written: str  # date written
    deadline: str


@dataclass(frozen=True)
class SheetInfo:
    office_name: str
    office_address: str
    logo: Path | None
    disposition_id: int
    version: int
    # the letter (empty for a case without a letter)
    sender: str
    letter_number: str
    letter_date: str
    received_date: str
    agenda: str
    subject: str
    urgency: str
    security_class: str
    classification_code: str
    case_number: str
    # the disposition
    author: str  # jabatan (name) of who wrote it
    written: str
    recipients: list[Tick]  # the "Diteruskan kepada" checklist, ticks included
    instructions: list[Tick]  # every checkbox of the sheet, and "Lainnya"
    note: str
    deadline: str
    levels: list[Level] = field(default_factory=list)
    # the signature
    signer_position: str = ""
    signer_name: str = ""
    signer_nip: str = ""
    signature_image: Path | None = None
    signed_date: str = ""
    code: str | None = None  # the verification payload, only when signed
    # what the sheet is, when it is not a signed sheet in force
    oral: bool = False
    replaced_by_version: int | None = None

    @property
    def urgencies(self) -> list[Tick]:
        return [Tick(u, u == self.urgency) for u in URGENCIES]

    @property
    def security_classes(self) -> list[Tick]:
        return [Tick(s, s == self.security_class) for s in SECURITY_CLASSES]

    @property
    def status(self) -> str:
        """A mark across the sheet when it is not a signed sheet in force; "" otherwise."""
        if self.replaced_by_version:
            return f"DIGANTI OLEH VERSI {self.replaced_by_version}"
        if self.oral:
            return "CATATAN DISPOSISI LISAN"
        if self.code is None:
            return "KONSEP — BELUM DITANDATANGANI"
        return ""


def sheet_info(ref: DispositionRef, reader: Actor) -> SheetInfo:
    """What the sheet prints; NotPermitted when it would show the reader a letter they may not read."""
    view = disposition_view(ref)
    require_may_read_letter(view, reader)
    office = load_office()
    letter = models.Letter.get_or_none(models.Letter.id == view.letter_id) if view.letter_id else None
    signer = view.signer
    return SheetInfo(
        office_name=office.name or "KOMISI PEMILIHAN UMUM", office_address=office.address, logo=logo_path(office),
        disposition_id=view.id, version=view.version,
        sender=letter.sender if letter else "", letter_number=letter.letter_number if letter else "",
        letter_date=_day(letter.letter_date) if letter else "",
        received_date=_day(letter.received_date) if letter else "",
        agenda=view.agenda, subject=letter.subject if letter else _case_title(view.case_number),
        urgency=letter.urgency if letter else "Biasa", security_class=letter.security_class if letter else "Biasa",
        classification_code=letter.classification_code if letter else "", case_number=view.case_number,
        author=_who(view.author), written=_day(view.created_at), recipients=_recipient_ticks(view),
        instructions=_instruction_ticks(view), note=view.note, deadline=deadline_text(view.deadline_days, view.due_at),
        levels=[_level(child) for child in chain_below(view.id)],
        signer_position=signer.jabatan if signer else "", signer_name=signer.name if signer else "",
        signer_nip=signer.nip if signer else "", signature_image=specimen_path(view.signature_sha256),
        signed_date=_day(view.signed_at) if view.signed_at else "",
        code=view.signature_code if view.signed_at else None, oral=view.oral,
        replaced_by_version=_replacing_version(view),
    )


def deadline_text(days: int | None, due: datetime | None) -> str:
    if due is None:
        return "-"
    when = f"{DAY_NAMES[due.weekday()]}, {format_indonesian_date(due.date())}"
    return f"{days} hari kerja, s.d. {when}" if days else f"s.d. {when}"


def _recipient_ticks(view: DispositionView) -> list[Tick]:
    """The office's checklist with its ticks; a person ticks the line their jabatan begins with
    ("Sekretaris KPU Kota Kupang" → "Sekretaris (name)"), or gets a line of their own."""
    chosen = [r.position for r in view.recipients if r.user is None]
    people = [(r, r.user) for r in view.recipients if r.user is not None]
    checklist = positions()
    named: dict[str, list[str]] = {p: [] for p in checklist}
    extra = []
    for person, user in people:
        line = next((p for p in checklist if _holds(person.position or user.jabatan, p)), None)
        if line is None:
            extra.append(Tick(person.label, True))
        else:
            named[line].append(user.name)
    ticks = [Tick(f"{p} ({', '.join(named[p])})" if named[p] else p, p in chosen or bool(named[p]))
             for p in checklist]
    return ticks + [Tick(p, True) for p in chosen if p not in checklist] + extra


def _holds(jabatan: str, position: str) -> bool:
    return bool(jabatan) and jabatan.casefold().startswith(position.casefold())


def _instruction_ticks(view: DispositionView) -> list[Tick]:
    ticks = [Tick(label, label in view.instructions) for label in INSTRUCTIONS]
    other = f"{OTHER_LABEL}: {view.other}" if view.other else f"{OTHER_LABEL}: …"
    return ticks + [Tick(other, bool(view.other))]


def _level(child: DispositionView) -> Level:
    row = models.Disposition.get_by_id(child.id)
    to = ", ".join(r.label for r in child.recipients)
    return Level(by=_who(child.author), to=to, note=disposition_text(row), written=_day(child.created_at),
                 deadline=deadline_text(child.deadline_days, child.due_at))


def _who(person) -> str:
    if person is None:
        return "-"
    return f"{person.jabatan} ({person.name})" if person.jabatan else person.name


def _day(value: date | datetime | None) -> str:
    if value is None:
        return "-"
    return format_indonesian_date(value.date() if isinstance(value, datetime) else value)


def _case_title(number: str) -> str:
    if not number:
        return ""
    return models.Case.select(models.Case.title).where(models.Case.number == number).scalar() or ""


def _replacing_version(view: DispositionView) -> int | None:
    if view.replaced_by_id is None:
        return None
    return models.Disposition.select(models.Disposition.version).where(
        models.Disposition.id == view.replaced_by_id).scalar()
