"""SOPs as JSON-ready dictionaries (for `--json` output and the database)."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from kpu_desk.sop.model import Sop
from kpu_desk.sop.timestd import Duration


def sop_summary(sop: Sop) -> dict[str, Any]:
    return {
        "id": sop.id,
        "number": sop.header.number,
        "name": sop.header.name,
        "office": sop.header.office,
        "version": sop.version,
        "steps": len(sop.steps),
        "lanes": len(sop.lanes),
        "decisions": sop.decision_count,
    }


def sop_to_dict(sop: Sop) -> dict[str, Any]:
    return _plain(sop)


def _plain(value: Any) -> Any:
    if isinstance(value, Duration):
        return {"kind": value.kind.value, "amount": value.amount, "as_written": value.as_written}
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "lines"}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
