"""A disposition as the lists show it: the core's DispositionView with its letter's subject and urgency.

The subject of a Rahasia letter is shown in the disposition lists to whoever holds
the disposition (its recipients, its writer, the signer): they were addressed.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpu_desk.gui import wallclock
from kpu_desk.letters import DispositionView, InboxRow, RecipientStatus
from kpu_desk.store import models


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


def subject_of(view: DispositionView) -> tuple[str, str]:
    """(subject, urgency) of the disposition's letter, or the case's title."""
    if view.letter_id:
        letter = models.Letter.get_or_none(models.Letter.id == view.letter_id)
        if letter is not None:
            return letter.subject, letter.urgency
    if view.case_number:
        title = models.Case.select(models.Case.title).where(models.Case.number == view.case_number).scalar()
        return title or "", "Biasa"
    return "", "Biasa"


def rows_of(views: list[DispositionView]) -> list[DispositionRow]:
    return [DispositionRow(view, *subject_of(view)) for view in views]


def inbox_rows(entries: list[InboxRow]) -> list[DispositionRow]:
    return [DispositionRow(entry.disposition, *subject_of(entry.disposition), mine=entry.mine) for entry in entries]
