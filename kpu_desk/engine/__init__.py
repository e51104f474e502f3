"""The case engine: SOP versions in the database, cases run step by step, due times, queries.

Part of the core: no Qt here. Every function works on the database bound to
kpu_desk.store.models (see kpu_desk.store.open_database).
"""

from kpu_desk.engine.cases import StepOutcome, complete_step, entry_step, find_case, start_case
from kpu_desk.engine.deadlines import case_overdue, office_calendar, run_overdue
from kpu_desk.engine.errors import (
    BranchError,
    CaseStateError,
    ConcurrentChange,
    EngineError,
    FormError,
    NotPermitted,
    StepAlreadyDone,
    UnknownCase,
    UnknownSop,
    UnknownUser,
)
from kpu_desk.engine.fields import validate_form
from kpu_desk.engine.lifecycle import (
    cancel_case, extend_deadline, reopen_case, resume_case, set_waiting, skip_to_step,
)
from kpu_desk.engine.queries import (
    CaseSummary,
    HistoryEntry,
    Task,
    case_history,
    case_summary,
    list_cases,
    tasks_for_lanes,
)
from kpu_desk.engine.sops import latest_version, sop_for_case, sync_definitions

__all__ = [
    "BranchError", "CaseStateError", "CaseSummary", "ConcurrentChange", "EngineError", "FormError",
    "HistoryEntry", "NotPermitted", "StepAlreadyDone", "StepOutcome", "Task", "UnknownCase", "UnknownSop", "UnknownUser",
    "cancel_case", "case_history", "case_overdue", "case_summary", "complete_step", "entry_step",
    "extend_deadline", "find_case", "latest_version", "list_cases", "office_calendar", "reopen_case",
    "resume_case", "run_overdue", "set_waiting", "skip_to_step", "sop_for_case", "start_case", "sync_definitions",
    "tasks_for_lanes", "validate_form",
]
