"""Output files on a full disk (issue 14): the old file kept, no 0-byte or temporary file, and
"penyimpanan penuh" said plainly, from every command that writes a document and from the core
exports the windows call (Buku tamu, Laporan)."""

from __future__ import annotations

import errno
from datetime import date

import pytest

from full_disk_support import full_folder, leftovers
from letters_support import NOW, make_office, signed_letter_path
from visitor_support import make_visit

OLD = b"versi lama, harus tetap utuh"


@pytest.fixture
def office(sqlite_url):
    """A SQLite office with a signed disposition and a visitor in the building: the CLI arguments."""
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    try:
        make_office()
        letter, signed, _ = signed_letter_path()
        visit = make_visit("Siti Aminah", NOW)
        yield {"url": sqlite_url, "letter": letter.case.number, "sheet": str(signed.id), "visit": visit.case.number}
    finally:
        close_database()


COMMANDS = {
    "pass.pdf": ("print", "badge", "{visit}"),
    "disposisi.pdf": ("print", "disposisi", "{sheet}"),
    "tanda-bukti.pdf": ("print", "receipt", "{letter}"),
    "ekspedisi.pdf": ("print", "ekspedisi", "2026"),
    "evakuasi.pdf": ("tamu", "evakuasi"),
    "buku-tamu.csv": ("tamu", "ekspor"),
    "buku-tamu.xlsx": ("tamu", "ekspor"),
    "buku-tamu.pdf": ("tamu", "ekspor"),
    "sop.pdf": ("sop", "print", "kediri-pengaduan"),
    "bagan.png": ("sop", "render", "kediri-pengaduan"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_full_disk_keeps_the_old_file_and_says_so(run_cli, office, tmp_path, name):
    arguments = [part.format(**office) for part in COMMANDS[name]]
    with full_folder(tmp_path / "penuh", {name: OLD}) as folder:
        code, out, err = run_cli("--db", office["url"], *arguments, "-o", str(folder / name))
        assert code == 1, out
        assert "penyimpanan penuh" in err and str(folder / name) in err, err
        assert "Traceback" not in err and "Error" not in err
        assert leftovers(folder) == {name: OLD}  # neither truncated nor a temporary file beside it


def test_the_same_commands_write_their_files_where_there_is_room(run_cli, office, tmp_path):
    for name, command in COMMANDS.items():
        arguments = [part.format(**office) for part in command]
        assert run_cli("--db", office["url"], *arguments, "-o", str(tmp_path / name))[0] == 0, name
    assert sorted(p.name for p in tmp_path.iterdir() if p.name in COMMANDS) == sorted(COMMANDS)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_the_sop_report_export_on_a_full_disk_keeps_the_old_file(database, tmp_path):
    from kpu_desk.reports import sop_month_report
    from kpu_desk.reports_xlsx import export_report_xlsx

    report = sop_month_report(date(2026, 1, 1), date(2026, 12, 31))
    with full_folder(tmp_path / "penuh", {"laporan.xlsx": OLD}) as folder:
        with pytest.raises(OSError) as raised:
            export_report_xlsx(report, folder / "laporan.xlsx")
        assert raised.value.errno == errno.ENOSPC
        assert leftovers(folder) == {"laporan.xlsx": OLD}
