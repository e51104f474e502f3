"""Attachment files: kept once in the data folder, named by their SHA-256.

    data folder/attachments/ab/abcdef…   (the first two hex digits fan the files out)

The database row (models.Attachment) holds the name the user knows, the type,
the size and the hash; the same bytes uploaded twice are stored once. A file
whose bytes no longer match its hash is reported, never handed out.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from kpu_desk.store.connection import data_dir
from kpu_desk.store.dbutil import is_database_file
from kpu_desk.store.errors import StoreError
from kpu_desk.store.models import Attachment, database

_CHUNK = 1 << 20


def attachments_dir() -> Path:
    return data_dir() / "attachments"


def path_for(sha256: str) -> Path:
    return attachments_dir() / sha256[:2] / sha256


def store_file(source: str | os.PathLike | bytes, filename: str | None = None, *,
               mime: str | None = None, case=None, step_run=None, uploaded_by=None) -> Attachment:
    """Keep the bytes of source (a file path or bytes) and create its Attachment row.

    Call it inside the caller's transaction; if that rolls back, the file stays
    in the folder unreferenced, which is harmless (the same bytes reuse it).
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        sha, size = _keep_bytes(bytes(source))
        name = filename or "lampiran"
    else:
        path = Path(source)
        sha, size = _keep_path(path)
        name = filename or path.name
    name = _clean_name(name)
    return Attachment.create(
        sha256=sha, filename=name, mime=mime or _guess_mime(name), size=size,
        case=case, step_run=step_run, uploaded_by=uploaded_by,
    )


def open_attachment(attachment: Attachment) -> Path:
    """The path of the attachment's file, after checking its bytes still match their hash."""
    path = path_for(attachment.sha256)
    if not path.is_file():
        raise StoreError(f"berkas lampiran '{attachment.filename}' tidak ada di folder data ({path.parent})")
    if _hash_path(path)[0] != attachment.sha256:
        raise StoreError(f"berkas lampiran '{attachment.filename}' rusak atau telah diubah di luar KPU Desk")
    return path


# --- keeping bytes ------------------------------------------------------------------


def _keep_bytes(data: bytes) -> tuple[str, int]:
    sha = hashlib.sha256(data).hexdigest()
    if not _already_kept(sha):
        _keep(lambda: iter((data,)))
    return sha, len(data)


def _keep_path(path: Path) -> tuple[str, int]:
    if not path.is_file():
        raise StoreError(f"berkas {path} tidak ada")
    if is_database_file(path, database.obj):  # reading it would drop this process's SQLite locks
        raise StoreError(f"berkas {path} adalah basis data KPU Desk yang sedang dipakai; lampirkan berkas lain")
    return _keep(lambda: _chunks(path))


def _chunks(path: Path):
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            yield chunk


def _keep(chunks) -> tuple[str, int]:
    """Copy into a temporary file while hashing, then rename it to its hash.

    The rename makes the file appear whole or not at all; hashing what was
    written (not what was read before) means a source that changes meanwhile
    cannot end up under a wrong name.
    """
    folder = attachments_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".sementara-")
    try:
        with os.fdopen(handle, "wb") as out:
            sha, size = _write_hashing(chunks(), out)
            out.flush()
            os.fsync(out.fileno())
        if not _already_kept(sha):
            path_for(sha).parent.mkdir(exist_ok=True)
            os.replace(temp, path_for(sha))
    finally:
        Path(temp).unlink(missing_ok=True)
    return sha, size


def _write_hashing(chunks, out: BinaryIO) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in chunks:
        out.write(chunk)
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _hash_path(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in _chunks(path):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _already_kept(sha: str) -> bool:
    # A damaged copy is replaced by the good bytes instead of being trusted.
    path = path_for(sha)
    return path.is_file() and _hash_path(path)[0] == sha


def _clean_name(name: str) -> str:
    # Only the last part: a name is shown and offered for saving, never used as a path.
    base = name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "lampiran"
    return base[:255]


def _guess_mime(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"
