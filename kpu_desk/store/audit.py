"""The audit log: append-only, each entry chained to the one before by its SHA-256.

An entry's hash covers the previous entry's hash, so editing or removing an
entry in the database (with any SQL tool) breaks the chain from that point on,
and `verify()` says where. The chain cannot show entries cut from its end:
keep backups, which carry the chain as it was.

Entries hold no personal data. `detail` is for identifiers and facts such as
{"step": 3, "branch": "Ya"}; never put a NIK, a phone number, an address or a
visitor's name in it: the log is kept forever and is read by administrators.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee as pw

from kpu_desk.store.dbutil import is_postgres, write_transaction
from kpu_desk.store.errors import StoreError
from kpu_desk.store.models import AuditEntry, database

GENESIS = "0" * 64
# Any constant does; it only has to be the same on every workstation.
_PG_LOCK_KEY = 0x4B50_5541_7564_6974  # "KPUAudit"


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int  # entries checked (all of them when ok)
    bad_id: int | None = None
    message: str = ""


def entry_hash(prev_hash: str, at: datetime, actor: str, action: str, entity: str,
               entity_id: str, detail: Any) -> str:
    """SHA-256 over a canonical JSON of the entry: same input, same text, on every machine."""
    payload = json.dumps(
        [prev_hash, at.isoformat(timespec="microseconds"), actor, action, entity, entity_id, detail],
        ensure_ascii=False, sort_keys=True, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _bound_database() -> pw.Database:
    if database.obj is None:
        raise StoreError("basis data belum dibuka")
    return database.obj


def _normalized(detail: Any) -> Any:
    # What the JSON column will give back, so the hash is computed over what is stored.
    return json.loads(json.dumps(detail if detail is not None else {}, ensure_ascii=False, default=str))


def record(action: str, entity: str = "", entity_id: Any = "", detail: Any = None,
           actor: str = "") -> AuditEntry:
    """Append an entry, inside the caller's transaction when there is one.

    Call it in the same `write_transaction(db)` as the change it records, so
    that both are kept or neither. `detail` must not hold personal data (NIK,
    phone numbers, names, addresses): see the module's docstring.
    """
    db = _bound_database()
    with write_transaction(db):
        _lock_chain(db)
        last = AuditEntry.select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).first()
        entry = AuditEntry(
            id=last.id + 1 if last else 1,  # numbered under the lock: no gaps, so a gap means removal
            at=datetime.now(), actor=actor, action=action, entity=entity,
            entity_id=str(entity_id), detail=_normalized(detail),
            prev_hash=last.hash if last else GENESIS,
        )
        entry.hash = _hash_of(entry)
        entry.save(force_insert=True)
    return entry


def _lock_chain(db: pw.Database) -> None:
    """Serialise appends between workstations until the transaction ends.

    SQLite needs nothing more: write_transaction began IMMEDIATE, which admits
    one writer at a time. On PostgreSQL two transactions could both read the
    same last entry; the advisory lock makes the second wait for the first.
    """
    if is_postgres(db):
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK_KEY,))


def _hash_of(entry: AuditEntry) -> str:
    return entry_hash(entry.prev_hash, entry.at, entry.actor, entry.action, entry.entity,
                      entry.entity_id, entry.detail)


def verify() -> VerifyResult:
    """Walk the chain in id order; report the first entry that was changed or removed."""
    _bound_database()
    expected_prev, prev_id, count = GENESIS, 0, 0
    for entry in AuditEntry.select().order_by(AuditEntry.id).iterator():
        problem = _problem(entry, prev_id, expected_prev)
        if problem:
            return VerifyResult(False, count, *problem)
        expected_prev, prev_id, count = entry.hash, entry.id, count + 1
    return VerifyResult(True, count, None, f"rantai audit utuh: {count} entri")


def _problem(entry: AuditEntry, prev_id: int, expected_prev: str) -> tuple[int, str] | None:
    if entry.id != prev_id + 1:
        if prev_id == 0:
            return entry.id, f"entri audit sebelum #{entry.id} telah dihapus"
        return prev_id + 1, f"entri audit sesudah #{prev_id} telah dihapus"
    if entry.hash != _hash_of(entry):
        return entry.id, f"entri audit #{entry.id} telah diubah"
    if entry.prev_hash != expected_prev and prev_id == 0:
        return entry.id, f"entri audit #{entry.id} telah diubah"
    if entry.prev_hash != expected_prev:
        # Each entry is whole by itself, yet they do not link: the one before was
        # rewritten with a fresh hash, or entries were removed and renumbered.
        return prev_id, (f"entri audit #{prev_id} telah diubah atau entri sesudahnya dihapus "
                         f"(rantai ke #{entry.id} terputus)")
    return None
