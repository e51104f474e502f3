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
import secrets

PREFIX = "TM1"
ID_BYTES = 8
SIG_BYTES = 10


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
    """Typed codes: surrounding blanks and lower case are forgiven."""
    return str(payload or "").strip().upper()


def verify_pass_token(payload: str, secret: bytes | None = None) -> str:
    """The token id of a genuine payload; PassTokenError for a forged, altered or malformed one."""
    parts = normalize_payload(payload).split(".")
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or not parts[2]:
        raise PassTokenError("kode pass tidak sah / telah diubah")
    token_id, signature = parts[1], parts[2]
    if not hmac.compare_digest(signature, _signature(token_id, signing_secret(secret))):
        raise PassTokenError("kode pass tidak sah / telah diubah")
    return token_id
