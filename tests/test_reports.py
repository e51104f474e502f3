"""Laporan: cases per SOP and month, steps within their time standard or late, and the XLSX export."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from engine_support import everyone_acts_in, make_users, valid_form
from kpu_desk import engine
from kpu_desk.reports import month_label, sop_month_report
from kpu_desk.reports_xlsx import export_report_xlsx
from tests_support_sops import register

SOP = "karanganyar-pelayanan-umum"
T0 = datetime(2026, 3, 2, 8, 0)  # Monday


@pytest.fixture
def office(database):
    """March: one case with a step on time and one late, one cancelled; April: one just started."""
    (sop,) = register(SOP)
    everyone_acts_in([sop])
    actor = make_users()["resepsionis"]
    first = valid_form(sop.step(1))
    case = engine.start_case(SOP, first, actor, now=T0, complete_first=True)
    engine.complete_step(case.number, valid_form(sop.step(2)), actor, now=T0 + timedelta(minutes=2))  # due +5
    engine.complete_step(case.number, valid_form(sop.step(3)), actor, now=T0 + timedelta(minutes=20))  # late
    cancelled = engine.start_case(SOP, first, actor, now=T0 + timedelta(days=3), complete_first=True)
    engine.cancel_case(cancelled.number, "Tercatat ganda", actor, now=T0 + timedelta(days=3, hours=1))
    engine.start_case(SOP, first, actor, now=datetime(2026, 4, 6, 9, 0), complete_first=True)
    engine.start_case(SOP, first, actor, now=datetime(2026, 6, 1, 9, 0), complete_first=True)  # outside
    return sop


def test_cases_and_steps_are_counted_per_sop_and_month(office):
    report = sop_month_report(date(2026, 3, 1), date(2026, 4, 30))
    march, april = report.rows
    assert (march.sop_id, march.month, april.month) == (SOP, "2026-03", "2026-04")
    assert march.sop_name == office.header.name
    assert (march.cases_started, march.cases_active, march.cases_done, march.cases_cancelled) == (2, 1, 0, 1)
    assert (march.steps_done, march.steps_on_time, march.steps_late, march.steps_untimed) == (4, 1, 1, 2)
    assert march.on_time_percent == 50.0
    assert (april.cases_started, april.steps_done, april.steps_untimed, april.on_time_percent) == (1, 1, 1, None)
    assert report.total.cases_started == 3 and report.total.steps_late == 1


def test_the_period_and_the_sop_filter_limit_the_report(office):
    assert [r.month for r in sop_month_report(date(2026, 4, 1), date(2026, 4, 30)).rows] == ["2026-04"]
    assert sop_month_report(date(2026, 3, 1), date(2026, 4, 30), sop_id="kediri-pengaduan").rows == []
    assert month_label("2026-03") == "Maret 2026"


def test_the_report_exports_to_a_workbook(office, tmp_path):
    report = sop_month_report(date(2026, 3, 1), date(2026, 4, 30))
    seen = []
    target = export_report_xlsx(report, tmp_path / "laporan.xlsx", "KPU Kabupaten Karanganyar",
                                progress=lambda done, total: seen.append((done, total)))
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(r for r in rows if r and r[0] == "SOP"))
    assert rows[header][:4] == ("SOP", "Bulan", "Kasus baru", "Selesai")
    assert rows[header + 1][1:3] == ("Maret 2026", 2) and rows[header + 1][7:9] == (1, 1)
    assert rows[header + 3][0] == "Jumlah" and rows[header + 3][2] == 3
    assert rows[1][0] == "KPU Kabupaten Karanganyar"
    assert seen[-1] == (3, 3)


def test_a_cancelled_export_leaves_no_file(office, tmp_path):
    report = sop_month_report(date(2026, 3, 1), date(2026, 4, 30))

    def cancel(done, total):
        raise KeyboardInterrupt  # what the GUI's cancel flag does, in its own exception

    with pytest.raises(KeyboardInterrupt):
        export_report_xlsx(report, tmp_path / "laporan.xlsx", progress=cancel)
    assert list(tmp_path.glob("*.xlsx")) == []
