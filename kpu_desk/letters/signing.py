"""Signing a disposition on the Sekretaris's laptop: the password again, the signature specimen, the code.

    set_signature_specimen("sekretaris", png_bytes)       # once, drawn on the pad or scanned
    sign(disposition, "sekretaris", password)            # refused: wrong password, no specimen, …
    sign(disposition, "sekretaris", password, seen=content_fingerprint(row))   # only what was shown

Signing re-checks the password with the sign-in rules (kpu_desk.accounts.authenticate:
a wrong password counts toward the lock-out), copies the specimen's hash onto the
disposition (a later specimen never changes an old sheet), sets signed_by/signed_at
and stores the verification code (kpu_desk.letters.codes). From then on the
disposition is frozen.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kpu_desk.accounts import SignInError, authenticate, is_administrator, roles_of
from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.cases import now_or
from kpu_desk.engine.errors import FormError
from kpu_desk.engine.storage import audit, writing
from kpu_desk.letters.codes import content_fingerprint, signature_code
from kpu_desk.letters.dispositions import DispositionRef, find_disposition, needs_signature
from kpu_desk.letters.errors import ChangedSinceShown, SigningError
from kpu_desk.letters.images import as_png, png_problem
from kpu_desk.letters.notify import notify, settle
from kpu_desk.letters.vocab import NOTIFY_SIGNED, NOTIFY_TO_SIGN, SIGNER_ROLES
from kpu_desk.store import models
from kpu_desk.store.attachments import open_attachment, store_file
from kpu_desk.store.errors import StoreError


def set_signature_specimen(user: Actor, png: bytes, actor: Actor = None) -> models.Attachment:
    """Keep the user's signature specimen: a PNG drawn on the pad (a scanned JPEG is turned into PNG).

    Raises FormError {"signature": …} for anything that is not a usable image, and SigningError
    when `actor` (default: the owner) is neither the owner nor an administrator.
    """
    owner = resolve_actor(user).user
    if owner is None:
        raise SigningError("spesimen tanda tangan memerlukan pengguna")
    by = resolve_actor(actor) if actor else resolve_actor(owner)
    if by.user is None or (by.user.id != owner.id and not is_administrator(by.user)):
        raise SigningError("spesimen tanda tangan hanya dapat disimpan oleh pemiliknya atau administrator")
    png = as_png(png)
    problem = png_problem(png)
    if problem:
        raise FormError({"signature": problem})
    with writing():
        attachment = store_file(bytes(png), f"tanda-tangan-{owner.username}.png", mime="image/png",
                                uploaded_by=owner)
        models.User.update(signature_sha256=attachment.sha256).where(models.User.id == owner.id).execute()
        audit("user.signature", by.username, "user", owner.username, attachment=attachment.id)
    return attachment


def signature_specimen(user: Actor) -> Path | None:
    """The file of the user's current specimen (checked against its hash), or None."""
    owner = resolve_actor(user).user
    return specimen_path(owner.signature_sha256) if owner else None


def specimen_path(sha256: str | None) -> Path | None:
    """The file of an image attachment (a specimen, a receiver's signature) by hash, checked against
    its hash; None when it is missing or damaged."""
    if not sha256:
        return None
    row = models.Attachment.select().where(models.Attachment.sha256 == sha256).order_by(
        models.Attachment.id.desc()).first()
    if row is None:
        return None
    try:
        return open_attachment(row)
    except StoreError:
        return None


def sign(ref: DispositionRef, user: Actor, password: str, now: datetime | None = None,
         seen: str | None = None) -> models.Disposition:
    """Sign a written disposition; SigningError says why not (nothing written then, except a failed try).

    `seen` is the content_fingerprint of what the signer was shown; when given, a disposition
    changed since then is refused (ChangedSinceShown) instead of signed unread.
    """
    row = find_disposition(ref)
    signer = resolve_actor(user).user
    if signer is not None:
        signer = models.User.get_by_id(signer.id)  # a session's row may predate a new specimen
    signer = _require_signable(row, signer)
    _check_password(signer, password)
    return record_signature(row, signer, now, seen)


def record_signature(ref: DispositionRef, signer: models.User, now: datetime | None = None,
                     seen: str | None = None) -> models.Disposition:
    """Write the signature of a signer whose password was checked already (by sign(), or the demo's
    generator which has no password to type): signed_by/signed_at, the specimen hash, the code."""
    row = find_disposition(ref)
    signer = models.User.get_by_id(signer.id)  # its specimen as stored now
    now = now_or(now)
    with writing():
        taken = models.Disposition.update(signed_by=signer.id, signed_at=now, signature_sha256=signer.signature_sha256)\
            .where((models.Disposition.id == row.id) & models.Disposition.signed_at.is_null()
                   & models.Disposition.replaced_by.is_null()).execute()
        if taken != 1:
            raise SigningError(f"disposisi #{row.id} baru saja ditandatangani atau diganti di komputer lain")
        signed = models.Disposition.get_by_id(row.id)  # read under the row lock the update took
        _require_seen(signed, seen)
        code = signature_code(signed)
        models.Disposition.update(signature_code=code).where(models.Disposition.id == row.id).execute()
        if signed.author_id and signed.author_id != signer.id:
            notify([signed.author_id], NOTIFY_SIGNED, signed.case_id, now)
        settle(NOTIFY_TO_SIGN, signed.case_id, now)
        audit("disposition.sign", signer.username, "disposition", row.id, version=signed.version,
              case=signed.case.number if signed.case_id else None)
    return models.Disposition.get_by_id(row.id)


def _require_seen(row: models.Disposition, seen: str | None) -> None:
    if seen is not None and content_fingerprint(row) != seen:
        raise ChangedSinceShown("disposisi diubah sesudah dibuka; baca lagi sebelum menandatangani")


def may_sign(user: Actor) -> bool:
    """Whether the user may sign dispositions (Sekretaris or pimpinan); the GUI shows the worklist then."""
    signer = resolve_actor(user).user
    return signer is not None and bool(roles_of(signer) & set(SIGNER_ROLES))


def _require_signable(row: models.Disposition, signer: models.User | None) -> models.User:
    """The signer, once it is sure they may sign this disposition."""
    if signer is None or not signer.active:
        raise SigningError("penanda tangan tidak dikenal atau tidak aktif")
    if not roles_of(signer) & set(SIGNER_ROLES):
        raise SigningError("hanya Sekretaris atau pimpinan yang dapat menandatangani disposisi")
    if row.oral:
        raise SigningError(f"disposisi #{row.id} adalah disposisi lisan; tidak ditandatangani")
    if not needs_signature(row):
        raise SigningError(f"disposisi #{row.id} adalah disposisi terusan; tidak ditandatangani")
    if row.replaced_by_id is not None:
        raise SigningError(f"disposisi #{row.id} sudah diganti oleh #{row.replaced_by_id}")
    if row.signed_at is not None:
        raise SigningError(f"disposisi #{row.id} sudah ditandatangani")
    if specimen_path(signer.signature_sha256) is None:
        raise SigningError("spesimen tanda tangan belum ada atau rusak; simpan spesimen tanda tangan dahulu")
    return signer


def _check_password(signer: models.User, password: str) -> None:
    try:
        authenticate(signer.username, password or "")
    except SignInError as exc:
        raise SigningError(f"tanda tangan ditolak: {exc}") from None
