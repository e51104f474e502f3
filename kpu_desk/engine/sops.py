"""SOP definitions registered in the database, one row per version.

A case keeps the version it started with: the row holds the definition's YAML
text, so a case can be run and printed on its own version even after the file
in resources/sops/ has changed. Loading a changed file (a new fingerprint)
registers the next version; an unchanged file registers nothing.

The version number follows the file's own `version` when the administrator
raised it, and is never lower than the previous version plus one, so the
database's numbering always moves forward even when a wording fix forgot to
raise it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable

import peewee as pw

from kpu_desk.engine import definition_cache
from kpu_desk.engine.errors import EngineError, UnknownSop
from kpu_desk.engine.storage import audit, writing
from kpu_desk.sop.issues import SopFileError
from kpu_desk.sop.loader import build_sop, parse_document
from kpu_desk.sop.model import Sop
from kpu_desk.store import models

# Parsed definitions by (fingerprint, version). A fingerprint names the text, so
# an entry is valid in every database; versions never change once stored.
_parsed: dict[tuple[str, int], Sop] = {}


def sync_definitions(sops: Iterable[Sop], actor: str = "") -> list[models.SopVersion]:
    """Register every changed definition; return the versions stored now (empty when none)."""
    stored = []
    for sop in sops:
        row = _register(sop, _definition_text(sop), actor)
        if row is not None:
            stored.append(row)
    return stored


def latest_version(sop_id: str) -> models.SopVersion:
    """The newest registered version of an SOP; new cases start on it."""
    row = _latest_row(sop_id)
    if row is None:
        raise UnknownSop(f"SOP '{sop_id}' tidak dikenal; lihat daftar SOP dengan `kpu-desk sop list`")
    return row


def registered_sop_ids() -> list[str]:
    query = models.SopVersion.select(models.SopVersion.sop_id).distinct()
    return sorted(row.sop_id for row in query)


def sop_for_case(case: models.Case) -> Sop:
    """The SOP exactly as the case's version defines it."""
    return sop_for_version(case.sop_version_id)


def sop_for_version(version_id: int) -> Sop:
    # The small columns first: with a warm cache the definition text is never read.
    row = (
        models.SopVersion.select(models.SopVersion.fingerprint, models.SopVersion.version)
        .where(models.SopVersion.id == version_id)
        .first()
    )
    if row is None:
        raise UnknownSop(f"versi SOP #{version_id} tidak ada di basis data")
    key = (row.fingerprint, row.version)
    if key not in _parsed:
        _parsed[key] = _parse_version(models.SopVersion.get_by_id(version_id))
    return _parsed[key]


def sop_of_version(sop_id: str, version: int) -> Sop | None:
    """The SOP as its numbered version defines it, or None when that version was never registered."""
    row = (models.SopVersion.select(models.SopVersion.id)
           .where((models.SopVersion.sop_id == sop_id) & (models.SopVersion.version == version)).first())
    return sop_for_version(row.id) if row else None


@dataclass(frozen=True)
class VersionRow:
    version: int
    loaded_at: datetime | None
    fingerprint: str
    cases: int


def sop_versions(sop_id: str) -> list[VersionRow]:
    """Every registered version of an SOP, newest first, with how many cases run on it."""
    cases = (models.Case.select(models.Case.sop_version, pw.fn.COUNT(models.Case.id).alias("n"))
             .join(models.SopVersion).where(models.SopVersion.sop_id == sop_id)
             .group_by(models.Case.sop_version))
    counts = {row.sop_version_id: row.n for row in cases}
    query = (models.SopVersion.select(models.SopVersion.id, models.SopVersion.version,
                                      models.SopVersion.loaded_at, models.SopVersion.fingerprint)
             .where(models.SopVersion.sop_id == sop_id).order_by(models.SopVersion.version.desc()))
    return [VersionRow(row.version, row.loaded_at, row.fingerprint, counts.get(row.id, 0)) for row in query]


def _parse_version(row: models.SopVersion) -> Sop:
    source = f"{row.sop_id} versi {row.version}"
    try:
        document = definition_cache.load(row.fingerprint)
        if document is None:
            document, _lines = parse_document(row.definition, source)
            definition_cache.store(row.fingerprint, document)
        sop = build_sop(document, source, row.fingerprint)
    except SopFileError as exc:
        raise EngineError(f"definisi SOP {row.sop_id} versi {row.version} tidak dapat dibaca:\n{exc}") from None
    return dataclasses.replace(sop, version=row.version)


def _definition_text(sop: Sop) -> str:
    """The YAML text the SOP was loaded from, checked against its fingerprint."""
    try:
        text = Path(sop.source).read_text(encoding="utf-8")
    except OSError as exc:
        raise EngineError(f"berkas SOP {sop.source} tidak dapat dibaca: {exc.strerror}") from None
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sop.fingerprint:
        raise EngineError(f"berkas SOP {sop.source} berubah sejak dimuat; muat ulang lalu coba lagi")
    return text


def _register(sop: Sop, text: str, actor: str) -> models.SopVersion | None:
    # Two workstations starting at once may both try to store the new version;
    # the unique (sop_id, version) index lets one win, and the other finds it stored.
    for _attempt in range(3):
        latest = _latest_row(sop.id)
        if latest is not None and latest.fingerprint == sop.fingerprint:
            return None
        try:
            return _insert_version(sop, text, latest, actor)
        except pw.IntegrityError:
            continue
    raise EngineError(f"SOP '{sop.id}' tidak dapat didaftarkan; coba lagi")


def _insert_version(sop: Sop, text: str, latest: models.SopVersion | None, actor: str) -> models.SopVersion:
    version = sop.version if latest is None else max(latest.version + 1, sop.version)
    with writing():
        row = models.SopVersion.create(
            sop_id=sop.id, version=version, fingerprint=sop.fingerprint, definition=text
        )
        audit("sop.register", actor, "sop", sop.id, sop=sop.id, version=version, fingerprint=sop.fingerprint)
    return row


def _latest_row(sop_id: str) -> models.SopVersion | None:
    query = models.SopVersion.select(
        models.SopVersion.id, models.SopVersion.sop_id, models.SopVersion.version, models.SopVersion.fingerprint
    ).where(models.SopVersion.sop_id == sop_id)
    return query.order_by(models.SopVersion.version.desc()).first()
