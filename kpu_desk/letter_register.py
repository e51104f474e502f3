"""Buku agenda: the register of incoming and outgoing letters, newest first.

The subject of a letter classed Rahasia or Sangat Rahasia is shown only to
those who may read it (the caller says so with reveal_secret).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import peewee as pw

from kpu_desk.store import models

SECRET_CLASSES = ("Rahasia", "Sangat Rahasia")
HIDDEN_SUBJECT = "(dirahasiakan)"


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


def letters(year: int, direction: str | None = None, search: str | None = None,
            reveal_secret: bool = False, limit: int = 2000) -> list[LetterRow]:
    query = (
        models.Letter.select(models.Letter, models.Case.number.alias("case_number"),
                             pw.fn.COUNT(models.Disposition.id).alias("disposition_count"))
        .join(models.Case, pw.JOIN.LEFT_OUTER).switch(models.Letter)
        .join(models.Disposition, pw.JOIN.LEFT_OUTER, on=(models.Disposition.letter == models.Letter.id))
        .where(models.Letter.agenda_year == year)
        .group_by(models.Letter.id, models.Case.number)
        .order_by(models.Letter.agenda_number.desc(), models.Letter.id.desc())
        .limit(limit)
    )
    if direction:
        query = query.where(models.Letter.direction == direction)
    if search and search.strip():
        text = search.strip()
        query = query.where(models.Letter.subject.contains(text) | models.Letter.sender.contains(text)
                            | models.Letter.recipient.contains(text) | models.Letter.letter_number.contains(text))
    return [_row(letter, reveal_secret) for letter in query.objects()]


def _row(letter: models.Letter, reveal_secret: bool) -> LetterRow:
    hidden = letter.security_class in SECRET_CLASSES and not reveal_secret
    return LetterRow(
        direction=letter.direction, agenda_number=f"{letter.agenda_number:04d}/{letter.agenda_year}",
        letter_number=letter.letter_number, letter_date=letter.letter_date, received_date=letter.received_date,
        correspondent=letter.sender if letter.direction == "masuk" else letter.recipient,
        subject=HIDDEN_SUBJECT if hidden else letter.subject, urgency=letter.urgency,
        security_class=letter.security_class, case_number=letter.case_number or "",
        dispositions=int(letter.disposition_count or 0),
    )
