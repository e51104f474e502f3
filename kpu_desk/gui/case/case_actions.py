"""Which of the case's actions apply now: extend, cancel, reopen, put on hold, resume, print, the receipt."""

from __future__ import annotations

from dataclasses import dataclass

from kpu_desk.gui.case.case_data import CaseData
from kpu_desk.gui.letters.receipt_print import has_receipt

ACTIVE = ("open", "waiting")


@dataclass(frozen=True)
class CaseActions:
    extend: bool
    cancel: bool
    reopen: bool
    wait: bool
    resume: bool
    receipt: bool = False  # the tanda bukti of an information request or a complaint


def case_actions(data: CaseData, manage: bool) -> CaseActions:
    state = data.state
    return CaseActions(
        extend=manage and state in ACTIVE and can_extend(data),
        cancel=manage and state in ACTIVE,
        reopen=manage and state == "cancelled",
        wait=manage and state == "open",
        resume=manage and state == "waiting",
        receipt=has_receipt(data.sop),
    )


def can_extend(data: CaseData) -> bool:
    """The SOP knows one extension of its legal deadline, and it has not been used."""
    deadline = data.sop.case.legal_deadline
    return bool(deadline and deadline.extension_working_days) and data.extended_at is None
