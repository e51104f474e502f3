"""Surat & Disposisi: the buku agenda, newest agenda number first."""

from __future__ import annotations

from kpu_desk.gui.formatting import short_date
from kpu_desk.gui.models.table_model import RIGHT, Column, RowTableModel
from kpu_desk.letter_register import LetterRow, letters


class LettersModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("No. agenda"), lambda r: r.agenda_number, tooltip=self._case_tip),
            Column(self.tr("Arah"), lambda r: self.tr("Masuk") if r.direction == "masuk" else self.tr("Keluar")),
            Column(self.tr("Nomor surat"), lambda r: r.letter_number or "—"),
            Column(self.tr("Tgl. surat"), lambda r: short_date(r.letter_date)),
            Column(self.tr("Diterima"), lambda r: short_date(r.received_date)),
            Column(self.tr("Dari/Kepada"), lambda r: r.correspondent or "—"),
            Column(self.tr("Perihal"), lambda r: r.subject),
            Column(self.tr("Sifat"), self._nature),
            Column(self.tr("Disposisi"), lambda r: r.dispositions, align=RIGHT),
        ])

    def load(self, year: int, direction: str | None, search: str, reveal_secret: bool) -> list[LetterRow]:
        self.set_rows(letters(year, direction=direction, search=search, reveal_secret=reveal_secret))
        return self.rows()

    def is_emphasised(self, row: LetterRow) -> bool:
        return row.urgency in ("Segera", "Amat Segera")

    def _nature(self, row: LetterRow) -> str:
        """Urgency, and the security class when it is not the ordinary one."""
        return row.urgency if row.security_class == "Biasa" else f"{row.urgency} · {row.security_class}"

    def _case_tip(self, row: LetterRow) -> str:
        return self.tr("Kasus {0}").format(row.case_number) if row.case_number else row.agenda_number
