"""The lists of the Surat & Disposisi page and of the disposition dialog (RowTableModel columns)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpu_desk.gui.formatting import short_date, short_datetime
from kpu_desk.gui.letters.rows import DispositionRow
from kpu_desk.gui.models.table_model import Column, RowTableModel
from kpu_desk.letters import DispositionView, ExpeditionRow, RecipientStatus


def who(person) -> str:
    if person is None:
        return "—"
    return f"{person.jabatan} ({person.name})" if person.jabatan else person.name


def told(row: DispositionRow) -> str:
    """The instructions and the note in one line."""
    return said(row.view)


def said(view: DispositionView) -> str:
    """A disposition's instructions and note in one line."""
    return ". ".join(p for p in ("; ".join(with_other(view)), view.note) if p) or "—"


def with_other(view: DispositionView) -> list[str]:
    """The ticked instructions, then the free one ("Lainnya: …")."""
    other = QCoreApplication.translate("DispositionDialog", "Lainnya: {0}").format(view.other)
    return list(view.instructions) + ([other] if view.other else [])


def due(row: DispositionRow) -> str:
    return short_date(row.view.due_at.date()) if row.view.due_at else "—"


class _DispositionModel(RowTableModel):
    def is_emphasised(self, row: DispositionRow) -> bool:
        return row.urgency in ("Segera", "Amat Segera")

    def signature_text(self, row: DispositionRow) -> str:
        view = row.view
        if view.replaced_by_id:
            return self.tr("Diganti")
        if view.oral:
            return self.tr("Lisan")
        if not view.needs_signature:
            return self.tr("Terusan")
        return self.tr("Sudah") if view.signed_at else self.tr("Belum")


class InboxModel(_DispositionModel):
    """Disposisi untuk saya: newest first, the user's own state."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Diterima"), lambda r: short_datetime(r.view.created_at)),
            Column(self.tr("Dari"), lambda r: who(r.view.author)),
            Column(self.tr("Surat/kasus"), lambda r: r.where),
            Column(self.tr("Perihal"), lambda r: r.subject),
            Column(self.tr("Instruksi dan catatan"), told),
            Column(self.tr("Batas waktu"), due, status=True),
            Column(self.tr("Status saya"), lambda r: r.mine.state_word if r.mine else "—"),
        ])

    def _font(self, row, column):
        font = super()._font(row, column)
        if row.mine is not None and row.mine.state == "unread":  # unread mail reads bold
            from PySide6.QtGui import QFont

            font = font or QFont()
            font.setBold(True)
        return font


class SigningModel(_DispositionModel):
    """Perlu ditandatangani: oldest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Ditulis"), lambda r: short_datetime(r.view.created_at)),
            Column(self.tr("Oleh"), lambda r: who(r.view.author)),
            Column(self.tr("Surat/kasus"), lambda r: r.where),
            Column(self.tr("Perihal"), lambda r: r.subject),
            Column(self.tr("Sifat"), lambda r: r.urgency),
            Column(self.tr("Versi"), lambda r: r.view.version),
            Column(self.tr("Batas waktu"), due, status=True),
        ])


class WrittenModel(_DispositionModel):
    """Disposisi yang saya tulis: each recipient's state."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Ditulis"), lambda r: short_datetime(r.view.created_at)),
            Column(self.tr("Surat/kasus"), lambda r: r.where),
            Column(self.tr("Perihal"), lambda r: r.subject),
            Column(self.tr("Penerima dan statusnya"), self.states, tooltip=lambda r: "\n".join(self._lines(r))),
            Column(self.tr("Tanda tangan"), self.signature_text),
            Column(self.tr("Batas waktu"), due, status=True),
        ])

    def states(self, row: DispositionRow) -> str:
        return "; ".join(self._lines(row)) or "—"

    def _lines(self, row: DispositionRow) -> list[str]:
        return [f"{r.label}: {r.state_word}" for r in row.view.recipients]


class RecipientsModel(RowTableModel):
    """The recipients of one disposition, in the disposition dialog."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Penerima"), lambda r: r.label),
            Column(self.tr("Status"), lambda r: r.state_word),
            Column(self.tr("Sejak"), lambda r: short_datetime(r.updated_at)),
            Column(self.tr("Catatan"), lambda r: r.note or "—"),
        ])

    def is_emphasised(self, row: RecipientStatus) -> bool:
        return row.state == "unread"


class ExpeditionModel(RowTableModel):
    """Buku ekspedisi: newest number first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Nomor"), lambda r: r.number),
            Column(self.tr("Waktu"), lambda r: short_datetime(r.handed_at)),
            Column(self.tr("Barang/dokumen"), lambda r: r.item),
            Column(self.tr("Penerima"), lambda r: r.recipient_name),
            Column(self.tr("Instansi"), lambda r: r.recipient_institution or "—"),
            Column(self.tr("Diserahkan oleh"), lambda r: r.handed_by or "—"),
            Column(self.tr("Kasus/surat"), lambda r: r.case_number or r.agenda or "—"),
            Column(self.tr("TTD penerima"), self._signed),
        ])

    def _signed(self, row: ExpeditionRow) -> str:
        return self.tr("Ada") if row.signed else self.tr("—")
