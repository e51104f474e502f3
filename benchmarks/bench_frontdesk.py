"""The front desk on ten years of visits: from Save to the pass PDF, and from a scan's Enter to the visit.

    .venv/bin/python benchmarks/bench_frontdesk.py [--db FILE] [--rounds 30]

Uses the database of bench_office.py (about 1,000,000 visits; built by that
script when missing) and the real Meja Tamu page offscreen: the check-in dialog's
Save (check-in of steps 1-5, the visit, the pass rendered and written as a PDF)
and the scan field's Enter (the signed code checked, the visit found and shown).
Targets: under 100 ms and under 30 ms. Not run by CI: a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KPU_DESK_DATA", str(Path(tempfile.gettempdir()) / "kpu-desk-bench-data"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kpu_desk.store import models, open_database  # noqa: E402

GUEST = ("Wulan Sari", "Dinas Kominfo", "0812 3456 7890", "3313014508900001", "Koordinasi data pemilih", "Ketua")


def main() -> None:
    options = _options()
    path = Path(options.db)
    if not path.exists():
        sys.exit(f"{path} belum ada: buat dahulu dengan benchmarks/bench_office.py")
    started = time.perf_counter()
    open_database(f"sqlite:///{path}")  # migrates an older bench database once
    from kpu_desk.office import update_office_sops

    update_office_sops()  # as the application does on start
    print(f"database: {path}, {models.Visit.select().count():,} visits "
          f"(opened in {time.perf_counter() - started:.1f} s)")
    app = _application()
    page, out = _desk_page()
    saves, tokens = _time_saves(app, page, out, options.rounds)
    scans = _time_scans(app, page, tokens)
    _report("Simpan → PDF pass tertulis", saves, 100)
    _report("Enter pindaian → kunjungan tampil", scans, 30)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/kpu-desk-bench.sqlite3")
    parser.add_argument("--rounds", type=int, default=30)
    return parser.parse_args()


def _application() -> QApplication:
    from kpu_desk.gui.app import configure

    app = QApplication.instance() or QApplication([])
    folder = tempfile.mkdtemp(prefix="kpu-desk-bench-qsettings-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    configure(app)
    return app


def _desk_page():
    from kpu_desk.gui import printer_settings
    from kpu_desk.gui.pages.visitors import VisitorsPage
    from kpu_desk.gui.session import Session

    desk, _ketua = _users()
    printer_settings.save(pass_printer=printer_settings.PDF, pass_size="cr80")
    page = VisitorsPage(Session.of(desk))
    page.resize(1200, 700)
    page.show()
    out = Path(tempfile.mkdtemp(prefix="kpu-desk-bench-pass-")) / "pass.pdf"
    page.print_options = {"save_path": out}
    return page, out


def _users():
    from kpu_desk.accounts import find_user
    from kpu_desk.security.passwords import hash_password

    made = []
    for username, name, role in (("bench.desk", "Sri Wahyuni", "resepsionis"), ("ketua", "Bambang Setiawan", "pimpinan")):
        user = models.User.get_or_none(models.User.username == username)
        if user is None:
            user = models.User.create(username=username, full_name=name, password_hash=hash_password("bangku-tamu-2026"))
            models.UserRole.create(user=user, role=role)
        made.append(find_user(username))
    return made


def _time_saves(app, page, out: Path, rounds: int) -> tuple[list[float], list[str]]:
    timings, tokens = [], []
    for _ in range(rounds):
        dialog = page.open_check_in()
        for edit, text in zip((dialog.nameEdit, dialog.institutionEdit, dialog.phoneEdit, dialog.numberEdit,
                               dialog.purposeEdit, dialog.hostEdit), GUEST):
            edit.setText(text)
        dialog.reportCombo.setCurrentIndex(1)
        dialog.trayEdit.setText("7")
        out.unlink(missing_ok=True)
        started = time.perf_counter()
        dialog.saveButton.click()
        if not out.exists():
            problems = [label.text() for label in dialog.findChildren(type(dialog.generalError)) if label.text()
                        and label.objectName().endswith("Error")]
            raise SystemExit(f"the pass PDF was not written: {problems}")
        timings.append((time.perf_counter() - started) * 1000)
        tokens.append(models.Visit.select().order_by(models.Visit.id.desc()).first().pass_token)
        app.processEvents()
    return timings, tokens


def _time_scans(app, page, tokens: list[str]) -> list[float]:
    timings = []
    for token in tokens:
        page.scanEdit.setText(token)
        started = time.perf_counter()
        page.scanEdit.returnPressed.emit()
        if page.shown_visit is None:
            raise SystemExit(f"scan refused: {page.scanMessage.text()}")
        app.processEvents()  # the panel painted
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _report(label: str, timings: list[float], target_ms: float) -> None:
    ordered = sorted(timings)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    median = statistics.median(ordered)
    verdict = "OK" if median < target_ms else "LAMBAT"
    print(f"{label}: median {median:.1f} ms, p95 {p95:.1f} ms, target {target_ms} ms — {verdict}")


if __name__ == "__main__":
    main()
