"""What can go wrong when working a case, in words the clerk reads on screen.

Every message is Bahasa Indonesia and complete on its own: the CLI prints it
after `kpu-desk: `, the GUI shows it in a dialog. Errors that happen after the
user typed a form carry what was typed (`data`), so nothing is lost.
"""

from __future__ import annotations

from typing import Any, Mapping

# Defined beside require_valid, so that storage and every domain raise the same input error.
from kpu_desk.validation import EngineError, FormError

__all__ = ["BranchError", "CaseStateError", "ConcurrentChange", "EngineError", "FormError",
           "StepAlreadyDone", "UnknownCase", "UnknownSop", "UnknownUser"]


class UnknownSop(EngineError):
    """No SOP (or SOP version) by that id is registered in the database."""


class UnknownCase(EngineError):
    """No case has that number."""


class UnknownUser(EngineError):
    """The acting user does not exist or is no longer active."""


class NotPermitted(EngineError):
    """The acting user's roles and lanes do not allow this (kpu_desk.accounts.permissions)."""


class CaseStateError(EngineError):
    """The case is not in a state that allows this (e.g. completing a step of a cancelled case)."""


class BranchError(EngineError):
    """A decision needs one of its labelled branches, or a branch was given where there is none."""

    def __init__(self, message: str, labels: tuple[str, ...] = ()):
        super().__init__(message)
        self.labels = labels


class ConcurrentChange(EngineError):
    """Another workstation changed the case first; `data` is what this one tried to save."""

    def __init__(self, message: str, data: Mapping[str, Any] | None = None, branch: str | None = None):
        super().__init__(message)
        self.data = dict(data or {})
        self.branch = branch


class StepAlreadyDone(ConcurrentChange):
    """The step was completed by someone else in the meantime."""
