"""Surat & Disposisi: the letter register (buku agenda) of a year, with its dispositions counted."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer

from kpu_desk.gui.models.letters_model import LettersModel
from kpu_desk.gui.pages.base import Page, prepare_table


class LettersPage(Page):
    key = "letters"
    form = "letters.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = LettersModel(self)
        self.lettersView.setModel(self.model)
        prepare_table(self.lettersView, "letters/lettersView",
                      {0: 95, 1: 65, 2: 150, 3: 95, 4: 95, 5: 170, 7: 150, 8: 80}, stretch=6)
        self.yearSpin.setValue(date.today().year)
        for text, value in ((self.tr("Masuk dan keluar"), ""), (self.tr("Surat masuk"), "masuk"),
                            (self.tr("Surat keluar"), "keluar")):
            self.directionCombo.addItem(text, value)
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.refresh)
        self.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        self.yearSpin.valueChanged.connect(lambda _year: self.refresh())
        self.directionCombo.currentIndexChanged.connect(lambda _index: self.refresh())
        self.lettersView.activated.connect(self._open)  # double-click or Enter

    def title(self) -> str:
        return self.tr("Surat & Disposisi")

    def reload(self) -> None:
        year = self.yearSpin.value()
        rows = self.model.load(year, self.directionCombo.currentData() or None, self.searchEdit.text(),
                               reveal_secret=self.session.reads_secrets)
        if rows:
            self.summaryLabel.setText(self.tr("{0} surat").format(len(rows)))
        elif self.searchEdit.text().strip():
            self.summaryLabel.setText(self.tr("Tidak ada surat yang cocok dengan pencarian"))
        else:
            self.summaryLabel.setText(self.tr("Belum ada surat di buku agenda tahun {0}").format(year))

    def _open(self, index) -> None:
        letter = self.model.row_at(index)
        if letter is not None and letter.case_number:
            self.case_requested.emit(letter.case_number)
