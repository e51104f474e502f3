"""Who may do what in the case window.

Completing the open step: a user whose lanes (Pengaturan → Pelaksana SOP)
include one of the step's lanes. A step in a lane nobody is mapped to — the
visitor's or the applicant's own lane ("Tamu", "Pemohon") — is recorded on their
behalf by any user who acts in that SOP.

The administrator does NOT act for others by virtue of the role: the history
must name the person who did the work, in a lane that is theirs. When someone
is away, the administrator maps a substitute to the lane by name in
Pengaturan → Pelaksana SOP, and the substitute acts under their own name.

Cancelling, reopening, putting on hold, resuming and extending the deadline:
users who act in any lane of the SOP, and the administrator (who clears
duplicates and mistakes; each needs a written reason and is audited).
"""

from __future__ import annotations

from dataclasses import dataclass

from kpu_desk.accounts import LaneActors, lane_assignments
from kpu_desk.gui.session import Session
from kpu_desk.sop.model import Sop, Step
from kpu_desk.store import models


@dataclass(frozen=True)
class Permissions:
    complete: bool
    manage: bool
    acting_lanes: tuple[str, ...]  # lane names of the open step, for the note
    acting_people: tuple[str, ...]  # who may complete it, by name


def permissions_for(session: Session, sop: Sop, step: Step | None) -> Permissions:
    mine = {lane for sop_id, lane in session.lanes() if sop_id == sop.id}
    assigned = lane_assignments(sop.id)
    manage = bool(mine) or session.is_admin
    if step is None:
        return Permissions(False, manage, (), ())
    return Permissions(
        complete=may_complete(mine, step, assigned), manage=manage,
        acting_lanes=tuple(sop.lane(lane).name for lane in step.lanes),
        acting_people=tuple(people_in_lanes(step, assigned)),
    )


def may_complete(my_lanes: set[str], step: Step, assigned: dict[str, LaneActors]) -> bool:
    if my_lanes & set(step.lanes):
        return True
    nobody_mapped = all(assigned.get(lane, LaneActors()).empty for lane in step.lanes)
    return nobody_mapped and bool(my_lanes)


def people_in_lanes(step: Step, assigned: dict[str, LaneActors]) -> list[str]:
    """Full names of the active users mapped to the step's lanes, by role or by name."""
    roles: set[str] = set()
    usernames: set[str] = set()
    for lane in step.lanes:
        actors = assigned.get(lane, LaneActors())
        roles |= actors.roles
        usernames |= actors.users
    if not roles and not usernames:
        return []
    holders = models.UserRole.select(models.UserRole.user).where(models.UserRole.role.in_(sorted(roles)))
    query = models.User.select().where(
        (models.User.active == True) & (models.User.id.in_(holders) | models.User.username.in_(sorted(usernames)))  # noqa: E712
    )
    return [user.full_name or user.username for user in query.order_by(models.User.full_name)]
