"""A case drawn on its chart (kpu_desk.chart.case_marks): the open step, the path taken, the
branches not taken, overdue, and who did each step, read from cases run by the engine.

Each test runs on SQLite and, when KPU_DESK_TEST_PG names a server, on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from engine_support import LOOP_SOP, T0, everyone_acts_in, make_users, sync_shipped, valid_form, write_sop
from kpu_desk import engine
from kpu_desk.chart.case_marks import case_marks
from kpu_desk.sop.loader import load_sop_file

TAMU = "karanganyar-pelayanan-umum"
PI = "kupang-pelayanan-publik"
DUMAS = "kediri-pengaduan"
MINUTE = timedelta(minutes=1)


@pytest.fixture
def office(database):
    users = make_users()
    sops = {sop.id: sop for sop in sync_shipped()}
    return users, sops


def _start(sop, users, entry=None, branch=None):
    first = sop.steps[0] if entry is None else engine.entry_step(sop, entry)
    return engine.start_case(sop.id, valid_form(first), actor=users["resepsionis"], entry=entry, now=T0,
                             complete_first=True, branch=branch)


def _advance(case, sop, users, until, branches=None):
    """Complete steps, a minute apart, until the case stands at step `until`."""
    now = T0
    while case.current_step != until:
        step = sop.step(case.current_step)
        label = (branches or {}).get(step.no) or (step.branches[0].label if step.branches else None)
        now += MINUTE
        case = engine.complete_step(case.number, valid_form(step), actor=users["staf"], branch=label, now=now).case
    return case


def test_a_new_case_has_only_its_open_step_with_due_time_and_who_must_act(office):
    users, sops = office
    case = engine.start_case(TAMU, actor=users["resepsionis"], now=T0)
    marks = case_marks(case.number, now=T0)
    assert (marks.number, marks.state, marks.open_step) == (case.number, "open", 1)
    assert marks.done_steps == {} and marks.taken_arrows == frozenset()
    assert marks.untaken_steps == frozenset() and marks.overdue_steps == frozenset()
    assert marks.open_actors == sops[TAMU].lane(sops[TAMU].step(1).lanes[0]).name
    assert marks.open_due is None  # step 1 of the guest SOP has no time standard ("-")


def test_steps_done_say_who_and_when_and_the_path_is_every_step_run_in_order(office):
    users, sops = office
    case = _advance(_start(sops[TAMU], users), sops[TAMU], users, until=5)
    marks = case_marks(case.number, now=T0 + 5 * MINUTE)
    assert marks.open_step == 5
    assert sorted(marks.done_steps) == [1, 2, 3, 4]
    assert marks.done_steps[1].who == "Petugas Resepsionis" and marks.done_steps[1].when == T0
    assert marks.done_steps[3].who == "Petugas Staf" and marks.done_steps[3].when == T0 + 2 * MINUTE
    assert marks.taken_arrows == {(1, 2), (2, 3), (3, 4), (4, 5)}
    assert marks.open_due == T0 + 3 * MINUTE + timedelta(minutes=5)  # opened at 08:03, "5 menit"
    assert marks.open_actors == "Jagat Saksana"


def test_a_branch_not_taken_dims_the_steps_only_it_leads_to(office):
    users, sops = office
    case = _advance(_start(sops[TAMU], users), sops[TAMU], users, until=9, branches={7: "Tidak bersedia"})
    marks = case_marks(case.number, now=T0)
    assert marks.open_step == 9
    assert marks.untaken_steps == {8}  # both other branches of step 7 lead to step 8, and only they do
    assert (7, 9) in marks.taken_arrows and (7, 8) in marks.untaken_arrows and (8, 9) in marks.untaken_arrows
    assert marks.taken_branches == {(7, "Tidak bersedia")}
    assert marks.untaken_branches == {(7, "Bersedia menemui"), (7, "Menunjuk pejabat/personil terkait")}
    assert marks.done_steps[7].branch == "Tidak bersedia"


def test_a_step_still_reachable_by_the_path_taken_is_not_untaken(office):
    users, sops = office
    case = _advance(_start(sops[TAMU], users), sops[TAMU], users, until=8, branches={7: "Bersedia menemui"})
    marks = case_marks(case.number, now=T0)
    assert marks.untaken_steps == frozenset()  # step 9 comes after step 8
    assert (7, 9) in marks.untaken_arrows and (7, 8) in marks.taken_arrows
    # The two branches into step 8 are told apart by their labels.
    assert (7, "Bersedia menemui") in marks.taken_branches
    assert (7, "Menunjuk pejabat/personil terkait") in marks.untaken_branches


def test_the_other_way_in_and_the_other_fork_are_untaken(office):
    users, sops = office
    sop = sops[PI]
    start = _start(sop, users, entry="Permohonan melalui surat")
    case = _advance(start, sop, users, until=12, branches={9: "Surat balasan dengan lampiran data"})
    marks = case_marks(case.number, now=T0)
    assert marks.open_step == 12
    assert marks.untaken_steps == {1, 2, 3, 4, 10, 11}
    assert sorted(marks.done_steps) == [5, 6, 7, 8, 9]


def test_a_step_past_its_due_time_is_overdue_and_only_while_the_case_runs(office):
    users, sops = office
    case = _advance(_start(sops[TAMU], users), sops[TAMU], users, until=3)
    due = case_marks(case.number, now=T0).open_due
    assert case_marks(case.number, now=due - MINUTE).overdue_steps == frozenset()
    assert case_marks(case.number, now=due + MINUTE).overdue_steps == {3}
    engine.cancel_case(case.number, "Tamu pulang", actor=users["pimpinan"], now=due + MINUTE)
    cancelled = case_marks(case.number, now=due + 2 * MINUTE)
    assert cancelled.state == "cancelled" and cancelled.open_step is None
    assert cancelled.overdue_steps == frozenset() and cancelled.open_due is None
    assert sorted(cancelled.done_steps) == [1, 2] and cancelled.untaken_steps == frozenset()
    engine.reopen_case(case.number, "Tamu kembali", actor=users["pimpinan"], now=due + 3 * MINUTE)
    reopened = case_marks(case.number, now=due + 4 * MINUTE)
    assert reopened.open_step == 3 and reopened.overdue_steps == frozenset()  # a fresh due time
    assert reopened.taken_arrows == {(1, 2), (2, 3)}  # the cancelled run and its reopening are no arrow


def test_a_finished_case_has_no_open_step_and_every_branch_it_left_is_untaken(office):
    users, sops = office
    sop = sops[DUMAS]
    case = _advance(_start(sop, users, branch=sop.step(1).branches[0].label), sop, users, until=17,
                    branches={14: "Mediasi/klarifikasi"})
    engine.complete_step(case.number, valid_form(sop.step(17)), actor=users["staf"], now=T0 + 30 * MINUTE)
    marks = case_marks(case.number, now=T0 + 31 * MINUTE)
    assert marks.state == "done" and marks.open_step is None and marks.open_due is None
    first, second = (b.next for b in sop.step(1).branches)
    assert marks.untaken_steps == {second}
    assert (14, 15) in marks.taken_arrows and (14, 16) in marks.untaken_arrows
    assert len(marks.done_steps) == len(sop.steps) - 1


def test_round_a_loop_the_branch_back_is_taken_and_the_way_on_stays_possible(office, tmp_path):
    users, _ = office
    sop = load_sop_file(write_sop(tmp_path, "uji-putaran.yaml", LOOP_SOP))
    engine.sync_definitions([sop])
    everyone_acts_in([sop])
    case = engine.start_case("uji-putaran", {"judul": "Konsep"}, actor=users["staf"], now=T0, complete_first=True)
    engine.complete_step(case.number, {}, actor=users["staf"], now=T0 + MINUTE)
    engine.complete_step(case.number, {}, actor=users["kasubag"], branch="Perlu perbaikan", now=T0 + 2 * MINUTE)
    engine.complete_step(case.number, {}, actor=users["staf"], now=T0 + 3 * MINUTE)
    marks = case_marks(case.number, now=T0 + 4 * MINUTE)
    assert marks.open_step == 3 and 3 in marks.done_steps  # open again after the loop
    assert marks.done_steps[2].when == T0 + 3 * MINUTE  # the last time round
    assert marks.taken_arrows == {(1, 2), (2, 3), (3, 2)}
    assert marks.untaken_steps == frozenset() and marks.untaken_branches == frozenset()
    assert marks.untaken_arrows == frozenset()


def test_an_unknown_case_is_refused(office):
    with pytest.raises(engine.UnknownCase):
        case_marks("TM-2026-09999")
