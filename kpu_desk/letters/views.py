"""Dispositions as the screens and the sheet show them: plain, read-only dataclasses.

    disposition_view(12)          one disposition with its letter, recipients and states
    inbox("kasubag.hukum")        dispositions addressed to a user, newest first
    written_by("ketua")           what a user wrote, with every recipient's state
    signing_worklist()            written dispositions waiting for a signature, oldest first
    dispositions_of(letter=…)     every disposition of a letter or a case, in order
    letter_of(view), subject_of(view)   the disposition's letter, or its subject and urgency
    addressable_people()          the people a disposition may be addressed to, by jabatan
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


# The module, not its names: letter_register imports kpu_desk.letters (its vocabulary) first.
from kpu_desk import letter_register
from kpu_desk.accounts.permissions import reads_secrets
from kpu_desk.engine.actors import Actor, resolve_actor
from kpu_desk.engine.errors import NotPermitted
from kpu_desk.letters.codes import case_number
from kpu_desk.letters.content import split_instructions
from kpu_desk.letters.dispositions import DispositionRef, find_disposition, in_force
from kpu_desk.letters.incoming import find_letter
from kpu_desk.letters.sequence import format_number
from kpu_desk.letters.vocab import RECIPIENT_STATE_WORDS, SECRET_CLASSES
from kpu_desk.store import models


@dataclass(frozen=True)
class Person:
    username: str
    name: str
    jabatan: str
    nip: str


@dataclass(frozen=True)
class RecipientStatus:
    id: int
    user: Person | None  # None: a position on the checklist
    position: str
    state: str  # unread, read, in_progress, done
    updated_at: datetime | None
    note: str

    @property
    def state_word(self) -> str:
        return RECIPIENT_STATE_WORDS.get(self.state, self.state)

    @property
    def label(self) -> str:
        """How the sheet and the lists name the recipient: jabatan (name), or the position.

        A user's jabatan is the one they held when the disposition was written."""
        if self.user is None:
            return self.position
        jabatan = self.position or self.user.jabatan
        return f"{jabatan} ({self.user.name})" if jabatan else self.user.name


@dataclass(frozen=True)
class DispositionView:
    id: int
    version: int
    letter_id: int | None
    agenda: str  # "0042/2026", or "" for a case without a letter
    case_number: str
    parent_id: int | None
    author: Person | None
    oral: bool
    instructions: list[str]
    other: str
    note: str
    deadline_days: int | None
    due_at: datetime | None
    created_at: datetime
    signed_at: datetime | None
    signer: Person | None
    signature_sha256: str | None
    signature_code: str | None
    replaced_by_id: int | None
    replace_reason: str | None
    recipients: list[RecipientStatus]

    @property
    def needs_signature(self) -> bool:
        return not self.oral and self.parent_id is None

    @property
    def awaiting_signature(self) -> bool:
        return self.needs_signature and self.signed_at is None and self.replaced_by_id is None

    @property
    def frozen(self) -> bool:
        return self.signed_at is not None or self.replaced_by_id is not None

    @property
    def done(self) -> bool:
        return bool(self.recipients) and all(r.state == "done" for r in self.recipients)


@dataclass(frozen=True)
class InboxRow:
    disposition: DispositionView
    mine: RecipientStatus  # the user's own row: state and note


def person(user_id: int | None) -> Person | None:
    user = models.User.get_or_none(models.User.id == user_id) if user_id else None
    if user is None:
        return None
    return Person(user.username, user.full_name or user.username, user.jabatan or "", user.nip or "")


def letter_of(view: DispositionView) -> letter_register.LetterRow | None:
    """The disposition's letter, its subject not hidden (callers ask may_read_letter first); None without one."""
    return letter_register.letter_row(view.letter_id, reveal_secret=True) if view.letter_id else None


def subject_of(view: DispositionView) -> tuple[str, str]:
    """(subject, urgency) of the disposition's letter, or the case's title for a disposition without a letter.

    The disposition lists show it to whoever holds the disposition: they were addressed.
    """
    letter = letter_of(view)
    if letter is not None:
        return letter.subject, letter.urgency
    if view.case_number:
        title = models.Case.select(models.Case.title).where(models.Case.number == view.case_number).scalar()
        return title or "", "Biasa"
    return "", "Biasa"


def addressable_people() -> list[Person]:
    """Active users with a jabatan, by jabatan then name: the people on the "Diteruskan kepada" checklist."""
    query = (models.User.select().where((models.User.active == True) & (models.User.jabatan != ""))  # noqa: E712
             .order_by(models.User.jabatan, models.User.full_name))
    return [Person(u.username, u.full_name or u.username, u.jabatan, u.nip or "") for u in query]


def may_read_letter(view: DispositionView, user: Actor) -> bool:
    """Whether the user may see the subject and sender of the disposition's letter.

    A letter classed Rahasia or Sangat Rahasia is read only by those who may read secrets
    (kpu_desk.accounts.permissions) and by the disposition's own people: its author, its
    recipients and its signer.
    """
    if not _secret(view.letter_id):
        return True
    acting = resolve_actor(user)
    return reads_secrets(acting.user) or (acting.user is not None and acting.username in _people(view))


def require_may_read_letter(view: DispositionView, user: Actor) -> None:
    """NotPermitted unless the user may read the letter of the disposition (see may_read_letter)."""
    if not may_read_letter(view, user):
        raise NotPermitted(f"surat pada disposisi #{view.id} bersifat rahasia: perihal dan pengirimnya hanya dibaca "
                           "oleh Sekretaris, pimpinan, dan orang-orang disposisi itu")


def _secret(letter_id: int | None) -> bool:
    letter = models.Letter.get_or_none(models.Letter.id == letter_id) if letter_id else None
    return letter is not None and letter.security_class in SECRET_CLASSES


def _people(view: DispositionView) -> set[str]:
    people = [view.author, view.signer] + [r.user for r in view.recipients]
    return {p.username for p in people if p is not None}


def disposition_view(ref: DispositionRef) -> DispositionView:
    return _view(find_disposition(ref))


def recipients_of(ref: DispositionRef) -> list[RecipientStatus]:
    row = find_disposition(ref)
    return _recipients(row.id)


def inbox(user: Actor, include_done: bool = False, limit: int = 500) -> list[InboxRow]:
    """Dispositions in force addressed to the user, newest first (done ones only when asked)."""
    me = resolve_actor(user).user
    if me is None:
        return []
    query = (models.DispositionRecipient.select(models.DispositionRecipient, models.Disposition)
             .join(models.Disposition)
             .where((models.DispositionRecipient.user == me.id) & models.Disposition.replaced_by.is_null())
             .order_by(models.Disposition.created_at.desc(), models.Disposition.id.desc()).limit(limit))
    if not include_done:
        query = query.where(models.DispositionRecipient.state != "done")
    rows = []
    for mine in query:
        if in_force(mine.disposition):
            view = _view(mine.disposition)
            rows.append(InboxRow(view, next(r for r in view.recipients if r.id == mine.id)))
    return rows


def written_by(user: Actor, limit: int = 500) -> list[DispositionView]:
    """What the user wrote or passed on (versions in force), newest first, with the recipients' states."""
    me = resolve_actor(user).user
    if me is None:
        return []
    query = (models.Disposition.select()
             .where((models.Disposition.author == me.id) & models.Disposition.replaced_by.is_null())
             .order_by(models.Disposition.created_at.desc(), models.Disposition.id.desc()).limit(limit))
    return [_view(row) for row in query]


def signing_worklist(limit: int = 500) -> list[DispositionView]:
    """Written dispositions from the top that wait for a signature, oldest first."""
    query = (models.Disposition.select()
             .where(models.Disposition.signed_at.is_null() & models.Disposition.replaced_by.is_null()
                    & models.Disposition.parent.is_null() & (models.Disposition.oral == False))  # noqa: E712
             .order_by(models.Disposition.created_at, models.Disposition.id).limit(limit))
    return [_view(row) for row in query]


def dispositions_of(letter: models.Letter | int | str | None = None,
                    case: models.Case | str | None = None) -> list[DispositionView]:
    """Every disposition (all versions and levels) of a letter or a case, in the order written."""
    from kpu_desk.engine.cases import find_case

    query = models.Disposition.select()
    if letter is not None:
        query = query.where(models.Disposition.letter == find_letter(letter).id)
    if case is not None:
        case_row = case if isinstance(case, models.Case) else find_case(case)
        query = query.where(models.Disposition.case == case_row.id)
    return [_view(row) for row in query.order_by(models.Disposition.id)]


def children_of(ref: DispositionRef) -> list[DispositionView]:
    """The dispositions passed on from this one (versions in force), in order."""
    row = find_disposition(ref)
    query = models.Disposition.select().where((models.Disposition.parent == row.id)
                                              & models.Disposition.replaced_by.is_null())
    return [_view(child) for child in query.order_by(models.Disposition.id)]


def chain_below(ref: DispositionRef) -> list[DispositionView]:
    """Every level below, depth first: the children, their children, …"""
    found: list[DispositionView] = []
    for child in children_of(ref):
        found.append(child)
        found.extend(chain_below(child.id))
    return found


def _view(row: models.Disposition) -> DispositionView:
    labels, other = split_instructions(row.instructions)
    return DispositionView(
        id=row.id, version=row.version, letter_id=row.letter_id, agenda=_agenda(row.letter_id),
        case_number=case_number(row.case_id), parent_id=row.parent_id, author=person(row.author_id),
        oral=bool(row.oral), instructions=labels, other=other, note=row.note or "",
        deadline_days=row.deadline_days, due_at=row.due_at, created_at=row.created_at, signed_at=row.signed_at,
        signer=person(row.signed_by_id), signature_sha256=row.signature_sha256,
        signature_code=row.signature_code, replaced_by_id=row.replaced_by_id, replace_reason=row.replace_reason,
        recipients=_recipients(row.id),
    )


def _recipients(disposition_id: int) -> list[RecipientStatus]:
    query = (models.DispositionRecipient.select()
             .where(models.DispositionRecipient.disposition == disposition_id)
             .order_by(models.DispositionRecipient.id))
    return [RecipientStatus(r.id, person(r.user_id), r.position or "", r.state, r.updated_at, r.note or "")
            for r in query]


def _agenda(letter_id: int | None) -> str:
    letter = models.Letter.get_or_none(models.Letter.id == letter_id) if letter_id else None
    return format_number(letter.agenda_number, letter.agenda_year) if letter else ""
