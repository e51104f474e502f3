"""Messages about an SOP file: an error stops it from being used, a warning does not."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "galat"
    WARNING = "peringatan"


@dataclass(frozen=True)
class Issue:
    severity: Severity
    file: str
    line: int
    message: str
    code: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.severity.value}: {self.message}"


def error(file: str, line: int, code: str, message: str) -> Issue:
    return Issue(Severity.ERROR, file, line, message, code)


def warning(file: str, line: int, code: str, message: str) -> Issue:
    return Issue(Severity.WARNING, file, line, message, code)


class SopFileError(Exception):
    """An SOP definition that cannot be used; `issues` says why, with lines."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))
