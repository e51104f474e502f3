"""The installation's secret: 32 random bytes that sign the codes this office prints.

Created once, on first need, and kept in the database as the Setting row
'installation_secret' (hex), so every workstation of the office signs and checks
with the same secret. Never printed, exported in a code, or shown on screen.
"""

from __future__ import annotations

import secrets

from kpu_desk.store import models

SECRET_KEY = "installation_secret"
SECRET_BYTES = 32


def installation_secret() -> bytes:
    """The secret of the bound database, created (race-free: first writer wins) when missing."""
    secret = _stored()
    if secret is not None:
        return secret
    fresh = secrets.token_bytes(SECRET_BYTES).hex()
    models.Setting.insert(key=SECRET_KEY, value=fresh).on_conflict_ignore().execute()
    secret = _stored()
    if secret is None:  # pragma: no cover - the row was just written
        raise RuntimeError("rahasia instalasi tidak dapat disimpan")
    return secret


def _stored() -> bytes | None:
    row = models.Setting.get_or_none(models.Setting.key == SECRET_KEY)
    if row is None or not isinstance(row.value, str):
        return None
    try:
        value = bytes.fromhex(row.value)
    except ValueError:
        return None
    return value if len(value) >= 16 else None
