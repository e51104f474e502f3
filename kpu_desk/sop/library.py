"""The set of SOP definition files: loading them all, and checking them together."""

from __future__ import annotations

import datetime
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from kpu_desk.paths import sops_dir
from kpu_desk.sop import issues as msg
from kpu_desk.sop.issues import Issue, Severity, SopFileError
from kpu_desk.sop.linter import lint
from kpu_desk.sop.loader import load_sop_file
from kpu_desk.sop.model import Sop

SOP_SUFFIXES = (".yaml", ".yml")


def shipped_sop_paths() -> list[Path]:
    """The SOP definitions shipped with the application, in file-name order."""
    return sorted(p for p in sops_dir().iterdir() if p.suffix in SOP_SUFFIXES)


def check_files(paths: Iterable[str | Path], today: datetime.date | None = None) -> list[Issue]:
    """Load and lint each file, then check the files against each other."""
    loaded, found = _load_each(paths)
    for sop in loaded:
        found.extend(lint(sop, today))
    return found + _clash_errors(loaded)


def load_sops(paths: Iterable[str | Path]) -> tuple[list[Sop], list[Issue]]:
    """The usable SOPs among the files, and the errors that kept the others out."""
    loaded, problems = _load_each(paths)
    usable = []
    for sop in loaded:
        errors = [i for i in lint(sop) if i.severity is Severity.ERROR]
        problems.extend(errors)
        if not errors:
            usable.append(sop)
    clashes = _clash_errors(usable)
    clashing = {issue.file for issue in clashes}
    return [s for s in usable if s.source not in clashing], problems + clashes


def _load_each(paths: Iterable[str | Path]) -> tuple[list[Sop], list[Issue]]:
    loaded: list[Sop] = []
    problems: list[Issue] = []
    for path in paths:
        try:
            loaded.append(load_sop_file(path))
        except SopFileError as exc:
            problems.extend(exc.issues)
    return loaded, problems


def load_shipped() -> list[Sop]:
    sops, problems = load_sops(shipped_sop_paths())
    if problems:
        raise SopFileError(problems)
    return sops


def _clash_errors(sops: list[Sop]) -> list[Issue]:
    found: list[Issue] = []
    for attribute, label in (("id", "id"), ("prefix", "prefix nomor kasus")):
        owners: dict[str, list[Sop]] = defaultdict(list)
        for sop in sops:
            owners[sop.id if attribute == "id" else sop.case.prefix].append(sop)
        for value, holders in owners.items():
            if len(holders) > 1:
                others = ", ".join(h.source for h in holders)
                found.extend(msg.error(h.source, 1, "clash", f"{label} '{value}' dipakai juga oleh: {others}") for h in holders)
    return found
