"""The office's users: accounts, roles, signing in, and the SOP lanes each user acts in.

Part of the core: no Qt here. Lanes are the SOP's own words ("Jagat Saksana",
"Help Desk"); roles are the office's (kpu_desk.roles). Pengaturan maps each
lane to roles or named users, and "Tugas saya" follows that mapping.
"""

# The row of a signed-in user as the screens hold it (username, full_name, jabatan); only the
# core reads or writes it.
from kpu_desk.store.models import User
from kpu_desk.accounts.lanes import LaneActors, lane_assignments, lanes_of_user, set_lane_assignment, suggest_lanes
from kpu_desk.accounts.signin import LOCK_MINUTES, MAX_FAILURES, SignInError, authenticate
from kpu_desk.accounts.users import (
    active_users,
    UserRow,
    activate,
    create_user,
    deactivate,
    find_user,
    is_administrator,
    list_users,
    roles_of,
    set_roles,
    update_user,
)

__all__ = [
    "User",
    "LOCK_MINUTES", "LaneActors", "active_users", "MAX_FAILURES", "SignInError", "UserRow", "activate", "authenticate",
    "create_user", "deactivate", "find_user", "is_administrator", "lane_assignments", "lanes_of_user",
    "list_users", "roles_of", "set_lane_assignment", "set_roles", "suggest_lanes", "update_user",
]
