"""Input a clerk typed that cannot be saved: which field, and why, in Bahasa Indonesia.

Forms show each message next to its field and keep what was typed, so the
core reports every problem it finds at once instead of stopping at the first.
"""

from __future__ import annotations

from typing import Mapping


class InvalidInput(ValueError):
    """One or more fields are wrong; `problems` maps a field's key to its message."""

    def __init__(self, problems: Mapping[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(self.problems.values()))


def require_valid(problems: Mapping[str, str]) -> None:
    if problems:
        raise InvalidInput(problems)
