"""Who is signed in at this workstation, and what that lets them see."""

from __future__ import annotations

from dataclasses import dataclass

from kpu_desk.accounts import User, lanes_of_user, roles_of
from kpu_desk.accounts.permissions import reads_secrets
from kpu_desk.roles import ROLE_LABELS


@dataclass(frozen=True)
class Session:
    user: User
    roles: frozenset[str]

    @classmethod
    def of(cls, user: User) -> "Session":
        return cls(user, roles_of(user))

    @property
    def username(self) -> str:
        return self.user.username

    @property
    def name(self) -> str:
        return self.user.full_name or self.user.username

    @property
    def is_admin(self) -> bool:
        return "administrator" in self.roles

    @property
    def reads_secrets(self) -> bool:
        return reads_secrets(self.user)

    @property
    def role_text(self) -> str:
        return ", ".join(ROLE_LABELS.get(role, role).split(" (")[0] for role in sorted(self.roles))

    def lanes(self) -> set[tuple[str, str]]:
        """Read each time: the administrator may have changed the mapping on another workstation."""
        return lanes_of_user(self.user)
