"""Two workstations (two processes) complete the same step at the same moment: exactly one wins.

Both load the case at the same row_version, wait for one start signal, and
complete the open step. The loser is told who won, and still holds what it typed.
Runs on a SQLite file and, when KPU_DESK_TEST_PG names a server, on PostgreSQL.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from engine_support import make_users, sync_shipped
from kpu_desk import engine
from kpu_desk.store import models

WORKER = Path(__file__).with_name("race_worker.py")
ROUNDS = 3  # three races, on steps 2, 3 and 4 of a visit


def _forms(step_no: int) -> dict[str, dict[str, str]]:
    """What each workstation typed: different values, so the stored form shows who won."""
    if step_no == 2:
        return {user: {"cuci_tangan": "ya", "cek_kesehatan": "Lolos", "suhu_tubuh": temp}
                for user, temp in (("resepsionis1", "36"), ("staf1", "37"))}
    if step_no == 3:
        return {user: {"jenis_identitas": "KTP", "keperluan": f"Keperluan dari {user}", "yang_dituju": "Ketua",
                       "identitas_dititipkan": "tidak"} for user in ("resepsionis1", "staf1")}
    return {user: {"ruang_tamu": f"Ruang {user}"} for user in ("resepsionis1", "staf1")}


def _race(url: str, case: models.Case, forms: dict[str, dict[str, str]], folder: Path) -> list[dict]:
    go = folder / "go"
    ready = {user: folder / f"ready-{user}" for user in forms}
    workers = [
        subprocess.Popen(
            [sys.executable, str(WORKER), url, case.number, str(case.row_version), user,
             json.dumps(form), str(ready[user]), str(go)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for user, form in forms.items()
    ]
    _wait_until(lambda: all(path.exists() for path in ready.values()), workers)
    go.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


def _wait_until(condition, workers, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        failed = [w for w in workers if w.poll() not in (None, 0)]
        assert not failed, failed[0].communicate()[1]
        assert time.monotonic() < deadline, "the workers did not get ready"
        time.sleep(0.01)


def test_two_workstations_complete_the_same_step_and_exactly_one_wins(database, database_url, tmp_path):
    users = make_users()
    sync_shipped()
    case = engine.start_case("karanganyar-pelayanan-umum", {"nama_tamu": "Siti", "asal_tamu": "Pribadi",
                             "jumlah_tamu": "1"}, actor="resepsionis1", complete_first=True)
    for round_no in range(ROUNDS):
        step_no = case.current_step
        forms = _forms(step_no)
        folder = tmp_path / f"round-{round_no}"
        folder.mkdir()
        results = _race(database_url, case, forms, folder)
        won = [r for r in results if r["result"] == "won"]
        lost = [r for r in results if r["result"] == "lost"]
        assert len(won) == 1 and len(lost) == 1, results
        winner, loser = won[0]["user"], lost[0]["user"]
        winner_name = users["resepsionis" if winner == "resepsionis1" else "staf"].full_name
        assert lost[0]["message"].startswith(f"Langkah {step_no} sudah diselesaikan oleh {winner_name} pukul ")
        assert lost[0]["data"] == forms[loser]  # nothing the loser typed is lost
        _check_stored(case, step_no, winner, forms[winner])
        case = engine.find_case(case.number)
        assert case.current_step == step_no + 1


def _check_stored(case: models.Case, step_no: int, winner: str, form: dict[str, str]) -> None:
    runs = [h for h in engine.case_history(case.number) if h.step_no == step_no]
    assert len(runs) == 1 and runs[0].state == "done" and runs[0].completed_by == winner
    for key in ("suhu_tubuh", "keperluan", "ruang_tamu"):
        if key in form:
            assert str(runs[0].form[key]) == form[key]
    steps_logged = models.AuditEntry.select().where(
        (models.AuditEntry.action == "case.step") & (models.AuditEntry.entity_id == case.number)
    )
    assert [e.detail["step"] for e in steps_logged.order_by(models.AuditEntry.id)][-1] == step_no
    assert sum(1 for e in steps_logged if e.detail["step"] == step_no) == 1


def test_a_change_between_checking_the_form_and_writing_it_is_caught(database, monkeypatch):
    """The narrowest race, made certain: another workstation commits after our form was checked.

    The other workstation runs in a thread, so it writes through its own connection.
    """
    import threading

    from kpu_desk.engine import cases

    make_users()
    sync_shipped()
    case = engine.start_case("karanganyar-pelayanan-umum", {"nama_tamu": "Siti", "asal_tamu": "Pribadi",
                             "jumlah_tamu": "1"}, actor="resepsionis1", complete_first=True)
    theirs = {"cuci_tangan": "ya", "cek_kesehatan": "Lolos", "suhu_tubuh": "36"}
    check_form = cases.prepare_completion
    overtaken = []

    def checked_then_overtaken(step, fields, branch):
        checked = check_form(step, fields, branch)
        if overtaken:  # the other workstation's own check, or a second call
            return checked
        overtaken.append(True)
        other = threading.Thread(target=lambda: (engine.complete_step(case.number, theirs, actor="staf1"),
                                                 database.close()))
        other.start()
        other.join()
        return checked

    monkeypatch.setattr(cases, "prepare_completion", checked_then_overtaken)
    mine = {"cuci_tangan": "tidak", "cek_kesehatan": "Lolos", "suhu_tubuh": "37"}
    try:
        engine.complete_step(case.number, mine, actor="resepsionis1")
    except engine.StepAlreadyDone as exc:
        assert str(exc).startswith("Langkah 2 sudah diselesaikan oleh Petugas Staf pukul ")
        assert exc.data == mine
    else:
        raise AssertionError("the overtaken completion was written")
    history = engine.case_history(case.number)
    assert [(h.step_no, h.state, h.completed_by) for h in history] == [
        (1, "done", "resepsionis1"), (2, "done", "staf1"), (3, "open", None)]
    assert history[1].form["suhu_tubuh"] == 36
