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
    return run_together([[str(WORKER), url, case.number, str(case.row_version), user, json.dumps(form)]
                         for user, form in forms.items()], folder)


def run_together(commands: list[list[str]], folder: Path) -> list[dict]:
    """Start a Python process per command (READY and GO files appended), wait until every one is
    ready, let them all go at once, and return the JSON line each printed last."""
    go = folder / "go"
    ready = [folder / f"ready-{n}" for n in range(len(commands))]
    workers = [subprocess.Popen([sys.executable, *command, str(path), str(go)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for command, path in zip(commands, ready)]
    _wait_until(lambda: all(path.exists() for path in ready), workers)
    go.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=120)
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


MANY = 300  # cases raced on by two processes that meet at a barrier before each


def test_the_loser_of_many_close_races_is_always_told_who_won(database, database_url):
    """Two processes complete step 2 of 300 cases, one starting 0 to 10 ms after the other.

    Before the case and its open step were read inside the write transaction, a loser that read
    the case just before the winner committed and its open step just after checked its step-2
    form against step 3 ("7 isian tidak sah: cuci_tangan: langkah 3 tidak memiliki isian…").
    """
    import multiprocessing

    from race_worker import race_many

    make_users()
    sync_shipped()
    forms = _forms(2)
    cases = [engine.start_case("karanganyar-pelayanan-umum", {"nama_tamu": f"Tamu {n}", "asal_tamu": "Pribadi",
                               "jumlah_tamu": "1"}, actor="resepsionis1", complete_first=True) for n in range(MANY)]
    spawn = multiprocessing.get_context("spawn")
    barrier, results = spawn.Barrier(len(forms)), spawn.Queue()
    lags = {"resepsionis1": [0.0] * MANY, "staf1": [(n % 200) * 0.00005 for n in range(MANY)]}  # 0 to 10 ms
    workers = [spawn.Process(target=race_many, args=(database_url, user, [
        (c.number, c.row_version, form, lag) for c, lag in zip(cases, lags[user])], barrier, results))
        for user, form in forms.items()]
    for worker in workers:
        worker.start()
    outcomes: dict[str, dict[str, dict]] = {}
    for _ in range(MANY * len(forms)):
        number, user, outcome = results.get(timeout=120)
        outcomes.setdefault(number, {})[user] = outcome
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    wrong = {number: by_user for number, by_user in outcomes.items()
             if sorted(o["result"] for o in by_user.values()) != ["lost", "won"]}
    assert not wrong, f"{len(wrong)} of {MANY} races: {next(iter(wrong.values()))}"
    for number, by_user in outcomes.items():
        (loser, lost), = ((user, o) for user, o in by_user.items() if o["result"] == "lost")
        assert lost["message"].startswith("Langkah 2 sudah diselesaikan oleh ") and lost["data"] == forms[loser]
        assert engine.find_case(number).current_step == 3


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
