"""What can go wrong when working a case, in words the clerk reads on screen.

Every message is Bahasa Indonesia and complete on its own: the CLI prints it
after `kpu-desk: `, the GUI shows it in a dialog. Errors that happen after the
user typed a form carry what was typed (`data`), so nothing is lost.
"""

from __future__ import annotations

from typing import Any, Mapping


class EngineError(Exception):
    """A request the engine refuses; nothing has been written."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


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


class FormError(EngineError):
    """Fields that fail their rules: `errors` maps each field key to its message.

    `data` keeps the input exactly as given, so a form can be shown again as typed.
    """

    def __init__(self, errors: Mapping[str, str], data: Mapping[str, Any] | None = None):
        self.errors = dict(errors)
        self.data = dict(data or {})
        super().__init__(self._summary())

    def _summary(self) -> str:
        count = len(self.errors)
        lines = [f"{count} isian tidak sah:" if count > 1 else "isian tidak sah:"]
        lines.extend(f"  {key}: {text}" for key, text in self.errors.items())
        return "\n".join(lines)


class ConcurrentChange(EngineError):
    """Another workstation changed the case first; `data` is what this one tried to save."""

    def __init__(self, message: str, data: Mapping[str, Any] | None = None, branch: str | None = None):
        super().__init__(message)
        self.data = dict(data or {})
        self.branch = branch


class StepAlreadyDone(ConcurrentChange):
    """The step was completed by someone else in the meantime."""
