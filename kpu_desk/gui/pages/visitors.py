"""Meja Tamu: today's guest book, and who is still in the building with their KTP at the desk."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale

from kpu_desk.gui.models.visits_model import VisitsModel
from kpu_desk.gui.pages.base import Page, prepare_table


class VisitorsPage(Page):
    key = "visitors"
    form = "visitors.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = VisitsModel(self)
        self.visitsView.setModel(self.model)
        prepare_table(self.visitsView, "visitors/visitsView",
                      {0: 95, 1: 120, 2: 165, 3: 160, 4: 145, 6: 145, 7: 140}, stretch=5)
        self.dayEdit.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        self.dayEdit.setDate(QDate.currentDate())
        self.dayEdit.dateChanged.connect(lambda _day: self.refresh())
        self.insideCheck.toggled.connect(lambda _on: self.refresh())
        self.todayButton.clicked.connect(lambda: self.dayEdit.setDate(QDate.currentDate()))
        self.visitsView.activated.connect(self._open)  # double-click or Enter

    def title(self) -> str:
        return self.tr("Meja Tamu")

    def reload(self) -> None:
        day: date = self.dayEdit.date().toPython()
        summary = self.model.load(day, inside_only=self.insideCheck.isChecked())
        earlier = self.model.earlier_inside()
        text = (self.tr("{0} tamu · {1} masih di gedung · {2} KTP dititipkan").format(
            summary.visits, summary.inside, summary.ktp_held) if summary.visits
            else self.tr("Belum ada tamu tercatat pada tanggal ini"))
        if earlier:
            held = sum(1 for visit in earlier if visit.ktp_held)
            text += self.tr(" · dari hari sebelumnya {0} belum tercatat keluar ({1} KTP)").format(len(earlier), held)
        self.summaryLabel.setText(text)

    def _open(self, index) -> None:
        visit = self.model.row_at(index)
        if visit is not None:
            self.case_requested.emit(visit.case_number)
