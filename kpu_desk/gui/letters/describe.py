"""A disposition in words for the dialogs: its letter, what it says, to whom, until when (HTML)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from kpu_desk.gui.formatting import short_date, short_datetime
from kpu_desk.gui.letters.models import said, who, with_other
from kpu_desk.gui.session import Session
from kpu_desk.letters import DispositionView, children_of, letter_of, may_read_letter
from kpu_desk.letters.sheet import deadline_text
from kpu_desk.letters.vocab import HIDDEN_SUBJECT


def _tr(text: str) -> str:
    return QCoreApplication.translate("DispositionDialog", text)


def heading(view: DispositionView) -> str:
    kind = _tr("Disposisi lisan") if view.oral else (
        _tr("Disposisi terusan") if view.parent_id else _tr("Disposisi"))
    where = (_tr("surat agenda {0}").format(view.agenda) if view.agenda
             else _tr("kasus {0}").format(view.case_number))
    return _tr("{0} #{1} (versi {2}) atas {3}").format(kind, view.id, view.version, where)


def status(view: DispositionView) -> str:
    if view.replaced_by_id:
        return _tr("Diganti oleh disposisi #{0}. Alasan: {1}").format(view.replaced_by_id, view.replace_reason or "—")
    if view.signed_at:
        return _tr("Ditandatangani {0} oleh {1}; tidak dapat diubah lagi.").format(
            short_datetime(view.signed_at), who(view.signer))
    if view.awaiting_signature:
        return _tr("Menunggu tanda tangan Sekretaris; penerima belum dapat menindaklanjuti.")
    return _tr("Berlaku tanpa tanda tangan (disposisi lisan atau terusan).")


def reveals_letter(view: DispositionView, session: Session) -> bool:
    """Whether this user sees the subject and sender of a Rahasia letter (and may print its sheet)."""
    return may_read_letter(view, session.user)


def details_html(view: DispositionView, reveal: bool = True) -> str:
    """The letter and the disposition; a secret letter's subject and sender hidden unless `reveal`."""
    rows = _letter_rows(view, reveal) + _disposition_rows(view)
    body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(str(v))}</td></tr>" for k, v in rows)
    html = f"<table cellspacing='2' cellpadding='2'>{body}</table>"
    below = children_of(view.id)
    if below:
        items = "".join(f"<li>{escape(who(c.author))} → {escape(', '.join(r.label for r in c.recipients))}: "
                        f"{escape(said(c))}</li>" for c in below)
        html += f"<p><b>{escape(_tr('Diteruskan'))}</b></p><ul>{items}</ul>"
    return html


def _letter_rows(view: DispositionView, reveal: bool) -> list[tuple[str, str]]:
    letter = letter_of(view)
    if letter is None:
        return [(_tr("Kasus"), view.case_number or "—")]
    sender, subject = (letter.correspondent, letter.subject) if reveal else (HIDDEN_SUBJECT, HIDDEN_SUBJECT)
    return [
        (_tr("Surat dari"), sender), (_tr("Nomor surat"), letter.letter_number or "—"),
        (_tr("Tanggal surat"), short_date(letter.letter_date)), (_tr("Diterima"), short_date(letter.received_date)),
        (_tr("Nomor agenda"), view.agenda), (_tr("Perihal"), subject),
        (_tr("Sifat"), f"{letter.urgency} · {letter.security_class}"), (_tr("Kasus"), view.case_number or "—"),
    ]


def _disposition_rows(view: DispositionView) -> list[tuple[str, str]]:
    return [
        (_tr("Ditulis oleh"), f"{who(view.author)}, {short_datetime(view.created_at)}"),
        (_tr("Kepada"), ", ".join(r.label for r in view.recipients) or "—"),
        (_tr("Instruksi"), said(view)),
        (_tr("Batas waktu"), deadline_text(view.deadline_days, view.due_at)),
    ]


def signed_summary(view: DispositionView) -> str:
    """What a genuine code's signature covers, line by line, to compare with the paper sheet."""
    lines = (
        _tr("Surat: agenda {0}, nomor {1}").format(view.agenda or "—", _letter_number(view)),
        _tr("Kepada: {0}").format(", ".join(r.label for r in view.recipients) or "—"),
        _tr("Instruksi: {0}").format("; ".join(with_other(view)) or "—"),
        _tr("Catatan: {0}").format(view.note or "—"),
        _tr("Batas waktu: {0}").format(deadline_text(view.deadline_days, view.due_at)),
        _tr("Ditandatangani oleh: {0}").format(view.signer.name if view.signer else "—"),
    )
    return "\n".join(lines)


def _letter_number(view: DispositionView) -> str:
    letter = letter_of(view)
    return (letter.letter_number or "—") if letter else "—"
