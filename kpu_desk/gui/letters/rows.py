"""A disposition as the lists show it: the core's DispositionView with its letter's subject and urgency.

The subject of a Rahasia letter is shown in the disposition lists to whoever holds
the disposition (its recipients, its writer, the signer): they were addressed.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpu_desk.gui import wallclock
from kpu_desk.letters import DispositionView, InboxRow, RecipientStatus, subject_of


@dataclass(frozen=True)
class DispositionRow:
    view: DispositionView
    subject: str
    urgency: str
    mine: RecipientStatus | None = None  # in the inbox: the user's own recipient row

    @property
    def overdue(self) -> bool:
        due = self.view.due_at
        finished = self.mine.state == "done" if self.mine else self.view.done
        return due is not None and due < wallclock.now() and not finished

    @property
    def where(self) -> str:
        """The letter's agenda number, or the case number of a disposition without a letter."""
        return self.view.agenda or self.view.case_number or "—"


def rows_of(views: list[DispositionView]) -> list[DispositionRow]:
    return [DispositionRow(view, *subject_of(view)) for view in views]


def inbox_rows(entries: list[InboxRow]) -> list[DispositionRow]:
    return [DispositionRow(entry.disposition, *subject_of(entry.disposition), mine=entry.mine) for entry in entries]
