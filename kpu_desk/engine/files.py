"""The files kept for cases: attaching one to a step's form, naming it, finding its bytes.

A form's attachment field holds an Attachment id. The bytes stay in the data
folder under their hash (kpu_desk.store.attachments); the screens get FileInfo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.storage import audit, writing
from kpu_desk.store import models
from kpu_desk.store.attachments import open_attachment, store_file
from kpu_desk.store.errors import StoreError
from kpu_desk.validation import stored_int

# StoreError is what a missing or changed file raises; the screens catch it from here.
__all__ = ["FileInfo", "StoreError", "attach_file", "case_files", "file_info", "file_path"]


@dataclass(frozen=True)
class FileInfo:
    """A kept file as the screens name it."""

    id: int
    filename: str
    size: int
    uploaded_at: datetime | None
    case_id: int | None


def file_info(value: Any) -> FileInfo | None:
    """The kept file a form value names (its Attachment id, as stored), or None when there is none."""
    row = _row(value)
    return _info(row) if row is not None else None


def file_path(value: Any) -> Path:
    """The path of a kept file's bytes, checked against their hash (StoreError when missing or changed)."""
    row = _row(value)
    if row is None:
        raise StoreError(f"lampiran #{value} tidak ada di basis data")
    return open_attachment(row)


def case_files(case_id: int, also: Iterable[int] = ()) -> list[FileInfo]:
    """The files stored against the case and those with the ids in `also`, oldest upload first.

    A file chosen at another desk (or imported) may not carry the case, so the caller
    names those its forms point to.
    """
    query = models.Attachment.select().where(
        (models.Attachment.case == case_id) | models.Attachment.id.in_(sorted(also) or [0]))
    return [_info(row) for row in query.order_by(models.Attachment.uploaded_at, models.Attachment.id)]


def attach_file(path: str | Path, field_key: str, user: Actor, case_id: int | None = None,
                case_number: str = "", step_run_id: int | None = None) -> FileInfo:
    """Keep a chosen file against the case and its open step run, with its audit entry, in one transaction."""
    acting = resolve_actor(user)
    with writing():
        stored = store_file(path, case=case_id, step_run=step_run_id, uploaded_by=acting.user)
        # The audit names the file's row, never its name: file names often carry a person's name.
        audit("attachment.add", acting.username, "case", case_number, attachment=stored.id, field=field_key)
    return _info(stored)


def _row(value: Any) -> models.Attachment | None:
    row_id = stored_int(value if value is not None else "")
    return models.Attachment.get_or_none(models.Attachment.id == row_id) if row_id is not None else None


def _info(row: models.Attachment) -> FileInfo:
    return FileInfo(row.id, row.filename, row.size, row.uploaded_at, row.case_id)
