"""The Lampiran tab: the case's files; Buka checks a file against its hash and opens it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QUrl

from kpu_desk.engine.files import StoreError, file_path
from kpu_desk.gui.case.case_attachments import case_files
from kpu_desk.gui.case.case_data import CaseData
from kpu_desk.gui.case.files_table import CaseFilesModel
from kpu_desk.gui.pages.base import prepare_table
from kpu_desk.gui.widgets.field_errors import sentence

COLUMN_WIDTHS = {1: 64, 2: 200, 3: 80, 4: 110}


class FilesPanel(QObject):
    def __init__(self, window, open_url: Callable[[QUrl], bool]):
        super().__init__(window)
        self.w = window
        self.open_url = open_url
        self.model = CaseFilesModel(self)
        self.w.filesView.setModel(self.model)
        prepare_table(self.w.filesView, "case_window/filesView", COLUMN_WIDTHS, stretch=0)
        self.w.filesView.activated.connect(lambda index: self.open_row(index.row()))
        self.w.openFileButton.clicked.connect(lambda: self.open_row(self.w.filesView.currentIndex().row()))
        self.w.filesMessage.hide()

    def show(self, data: CaseData) -> None:
        self.model.set_rows(case_files(data))
        count = self.model.rowCount()
        self.w.filesView.setVisible(count > 0)
        self.w.filesEmptyLabel.setVisible(count == 0)
        self.w.openFileButton.setEnabled(count > 0)
        if count:
            self.w.filesView.selectRow(0)
        self.w.tabs.setTabText(self.w.tabs.indexOf(self.w.filesTab), self.tr("&Lampiran ({0})").format(count))

    def open_row(self, row: int) -> bool:
        file = self.model.row_at(row)
        if file is None:
            return False
        self.w.filesMessage.hide()
        try:
            path = file_path(file.attachment_id)
        except StoreError as exc:
            self.w.filesMessage.setText(sentence(str(exc)))
            self.w.filesMessage.show()
            return False
        return bool(self.open_url(QUrl.fromLocalFile(str(path))))
