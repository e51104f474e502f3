"""Everything the case window shows, read in one go: the case, its SOP version, history, open step run.

`row_version` is the version the window loaded; completing a step sends it
back as expected_version, so a change made meanwhile on another workstation
is refused instead of overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from kpu_desk.engine import CaseSummary, HistoryEntry, case_history, case_summary, find_case, sop_for_case
from kpu_desk.engine.conflicts import lost_race
from kpu_desk.engine.queries import case_version
from kpu_desk.engine.runs import current_run
from kpu_desk.gui import wallclock
from kpu_desk.sop.model import Sop, Step


@dataclass(frozen=True)
class CaseData:
    case_id: int
    summary: CaseSummary
    sop: Sop
    history: tuple[HistoryEntry, ...]
    row_version: int
    open_run_id: int | None
    extended_at: datetime | None
    state_reason: str | None
    loaded_at: datetime

    @property
    def number(self) -> str:
        return self.summary.number

    @property
    def state(self) -> str:
        return self.summary.state

    @property
    def open_step(self) -> Step | None:
        """The step waiting to be done; None when the case is done or cancelled."""
        if self.open_run_id is None or self.summary.current_step is None:
            return None
        return self.sop.step(self.summary.current_step)

    def entries_for_step(self, step_no: int) -> list[HistoryEntry]:
        return [entry for entry in self.history if entry.step_no == step_no]


def load_case(number: str, now: datetime | None = None, reveal_nik: bool = False) -> CaseData:
    """The case as its window shows it; NIKs whole only for a role that needs them (kpu_desk.privacy)."""
    now = now or wallclock.now()
    case = find_case(number)
    run = current_run(case)
    return CaseData(
        case_id=case.id, summary=case_summary(case.number, now=now), sop=sop_for_case(case),
        history=tuple(case_history(case.number, now=now, reveal_nik=reveal_nik)), row_version=case.row_version,
        open_run_id=run.id if run is not None else None, extended_at=case.extended_at,
        state_reason=case.state_reason, loaded_at=now,
    )


def current_version(case_id: int) -> int | None:
    """The case's row_version now: cheap enough to ask after every poll of the shared database."""
    return case_version(case_id)


def what_changed(number: str, loaded_version: int) -> str:
    """Who moved the case past the version this window loaded, in the engine's words."""
    return lost_race(number, loaded_version, None, None, wallclock.now()).message
