"""Signed guest-pass codes: short, random, and holding no personal data.

A payload reads `TM1.<id>.<sig>`: `id` is 8 random bytes and `sig` the first
10 bytes of HMAC-SHA256(installation secret, "TM1." + id), both base32 without
padding (upper case letters and digits 2-7: short in a QR code and easy to type).
Visit.pass_token stores the whole payload; a pass is found by that exact text
only after its signature has been checked, so a forged or altered code never
reaches the database lookup.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import unicodedata

PREFIX = "TM1"
ID_BYTES = 8
SIG_BYTES = 10
# Base32 (RFC 4648) only: anything else in a code was not printed by KPU Desk. re.ASCII, because a
# code with any other character must be refused before it reaches hmac or the database.
B32_TEXT = r"[A-Z2-7]+"
_PAYLOAD = re.compile(rf"{PREFIX}\.({B32_TEXT})\.({B32_TEXT})", re.ASCII)
# What a scanner or a paste may put around a code: blanks, control characters (Tab, the GS of
# GS1 symbols, CR/LF) and invisible format characters (zero-width space, byte-order mark).
_INVISIBLE = ("Cc", "Cf")


class PassTokenError(ValueError):
    pass


def b32(data: bytes) -> str:
    """Base32 without padding: the alphabet of every signed code KPU Desk prints (TM1, DS1)."""
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _signature(token_id: str, secret: bytes) -> str:
    mac = hmac.new(secret, f"{PREFIX}.{token_id}".encode("ascii"), hashlib.sha256).digest()
    return b32(mac[:SIG_BYTES])


def signing_secret(secret: bytes | None) -> bytes:
    """The given secret, or the installation's (shared by the office's workstations)."""
    if secret is not None:
        return secret
    from kpu_desk.security.installation import installation_secret

    return installation_secret()


def new_pass_token(secret: bytes | None = None) -> str:
    """A fresh payload signed with `secret` (default: the installation's secret)."""
    token_id = b32(secrets.token_bytes(ID_BYTES))
    return f"{PREFIX}.{token_id}.{_signature(token_id, signing_secret(secret))}"


def normalize_payload(payload: str) -> str:
    """A scanned or typed code as it was printed: what a scanner, a paste or the keyboard adds
    around it (blanks, control and zero-width characters) is dropped and lower case forgiven.
    Only ASCII is upper-cased: "ﬁ".upper() is "FI", and a code must not be made from what
    was not in it."""
    text = trim_scanned(str(payload or ""))
    return text.upper() if text.isascii() else text


def trim_scanned(text: str) -> str:
    """The text without the blanks, control and invisible characters around it."""
    start, end = 0, len(text)
    while start < end and _is_invisible(text[start]):
        start += 1
    while end > start and _is_invisible(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in _INVISIBLE


def verify_pass_token(payload: str, secret: bytes | None = None) -> str:
    """The token id of a genuine payload; PassTokenError for a forged, altered or malformed one."""
    match = _PAYLOAD.fullmatch(normalize_payload(payload))
    if match is None:
        raise PassTokenError("kode pass tidak sah / telah diubah")
    token_id, signature = match.groups()
    if not hmac.compare_digest(signature, _signature(token_id, signing_secret(secret))):
        raise PassTokenError("kode pass tidak sah / telah diubah")
    return token_id
