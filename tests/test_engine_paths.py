"""Every path of every shipped SOP, run as a case to its end, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from engine_support import T0, every_path, make_users, run_path, sync_shipped, valid_form
from kpu_desk import engine
from kpu_desk.sop.library import load_shipped
from kpu_desk.store import models

SHIPPED = {sop.id: sop for sop in load_shipped()}

# Counted by hand from the bagan alur: ways in × choices at each decision.
EXPECTED_PATHS = {
    "karanganyar-pelayanan-umum": 3,  # step 7: menemui / tidak bersedia / menunjuk pejabat
    "kupang-pelayanan-publik": 3,  # walk-in; by letter × (data only, reply letter)
    "karanganyar-maklumat-informasi": 1,
    "pulangpisau-pengaduan": 1,
    "kediri-pengaduan": 4,  # offline/online × surat jawaban/mediasi
}


def test_every_shipped_sop_has_the_paths_counted_by_hand():
    assert {sop_id: len(every_path(sop)) for sop_id, sop in SHIPPED.items()} == EXPECTED_PATHS


@pytest.mark.parametrize("sop_id", sorted(SHIPPED))
def test_every_path_runs_to_its_end(database, sop_id):
    sop = SHIPPED[sop_id]
    users = make_users()
    sync_shipped()
    numbers = []
    for path in every_path(sop):
        case = run_path(sop, path, users["staf"])
        assert case.state == "done", (path, case.state)
        assert case.current_step is None and case.closed_at is not None
        _check_history(sop, case, path)
        numbers.append(case.number)
        _fail_a_start(sop)  # a refused start between two cases must not leave a hole
    prefix = sop.case.prefix
    assert numbers == [f"{prefix}-{T0.year}-{n:05d}" for n in range(1, len(numbers) + 1)]


def _check_history(sop, case, path) -> None:
    history = engine.case_history(case.number, now=T0)
    assert [(h.step_no, h.branch) for h in history] == [(v.step_no, v.branch) for v in path]
    assert all(h.state == "done" and h.completed_by == "staf1" for h in history)
    for entry in history:
        assert set(entry.form) == {f.key for f in sop.step(entry.step_no).form}
    assert engine.list_cases(sop_id=sop.id, state="done", search=case.number, now=T0)[0].overdue is False


def _fail_a_start(sop) -> None:
    first = sop.start_steps[0]
    required = next(f for f in first.form if f.required)
    bad = {**valid_form(first), required.key: ""}
    before = models.CaseCounter.select().where(models.CaseCounter.prefix == sop.case.prefix).first()
    with pytest.raises((engine.FormError, engine.BranchError)):
        engine.start_case(sop.id, bad, entry=first.entry, now=T0, complete_first=True,
                          branch=first.branches[0].label if first.branches else None)
    after = models.CaseCounter.select().where(models.CaseCounter.prefix == sop.case.prefix).first()
    assert (before.last if before else 0) == (after.last if after else 0)


def test_paths_of_several_sops_keep_their_own_numbering(database):
    users = make_users()
    sync_shipped()
    done = {}
    for sop_id in ("kediri-pengaduan", "pulangpisau-pengaduan", "kediri-pengaduan"):
        sop = SHIPPED[sop_id]
        case = run_path(sop, every_path(sop)[0], users["pimpinan"])
        done.setdefault(sop.case.prefix, []).append(case.number)
    assert done == {"DM": ["DM-2026-00001", "DM-2026-00002"], "PGD": ["PGD-2026-00001"]}
