"""Pengaturan → Hari libur kantor (administrator only): the office's calendar corrections."""

from __future__ import annotations

from kpu_desk.gui import wallclock
from kpu_desk.gui.models.holidays_model import HolidaysModel
from kpu_desk.gui.pages.base import prepare_table
from kpu_desk.gui.pages.settings.tab import SettingsTab
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.holiday_overrides import add_override, remove_override
from kpu_desk.validation import FormError


class HolidaysTab(SettingsTab):
    form = "settings_holidays.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = HolidaysModel(self)
        self.holidaysView.setModel(self.model)
        prepare_table(self.holidaysView, "settings/holidaysView", {0: 120, 1: 80, 2: 260}, stretch=2)
        self.errors = FieldErrors({"day": self.dayError, "name": self.nameError},
                                  {"day": self.dayEdit, "name": self.nameEdit})
        self.yearSpin.setValue(wallclock.today().year)
        self.dayEdit.setDate(wallclock.qdate_today())
        self.yearSpin.valueChanged.connect(lambda _year: self.reload())
        self.addButton.clicked.connect(self.add)
        self.removeButton.clicked.connect(self.remove_selected)

    def title(self) -> str:
        return self.tr("Hari libur kantor")

    def reload(self) -> None:
        self.model.load(self.yearSpin.value())
        self.removeButton.setEnabled(self.model.rowCount() > 0)

    def add(self) -> None:
        day = self.dayEdit.date().toPython()
        try:
            add_override(day, self.nameEdit.text(), working=self.workingCheck.isChecked(),
                         actor=self.session.username)
        except FormError as exc:
            self.errors.show(exc.errors)
            return
        self.errors.clear()
        self.nameEdit.clear()
        self.workingCheck.setChecked(False)
        self.yearSpin.setValue(day.year)
        self.reload()
        self.changed.emit()

    def remove_selected(self) -> None:
        override = self.model.override_at(self.holidaysView.currentIndex().row())
        if override is None:
            return
        remove_override(override.day, actor=self.session.username)
        self.reload()
        self.changed.emit()
