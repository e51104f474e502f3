"""Time standards (the Waktu column of the mutu baku) as typed durations.

The documents write them several ways: "5 menit", "60 menit", "1 jam",
"1 hari", "1 hari kerja", "Hari Ke 3", "-" and sometimes leave the cell empty.
"1 hari" and "1 hari kerja" both mean one working day: the office does not
work at weekends or on holidays, so a clerk reads a bare "hari" as a working day.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class DurationKind(enum.Enum):
    NONE = "none"  # "-" or an empty cell: no time standard
    MINUTES = "minutes"  # counted on the clock
    WORKING_DAYS = "working_days"  # counted in hari kerja from the step's start
    CASE_DAY = "case_day"  # "Hari Ke N": by the end of the case's N-th working day


class TimeStandardError(ValueError):
    """A Waktu text that is none of the known forms."""


@dataclass(frozen=True)
class Duration:
    kind: DurationKind
    amount: int
    as_written: str

    @property
    def minutes(self) -> int:
        if self.kind is not DurationKind.MINUTES:
            raise ValueError(f"{self.as_written!r} bukan waktu dalam menit")
        return self.amount

    def describe(self) -> str:
        """Indonesian words for the duration, as a clerk would say it."""
        if self.kind is DurationKind.NONE:
            return "tanpa standar waktu"
        if self.kind is DurationKind.MINUTES:
            hours, minutes = divmod(self.amount, 60)
            if hours and not minutes:
                return f"{hours} jam"
            return f"{self.amount} menit"
        if self.kind is DurationKind.WORKING_DAYS:
            return f"{self.amount} hari kerja"
        return f"hari kerja ke-{self.amount} sejak kasus dimulai"


# A year: longer than any time standard or legal deadline of a signed SOP.
MAX_AMOUNT = {DurationKind.MINUTES: 365 * 24 * 60, DurationKind.WORKING_DAYS: 365, DurationKind.CASE_DAY: 365}
_LONGEST = {DurationKind.MINUTES: "8760 jam", DurationKind.WORKING_DAYS: "365 hari kerja", DurationKind.CASE_DAY: "Hari Ke 365"}

_NONE_TEXTS = {"", "-", "–", "—"}
_UNIT_MINUTES = {"menit": 1, "mnt": 1, "jam": 60}
_PATTERNS = (
    (re.compile(r"^hari\s*ke[\s-]*(\d+)$"), DurationKind.CASE_DAY),
    (re.compile(r"^(\d+)\s*hari(\s+kerja)?$"), DurationKind.WORKING_DAYS),
    (re.compile(r"^(\d+)\s*(menit|mnt|jam)$"), DurationKind.MINUTES),
)


def parse_time_standard(text: str) -> Duration:
    """Parse a Waktu text; raise TimeStandardError with an Indonesian message."""
    if not isinstance(text, str):
        raise TimeStandardError(f"waktu harus berupa teks, bukan {type(text).__name__}")
    normal = " ".join(text.split()).lower()
    if normal in _NONE_TEXTS:
        return Duration(DurationKind.NONE, 0, text)
    for pattern, kind in _PATTERNS:
        match = pattern.match(normal)
        if match:
            return _duration_from_match(match, kind, text)
    raise TimeStandardError(
        f"waktu {text!r} tidak dikenali; gunakan misalnya '5 menit', '1 jam', "
        "'1 hari kerja', 'Hari Ke 3' atau '-'"
    )


def _duration_from_match(match: re.Match[str], kind: DurationKind, text: str) -> Duration:
    digits = match.group(1).lstrip("0") or "0"
    unit = _UNIT_MINUTES[match.group(2)] if kind is DurationKind.MINUTES else 1
    # A due date that far away overflows the date arithmetic; thousands of digits overflow int().
    amount = int(digits) * unit if len(digits) <= 6 else MAX_AMOUNT[kind] + 1
    if amount > MAX_AMOUNT[kind]:
        raise TimeStandardError(f"waktu {text!r} terlalu lama; paling lama {_LONGEST[kind]}")
    if amount <= 0:
        raise TimeStandardError(f"waktu {text!r} harus lebih dari nol")
    return Duration(kind, amount, text)
