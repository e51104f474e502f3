"""Buku ekspedisi: the hand-over of an output (a reply letter, data) with who received it.

    entry = record_handover(Handover(item="Surat balasan 12/PI/XI/2026 dan lampiran data",
                                     recipient_name="Maria Goreti Lake", case="PI-2026-00003",
                                     receiver_signature=png_bytes), handed_by="kasubag.hukum")
    expedition_number(entry)       # "0007/2026": per year, without gaps
    expeditions(2026)              # the register, newest first

The receiver's signature (drawn on the pad) is kept as a PNG attachment of the case; its
hash is on the entry. handover_fields (kpu_desk.letters.prefill) fills the SOP step that
records the hand-over from an entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.cases import find_case, now_or
from kpu_desk.engine.errors import FormError
from kpu_desk.engine.storage import audit, writing
from kpu_desk.letters.errors import LetterError
from kpu_desk.letters.images import png_problem
from kpu_desk.letters.incoming import find_letter
from kpu_desk.letters.sequence import format_number, next_in_year, parse_number
from kpu_desk.store import models
from kpu_desk.store.attachments import store_file
from kpu_desk.validation import stored_int


@dataclass(frozen=True)
class Handover:
    item: str  # what was handed over
    recipient_name: str
    recipient_institution: str = ""
    case: models.Case | str | None = None  # the case (or its number) the output belongs to
    letter: models.Letter | int | str | None = None  # the letter (row, id or agenda number)
    handed_at: datetime | None = None  # default: now
    receiver_signature: bytes | None = None  # PNG of the receiver's signature
    note: str = ""


@dataclass(frozen=True)
class ExpeditionRow:
    id: int
    number: str  # "0007/2026"
    handed_at: datetime
    item: str
    recipient_name: str
    recipient_institution: str
    handed_by: str  # the full name of who handed it over
    case_number: str
    agenda: str
    signed: bool  # the receiver signed on the pad
    note: str


def record_handover(handover: Handover, handed_by: Actor, now: datetime | None = None) -> models.Expedition:
    """Write a buku ekspedisi entry; FormError (per field, Indonesian) for bad input."""
    now = now_or(now)
    acting = resolve_actor(handed_by)
    at = (handover.handed_at or now).replace(microsecond=0)
    _require_valid(handover, at, now)
    case, letter = _links(handover)
    with writing():
        proof = _keep_signature(handover, case, acting)
        number = next_in_year(models.Expedition.number, models.Expedition.year, at.year)
        entry = models.Expedition.create(
            year=at.year, number=number, case=case, letter=letter, item=handover.item.strip(),
            recipient_name=" ".join(handover.recipient_name.split()),
            recipient_institution=" ".join((handover.recipient_institution or "").split()), handed_at=at,
            handed_by=acting.user, receiver_signature_sha256=proof.sha256 if proof else None,
            note=(handover.note or "").strip(),
        )
        audit("expedition.record", acting.username, "expedition", format_number(number, at.year),
              case=case.number if case else None, letter=letter.id if letter else None, signed=proof is not None)
    return models.Expedition.get_by_id(entry.id)


def expeditions(year: int, search: str | None = None, case: str | None = None,
                limit: int = 2000) -> list[ExpeditionRow]:
    """The buku ekspedisi of a year, newest number first; search looks in item, recipient and institution."""
    query = (models.Expedition.select().where(models.Expedition.year == year)
             .order_by(models.Expedition.number.desc()).limit(limit))
    if search and search.strip():
        text = search.strip()
        query = query.where(models.Expedition.item.contains(text) | models.Expedition.recipient_name.contains(text)
                            | models.Expedition.recipient_institution.contains(text))
    if case:
        query = query.where(models.Expedition.case == find_case(case).id)
    return [_row(entry) for entry in query]


def find_expedition(ref: int | str) -> models.Expedition:
    parsed = parse_number(str(ref))
    entry = None
    if parsed:
        entry = models.Expedition.get_or_none((models.Expedition.year == parsed[1])
                                              & (models.Expedition.number == parsed[0]))
    elif (row_id := stored_int(ref)) is not None:
        entry = models.Expedition.get_or_none(models.Expedition.id == row_id)
    if entry is None:
        raise LetterError(f"entri buku ekspedisi '{ref}' tidak ditemukan")
    return entry


def register_signatures(rows: list[ExpeditionRow]) -> dict[int, Path]:
    """The receivers' signature images of the rows that have one (checked files), by entry id."""
    from kpu_desk.letters.signing import specimen_path

    found = {}
    for row in rows:
        entry = models.Expedition.get_by_id(row.id)
        path = specimen_path(entry.receiver_signature_sha256)
        if path is not None:
            found[row.id] = path
    return found


def expedition_number(entry: models.Expedition) -> str:
    return format_number(entry.number, entry.year)


def receiver_signature_attachment(entry: models.Expedition) -> models.Attachment | None:
    if not entry.receiver_signature_sha256:
        return None
    return (models.Attachment.select().where(models.Attachment.sha256 == entry.receiver_signature_sha256)
            .order_by(models.Attachment.id.desc()).first())


def _require_valid(handover: Handover, at: datetime, now: datetime) -> None:
    problems = {}
    if not (handover.item or "").strip():
        problems["item"] = "barang/dokumen yang diserahkan wajib diisi"
    if not (handover.recipient_name or "").strip():
        problems["recipient_name"] = "nama penerima wajib diisi"
    elif len(" ".join(handover.recipient_name.split())) > models.Expedition.recipient_name.max_length:
        problems["recipient_name"] = "nama penerima terlalu panjang (paling banyak 150 karakter)"
    institution = " ".join((handover.recipient_institution or "").split())
    if len(institution) > models.Expedition.recipient_institution.max_length:
        problems["recipient_institution"] = "nama instansi terlalu panjang (paling banyak 150 karakter)"
    if at > now:
        problems["handed_at"] = "waktu penyerahan tidak boleh di masa depan"
    if handover.receiver_signature is not None:
        problem = png_problem(handover.receiver_signature, "tanda tangan penerima")
        if problem:
            problems["receiver_signature"] = problem
    if problems:
        raise FormError(problems, {k: v for k, v in vars(handover).items() if k != "receiver_signature"})


def _links(handover: Handover) -> tuple[models.Case | None, models.Letter | None]:
    letter = find_letter(handover.letter) if handover.letter is not None else None
    case = handover.case if isinstance(handover.case, models.Case) else (
        find_case(handover.case) if handover.case else None)
    if case is None and letter is not None and letter.case_id:
        case = models.Case.get_by_id(letter.case_id)
    return case, letter


def _keep_signature(handover: Handover, case, acting) -> models.Attachment | None:
    if handover.receiver_signature is None:
        return None
    return store_file(bytes(handover.receiver_signature), "tanda-terima-ekspedisi.png", mime="image/png",
                      case=case, uploaded_by=acting.user)


def _row(entry: models.Expedition) -> ExpeditionRow:
    by = entry.handed_by if entry.handed_by_id else None
    letter = entry.letter if entry.letter_id else None
    return ExpeditionRow(
        id=entry.id, number=expedition_number(entry), handed_at=entry.handed_at, item=entry.item,
        recipient_name=entry.recipient_name, recipient_institution=entry.recipient_institution,
        handed_by=(by.full_name or by.username) if by else "", case_number=entry.case.number if entry.case_id else "",
        agenda=format_number(letter.agenda_number, letter.agenda_year) if letter else "",
        signed=bool(entry.receiver_signature_sha256), note=entry.note,
    )
