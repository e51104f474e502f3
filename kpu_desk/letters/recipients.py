"""How far each recipient of a disposition is: unread → read → in_progress → done (never back).

The recipient acts on their own row (mark_read when they open it, start_work, finish with a
note); a position on the checklist (no user) is moved by whoever works it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.cases import now_or
from kpu_desk.engine.storage import audit, writing
from kpu_desk.letters.dispositions import DispositionRef, find_disposition, in_force, needs_signature
from kpu_desk.letters.errors import DispositionError
from kpu_desk.letters.vocab import RECIPIENT_STATE_WORDS, RECIPIENT_STATES
from kpu_desk.store import models

MAX_NOTE = 2000


def mark_read(ref: DispositionRef, user: Actor, now: datetime | None = None) -> models.DispositionRecipient:
    """The user opened the disposition: unread → read (later states stay)."""
    return _advance(ref, user, "read", None, now)


def start_work(ref: DispositionRef, user: Actor, note: str | None = None,
               now: datetime | None = None) -> models.DispositionRecipient:
    return _advance(ref, user, "in_progress", note, now)


def finish(ref: DispositionRef, user: Actor, note: str | None = None,
           now: datetime | None = None) -> models.DispositionRecipient:
    """The user's part is done; `note` says what was done (kept on their row)."""
    return _advance(ref, user, "done", note, now)


def set_recipient_state(recipient_id: int, state: str, user: Actor, note: str | None = None,
                        now: datetime | None = None) -> models.DispositionRecipient:
    """Move one recipient row (also a position on the checklist) forward to `state`."""
    row = models.DispositionRecipient.get_or_none(models.DispositionRecipient.id == recipient_id)
    if row is None:
        raise DispositionError(f"penerima disposisi #{recipient_id} tidak ditemukan")
    acting = resolve_actor(user)
    if row.user_id is not None and (acting.user is None or acting.user.id != row.user_id):
        raise DispositionError("status penerima hanya dapat diubah oleh penerima itu sendiri")
    return _move(row, state, note, acting.username, now_or(now))


def _advance(ref, user, state, note, now) -> models.DispositionRecipient:
    disposition = find_disposition(ref)
    acting = resolve_actor(user)
    row = None
    if acting.user is not None:
        row = models.DispositionRecipient.get_or_none(
            (models.DispositionRecipient.disposition == disposition.id)
            & (models.DispositionRecipient.user == acting.user.id))
    if row is None:
        raise DispositionError(f"anda bukan penerima disposisi #{disposition.id}")
    return _move(row, state, note, acting.username, now_or(now))


def _move(row: models.DispositionRecipient, state: str, note: str | None, username: str,
          now: datetime) -> models.DispositionRecipient:
    if state not in RECIPIENT_STATES:
        raise DispositionError(f"status '{state}' tidak dikenal; pilih: {', '.join(RECIPIENT_STATES)}")
    disposition = models.Disposition.get_by_id(row.disposition_id)
    _require_in_force(disposition)
    current, wanted = RECIPIENT_STATES.index(row.state), RECIPIENT_STATES.index(state)
    if wanted < current and state != "read":
        raise DispositionError(f"status tidak dapat mundur dari '{RECIPIENT_STATE_WORDS[row.state]}' "
                               f"ke '{RECIPIENT_STATE_WORDS[state]}'")
    changes: dict[str, Any] = {}
    if wanted > current:
        changes.update(state=state, updated_at=now)
    if note is not None and note.strip() != row.note:
        if len(note.strip()) > MAX_NOTE:
            raise DispositionError(f"catatan terlalu panjang (paling banyak {MAX_NOTE} karakter)")
        changes.update(note=note.strip(), updated_at=now)
    if changes:
        with writing():
            models.DispositionRecipient.update(changes).where(models.DispositionRecipient.id == row.id).execute()
            audit("disposition.recipient", username, "disposition", row.disposition_id, recipient=row.id,
                  state=changes.get("state", row.state), note=bool(changes.get("note")))
    return models.DispositionRecipient.get_by_id(row.id)


def _require_in_force(disposition: models.Disposition) -> None:
    if in_force(disposition):
        return
    if disposition.replaced_by_id is not None:
        raise DispositionError(f"disposisi #{disposition.id} sudah diganti oleh #{disposition.replaced_by_id}")
    if needs_signature(disposition):
        raise DispositionError(f"disposisi #{disposition.id} belum ditandatangani")
