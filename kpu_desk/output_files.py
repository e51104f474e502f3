"""Output files (passes, sheets, SOP PDFs, exports, reports): whole, or not there at all.

Every document the desk writes for people goes through here. It is rendered in memory first, so
a renderer that trips over a failed write (openpyxl's "I/O operation on closed file") cannot
hide the real cause; then written under a temporary name in the target's own folder and renamed
over the target only when every byte is on disk. A full disk, a missing folder or a crash leaves
the old file (if any) untouched and no 0-byte or temporary file behind.

    write_output(path, lambda stream: render_guest_pass(info, stream))
    write_output_bytes(path, data)
    unwritable_reason(exc)   # the OSError in words for the user: "penyimpanan penuh; ..."
"""

from __future__ import annotations

import errno
import io
import os
import secrets
from pathlib import Path
from typing import BinaryIO, Callable, TypeVar

T = TypeVar("T")

TEMPORARY_SUFFIX = ".sementara"
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT}  # no room, or the user's quota spent


def write_output(target: str | os.PathLike, render: Callable[[BinaryIO], T]) -> T:
    """Render into memory, then write the bytes to target whole; returns what render returned."""
    buffer = io.BytesIO()
    result = render(buffer)
    write_output_bytes(target, buffer.getvalue())
    return result


def write_output_bytes(target: str | os.PathLike, data: bytes) -> Path:
    """Write data to a temporary name beside target and rename it into place; raises OSError."""
    path = Path(target)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}{TEMPORARY_SUFFIX}")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            _write_all(handle, data)
            os.fsync(handle)  # ENOSPC may only show here, on filesystems that allocate late
        finally:
            os.close(handle)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return path


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in _DISK_FULL


def unwritable_reason(exc: OSError) -> str:
    """Why an output file could not be written, in words the user can act on."""
    if is_disk_full(exc):
        return "penyimpanan penuh; kosongkan sebagian ruang atau simpan ke folder/diska lain"
    if isinstance(exc, FileNotFoundError):
        return "foldernya tidak ada"
    if isinstance(exc, IsADirectoryError):
        return "nama itu adalah sebuah folder"
    if isinstance(exc, PermissionError):
        return "tidak ada izin menulis di sana"
    if isinstance(exc, NotADirectoryError):
        return "salah satu bagian jalurnya bukan folder"
    return f"galat sistem {exc.errno}" if exc.errno else "galat sistem"
