"""Which roles and named users act in each lane of each SOP (Pengaturan → Pelaksana SOP)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from kpu_desk.accounts import permissions  # the module: accounts imports one another
from kpu_desk.accounts.users import find_user, roles_of
from kpu_desk.engine.sops import latest_version, sop_for_version
from kpu_desk.engine.storage import audit, writing
from kpu_desk.lanemap import suggested_lane_roles
from kpu_desk.roles import ROLES
from kpu_desk.sop.model import Sop
from kpu_desk.store import models
from kpu_desk.validation import require_valid


@dataclass(frozen=True)
class LaneActors:
    roles: frozenset[str] = frozenset()
    users: frozenset[str] = frozenset()  # usernames

    @property
    def empty(self) -> bool:
        return not self.roles and not self.users


def lanes_of_user(user: models.User) -> set[tuple[str, str]]:
    """(sop_id, lane_id) of every lane the user acts in, through a role or by name."""
    mine = models.LaneAssignment.user == user.id
    roles = roles_of(user)
    if roles:
        mine = mine | models.LaneAssignment.role.in_(sorted(roles))
    query = models.LaneAssignment.select(models.LaneAssignment.sop_id, models.LaneAssignment.lane_id).where(mine)
    return {(row.sop_id, row.lane_id) for row in query}


def lane_assignments(sop_id: str) -> dict[str, LaneActors]:
    """lane_id → who acts in it; lanes nobody acts in are missing."""
    found: dict[str, tuple[set[str], set[str]]] = {}
    query = (
        models.LaneAssignment.select(models.LaneAssignment, models.User.username)
        .join(models.User, join_type="LEFT OUTER JOIN", on=(models.LaneAssignment.user == models.User.id))
        .where(models.LaneAssignment.sop_id == sop_id)
        .objects()
    )
    for row in query:
        roles, users = found.setdefault(row.lane_id, (set(), set()))
        if row.role:
            roles.add(row.role)
        if row.username:
            users.add(row.username)
    return {lane: LaneActors(frozenset(r), frozenset(u)) for lane, (r, u) in found.items()}


def set_lane_assignment(sop_id: str, lane_id: str, roles: Iterable[str] = (), users: Iterable[str] = (),
                        actor: str = "") -> None:
    """Replace who acts in one lane: the roles and the named users given, nobody else."""
    permissions.require_administrator(actor, "mengatur pelaksana SOP")
    roles, usernames = set(roles), set(users)
    sop = sop_for_version(latest_version(sop_id).id)
    require_valid(_lane_problems(sop, lane_id, roles))
    people = [find_user(name) for name in sorted(usernames)]
    with writing():
        _replace(sop_id, lane_id, roles, people)
        audit("lane.assign", actor, "sop", sop_id, lane=lane_id, roles=sorted(roles),
              users=sorted(p.username for p in people))


def suggest_lanes(sop: Sop, actor: str = "") -> None:
    """Assign each lane of a new SOP the role its words suggest (kpu_desk.lanemap)."""
    with writing():
        for lane_id, role in suggested_lane_roles(sop).items():
            if role:
                _replace(sop.id, lane_id, {role}, [])
        audit("lane.suggest", actor, "sop", sop.id)


def _replace(sop_id: str, lane_id: str, roles: set[str], people: list[models.User]) -> None:
    models.LaneAssignment.delete().where(
        (models.LaneAssignment.sop_id == sop_id) & (models.LaneAssignment.lane_id == lane_id)
    ).execute()
    for role in sorted(roles, key=ROLES.index):
        models.LaneAssignment.create(sop_id=sop_id, lane_id=lane_id, role=role)
    for person in people:
        models.LaneAssignment.create(sop_id=sop_id, lane_id=lane_id, user=person)


def _lane_problems(sop: Sop, lane_id: str, roles: set[str]) -> dict[str, str]:
    problems = {}
    if lane_id not in {lane.id for lane in sop.lanes}:
        problems["lane"] = f"pelaksana '{lane_id}' tidak ada pada SOP {sop.header.number or sop.id}"
    unknown = roles - set(ROLES)
    if unknown:
        problems["roles"] = f"peran tidak dikenal: {', '.join(sorted(unknown))}"
    return problems
