"""Buku ekspedisi: hand-overs numbered per year without gaps, the receiver's signature, the register."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kpu_desk import engine
from kpu_desk.engine.errors import FormError
from kpu_desk.engine.sops import sop_for_case
from kpu_desk.letters import Handover, expeditions, find_expedition, handover_fields, record_handover
from kpu_desk.letters.expedition import receiver_signature_attachment
from kpu_desk.store import models
from letters_support import NOW, make_office, signature_png


@pytest.fixture
def office(database):
    return make_office()


def _handover(**changes) -> Handover:
    values = dict(item="Salinan rekapitulasi DPT Kelurahan Oebobo", recipient_name="Maria Goreti Lake",
                  recipient_institution="LSM Suara Rakyat")
    values.update(changes)
    return Handover(**values)


def test_numbers_run_per_year_without_gaps(office):
    first = record_handover(_handover(), "kasubag.hukum", now=NOW)
    second = record_handover(_handover(), "kasubag.hukum", now=NOW)
    with pytest.raises(FormError):
        record_handover(_handover(item=""), "kasubag.hukum", now=NOW)
    old = record_handover(_handover(handed_at=datetime(2025, 12, 31, 15, 0)), "kasubag.hukum", now=NOW)
    third = record_handover(_handover(), "kasubag.hukum", now=NOW)
    assert [(e.year, e.number) for e in (first, second, old, third)] == [(2026, 1), (2026, 2), (2025, 1), (2026, 3)]
    assert [row.number for row in expeditions(2026)] == ["0003/2026", "0002/2026", "0001/2026"]
    assert find_expedition("0001/2025").id == old.id


@pytest.mark.parametrize("changes, key", [
    ({"item": "  "}, "item"),
    ({"recipient_name": ""}, "recipient_name"),
    ({"handed_at": NOW + timedelta(hours=2)}, "handed_at"),
    ({"receiver_signature": b"bukan gambar"}, "receiver_signature"),
])
def test_bad_handovers_are_refused(office, changes, key):
    with pytest.raises(FormError) as refused:
        record_handover(_handover(**changes), "kasubag.hukum", now=NOW)
    assert key in refused.value.errors and not models.Expedition.select().exists()


def test_the_receivers_signature_fills_the_kupang_handover_step(office):
    case = engine.start_case("kupang-pelayanan-publik", actor="helpdesk", entry="Permohonan melalui surat", now=NOW)
    entry = record_handover(_handover(case=case.number, receiver_signature=signature_png()), "kasubag.hukum", now=NOW)
    proof = receiver_signature_attachment(entry)
    assert proof.case_id == case.id and proof.mime == "image/png"
    fields = handover_fields(entry, sop_for_case(case).step(11))
    assert fields == {"data_diterima_oleh": "Maria Goreti Lake", "waktu_data_diterima": NOW,
                      "nomor_ekspedisi_data": "0001/2026", "bukti_ekspedisi_data": proof.id}
    row = expeditions(2026, search="Suara")[0]
    assert row.signed and row.case_number == case.number and row.handed_by == "Smaragung Wibowo"
    assert expeditions(2026, search="tidak ada") == []
    audit = models.AuditEntry.get(models.AuditEntry.action == "expedition.record")
    assert "Maria" not in str(audit.detail) and audit.entity_id == "0001/2026"


def test_the_register_prints_on_a4_landscape(run_cli, sqlite_url, tmp_path):
    import pypdfium2

    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    try:
        make_office()
        for index in range(30):
            record_handover(_handover(item=f"Salinan dokumen ke-{index + 1}",
                                      receiver_signature=signature_png() if index % 2 else None),
                            "kasubag.hukum", now=NOW)
    finally:
        close_database()
    out = tmp_path / "ekspedisi.pdf"
    code, stdout, err = run_cli("--db", sqlite_url, "print", "ekspedisi", "2026", "-o", str(out))
    assert code == 0, err
    assert "30 penyerahan" in stdout
    pdf = pypdfium2.PdfDocument(str(out))
    width, height = pdf[0].get_size()
    assert width > height and len(pdf) >= 2
    text = " ".join(" ".join(page.get_textpage().get_text_range().split()) for page in pdf)
    assert "BUKU EKSPEDISI TAHUN 2026" in text and "0001/2026" in text and "0030/2026" in text
    assert "Salinan dokumen ke-30" in text and f"Halaman 1 dari {len(pdf)}" in text
    pdf.close()
