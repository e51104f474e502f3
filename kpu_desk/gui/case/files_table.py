"""The case's files as a table: name, which step and field recorded it, size, when it came."""

from __future__ import annotations

from kpu_desk.gui.case.case_attachments import CaseFile
from kpu_desk.gui.formatting import short_datetime
from kpu_desk.gui.models.table_model import CENTER, RIGHT, Column, RowTableModel


def size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB".replace(".", ",")
    return f"{max(round(size / 1024), 1)} KB"


class CaseFilesModel(RowTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_columns([
            Column(self.tr("Berkas"), lambda f: f.filename),
            Column(self.tr("Langkah"), lambda f: f.step_no or "—", align=CENTER),
            Column(self.tr("Isian"), self._field),
            Column(self.tr("Ukuran"), lambda f: size_text(f.size), align=RIGHT),
            Column(self.tr("Diunggah"), lambda f: short_datetime(f.uploaded_at)),
        ])

    def _field(self, file: CaseFile) -> str:
        return file.field_label or self.tr("(belum tercatat pada langkah)")
