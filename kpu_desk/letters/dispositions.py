"""Writing a disposition, passing it on down, changing it before signing, replacing it after.

    d = dispose(DispositionDraft(recipients=["sekretaris"], instructions=["Tindak lanjuti"],
                                 note="Siapkan data", deadline_days=3), author="ketua", letter="0042/2026")
    sign(d, "sekretaris", password)                            # kpu_desk.letters.signing
    child = pass_on(d, DispositionDraft(recipients=["kasubag.hukum"], note="Mohon disiapkan"), "sekretaris")

A written disposition from the top (no parent) waits for a signature; a signed
one is frozen: it is never edited, only replaced by a new version with a reason,
which is signed again. Dispositions passed on (children) and oral dispositions
are not signed. Every write is one transaction with its audit entry and the
notifications of the users it goes to.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any, Mapping

from kpu_desk.accounts.users import active_users, roles_of
from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.cases import find_case, now_or
from kpu_desk.engine.deadlines import office_calendar
from kpu_desk.engine.errors import UnknownCase
from kpu_desk.engine.storage import audit, writing
from kpu_desk.letters.content import CleanDraft, DispositionDraft, clean_draft, split_instructions
from kpu_desk.letters.errors import DispositionError, FrozenDisposition, LetterError
from kpu_desk.letters.incoming import find_letter
from kpu_desk.letters.notify import notify
from kpu_desk.letters.sequence import parse_number
from kpu_desk.letters.vocab import DISPOSER_ROLES, NOTIFY_NEW, NOTIFY_TO_SIGN, SIGNATURE_WORKLIST_ROLE
from kpu_desk.store import models
from kpu_desk.validation import stored_int

DispositionRef = models.Disposition | int | str


# --- finding ------------------------------------------------------------------------------


def find_disposition(ref: DispositionRef) -> models.Disposition:
    """A disposition, as stored now, by row or id ("12", "#12"); or the disposition in force of a letter
    (agenda number "0042/2026") or of a case ("PI-2026-00003"): its newest top-level one."""
    if isinstance(ref, models.Disposition):
        ref = ref.id  # read again: another workstation may have signed or replaced it meanwhile
    text = str(ref).strip().lstrip("#")
    row_id = stored_int(text)
    if row_id is not None:
        found = models.Disposition.get_or_none(models.Disposition.id == row_id)
        if found is None:
            raise DispositionError(f"disposisi #{text} tidak ditemukan")
        return found
    return _in_force_of(text)


def _in_force_of(text: str) -> models.Disposition:
    where = models.Disposition.parent.is_null() & models.Disposition.replaced_by.is_null()
    try:
        if parse_number(text):
            where &= models.Disposition.letter == find_letter(text).id
        else:
            where &= models.Disposition.case == find_case(text).id
    except (LetterError, UnknownCase):
        raise DispositionError(f"'{text}' bukan nomor disposisi, nomor agenda surat, atau nomor kasus") from None
    found = models.Disposition.select().where(where).order_by(models.Disposition.id.desc()).first()
    if found is None:
        raise DispositionError(f"belum ada disposisi untuk {text}")
    return found


def may_dispose(user: Actor) -> bool:
    """Whether the user may write a disposition from the top (Ketua/Anggota or Sekretaris)."""
    acting = resolve_actor(user)
    return acting.user is not None and bool(roles_of(acting.user) & set(DISPOSER_ROLES))


def may_pass_on(ref: DispositionRef, user: Actor) -> bool:
    """Whether the user may pass the disposition on now (what pass_on checks; the window asks it)."""
    try:
        _require_can_pass_on(find_disposition(ref), resolve_actor(user))
    except DispositionError:
        return False
    return True


def needs_signature(disposition: models.Disposition) -> bool:
    """Written dispositions from the top are signed; oral ones and those passed on are not."""
    return not disposition.oral and disposition.parent_id is None


def in_force(disposition: models.Disposition) -> bool:
    """Recipients act on it: signed (or needing no signature) and not replaced."""
    signed = disposition.signed_at is not None or not needs_signature(disposition)
    return signed and disposition.replaced_by_id is None


# --- writing --------------------------------------------------------------------------------


def dispose(draft: DispositionDraft, author: Actor, *, letter: models.Letter | int | str | None = None,
            case: models.Case | str | None = None, oral: bool = False,
            now: datetime | None = None) -> models.Disposition:
    """A Ketua/Anggota or the Sekretaris disposes a letter (or a case without a letter).

    oral=True records an oral disposition (Kupang step 3): not signed, in force at once.
    """
    now = now_or(now)
    acting = _acting_with_role(author, DISPOSER_ROLES,
                               "hanya Ketua/Anggota atau Sekretaris yang dapat menulis disposisi")
    letter_row, case_row = _target(letter, case)
    clean = clean_draft(draft, now.date(), office_calendar(), oral=oral)
    with writing():
        row = _insert(clean, acting.user, now, letter=letter_row, case=case_row, oral=oral)
        audit("disposition.create", acting.username, "disposition", row.id, **_facts(row, clean))
    return models.Disposition.get_by_id(row.id)


def pass_on(parent: DispositionRef, draft: DispositionDraft, user: Actor,
            now: datetime | None = None) -> models.Disposition:
    """Pass a disposition on down (Sekretaris → Kasubag → staf) with this level's own note.

    The one passing it on is one of its recipients (or leadership). Without a deadline of its
    own the child keeps the parent's. The passer's own state becomes "sedang dikerjakan".
    """
    now = now_or(now)
    parent = find_disposition(parent)
    acting = resolve_actor(user)
    passer = _require_can_pass_on(parent, acting)
    clean = clean_draft(draft, now.date(), office_calendar())
    if clean.due_at is None and parent.due_at is not None:
        clean = dataclasses.replace(clean, deadline_days=parent.deadline_days, due_at=parent.due_at)
    with writing():
        row = _insert(clean, acting.user, now, letter=parent.letter_id, case=parent.case_id, oral=False,
                      parent=parent)
        _passer_at_work(parent, passer, now)
        audit("disposition.pass_on", acting.username, "disposition", row.id, parent=parent.id, **_facts(row, clean))
    return models.Disposition.get_by_id(row.id)


def update_disposition(ref: DispositionRef, draft: DispositionDraft, user: Actor,
                       now: datetime | None = None) -> models.Disposition:
    """Change a disposition that is not signed yet; only its author may."""
    now = now_or(now)
    row = find_disposition(ref)
    require_editable(row)
    acting = resolve_actor(user)
    if acting.user is None or acting.user.id != row.author_id:
        raise DispositionError(f"disposisi #{row.id} hanya dapat diubah oleh penulisnya; tulis disposisi "
                               "Anda sendiri atau minta penulisnya mengubahnya")
    clean = _clean_keeping_deadline(row, draft, now.date())
    with writing():
        changed = models.Disposition.update(
            instructions=clean.instructions, note=clean.note, deadline_days=clean.deadline_days, due_at=clean.due_at,
        ).where((models.Disposition.id == row.id) & models.Disposition.signed_at.is_null()
                & models.Disposition.replaced_by.is_null()).execute()
        if changed != 1:
            raise FrozenDisposition(f"disposisi #{row.id} baru saja ditandatangani di komputer lain; "
                                    "tidak dapat diubah")
        _replace_recipients(row, clean, now)
        audit("disposition.update", acting.username, "disposition", row.id, **_facts(row, clean))
    return models.Disposition.get_by_id(row.id)


def replace_disposition(ref: DispositionRef, reason: str, changes: DispositionDraft | Mapping[str, Any] | None,
                        user: Actor, now: datetime | None = None) -> models.Disposition:
    """A signed disposition corrected: a new version (version + 1) that must be signed again.

    `changes` is the new content (a DispositionDraft), or the fields to change over the old
    content ({"note": "…"}); the old version keeps its content and points to the new one, and
    the levels already passed on from it carry on under the new one.
    """
    now = now_or(now)
    old = find_disposition(ref)
    reason = " ".join((reason or "").split())
    if old.replaced_by_id is not None:
        raise FrozenDisposition(f"disposisi #{old.id} sudah diganti oleh #{old.replaced_by_id}; ganti versi terbaru")
    if old.signed_at is None:
        raise DispositionError(f"disposisi #{old.id} belum ditandatangani; ubah saja tanpa membuat versi baru")
    if not reason:
        raise DispositionError("alasan penggantian disposisi wajib diisi")
    acting = _acting_with_role(user, DISPOSER_ROLES,
                               "hanya Ketua/Anggota atau Sekretaris yang dapat mengganti disposisi")
    draft = changes if isinstance(changes, DispositionDraft) else dataclasses.replace(draft_of(old),
                                                                                      **dict(changes or {}))
    clean = _clean_keeping_deadline(old, draft, now.date())
    with writing():
        new = _insert(clean, acting.user, now, letter=old.letter_id, case=old.case_id, oral=old.oral,
                      parent=old.parent_id, version=old.version + 1)
        taken = models.Disposition.update(replaced_by=new.id, replace_reason=reason).where(
            (models.Disposition.id == old.id) & models.Disposition.replaced_by.is_null()).execute()
        if taken != 1:
            raise FrozenDisposition(f"disposisi #{old.id} baru saja diganti di komputer lain")
        # The levels already passed on carry on under the version in force (they are not signed).
        moved = models.Disposition.update(parent=new.id).where(models.Disposition.parent == old.id).execute()
        audit("disposition.replace", acting.username, "disposition", new.id, replaces=old.id,
              version=new.version, children=moved, **_facts(new, clean))
    return models.Disposition.get_by_id(new.id)


def draft_of(row: models.Disposition) -> DispositionDraft:
    """The content of a stored disposition as a draft (to show in a form, or to change and replace)."""
    recipients = list(models.DispositionRecipient.select().where(models.DispositionRecipient.disposition == row.id)
                      .order_by(models.DispositionRecipient.id))
    labels, other = split_instructions(row.instructions)
    return DispositionDraft(
        recipients=[r.user.username for r in recipients if r.user_id],
        positions=[r.position for r in recipients if not r.user_id and r.position],
        instructions=labels, other=other, note=row.note, **_stored_deadline(row),
    )


def _stored_deadline(row: models.Disposition) -> dict[str, Any]:
    """The deadline as a form shows it: in hari kerja, or as its day when it counts none."""
    if not row.deadline_days and row.due_at is not None:
        return {"deadline_days": None, "due_date": row.due_at.date()}
    return {"deadline_days": row.deadline_days, "due_date": None}


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def require_editable(row: models.Disposition) -> None:
    if row.replaced_by_id is not None:
        raise FrozenDisposition(f"disposisi #{row.id} sudah diganti oleh #{row.replaced_by_id}; tidak dapat diubah")
    if row.signed_at is not None:
        raise FrozenDisposition(f"disposisi #{row.id} sudah ditandatangani dan tidak dapat diubah; "
                                "buat versi pengganti dengan alasan")


# --- helpers --------------------------------------------------------------------------------


def _acting_with_role(actor: Actor, allowed: tuple[str, ...], refusal: str):
    acting = resolve_actor(actor)
    if acting.user is None or not roles_of(acting.user) & set(allowed):
        raise DispositionError(refusal)
    return acting


def _target(letter, case) -> tuple[models.Letter | None, models.Case | None]:
    letter_row = find_letter(letter) if letter is not None else None
    case_row = case if isinstance(case, models.Case) else (find_case(case) if case else None)
    if letter_row is not None and case_row is None and letter_row.case_id:
        case_row = models.Case.get_by_id(letter_row.case_id)
    if letter_row is not None and case_row is not None and letter_row.case_id not in (None, case_row.id):
        raise DispositionError(f"surat itu termasuk kasus lain, bukan {case_row.number}")
    if letter_row is None and case_row is None:
        raise DispositionError("disposisi harus untuk sebuah surat atau kasus")
    return letter_row, case_row


def _require_can_pass_on(parent: models.Disposition, acting) -> models.User:
    """The acting user, once it is sure they may pass this disposition on."""
    if acting.user is None:
        raise DispositionError("meneruskan disposisi memerlukan pengguna yang masuk")
    if parent.replaced_by_id is not None:
        raise DispositionError(f"disposisi #{parent.id} sudah diganti oleh #{parent.replaced_by_id}; "
                               "teruskan versi yang berlaku")
    if needs_signature(parent) and parent.signed_at is None:
        raise DispositionError(f"disposisi #{parent.id} belum ditandatangani; tanda tangani dahulu sebelum diteruskan")
    is_recipient = models.DispositionRecipient.select().where(
        (models.DispositionRecipient.disposition == parent.id)
        & (models.DispositionRecipient.user == acting.user.id)).exists()
    if not is_recipient and not roles_of(acting.user) & set(DISPOSER_ROLES):
        raise DispositionError(f"hanya penerima disposisi #{parent.id} yang dapat meneruskannya")
    return acting.user


def _insert(clean: CleanDraft, author: models.User | None, now: datetime, *, letter, case, oral: bool,
            parent: models.Disposition | int | None = None, version: int = 1) -> models.Disposition:
    row = models.Disposition.create(
        letter=letter, case=case, parent=parent, author=author, oral=oral, instructions=clean.instructions,
        note=clean.note, deadline_days=clean.deadline_days, due_at=clean.due_at, created_at=now, version=version,
    )
    _write_recipients(row, clean, now)
    if needs_signature(row):
        notify(active_users(SIGNATURE_WORKLIST_ROLE), NOTIFY_TO_SIGN, row.case_id, now)
    return row


def _write_recipients(row: models.Disposition, clean: CleanDraft, now: datetime) -> None:
    """A user recipient's row keeps the jabatan they held when it was written (the sheet prints it)."""
    entries = [{"disposition": row.id, "user": u.id, "position": (u.jabatan or "")[:200], "state": "unread",
                "updated_at": now} for u in clean.users]
    entries += [{"disposition": row.id, "user": None, "position": p, "state": "unread", "updated_at": now}
                for p in clean.positions]
    if entries:
        models.DispositionRecipient.insert_many(entries).execute()
    notify(clean.users, NOTIFY_NEW, row.case_id, now)


def _replace_recipients(row: models.Disposition, clean: CleanDraft, now: datetime) -> None:
    """Recipients who stay keep their state and note; those taken off go; new ones are told."""
    recipient = models.DispositionRecipient
    current = list(recipient.select().where(recipient.disposition == row.id))
    wanted_users = {u.id for u in clean.users}
    gone = [r.id for r in current
            if (r.user_id not in wanted_users if r.user_id else r.position not in clean.positions)]
    if gone:
        recipient.delete().where(recipient.id.in_(gone)).execute()
    kept_users = {r.user_id for r in current if r.user_id}
    kept_positions = {r.position for r in current if not r.user_id}
    fresh = dataclasses.replace(clean, users=[u for u in clean.users if u.id not in kept_users],
                                positions=[p for p in clean.positions if p not in kept_positions])
    _write_recipients(row, fresh, now)


def _passer_at_work(parent: models.Disposition, user: models.User, now: datetime) -> None:
    models.DispositionRecipient.update(state="in_progress", updated_at=now).where(
        (models.DispositionRecipient.disposition == parent.id) & (models.DispositionRecipient.user == user.id)
        & models.DispositionRecipient.state.in_(("unread", "read"))).execute()


def _clean_keeping_deadline(row: models.Disposition, draft: DispositionDraft, today: date) -> CleanDraft:
    """The changed draft checked; an unchanged deadline keeps its due day and is not checked again
    (counted when it was first written: it may have passed, or count 0 days from today)."""
    if not _same_deadline(row, draft):
        return clean_draft(draft, today, office_calendar(), oral=row.oral)
    unchecked = dataclasses.replace(draft, deadline_days=None, due_date=None)
    clean = clean_draft(unchecked, today, office_calendar(), oral=row.oral)
    return dataclasses.replace(clean, deadline_days=row.deadline_days, due_at=row.due_at)


def _same_deadline(row: models.Disposition, draft: DispositionDraft) -> bool:
    if draft.due_date is not None:
        return row.due_at is not None and _day(draft.due_date) == row.due_at.date()
    return draft.deadline_days == row.deadline_days


def _facts(row: models.Disposition, clean: CleanDraft) -> dict[str, Any]:
    """What the audit log keeps: identifiers and counts, never the note or names."""
    labels, other = split_instructions(clean.instructions)
    return {
        "letter": row.letter_id, "case": row.case.number if row.case_id else None, "oral": row.oral,
        "instructions": labels, "other": bool(other), "users": sorted(u.username for u in clean.users),
        "positions": len(clean.positions), "deadline_days": clean.deadline_days,
    }
