"""Parsed SOP definitions kept as JSON in the data folder, keyed by the SHA-256 of their YAML.

Reading the YAML of five SOPs (pure-Python parser, schema check) took half a
second of every start-up; the validated document as JSON reads in a
millisecond. The key is the definition's own fingerprint, so a cached entry
can never be stale, and a missing or damaged one is simply parsed again.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from kpu_desk.store.connection import data_dir

_FINGERPRINT = re.compile(r"^[0-9a-f]{64}$")


def _path(fingerprint: str) -> Path | None:
    if not _FINGERPRINT.match(fingerprint or ""):
        return None
    return data_dir() / "cache" / "sop" / f"{fingerprint}.json"


def load(fingerprint: str) -> dict[str, Any] | None:
    path = _path(fingerprint)
    try:
        document = json.loads(path.read_text(encoding="utf-8")) if path else None
    except (OSError, ValueError):
        return None
    return document if isinstance(document, dict) else None


def store(fingerprint: str, document: dict[str, Any]) -> None:
    path = _path(fingerprint)
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, path)  # another workstation's process may write the same entry
    except OSError:
        pass  # a cache that cannot be written only costs the next start-up some time
