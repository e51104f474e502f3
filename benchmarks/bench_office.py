"""Ten years of a busy office, and how fast the everyday look-ups stay on it.

    .venv/bin/python benchmarks/bench_office.py [--db FILE] [--scale 1.0] [--rounds 50]

Builds (once; the file is reused when it exists) a SQLite database holding about
1,000,000 visits (each a case of the Pelayanan Umum SOP with its eleven step runs)
and 100,000 other cases (information requests and complaints), then times:
opening "Tugas saya", opening one case with its history, finding a visit by its
pass token, and a name search. Target: each under 50 ms. Not run by CI: it is a
measurement, not a test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kpu_desk import engine  # noqa: E402
from kpu_desk.demo import people  # noqa: E402
from kpu_desk.sop.library import load_shipped  # noqa: E402
from kpu_desk.store import models, open_database  # noqa: E402

VISITS = 1_000_000
OTHER_CASES = 100_000
YEARS = 10
BATCH = 5_000
NOW = datetime(2026, 11, 20, 10, 0)


def main() -> None:
    options = _options()
    path = Path(options.db)
    fresh = not path.exists()
    open_database(f"sqlite:///{path}")
    if fresh:
        _build(options.scale)
    print(f"database: {path} ({path.stat().st_size / 1e9:.2f} GB), "
          f"{models.Case.select().count():,} cases, {models.Visit.select().count():,} visits, "
          f"{models.StepRun.select().count():,} step runs")
    _measure(options.rounds)


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/kpu-desk-bench.sqlite3")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the ten-year volume")
    parser.add_argument("--rounds", type=int, default=50)
    return parser.parse_args()


# --- building the office -------------------------------------------------------------


def _build(scale: float) -> None:
    started = time.perf_counter()
    sops = {s.id: s for s in load_shipped()}
    engine.sync_definitions(sops.values())
    versions = {s: engine.latest_version(s).id for s in sops}
    rng = random.Random(10)
    visit_sop = sops["karanganyar-pelayanan-umum"]
    others = [sops[i] for i in ("kupang-pelayanan-publik", "pulangpisau-pengaduan", "kediri-pengaduan")]
    plan = [visit_sop] * int(VISITS * scale) + [rng.choice(others) for _ in range(int(OTHER_CASES * scale))]
    rng.shuffle(plan)
    span = timedelta(days=365 * YEARS)
    times = sorted(NOW - span * rng.random() for _ in plan)
    rows = _Rows(rng, versions)
    db = models.database.obj
    for start in range(0, len(plan), BATCH):
        for sop, when in zip(plan[start:start + BATCH], times[start:start + BATCH]):
            rows.add_case(sop, when)
        with db.atomic():
            rows.flush()
        print(f"\r{min(start + BATCH, len(plan)):,}/{len(plan):,} cases", end="", file=sys.stderr, flush=True)
    with db.atomic():
        for (prefix, year), last in rows.counters.items():
            models.CaseCounter.insert(prefix=prefix, year=year, last=last).execute()
    db.execute_sql("ANALYZE")
    print(f"\nbuilt in {time.perf_counter() - started:.0f} s", file=sys.stderr)


class _Rows:
    """Rows of every table for a batch of cases, with ids given here so they insert in bulk."""

    TABLES = ("party", "case", "run", "lane", "visit")

    def __init__(self, rng, versions):
        self.rng = rng
        self.versions = versions
        self.counters: dict[tuple[str, int], int] = {}
        self.next_id = {table: 1 for table in self.TABLES}
        self.pending: dict[str, list] = {table: [] for table in self.TABLES}

    def _id(self, table: str) -> int:
        self.next_id[table] += 1
        return self.next_id[table] - 1

    def add_case(self, sop, when) -> None:
        rng = self.rng
        name = f"{rng.choice(people.FIRST_NAMES)} {rng.choice(people.LAST_NAMES)} {rng.randint(1, 9999)}"
        institution = rng.choice(people.INSTITUTIONS)
        party_id = self._id("party")
        self.pending["party"].append({"id": party_id, "kind": "tamu", "name": name, "institution": institution,
                                      "phone": f"08{rng.randint(10**9, 10**10 - 1)}", "created_at": when})
        path = _path(rng, sop)
        recent = NOW - when < timedelta(days=2)
        done = path if not recent else path[: rng.randint(1, len(path) - 1)]
        state = "done" if len(done) == len(path) else "open"
        case_id = self._id("case")
        self.pending["case"].append({
            "id": case_id, "number": self._number(sop.case.prefix, when.year), "sop_version": self.versions[sop.id],
            "sop_id": sop.id, "title": f"{name} — {institution}", "state": state, "party": party_id,
            "current_step": None if state == "done" else path[len(done)].no, "started_at": when,
            "closed_at": when + timedelta(hours=1) if state == "done" else None})
        self._runs(case_id, sop, done, path, state, when)
        if sop.case.kind.value == "kunjungan":
            self.pending["visit"].append({
                "case": case_id, "party": party_id, "pass_number": self.pending["case"][-1]["number"],
                "pass_token": f"{rng.getrandbits(96):024x}", "checked_in_at": when,
                "valid_until": when.replace(hour=23, minute=59),
                "checked_out_at": when + timedelta(hours=1) if state == "done" else None})

    def _number(self, prefix: str, year: int) -> str:
        self.counters[(prefix, year)] = self.counters.get((prefix, year), 0) + 1
        return f"{prefix}-{year}-{self.counters[(prefix, year)]:05d}"

    def _runs(self, case_id, sop, done, path, state, when) -> None:
        clock = when
        steps = [(step, "done") for step in done] + ([(path[len(done)], "open")] if state == "open" else [])
        for step, run_state in steps:
            run_id = self._id("run")
            self.pending["run"].append({
                "id": run_id, "case": case_id, "step_no": step.no, "state": run_state, "started_at": clock,
                "due_at": clock + timedelta(minutes=10),
                "completed_at": clock + timedelta(minutes=4) if run_state == "done" else None,
                "form_data": {"catatan": "ok"} if run_state == "done" else {}})
            self.pending["lane"].extend({"step_run": run_id, "sop_id": sop.id, "lane_id": lane} for lane in step.lanes)
            clock += timedelta(minutes=5)

    def flush(self) -> None:
        tables = {"party": models.Party, "case": models.Case, "run": models.StepRun,
                  "lane": models.StepRunLane, "visit": models.Visit}
        cursor = models.database.obj.cursor()
        for table in self.TABLES:
            rows = self.pending[table]
            if rows:
                # executemany on the driver: peewee's per-row work would make ten years take an hour.
                sql, values = _bulk(tables[table], rows)
                cursor.executemany(sql, values)
            rows.clear()


def _bulk(model, rows: list[dict]) -> tuple[str, list[tuple]]:
    given = list(rows[0])
    defaults = {f.name: f.default for f in model._meta.sorted_fields
                if f.name not in given and f.default is not None}
    rows = [{**{k: (v() if callable(v) else v) for k, v in defaults.items()}, **row} for row in rows]
    fields = [model._meta.fields[key] for key in rows[0]]
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    return sql, [tuple(f.db_value(row[f.name]) for f in fields) for row in rows]


def _path(rng, sop):
    step = sop.start_steps[0]
    path = [step]
    while step.successors:
        step = sop.step(rng.choice(step.successors))
        path.append(step)
    return path


# --- measuring --------------------------------------------------------------------------


def _measure(rounds: int) -> None:
    rng = random.Random(7)
    max_id = models.Case.select(models.Case.id).order_by(models.Case.id.desc()).scalar()
    lanes = {(lane.sop_id, lane.lane_id) for lane in models.StepRunLane.select().where(
        models.StepRunLane.lane_id == "jagat_saksana").limit(1)} or {("karanganyar-pelayanan-umum", "jagat_saksana")}
    numbers = [models.Case.get_by_id(rng.randint(1, max_id)).number for _ in range(rounds)]
    tokens = [v.pass_token for v in models.Visit.select().order_by(models.Visit.id.desc()).limit(rounds * 20)][::20]
    names = [rng.choice(people.FIRST_NAMES) + " " + rng.choice(people.LAST_NAMES) for _ in range(rounds)]
    _report("Tugas saya (Jagat Saksana)", lambda i: engine.tasks_for_lanes(lanes, now=NOW), rounds)
    _report("one case with its history", lambda i: (engine.case_summary(numbers[i], now=NOW),
                                                     engine.case_history(numbers[i], now=NOW)), rounds)
    _report("visit by pass token", lambda i: models.Visit.select(models.Visit, models.Party).join(models.Party)
            .where(models.Visit.pass_token == tokens[i % len(tokens)]).get(), rounds)
    _report("name search (first 50 cases)", lambda i: engine.list_cases(search=names[i], limit=50, now=NOW), rounds)


def _report(label: str, action, rounds: int) -> None:
    action(0)  # warm the page cache once, as a running application would be
    timings = []
    for i in range(rounds):
        started = time.perf_counter()
        action(i)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{label:32s} median {statistics.median(timings):8.2f} ms   p95 {p95:8.2f} ms")


if __name__ == "__main__":
    main()
