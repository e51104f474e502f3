"""Who may do what: the office's rules for acting on a case and reading a secret letter.

Part of the core, next to the users, roles and lanes it reads: the engine and the
letters refuse through these functions, and the windows ask the same functions what
to offer, so a rule is written once and no entry point (window, CLI, script) skips it.

Completing the open step (and so deciding a branch): a user whose lanes
(Pengaturan → Pelaksana SOP) include one of the step's lanes. A step in a lane nobody
is mapped to — the visitor's or the applicant's own lane ("Tamu", "Pemohon") — is
recorded on their behalf by any user who acts in that SOP.

The administrator does NOT act for others by virtue of the role: the history must
name the person who did the work, in a lane that is theirs. When someone is away,
the administrator maps a substitute to the lane by name, who acts under their own name.

Cancelling, reopening, putting on hold, resuming, moving on and extending the deadline:
users who act in any lane of the SOP, and the administrator (who clears duplicates
and mistakes; each needs a written reason and is audited).

A request without a user (actor None: the demo's generator, an import script) is the
office's own machinery and is not checked; every person at a window or a terminal
acts as a signed-in user.
"""

from __future__ import annotations

from dataclasses import dataclass

# Modules, not names: accounts.users asks require_administrator while accounts is still being imported.
from kpu_desk.accounts import lanes, users
from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.errors import NotPermitted
from kpu_desk.sop.model import Sop, Step
from kpu_desk.store import models

# Roles that may read the subject of a letter classed Rahasia (the leadership reads them;
# the administrator keeps the computers, not the secrets).
SECRET_READERS = frozenset({"sekretaris", "pimpinan"})


@dataclass(frozen=True)
class Permissions:
    complete: bool
    manage: bool
    acting_lanes: tuple[str, ...]  # lane names of the open step, for the note
    acting_people: tuple[str, ...]  # who may complete it, by name


def permissions_for(user: models.User, sop: Sop, step: Step | None) -> Permissions:
    """What the user may do on a case of the SOP whose open step is `step` (None: no open step)."""
    mine = _my_lanes(user, sop)
    assigned = lanes.lane_assignments(sop.id)
    manage = bool(mine) or users.is_administrator(user)
    if step is None:
        return Permissions(False, manage, (), ())
    return Permissions(
        complete=_may_complete(mine, step, assigned), manage=manage,
        acting_lanes=tuple(sop.lane(lane).name for lane in step.lanes),
        acting_people=tuple(people_in_lanes(step, assigned)),
    )


def require_may_complete(user: models.User | None, sop: Sop, step: Step) -> None:
    """NotPermitted unless the user may complete (and decide) the step."""
    if user is None or _may_complete(_my_lanes(user, sop), step, lanes.lane_assignments(sop.id)):
        return
    names = ", ".join(sop.lane(lane).name for lane in step.lanes)
    raise NotPermitted(f"{_name(user)} tidak dapat menyelesaikan langkah {step.no}: langkah ini dikerjakan oleh "
                       f"pelaksana {names}. Minta administrator menambahkan Anda pada pelaksana itu "
                       "(Pengaturan → Pelaksana SOP) bila Anda menggantikannya.")


def require_may_manage(user: models.User | None, sop: Sop, verb: str) -> None:
    """NotPermitted unless the user acts in a lane of the SOP or is the administrator; verb: "dibatalkan"…"""
    if user is None or _my_lanes(user, sop) or users.is_administrator(user):
        return
    raise NotPermitted(f"{_name(user)} tidak bertugas pada SOP {sop.header.number or sop.id}; kasusnya hanya dapat "
                       f"{verb} oleh pelaksana SOP itu atau administrator")


def reads_secrets(user: models.User | None) -> bool:
    """Whether the user reads the subject and sender of every letter classed Rahasia."""
    return user is not None and bool(users.roles_of(user) & SECRET_READERS)


def require_administrator(actor: Actor, what: str) -> None:
    """NotPermitted unless the actor is the administrator (or a script without a user); what: "mengubah pengguna"…"""
    acting = resolve_actor(actor)
    if acting.user is not None and not users.is_administrator(acting.user):
        raise NotPermitted(f"hanya administrator yang dapat {what}")


def people_in_lanes(step: Step, assigned: dict[str, lanes.LaneActors]) -> list[str]:
    """Full names of the active users mapped to the step's lanes, by role or by name."""
    roles: set[str] = set()
    usernames: set[str] = set()
    for lane in step.lanes:
        actors = assigned.get(lane, lanes.LaneActors())
        roles |= actors.roles
        usernames |= actors.users
    if not roles and not usernames:
        return []
    holders = models.UserRole.select(models.UserRole.user).where(models.UserRole.role.in_(sorted(roles)))
    query = models.User.select().where(
        (models.User.active == True) & (models.User.id.in_(holders) | models.User.username.in_(sorted(usernames)))  # noqa: E712
    )
    return [user.full_name or user.username for user in query.order_by(models.User.full_name)]


def _my_lanes(user: models.User, sop: Sop) -> set[str]:
    # Read each time: the administrator may have changed the mapping on another workstation.
    return {lane for sop_id, lane in lanes.lanes_of_user(user) if sop_id == sop.id}


def _may_complete(my_lanes: set[str], step: Step, assigned: dict[str, lanes.LaneActors]) -> bool:
    if my_lanes & set(step.lanes):
        return True
    nobody_mapped = all(assigned.get(lane, lanes.LaneActors()).empty for lane in step.lanes)
    return nobody_mapped and bool(my_lanes)


def _name(user: models.User) -> str:
    return user.full_name or user.username
