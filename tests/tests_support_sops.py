"""Registering shipped SOPs in a test database by id."""

from __future__ import annotations

from kpu_desk import engine
from kpu_desk.sop.library import load_shipped


def register(*sop_ids: str):
    sops = [sop for sop in load_shipped() if sop.id in sop_ids]
    assert len(sops) == len(sop_ids), sop_ids
    engine.sync_definitions(sops)
    return sops
