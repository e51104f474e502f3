"""Starting a case and completing its steps.

Starting creates the case on the newest version of its SOP, with the step it
begins at open (an SOP with several ways in names them by `entry`). The start
step is a step like any other: its form is filled and it is completed with
`complete_step`. A caller that already holds the start step's form — the
reception registering a guest, `kpu-desk case start … --field` — passes
`complete_first=True`: the form is checked before anything is written, then the
case, its number and the completed start step are written in one transaction,
so a bad form neither creates a case nor uses up a number.

A workstation that shows a step's form passes the case's row_version it loaded
as `expected_version`; if someone else completed the step (or changed the case)
meanwhile, it gets StepAlreadyDone/ConcurrentChange carrying the fields it tried
to save, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Mapping

from kpu_desk.engine import numbering
from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.conflicts import lost_race
from kpu_desk.engine.deadlines import case_due, office_calendar
from kpu_desk.engine.errors import CaseStateError, EngineError, UnknownCase
from kpu_desk.engine.runs import Lost, current_run, finish_run, open_run, prepare_completion
from kpu_desk.engine.sops import latest_version, sop_for_case, sop_for_version
from kpu_desk.engine.storage import audit, current_db, writing
from kpu_desk.indodate import CASE_STATE_WORDS
from kpu_desk.sop.model import Sop, Step
from kpu_desk.store import models


def _require_may_complete(user: models.User | None, sop: Sop, step: Step) -> None:
    # Imported when called: kpu_desk.accounts imports the engine's storage and errors.
    from kpu_desk.accounts.permissions import require_may_complete as check

    check(user, sop, step)


@dataclass(frozen=True)
class StepOutcome:
    """What completing a step did: the case as it is now, and the step run opened next."""

    case: models.Case
    completed: models.StepRun
    next_run: models.StepRun | None

    @property
    def done(self) -> bool:
        return self.next_run is None


def now_or(now: datetime | None) -> datetime:
    # Whole seconds: what a clerk reads, and equal on both engines after a round trip.
    return (now or datetime.now()).replace(microsecond=0)


def find_case(number: str, *, locked: bool = False) -> models.Case:
    """The case by its number. locked=True, inside a write transaction, keeps it locked until the end.

    PostgreSQL takes the row lock (SELECT … FOR UPDATE waits for a workstation writing the case and
    then reads what it committed); SQLite's IMMEDIATE transaction already holds the whole file.
    """
    wanted = str(number).strip().upper()
    query = models.Case.select().where(models.Case.number == wanted)
    if locked and current_db().for_update:
        query = query.for_update()
    case = query.first()
    if case is None:
        raise UnknownCase(f"kasus '{str(number).strip()}' tidak ditemukan")
    return case


def entry_step(sop: Sop, entry: str | None) -> Step:
    """The start step named by `entry` (case-insensitive), or the SOP's first start step."""
    starts = sop.start_steps
    if not entry:
        return starts[0]
    wanted = entry.strip().casefold()
    for step in starts:
        if (step.entry or "").casefold() == wanted or str(step.no) == wanted:
            return step
    names = ", ".join(f"'{s.entry}'" for s in starts if s.entry) or "(SOP ini hanya punya satu jalur masuk)"
    raise EngineError(f"jalur masuk '{entry.strip()}' tidak ada pada SOP {sop.id}; pilih salah satu: {names}")


def start_case(
    sop_id: str,
    fields: Mapping[str, Any] | None = None,
    actor: Actor = None,
    entry: str | None = None,
    now: datetime | None = None,
    *,
    complete_first: bool = False,
    branch: str | None = None,
    registering_letter: bool = False,
) -> models.Case:
    """Open a case of the SOP's newest version; with complete_first, record its start step too.

    The start step is recorded by a user who may complete it (kpu_desk.accounts.permissions),
    except when registering_letter: whoever registers an incoming letter in the buku agenda
    records its receipt, the step the letter itself fills.
    """
    if (fields or branch) and not complete_first:
        raise ValueError("fields and branch are recorded only with complete_first=True")
    now = now_or(now)
    acting = resolve_actor(actor)
    version = latest_version(sop_id)
    sop = sop_for_version(version.id)
    step = entry_step(sop, entry)
    if complete_first and not registering_letter:
        _require_may_complete(acting.user, sop, step)
    completion = prepare_completion(step, fields, branch) if complete_first else None
    calendar = office_calendar()
    with writing():
        case = _create_case(sop, version.id, step.no, acting, now, calendar)
        run = open_run(case, sop, step, now, calendar)
        audit("case.start", acting.username, "case", case.number, sop=sop.id, sop_version=sop.version,
              step=step.no, version=1)
        if completion is not None:
            _finish_started(case, sop, run, completion, acting, now, calendar)
    return models.Case.get_by_id(case.id)


def _create_case(sop: Sop, version_id: int, first_step: int, acting, now: datetime, calendar) -> models.Case:
    """Insert the case with the next number; call inside the transaction that opens its first step."""
    return models.Case.create(
        number=numbering.next_number(sop.case.prefix, now.year),
        sop_version=version_id, sop_id=sop.id, state="open", current_step=first_step,
        started_at=now, due_at=case_due(calendar, sop.case.legal_deadline, now),
        created_by=acting.user.id if acting.user else None, row_version=1,
    )


def _finish_started(case, sop, run, completion, acting, now, calendar) -> None:
    try:
        finish_run(case, sop, run, completion, 1, acting, now, calendar)
    except Lost:  # nobody else can see a case inside the transaction that creates it
        raise RuntimeError("a case changed inside the transaction that created it") from None


def complete_step(
    number: str,
    fields: Mapping[str, Any] | None,
    actor: Actor = None,
    branch: str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> StepOutcome:
    """Record the open step's form (and branch at a decision) and move the case on.

    The case and its open step are read inside the write transaction, under the case's row lock,
    and the form is checked there: a workstation that loses a race is told who completed the step,
    never that its form does not fit the step the winner has just opened.
    """
    now = now_or(now)
    acting = resolve_actor(actor)
    calendar = office_calendar()
    version = expected_version
    try:
        with writing():
            case = find_case(number, locked=True)
            if version is not None and case.row_version != version:
                raise Lost()
            version = case.row_version
            run = _workable_run(case)
            sop = sop_for_case(case)
            _require_may_complete(acting.user, sop, sop.step(run.step_no))
            completion = prepare_completion(sop.step(run.step_no), fields, branch)
            next_run = finish_run(case, sop, run, completion, version, acting, now, calendar)
    except Lost:
        assert version is not None  # Lost is raised only once the version is known
        raise lost_race(case.number, version, fields, branch, now) from None
    completed = models.StepRun.get_by_id(run.id)
    return StepOutcome(models.Case.get_by_id(case.id), completed, next_run)


def _workable_run(case: models.Case) -> models.StepRun:
    if case.state != "open":
        raise CaseStateError(f"kasus {case.number} sedang {CASE_STATE_WORDS.get(case.state, case.state)}; "
                             "tidak ada langkah yang dapat diselesaikan")
    run = current_run(case)
    if run is None:
        raise CaseStateError(f"kasus {case.number} tidak memiliki langkah yang terbuka")
    return run
