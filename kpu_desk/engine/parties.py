"""The case's party (tamu, pemohon, pengadu), kept up to date from what the steps record.

Steps record the person in fields with agreed keys (nama_tamu, nik, telepon …);
the party row gathers them so registers, retention and anonymisation work on
one row per person instead of searching every step's form data.
"""

from __future__ import annotations

from typing import Any, Mapping

from kpu_desk.sop.model import CaseKind
from kpu_desk.store import models

NAME_KEYS = ("nama_tamu", "nama_pemohon", "nama_pengadu")
_COLUMN_OF = {
    "nik": "nik",
    "telepon": "phone",
    "email": "email",
    "alamat": "address",
    "instansi": "institution",
    "pekerjaan_instansi": "institution",
}
_KIND_OF = {
    CaseKind.KUNJUNGAN: "tamu",
    CaseKind.PERMOHONAN_INFORMASI: "pemohon",
    CaseKind.PENGADUAN: "pengadu",
}
_LIMITS = {"name": 120, "nik": 16, "phone": 20, "email": 120, "institution": 150}


def party_values(data: Mapping[str, Any]) -> dict[str, str]:
    """The party columns a step's form data fills; empty values never wipe what is known."""
    values: dict[str, str] = {}
    for key in NAME_KEYS:
        if data.get(key):
            values["name"] = str(data[key])
    for key, column in _COLUMN_OF.items():
        if data.get(key):
            values[column] = str(data[key])
    return {column: _fit(column, text) for column, text in values.items()}


def record_party(case: models.Case, kind: CaseKind, data: Mapping[str, Any]) -> int | None:
    """Create or update the case's party; return its id (None when the step names nobody)."""
    values = party_values(data)
    if not values:
        return case.party_id
    if case.party_id is not None:
        models.Party.update(**values).where(models.Party.id == case.party_id).execute()
        return case.party_id
    party = models.Party.create(kind=_KIND_OF.get(kind, "lainnya"), **{"name": "", **values})
    models.Case.update(party=party).where(models.Case.id == case.id).execute()
    case.party_id = party.id
    return party.id


def _fit(column: str, text: str) -> str:
    limit = _LIMITS.get(column)
    return text[:limit] if limit else text
