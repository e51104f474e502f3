"""The engine's way into the database: the bound connection, write transactions, the audit log."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

import peewee as pw

from kpu_desk.store import audit as audit_log
from kpu_desk.store import models
from kpu_desk.store.dbutil import is_driver_error, translate, write_transaction


def current_db() -> pw.Database:
    db = models.database.obj
    if db is None:
        raise RuntimeError("no database is bound; call kpu_desk.store.open_database() first")
    return db


@contextmanager
def writing() -> Iterator[None]:
    """One write transaction (IMMEDIATE on SQLite); driver errors come out in Indonesian."""
    db = current_db()
    try:
        with write_transaction(db):
            yield
    except pw.IntegrityError:
        raise  # callers that expect a race (a unique key) handle it themselves
    except Exception as exc:
        if is_driver_error(exc):
            raise translate(exc, db) from exc
        raise


def audit(action: str, actor: str, entity: str, entity_id: str, **detail: Any) -> None:
    """Append to the audit log inside the caller's transaction.

    Details hold numbers, step numbers and field keys only, never what was
    typed: the log is kept for years and must not become a copy of personal data.
    """
    audit_log.record(action, entity=entity, entity_id=entity_id, detail=detail, actor=actor)
