"""The verification code of a signed disposition, printed as a QR code on the lembar disposisi.

A payload reads `DS1.<id>.<sig>`: `id` is the disposition's number and `sig` the first
10 bytes of HMAC-SHA256(installation secret, "DS1.<id>." + the canonical content),
base32 without padding, as the guest-pass codes (kpu_desk.security.pass_token).
The canonical content is a JSON text (keys sorted, no spaces, UTF-8) of what the
sheet says: the letter (agenda number, sender, number, dates, subject, urgency,
security class, classification), the case, the instructions, the note, the
recipients, the deadline, the author, the signer, the signing time, the specimen
hash and the version. Verification computes it again from the database, so a row
changed behind the application's back (UPDATE disposition SET note = …) no longer
matches the printed code. The code holds no personal data: a number and a MAC.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from typing import Any

from kpu_desk.security.pass_token import B32_TEXT, b32, normalize_payload, signing_secret
from kpu_desk.store import models
from kpu_desk.validation import stored_int

PREFIX = "DS1"
SIG_BYTES = 10
CONTENT_FORMAT = 1
_SIGNATURE_KEYS = ("signed_by", "signed_at", "specimen")
_PAYLOAD = re.compile(rf"{PREFIX}\.([0-9]+)\.({B32_TEXT})", re.ASCII)

GENUINE = "genuine"  # the code and the database content agree, and this version is in force
REPLACED = "replaced"  # genuine, but a newer version replaces it: the sheet is no longer valid
ALTERED = "altered"  # the code or the disposition behind it was changed
UNKNOWN = "unknown"  # no such (signed) disposition, or not a disposition code at all


@dataclass(frozen=True)
class Verification:
    status: str
    disposition_id: int | None
    message: str  # one line, Bahasa Indonesia, no personal data

    @property
    def ok(self) -> bool:
        return self.status == GENUINE


def signature_code(row: models.Disposition, secret: bytes | None = None) -> str:
    """The payload for a disposition as it is now (signed_by/signed_at already set on `row`)."""
    return f"{PREFIX}.{row.id}.{_mac(row, signing_secret(secret))}"


def verify_code(payload: str, secret: bytes | None = None) -> Verification:
    """Check a scanned or typed payload against the database."""
    parsed = _parse(payload)
    if parsed is None:
        return Verification(UNKNOWN, None, "kode bukan kode verifikasi disposisi KPU Desk")
    row_id, given = parsed
    row = models.Disposition.get_or_none(models.Disposition.id == row_id)
    if row is None or row.signed_at is None:
        return Verification(UNKNOWN, row_id, f"disposisi #{row_id} tidak dikenal atau belum ditandatangani")
    expected = _mac(row, signing_secret(secret))
    if not hmac.compare_digest(given, expected):
        return Verification(ALTERED, row_id, _altered_message(row, given))
    if row.replaced_by_id is not None:
        newer = models.Disposition.get_or_none(models.Disposition.id == row.replaced_by_id)
        return Verification(REPLACED, row_id, f"disposisi #{row.id} versi {row.version} asli, tetapi sudah diganti "
                                              f"oleh versi {newer.version if newer else '?'} (#{row.replaced_by_id})")
    return Verification(GENUINE, row_id, _genuine_message(row))


def canonical_content(row: models.Disposition) -> str:
    return json.dumps(_content(row), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_fingerprint(row: models.Disposition) -> str:
    """What a signer reads, hashed: the canonical content without the signature itself.

    The same before and after signing; the signing dialog keeps the one it showed, and
    signing is refused when the row no longer matches it.
    """
    content = {k: v for k, v in _content(row).items() if k not in _SIGNATURE_KEYS}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _mac(row: models.Disposition, secret: bytes) -> str:
    message = f"{PREFIX}.{row.id}.{canonical_content(row)}".encode("utf-8")
    return b32(hmac.new(secret, message, hashlib.sha256).digest()[:SIG_BYTES])


def _parse(payload: str) -> tuple[int, str] | None:
    match = _PAYLOAD.fullmatch(normalize_payload(payload))
    row_id = stored_int(match.group(1)) if match else None
    if match is None or row_id is None:
        return None
    return row_id, match.group(2)


def _content(row: models.Disposition) -> dict[str, Any]:
    recipients = models.DispositionRecipient.select().where(models.DispositionRecipient.disposition == row.id)
    return {
        "format": CONTENT_FORMAT, "id": row.id, "version": row.version,
        "letter": _letter(row.letter_id), "case": case_number(row.case_id), "parent": row.parent_id,
        "oral": bool(row.oral), "instructions": list(row.instructions or []), "note": row.note or "",
        "recipients": sorted([_username(r.user_id), r.position or ""] for r in recipients),
        "deadline_days": row.deadline_days, "due_at": _iso(row.due_at),
        "author": _username(row.author_id), "signed_by": _username(row.signed_by_id),
        "signed_at": _iso(row.signed_at), "specimen": row.signature_sha256 or "",
    }


def _letter(letter_id: int | None) -> dict[str, Any] | None:
    letter = models.Letter.get_or_none(models.Letter.id == letter_id) if letter_id else None
    if letter is None:
        return None
    return {
        "direction": letter.direction, "agenda": [letter.agenda_year, letter.agenda_number],
        "sender": letter.sender, "letter_number": letter.letter_number, "letter_date": _iso(letter.letter_date),
        "received_date": _iso(letter.received_date), "subject": letter.subject, "urgency": letter.urgency,
        "security_class": letter.security_class, "classification_code": letter.classification_code,
    }


def case_number(case_id: int | None) -> str:
    """The number of a case by its id ("" for none): what the sheet, the code and the views show."""
    return (models.Case.select(models.Case.number).where(models.Case.id == case_id).scalar() or "") if case_id else ""


def _username(user_id: int | None) -> str:
    if not user_id:
        return ""
    return models.User.select(models.User.username).where(models.User.id == user_id).scalar() or ""


def _iso(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


def _altered_message(row: models.Disposition, given: str) -> str:
    stored = _parse(row.signature_code or "")
    if stored is not None and hmac.compare_digest(stored[1], given):
        return (f"TIDAK SAH: isi disposisi #{row.id} di basis data telah diubah sesudah ditandatangani; "
                "lembar ini tidak lagi cocok")
    return f"TIDAK SAH: kode disposisi #{row.id} palsu atau telah diubah"


def _genuine_message(row: models.Disposition) -> str:
    where = []
    if row.letter_id:
        letter = models.Letter.get_by_id(row.letter_id)
        where.append(f"surat agenda {letter.agenda_number:04d}/{letter.agenda_year}")
    if row.case_id:
        where.append(f"kasus {case_number(row.case_id)}")
    signer = models.User.get_or_none(models.User.id == row.signed_by_id)
    position = (signer.jabatan or "pejabat") if signer else "pejabat"
    return (f"SAH: disposisi #{row.id} versi {row.version} atas {' / '.join(where) or 'kasus'}, "
            f"ditandatangani {row.signed_at:%d-%m-%Y %H:%M} oleh {position}")
