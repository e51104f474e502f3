"""The `kpu-desk` command itself: version, help and errors in Bahasa Indonesia."""

from __future__ import annotations

import subprocess
import sys

from kpu_desk import __version__


def test_version_through_python_dash_m(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kpu_desk", "--version"], cwd=tmp_path,
                            capture_output=True, text=True, check=True)
    assert result.stdout.strip() == f"KPU Desk {__version__}"


def test_help_speaks_indonesian(run_cli):
    code, out, _ = run_cli("--help")
    assert code == 0
    assert out.startswith("penggunaan: kpu-desk") and "tampilkan bantuan ini lalu keluar" in out


def test_usage_errors_are_indonesian(run_cli):
    code, _, err = run_cli("sop", "show")
    assert code == 2
    assert "galat: argumen berikut wajib diisi: ID" in err
    code, _, err = run_cli("perintah-aneh")
    assert code == 2 and "pilihan tidak sah" in err


def test_unknown_sop(run_cli):
    code, _, err = run_cli("sop", "show", "tidak-ada")
    assert code == 1 and "SOP 'tidak-ada' tidak ditemukan" in err
