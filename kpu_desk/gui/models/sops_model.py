"""SOP: the registered SOPs with their versions, and the steps of the one selected."""

from __future__ import annotations

from kpu_desk.engine.sops import sop_versions
from kpu_desk.gui.models.table_model import CENTER, RIGHT, Column, RowTableModel
from kpu_desk.sop.model import Sop
from kpu_desk.sop_catalog import SopEntry, registered_sops


class SopsModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._in_use: set[str] = set()
        self.set_columns([
            Column(self.tr("Layanan"), lambda e: e.label),
            Column(self.tr("Nomor SOP"), lambda e: e.sop.header.number),
            Column(self.tr("Nama SOP"), lambda e: " ".join(e.sop.header.name.split())),
            Column(self.tr("Versi"), lambda e: e.sop.version, align=CENTER),
            Column(self.tr("Langkah"), lambda e: len(e.sop.steps), align=RIGHT),
            Column(self.tr("Pelaksana"), lambda e: len(e.sop.lanes), align=RIGHT),
            Column(self.tr("Dipakai"), lambda e: self.tr("Ya") if e.id in self._in_use else self.tr("Tidak"),
                   align=CENTER),
        ])

    def load(self, in_use: set[str]) -> None:
        self._in_use = set(in_use)
        self.set_rows(registered_sops())

    def entry_at(self, row: int) -> SopEntry | None:
        return self.row_at(row)


class StepsModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._sop: Sop | None = None
        self.set_columns([
            Column(self.tr("No"), lambda s: s.no, align=CENTER),
            Column(self.tr("Kegiatan"), lambda s: " ".join(s.activity.split())),
            Column(self.tr("Pelaksana"), self._lanes),
            Column(self.tr("Waktu"), lambda s: s.mutu_baku.waktu.as_written),
            Column(self.tr("Output"), lambda s: " ".join(s.mutu_baku.output.split()) or "—"),
        ])

    def load(self, sop: Sop | None) -> None:
        self._sop = sop
        self.set_rows(sop.steps if sop else [])

    def _lanes(self, step) -> str:
        names = {lane.id: lane.name for lane in self._sop.lanes} if self._sop else {}
        return ", ".join(names.get(lane, lane) for lane in step.lanes)


def _joined(items) -> str:
    return "\n".join(" ".join(str(item).split()) for item in items if str(item).strip())


def header_fields(sop: Sop, tr=lambda text: text) -> list[tuple[str, str]]:
    """Every header field of the SOP document, in its own words; "-" for one left empty."""
    header = sop.header
    signer = header.disahkan_oleh
    signed_by = "\n".join(part for part in (
        " ".join(signer.jabatan.split()), signer.nama, f"NIP {signer.nip}" if signer.nip else "") if part)
    fields = [
        (tr("Nomor SOP"), header.number),
        (tr("Nama SOP"), " ".join(header.name.split())),
        (tr("Tanggal Pembuatan"), header.tanggal_pembuatan),
        (tr("Tanggal Pengesahan"), header.tanggal_pengesahan),
        (tr("Tanggal Efektif"), header.tanggal_efektif),
        (tr("Disahkan oleh"), signed_by),
        (tr("Dasar Hukum"), _joined(header.dasar_hukum)),
        (tr("Kualifikasi Pelaksana"), _joined(header.kualifikasi_pelaksana)),
        (tr("Keterkaitan"), _joined(header.keterkaitan)),
        (tr("Peralatan/Perlengkapan"), _joined(header.peralatan_perlengkapan)),
        (tr("Peringatan"), _joined(header.peringatan)),
        (tr("Pencatatan dan Pendataan"), _joined(header.pencatatan_pendataan)),
    ]
    return [(label, value.strip() or "-") for label, value in fields]


class HeaderModel(RowTableModel):
    """Kepala SOP: one row per header field."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Bagian"), lambda row: row[0]),
            Column(self.tr("Isi"), lambda row: row[1]),
        ])

    def load(self, sop: Sop | None) -> None:
        self.set_rows(header_fields(sop, self.tr) if sop else [])

    def value(self, label: str) -> str | None:
        return next((v for k, v in self.rows() if k == label), None)


class VersionsModel(RowTableModel):
    """Riwayat versi: the SopVersion rows of one SOP."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Versi"), lambda r: r.version, align=CENTER),
            Column(self.tr("Dimuat pada"), lambda r: f"{r.loaded_at:%d-%m-%Y %H:%M}" if r.loaded_at else "-"),
            Column(self.tr("Sidik jari"), lambda r: r.fingerprint[:12]),
            Column(self.tr("Kasus"), lambda r: r.cases, align=RIGHT),
        ])

    def load(self, sop_id: str | None) -> None:
        self.set_rows(sop_versions(sop_id) if sop_id else [])
