"""The SOPs registered in the office database, each with a short label for lists and filters.

SOP names are long and written in whatever case the signed document used
("PELAYANAN PUBLIK DI LINGKUNGAN …"); a list column needs two or three words.
The label says what kind of case the SOP runs; when two registered SOPs run
the same kind, their case-number prefix (which clerks see on every number)
tells them apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kpu_desk.engine.sops import latest_version, registered_sop_ids, sop_for_version
from kpu_desk.sop.model import CaseKind, Sop

KIND_LABELS = {
    CaseKind.KUNJUNGAN: "Kunjungan tamu",
    CaseKind.PERMOHONAN_INFORMASI: "Permohonan informasi",
    CaseKind.PENGADUAN: "Pengaduan",
    CaseKind.MAKLUMAT: "Maklumat pelayanan",
}


@dataclass(frozen=True)
class SopEntry:
    sop: Sop  # the newest registered version
    label: str

    @property
    def id(self) -> str:
        return self.sop.id


def registered_sops() -> list[SopEntry]:
    """The newest version of every registered SOP, in label order."""
    sops = [sop_for_version(latest_version(sop_id).id) for sop_id in registered_sop_ids()]
    kinds = Counter(_kind_label(sop) for sop in sops)
    entries = [SopEntry(sop, _label(sop, kinds)) for sop in sops]
    return sorted(entries, key=lambda entry: entry.label)


def labels() -> dict[str, str]:
    return {entry.id: entry.label for entry in registered_sops()}


def _kind_label(sop: Sop) -> str:
    return KIND_LABELS.get(sop.case.kind) or " ".join(sop.header.name.split()[:4]).capitalize()


def _label(sop: Sop, kinds: Counter) -> str:
    label = _kind_label(sop)
    return f"{label} ({sop.case.prefix})" if kinds[label] > 1 else label
