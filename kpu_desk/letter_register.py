"""Buku agenda: the register of incoming and outgoing letters, newest first.

The subject of a letter classed Rahasia or Sangat Rahasia is shown only to
those who may read it (the caller says so with reveal_secret). Letters are
registered with kpu_desk.letters.register_incoming; `awaiting_disposition` is the
Sekretaris's worklist of incoming letters nobody has disposed yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import peewee as pw

from kpu_desk.letters.vocab import HIDDEN_SUBJECT, SECRET_CLASSES
from kpu_desk.store import models
from kpu_desk.validation import stored_int

__all__ = ["HIDDEN_SUBJECT", "SECRET_CLASSES", "LetterRow", "awaiting_disposition", "letter_row", "letters"]


@dataclass(frozen=True)
class LetterRow:
    direction: str  # masuk, keluar
    agenda_number: str  # "0042/2026"
    letter_number: str
    letter_date: date | None
    received_date: date | None
    correspondent: str  # the sender of an incoming letter, the recipient of an outgoing one
    subject: str
    urgency: str
    security_class: str
    case_number: str
    dispositions: int
    id: int = 0
    awaiting_signature: int = 0  # written dispositions of the letter that wait for a signature


def letters(year: int, direction: str | None = None, search: str | None = None,
            reveal_secret: bool = False, limit: int = 2000) -> list[LetterRow]:
    query = _with_counts().where(models.Letter.agenda_year == year).order_by(
        models.Letter.agenda_number.desc(), models.Letter.id.desc()).limit(limit)
    if direction:
        query = query.where(models.Letter.direction == direction)
    if search and search.strip():
        query = query.where(_matches(search.strip(), reveal_secret))
    return [_row(letter, reveal_secret) for letter in query.objects()]


def letter_row(letter_id: int, reveal_secret: bool = False) -> LetterRow | None:
    """One letter as the register lists it, or None when there is no such letter."""
    letter = _with_counts().where(models.Letter.id == letter_id).objects().first()
    return _row(letter, reveal_secret) if letter is not None else None


def _matches(text: str, reveal_secret: bool) -> pw.Expression:
    """Subject, correspondent, letter number, or the agenda number as printed ("0042/2026", "42").

    A hidden subject is not searched either: finding a secret letter by a word of its
    subject would tell what the register does not show.
    """
    letter = models.Letter
    subject = letter.subject.contains(text)
    if not reveal_secret:
        subject &= letter.security_class.not_in(SECRET_CLASSES)
    found = (subject | letter.sender.contains(text) | letter.recipient.contains(text)
             | letter.letter_number.contains(text))
    number = stored_int(text.split("/")[0])
    if number is not None:
        found |= letter.agenda_number == number
    return found


def awaiting_disposition(reveal_secret: bool = False, limit: int = 500) -> list[LetterRow]:
    """Incoming letters without any disposition yet, oldest received first (the Sekretaris's worklist)."""
    query = (_with_counts().where(models.Letter.direction == "masuk")
             .having(pw.fn.COUNT(models.Disposition.id) == 0)
             .order_by(models.Letter.received_date, models.Letter.id).limit(limit))
    return [_row(letter, reveal_secret) for letter in query.objects()]


def _with_counts() -> pw.ModelSelect:
    d = models.Disposition
    pending = (d.signed_at.is_null() & d.parent.is_null() & (d.oral == False)  # noqa: E712
               & d.replaced_by.is_null())
    return (
        models.Letter.select(models.Letter, models.Case.number.alias("case_number"),
                             pw.fn.COUNT(d.id).alias("disposition_count"),
                             pw.fn.SUM(pw.Case(None, ((pending, 1),), 0)).alias("pending_count"))
        .join(models.Case, pw.JOIN.LEFT_OUTER).switch(models.Letter)
        .join(d, pw.JOIN.LEFT_OUTER, on=(d.letter == models.Letter.id))
        .group_by(models.Letter.id, models.Case.number)
    )


def _row(letter: models.Letter, reveal_secret: bool) -> LetterRow:
    hidden = letter.security_class in SECRET_CLASSES and not reveal_secret
    return LetterRow(
        direction=letter.direction, agenda_number=f"{letter.agenda_number:04d}/{letter.agenda_year}",
        letter_number=letter.letter_number, letter_date=letter.letter_date, received_date=letter.received_date,
        correspondent=letter.sender if letter.direction == "masuk" else letter.recipient,
        subject=HIDDEN_SUBJECT if hidden else letter.subject, urgency=letter.urgency,
        security_class=letter.security_class, case_number=letter.case_number or "",
        dispositions=int(letter.disposition_count or 0), id=letter.id,
        awaiting_signature=int(letter.pending_count or 0),
    )
