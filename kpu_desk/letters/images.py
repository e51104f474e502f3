"""Checking that uploaded bytes are the picture they claim to be (signature specimens, signed receipts)."""

from __future__ import annotations

from io import BytesIO

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
MAX_SIGNATURE_BYTES = 1024 * 1024
MIN_SIDE, MAX_SIDE = 20, 4000


def png_problem(data: bytes, what: str = "tanda tangan") -> str | None:
    """Why `data` is not a usable PNG image (Bahasa Indonesia), or None when it is."""
    if not isinstance(data, (bytes, bytearray)) or not data:
        return f"gambar {what} kosong"
    if len(data) > MAX_SIGNATURE_BYTES:
        return f"gambar {what} terlalu besar (paling besar 1 MB)"
    if not bytes(data[:8]) == PNG_MAGIC:
        return f"gambar {what} harus berkas PNG"
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(bytes(data))) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return f"berkas PNG {what} rusak"
    if min(width, height) < MIN_SIDE or max(width, height) > MAX_SIDE:
        return f"ukuran gambar {what} tidak wajar ({width} × {height} piksel)"
    return None


def as_png(data: bytes) -> bytes:
    """A scanned signature loaded as JPEG becomes PNG (what is stored); PNG comes back as it is.

    Anything else is returned unchanged, for png_problem to refuse with its message.
    """
    if not isinstance(data, (bytes, bytearray)) or not bytes(data[:3]) == JPEG_MAGIC:
        return data
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(bytes(data))) as image:
            buffer = BytesIO()
            image.convert("RGB").save(buffer, format="PNG")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return data
    return buffer.getvalue()
