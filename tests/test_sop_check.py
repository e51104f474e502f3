"""`kpu-desk sop check` on broken definitions: exit 1, and each message names the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SOPS_DIR

ORIGINAL = (SOPS_DIR / "karanganyar-pelayanan-umum.yaml").read_text(encoding="utf-8")


def _broken(tmp_path: Path, old: str, new: str, count: int = 1) -> Path:
    assert old in ORIGINAL, old
    path = tmp_path / "rusak.yaml"
    path.write_text(ORIGINAL.replace(old, new, count), encoding="utf-8")
    return path


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(text)


def test_unknown_lane_is_an_error_at_the_step(run_cli, tmp_path):
    path = _broken(tmp_path, "lanes: [pramusaji]\n    symbol: process", "lanes: [dapur]\n    symbol: process")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    step_line = _line_of(path, "- no: 6")
    assert f"{path}:{step_line}: galat: langkah 6: pelaksana 'dapur' tidak ada" in out


def test_dangling_next_is_an_error(run_cli, tmp_path):
    path = _broken(tmp_path, "    next: 5\n", "    next: 50\n")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert re.search(rf"{re.escape(str(path))}:\d+: galat: langkah 4: langkah berikutnya 50 tidak ada", out)


def test_dangling_branch_names_the_branch_line(run_cli, tmp_path):
    path = _broken(tmp_path, "      - label: \"Tidak bersedia\"\n        next: 9", "      - label: \"Tidak bersedia\"\n        next: 99")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert f"{path}:{_line_of(path, 'Tidak bersedia')}: galat: langkah 7: cabang 'Tidak bersedia' menuju langkah 99" in out


def test_malformed_syntax_names_the_line(run_cli, tmp_path):
    path = _broken(tmp_path, 'id: karanganyar-pelayanan-umum\n', 'id: karanganyar-pelayanan-umum\nversion: [1\n')
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    opened = _line_of(path, "version: [1")
    assert out == (f"{path}:{opened + 1}: galat: sintaks YAML tidak sah (kolom 8): kurung '[' yang dibuka di baris "
                   f"{opened} belum ditutup; daftar dalam kurung '[ ]' tidak ditulis atau ditutup dengan benar\n")


@pytest.mark.parametrize(("old", "new", "marker", "said"), [
    # ruamel.yaml's "could not find expected ':'", at the key that lacks it
    ('  number: "430 /ORT.6/3313/2022"\n', '  number: "430 /ORT.6/3313/2022"\n  unit\n', "  unit",
     "(kolom 3): tanda ':' yang diharapkan tidak ada; tulis 'kunci: nilai' atau periksa tanda kutipnya"),
    ("    symbol: process\n", "    symbol: process\n\tnext: 3\n", "\tnext", "(kolom 1): tab tidak boleh dipakai; pakai spasi untuk indentasi"),
    ("    symbol: process\n", "    symbol: proses: cepat\n", "proses: cepat",
     "(kolom 19): tanda ': ' tidak boleh di sini; beri tanda kutip \"…\" pada teks yang memuat titik dua"),
    ("    symbol: process\n", '    symbol: "pro\\qcess"\n', "pro\\q",
     "(kolom 18): garis miring terbalik (\\) dalam tanda kutip ganda tidak dikenal; tulis \\\\ atau pakai tanda kutip tunggal"),
])
def test_parser_problems_are_said_in_indonesian_with_line_and_column(run_cli, tmp_path, old, new, marker, said):
    path = _broken(tmp_path, old, new)
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert out == f"{path}:{_line_of(path, marker)}: galat: sintaks YAML tidak sah {said}\n"


def test_a_number_too_long_for_python_is_named_at_its_line(run_cli, tmp_path):
    path = _broken(tmp_path, "version: 1\n", f"version: {'9' * 5000}\n")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and out == f"{path}:{_line_of(path, 'version: 999')}: galat: bilangan terlalu panjang\n"


def test_schema_violation_is_in_indonesian_with_the_line(run_cli, tmp_path):
    path = _broken(tmp_path, "    symbol: process\n", "    symbol: proses\n")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert f"{path}:{_line_of(path, 'symbol: proses')}: galat: steps[2].symbol: harus salah satu dari: start, process, decision, end" in out


def test_unknown_key_and_missing_key(run_cli, tmp_path):
    path = _broken(tmp_path, "    keterangan: \"Penerapan standar protokol kesehatan\"", "    catatan: \"x\"")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and "kolom 'catatan' tidak dikenal" in out
    path = _broken(tmp_path, "  number: \"430 /ORT.6/3313/2022\"\n", "")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and "header: kolom wajib 'number' belum diisi" in out


def test_bad_time_standard(run_cli, tmp_path):
    path = _broken(tmp_path, 'waktu: "10 menit"', 'waktu: "sepuluh menit"')
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert f"{path}:{_line_of(path, 'sepuluh menit')}: galat: waktu 'sepuluh menit' tidak dikenali" in out


def test_decision_with_one_branch(run_cli, tmp_path):
    text = ORIGINAL
    start = text.index('      - label: "Tidak bersedia"')
    end = text.index("    form:", start)
    path = tmp_path / "satu-cabang.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    # with 'Tidak bersedia' gone the remaining two branches are still two: drop one more
    path.write_text(path.read_text(encoding="utf-8").replace(
        '      - label: "Menunjuk pejabat/personil terkait"\n        next: 8\n', ""), encoding="utf-8")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert "langkah 7: keputusan harus punya paling sedikit dua cabang" in out


def test_unreachable_step_and_endless_path(run_cli, tmp_path):
    # 3 jumps back to 2: nothing reaches 4..11 and the loop 2-3 never ends.
    path = _broken(tmp_path, "    next: 4\n", "    next: 2\n")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert "langkah 4 tidak dapat dicapai dari langkah awal mana pun" in out
    assert "dari langkah 2 tidak ada jalan menuju langkah akhir" in out


def test_no_start_and_no_end(run_cli, tmp_path):
    path = _broken(tmp_path, "    symbol: start\n", "    symbol: process\n")
    path.write_text(path.read_text(encoding="utf-8").replace("    symbol: end\n", "    symbol: process\n    next: 1\n"), encoding="utf-8")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert "tidak ada langkah awal" in out and "tidak ada langkah akhir" in out


def test_title_must_name_real_fields(run_cli, tmp_path):
    path = _broken(tmp_path, 'title: "{nama_tamu} — {instansi}"', 'title: "{nama} — {instansi}"')
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and "case.title menyebut isian 'nama'" in out


def test_two_files_with_the_same_id_clash(run_cli, tmp_path):
    copy = tmp_path / "salinan.yaml"
    copy.write_text(ORIGINAL, encoding="utf-8")
    code, out, _ = run_cli("sop", "check", str(SOPS_DIR / "karanganyar-pelayanan-umum.yaml"), str(copy))
    assert code == 1 and "id 'karanganyar-pelayanan-umum' dipakai juga oleh" in out


@pytest.mark.parametrize("content", [b"\xff\xfe\x00bukan teks", b""])
def test_unreadable_files(run_cli, tmp_path, content):
    path = tmp_path / "aneh.yaml"
    path.write_bytes(content)
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and str(path) in out and "galat" in out


def test_missing_file(run_cli, tmp_path):
    code, out, _ = run_cli("sop", "check", str(tmp_path / "tidak-ada.yaml"))
    assert code == 1 and "berkas tidak dapat dibuka" in out


def test_unknown_role_of_a_person_field(run_cli, tmp_path):
    path = _broken(tmp_path, "        role: pimpinan\n", "        role: bupati\n")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and "peran 'bupati' tidak dikenal" in out


KUPANG = (SOPS_DIR / "kupang-pelayanan-publik.yaml").read_text(encoding="utf-8")
HUGE = "9223372036854775807"  # SQLite's largest integer; PostgreSQL's INTEGER stops at 2147483647


@pytest.mark.parametrize(("text", "old", "new", "where"), [
    (ORIGINAL, "version: 1\n", f"version: {HUGE}\n", "version: paling besar 1.000.000"),
    (ORIGINAL, "  - no: 6\n", f"  - no: {HUGE}\n", "steps[6].no: paling besar 9.999"),
    (ORIGINAL, "    next: 5\n", f"    next: {HUGE}\n", "steps[4].next: paling besar 9.999"),
    (ORIGINAL, "        max_length: 100\n", f"        max_length: {HUGE}\n", "max_length: paling besar 10.000"),
    (ORIGINAL, "        min: 1\n", f"        min: -{HUGE}\n", "min: paling kecil -1.000.000.000.000.000"),
    (KUPANG, "    working_days: 10\n", f"    working_days: {HUGE}\n", "working_days: paling besar 365"),
    (KUPANG, "    extension_working_days: 7\n", f"    extension_working_days: {HUGE}\n", "extension_working_days: paling besar 365"),
])
def test_numbers_beyond_what_the_databases_store_are_refused(run_cli, tmp_path, text, old, new, where):
    # version 9223372036854775807 used to pass; the next edit stored version + 1 and every case
    # start of every SOP then died with OverflowError.
    assert old in text, old
    path = tmp_path / "besar.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert f"{path}:{_line_of(path, new.strip())}: galat: " in out and where in out, out


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_numbers_that_are_not_numbers_are_refused(run_cli, tmp_path, value):
    path = _broken(tmp_path, "        min: 1\n", f"        min: {value}\n")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and f"{path}:{_line_of(path, 'min: ' + value)}: galat: angka" in out, out


@pytest.mark.parametrize("waktu", ["366 hari kerja", "9000 jam", "Hari Ke 400", "9" * 1500 + " menit"])
def test_time_standards_beyond_a_year_are_refused(run_cli, tmp_path, waktu):
    path = _broken(tmp_path, 'waktu: "10 menit"', f'waktu: "{waktu}"')
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and "terlalu lama; paling lama" in out and "Traceback" not in out, out


@pytest.mark.parametrize(("old", "new", "where"), [
    ('    activity: "Tamu datang menuju Pos/meja Jagat Saksana"\n', "    activity: ' '\n", "steps[1].activity"),
    ('  office: "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR"', '  office: "\\t \\u3000"', "header.office"),
])
def test_blank_required_texts_are_refused(run_cli, tmp_path, old, new, where):
    path = _broken(tmp_path, old, new)
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and f"{where}: tidak boleh kosong" in out, out


@pytest.mark.parametrize(("old", "new", "said"), [
    ('    activity: "Tamu datang menuju Pos/meja Jagat Saksana"\n', f'    activity: "{"x" * 2001}"\n',
     "steps[1].activity: terlalu panjang: paling banyak 2000 huruf"),
    # the audit trail keeps the id in 40 characters and a step run its branch in 120: PostgreSQL refuses more
    ("id: karanganyar-pelayanan-umum\n", f"id: {'a' * 41}\n", "id: terlalu panjang: paling banyak 40 huruf"),
    ('      - label: "Tidak bersedia"\n', f'      - label: "{"x" * 121}"\n', "label: terlalu panjang: paling banyak 120 huruf"),
])
def test_overlong_texts_are_refused(run_cli, tmp_path, old, new, said):
    path = _broken(tmp_path, old, new)
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1 and f"{path}:{_line_of(path, new.strip()[:20])}: galat: " in out and said in out, out


def _alias_bomb(levels: int) -> str:
    """A YAML 'billion laughs': each level repeats the one before nine times."""
    lines = ['x_bom0: &bom0 ["laugh", "laugh", "laugh", "laugh", "laugh", "laugh", "laugh", "laugh", "laugh"]']
    for level in range(1, levels):
        lines.append(f"x_bom{level}: &bom{level} [" + ", ".join([f"*bom{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_at_its_line(run_cli, tmp_path):
    # 6 levels (400 bytes) expand to 531,441 strings: 1 s and 120 MB before, each level 9 times more
    # (8.7 KB took 33 s and 2.4 GB); now reading stops at the 20,000th value.
    path = tmp_path / "bom.yaml"
    path.write_text(ORIGINAL + _alias_bomb(6), encoding="utf-8")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    assert out == (f"{path}:{_line_of(path, 'x_bom0:')}: galat: berkas berisi lebih dari 20.000 nilai "
                   "(setiap pemakaian alias YAML '*' ikut dihitung)\n")


def test_a_modest_alias_still_loads(run_cli, tmp_path):
    # Versions stored in the database may use anchors: they must keep loading for their cases.
    path = _broken(tmp_path, '    keterangan: "Penerapan standar protokol kesehatan"\n',
                   '    keterangan: &prokes "Penerapan standar protokol kesehatan"\n')
    text = path.read_text(encoding="utf-8").replace('"Informasi identitas serta maksud dan tujuan tamu"', "*prokes")
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 0 and "galat" not in out, out


def test_oversized_file_is_refused_with_the_line_past_the_limit(run_cli, tmp_path):
    path = tmp_path / "besar.yaml"
    padding = "".join(f"# catatan {n}: {'x' * 90}\n" for n in range(3000))  # 300 KB of comments
    path.write_text(ORIGINAL + padding, encoding="utf-8")
    code, out, _ = run_cli("sop", "check", str(path))
    assert code == 1
    line = (ORIGINAL + padding)[:256 * 1024].count("\n") + 1
    assert out == f"{path}:{line}: galat: berkas terlalu besar: lebih dari 256 KB (batas terlampaui di baris {line})\n", out
