"""A cheap fingerprint of "has anything changed?", for workstations that poll the shared database.

Every change a user makes writes an audit entry (kpu_desk.store.audit), so the
newest entry's id moves whenever another workstation does something; visits
and letters are added in case a later writer forgets. Three primary-key
look-ups: well under a millisecond, fine to run every few seconds.
"""

from __future__ import annotations

import peewee as pw

from kpu_desk.store import models


def change_marker() -> tuple[int, int, int]:
    return _newest(models.AuditEntry), _newest(models.Visit), _newest(models.Letter)


def _newest(model: type[pw.Model]) -> int:
    return model.select(pw.fn.MAX(model.id)).scalar() or 0
