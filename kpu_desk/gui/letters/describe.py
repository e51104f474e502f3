"""A disposition in words for the dialogs: its letter, what it says, to whom, until when (HTML)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from kpu_desk.gui.formatting import short_date, short_datetime
from kpu_desk.gui.letters.models import who
from kpu_desk.gui.session import Session
from kpu_desk.letters import DispositionView, children_of, may_read_letter
from kpu_desk.letters.sheet import deadline_text
from kpu_desk.letters.vocab import HIDDEN_SUBJECT
from kpu_desk.store import models


def heading(view: DispositionView) -> str:
    kind = "Disposisi lisan" if view.oral else ("Disposisi terusan" if view.parent_id else "Disposisi")
    where = f"surat agenda {view.agenda}" if view.agenda else f"kasus {view.case_number}"
    return f"{kind} #{view.id} (versi {view.version}) atas {where}"


def status(view: DispositionView) -> str:
    if view.replaced_by_id:
        return f"Diganti oleh disposisi #{view.replaced_by_id}. Alasan: {view.replace_reason or '—'}"
    if view.signed_at:
        return f"Ditandatangani {short_datetime(view.signed_at)} oleh {who(view.signer)}; tidak dapat diubah lagi."
    if view.awaiting_signature:
        return "Menunggu tanda tangan Sekretaris; penerima belum dapat menindaklanjuti."
    return "Berlaku tanpa tanda tangan (disposisi lisan atau terusan)."


def reveals_letter(view: DispositionView, session: Session) -> bool:
    """Whether this user sees the subject and sender of a Rahasia letter (and may print its sheet)."""
    return may_read_letter(view, session.username, session.reads_secrets)


def details_html(view: DispositionView, reveal: bool = True) -> str:
    """The letter and the disposition; a secret letter's subject and sender hidden unless `reveal`."""
    rows = _letter_rows(view, reveal) + _disposition_rows(view)
    body = "".join(f"<tr><td><b>{escape(k)}</b></td><td>{escape(str(v))}</td></tr>" for k, v in rows)
    html = f"<table cellspacing='2' cellpadding='2'>{body}</table>"
    below = children_of(view.id)
    if below:
        items = "".join(f"<li>{escape(who(c.author))} → {escape(', '.join(r.label for r in c.recipients))}: "
                        f"{escape(_said(c))}</li>" for c in below)
        html += f"<p><b>Diteruskan</b></p><ul>{items}</ul>"
    return html


def _letter_rows(view: DispositionView, reveal: bool) -> list[tuple[str, str]]:
    letter = models.Letter.get_or_none(models.Letter.id == view.letter_id) if view.letter_id else None
    if letter is None:
        return [("Kasus", view.case_number or "—")]
    sender, subject = (letter.sender, letter.subject) if reveal else (HIDDEN_SUBJECT, HIDDEN_SUBJECT)
    return [
        ("Surat dari", sender), ("Nomor surat", letter.letter_number or "—"),
        ("Tanggal surat", short_date(letter.letter_date)), ("Diterima", short_date(letter.received_date)),
        ("Nomor agenda", view.agenda), ("Perihal", subject),
        ("Sifat", f"{letter.urgency} · {letter.security_class}"), ("Kasus", view.case_number or "—"),
    ]


def _disposition_rows(view: DispositionView) -> list[tuple[str, str]]:
    return [
        ("Ditulis oleh", f"{who(view.author)}, {short_datetime(view.created_at)}"),
        ("Kepada", ", ".join(r.label for r in view.recipients) or "—"),
        ("Instruksi", _said(view)),
        ("Batas waktu", deadline_text(view.deadline_days, view.due_at)),
    ]


def signed_summary(view: DispositionView) -> str:
    """What a genuine code's signature covers, line by line, to compare with the paper sheet."""
    _t = lambda text: QCoreApplication.translate("describe", text)  # noqa: E731
    lines = (
        _t("Surat: agenda {0}, nomor {1}").format(view.agenda or "—", _letter_number(view)),
        _t("Kepada: {0}").format(", ".join(r.label for r in view.recipients) or "—"),
        _t("Instruksi: {0}").format("; ".join(_instructions(view)) or "—"),
        _t("Catatan: {0}").format(view.note or "—"),
        _t("Batas waktu: {0}").format(deadline_text(view.deadline_days, view.due_at)),
        _t("Ditandatangani oleh: {0}").format(view.signer.name if view.signer else "—"),
    )
    return "\n".join(lines)


def _letter_number(view: DispositionView) -> str:
    letter = models.Letter.get_or_none(models.Letter.id == view.letter_id) if view.letter_id else None
    return (letter.letter_number or "—") if letter else "—"


def _instructions(view: DispositionView) -> list[str]:
    return list(view.instructions) + ([f"Lainnya: {view.other}"] if view.other else [])


def _said(view: DispositionView) -> str:
    parts = list(view.instructions) + ([f"Lainnya: {view.other}"] if view.other else [])
    return ". ".join(p for p in ("; ".join(parts), view.note) if p) or "—"
