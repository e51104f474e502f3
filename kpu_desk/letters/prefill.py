"""What a disposition or a hand-over fills in an SOP step's form, so nobody types it twice.

The shipped SOPs record a disposition at their disposition steps (Kupang 3 and 6, Kediri 5-6,
Pulang Pisau 3) and a hand-over at their last steps (Kupang 4, 11, 13). These functions
return only the fields the step has; the form shows them and the clerk may change them.
(The letter's own fields: kpu_desk.letters.incoming.letter_fields.)
"""

from __future__ import annotations

from typing import Any

from kpu_desk.accounts.users import roles_of
from kpu_desk.letters.content import split_instructions
from kpu_desk.sop.model import FieldType, FormField, Step
from kpu_desk.store import models

_TO = ("disposisi_kepada", "disposisi_lisan_kepada", "diteruskan_kepada_pimpinan")
_TEXT = ("isi_disposisi", "isi_disposisi_lisan", "instruksi_disposisi", "catatan_disposisi")
_POSITION = ("subbag_tujuan",)
_DATE = ("tanggal_disposisi",)


def disposition_fields(disposition: models.Disposition, step: Step) -> dict[str, Any]:
    """The step's disposition fields: to whom (a user with the field's role), what, when."""
    found: dict[str, Any] = {}
    for form_field in step.form:
        value = _disposition_value(disposition, form_field)
        if value not in (None, ""):
            found[form_field.key] = value
    return found


def _disposition_value(disposition: models.Disposition, form_field: FormField) -> Any:
    key = form_field.key
    if key in _TO and form_field.type is FieldType.PERSON:
        return _first_user(disposition, form_field.role)
    if key in _TEXT:
        return _fit(disposition_text(disposition), form_field)
    if key in _POSITION:
        return _fit(_first_position(disposition), form_field)
    if key in _DATE:
        return disposition.created_at.date()
    return None


def disposition_text(disposition: models.Disposition) -> str:
    """The instructions and the note in one line of text: "Tindak lanjuti; Lainnya: …. Catatan"."""
    labels, other = split_instructions(disposition.instructions)
    told = "; ".join(labels + ([f"Lainnya: {other}"] if other else []))
    return ". ".join(part for part in (told, (disposition.note or "").strip()) if part)


def _recipients(disposition: models.Disposition):
    return (models.DispositionRecipient.select()
            .where(models.DispositionRecipient.disposition == disposition.id)
            .order_by(models.DispositionRecipient.id))


def _first_user(disposition: models.Disposition, role: str | None) -> str | None:
    for row in _recipients(disposition):
        if row.user_id and (role is None or role in roles_of(row.user)):
            return row.user.username
    return None


def _first_position(disposition: models.Disposition) -> str:
    return next((row.position for row in _recipients(disposition) if row.position), "")


def _fit(text: str, form_field: FormField) -> str:
    limit = form_field.max_length
    return text if not limit or len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- the buku ekspedisi ---------------------------------------------------------------------


def handover_fields(entry: models.Expedition, step: Step) -> dict[str, Any]:
    """The step's hand-over fields from a buku ekspedisi entry: received by, when, number, the signed proof."""
    from kpu_desk.letters.expedition import expedition_number, receiver_signature_attachment

    proof = receiver_signature_attachment(entry)
    found: dict[str, Any] = {}
    for form_field in step.form:
        key = form_field.key
        if key.endswith("diterima_oleh"):
            found[key] = _fit(entry.recipient_name, form_field)
        elif key.startswith("waktu_") and "diterima" in key:
            found[key] = entry.handed_at.replace(second=0, microsecond=0)
        elif key.startswith("nomor_ekspedisi"):
            found[key] = expedition_number(entry)
        elif key.startswith("bukti_ekspedisi") and proof is not None:
            found[key] = proof.id
    return found
