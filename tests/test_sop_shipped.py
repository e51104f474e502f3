"""The five shipped SOPs: complete, valid, and true to the signed documents."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import SOPS_DIR
from kpu_desk.sop.library import load_shipped
from kpu_desk.sop.model import Symbol

EXPECTED = {
    # id: (steps, lanes, decisions)
    "karanganyar-pelayanan-umum": (11, 5, 1),
    "kupang-pelayanan-publik": (13, 4, 1),
    "karanganyar-maklumat-informasi": (6, 5, 0),
    "pulangpisau-pengaduan": (8, 4, 0),
    "kediri-pengaduan": (17, 3, 2),
}

SEED_OF = {
    "karanganyar-pelayanan-umum": "000_b628978552a29fb8.txt",
    "kupang-pelayanan-publik": "001_21f7025dd9020326.txt",
    "karanganyar-maklumat-informasi": "002_4c93530aa4b1c5ef.txt",
    "pulangpisau-pengaduan": "003_8e0cf99fda6c6dd5.txt",
    "kediri-pengaduan": "004_03cdf64ce0e101d0.txt",
}


def _collapse(text: str) -> str:
    return " ".join(text.split())


def test_sop_list_json_from_outside_the_checkout(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kpu_desk", "sop", "list", "--json"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    listed = {row["id"]: row for row in json.loads(result.stdout)}
    assert {k: (r["steps"], r["lanes"], r["decisions"]) for k, r in listed.items()} == EXPECTED
    for row in listed.values():
        assert all(isinstance(row[key], int) for key in ("version", "steps", "lanes", "decisions"))
        assert row["number"] and row["name"] and row["office"]


def test_sop_check_passes_and_reports_the_documents_own_mistakes(run_cli):
    files = sorted(str(p) for p in SOPS_DIR.glob("*.yaml"))
    code, out, err = run_cli("sop", "check", *files)
    assert code == 0, out
    assert "galat:" not in out
    warnings = out.splitlines()
    def warned(file_part: str, words: str) -> bool:
        return any(file_part in line and "peringatan" in line and words in line for line in warnings)
    assert warned("karanganyar-maklumat", "Tanggal Pembuatan (5 Januari 2025) sesudah Tanggal Pengesahan")
    assert warned("karanganyar-maklumat", "judul bagan alur 'BAGAN ALUR PENGAJUAN UJI KONSEKUENSI")
    assert warned("kupang", "nomor keputusan '60") and warned("kupang", "'66/")
    assert warned("pulangpisau", "'Keterkaitan' kosong")
    assert warned("pulangpisau", "belum direviu lebih dari setahun")
    assert "5 berkas diperiksa: 0 galat" in err


def test_every_shipped_sop_has_a_complete_header():
    for sop in load_shipped():
        header = sop.header
        assert header.office and header.number and header.name and header.disahkan_oleh.jabatan
        assert header.dasar_hukum, sop.id
        assert header.kualifikasi_pelaksana, sop.id


def test_the_branches_the_documents_describe():
    sops = {s.id: s for s in load_shipped()}
    visit = sops["karanganyar-pelayanan-umum"]
    assert visit.step(7).symbol is Symbol.DECISION and len(visit.step(7).branches) == 3
    assert len(visit.step(8).lanes) == 2
    kupang = sops["kupang-pelayanan-publik"]
    assert [s.no for s in kupang.start_steps] == [1, 5]
    assert {b.next for b in kupang.step(9).branches} == {10, 12}
    assert kupang.case.legal_deadline.working_days == 10
    assert kupang.case.legal_deadline.extension_working_days == 7
    kediri = sops["kediri-pengaduan"]
    assert all(s.mutu_baku.waktu.as_written.startswith("Hari Ke") for s in kediri.steps)
    pulang = sops["pulangpisau-pengaduan"]
    assert {s.mutu_baku.waktu.as_written for s in pulang.steps} == {"1 hari kerja"}


def test_case_prefixes_are_distinct():
    prefixes = [s.case.prefix for s in load_shipped()]
    assert len(prefixes) == len(set(prefixes))


@pytest.mark.parametrize("sop_id", sorted(SEED_OF))
def test_every_activity_is_verbatim_from_its_seed(sop_id, seeds_dir):
    seed = _collapse((seeds_dir / SEED_OF[sop_id]).read_text(encoding="utf-8"))
    sop = next(s for s in load_shipped() if s.id == sop_id)
    missing = [s.no for s in sop.steps if _collapse(s.activity) not in seed]
    assert not missing, f"{sop_id}: steps not verbatim from the seed: {missing}"


@pytest.mark.parametrize("sop_id", sorted(SEED_OF))
def test_time_standards_are_as_written_in_the_seed(sop_id, seeds_dir):
    seed = _collapse((seeds_dir / SEED_OF[sop_id]).read_text(encoding="utf-8"))
    sop = next(s for s in load_shipped() if s.id == sop_id)
    for step in sop.steps:
        written = step.mutu_baku.waktu.as_written
        assert written in ("", "-") or re.search(re.escape(written), seed), (sop_id, step.no, written)


def test_sop_show_prints_the_steps(run_cli):
    code, out, _ = run_cli("sop", "show", "kupang-pelayanan-publik")
    assert code == 0
    assert "Melakukan registrasi." in out and "cabang:" in out
    code, out, _ = run_cli("sop", "show", "kediri-pengaduan", "--json")
    data = json.loads(out)
    assert len(data["steps"]) == 17 and data["steps"][0]["mutu_baku"]["waktu"]["kind"] == "case_day"
