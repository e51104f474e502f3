"""Pengaturan → Kantor: name, level, address, logo, SOPs in use, how long visitor data is kept, closing time."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QAbstractSpinBox, QListWidgetItem

from kpu_desk import office
from kpu_desk.gui.pages.settings.tab import SettingsTab
from kpu_desk.gui.visitors.closing_warning import add_closing_time_row
from kpu_desk.gui.widgets.field_errors import FieldErrors
from kpu_desk.gui.widgets.logo_file import ask_logo_file
from kpu_desk.sop_catalog import registered_sops
from kpu_desk.validation import FormError


class OfficeTab(SettingsTab):
    form = "settings_office.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.levelCombo.addItems(list(office.LEVELS))
        self.errors = FieldErrors(
            {"name": self.nameError, "level": self.nameError, "logo": self.logoError, "sops": self.sopsError,
             "retention": self.retentionError},
            {"name": self.nameEdit, "sops": self.sopsList, "retention": self.retentionSpin}, general=self.nameError)
        self.new_logo: str | None = None
        self.profile = office.OfficeProfile()
        self.closingField = add_closing_time_row(self)
        self.chooseLogoButton.clicked.connect(self.choose_logo)
        self.saveButton.clicked.connect(self.save)

    def title(self) -> str:
        return self.tr("Kantor")

    def reload(self) -> None:
        self.profile = office.load_office()
        self.new_logo = None
        self.errors.clear()
        self.savedLabel.clear()
        self._show(self.profile)
        self._allow_edit(self.session.is_admin)

    def save(self) -> None:
        self.savedLabel.clear()
        try:
            self.profile = office.save_office(self._typed(), actor=self.session.username, logo_file=self.new_logo)
        except FormError as exc:
            self.errors.show(exc.errors)
            return
        self.closingField.save(self.session.username)
        self.errors.clear()
        self.new_logo = None
        self.savedLabel.setText(self.tr("Data kantor tersimpan."))
        self.changed.emit()

    def choose_logo(self) -> None:
        path = ask_logo_file(self)
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> None:
        self.new_logo = path
        self.logoPathLabel.setText(path)
        self._preview(path)

    # --- the form ---------------------------------------------------------------------------

    def _show(self, profile: office.OfficeProfile) -> None:
        self.nameEdit.setText(profile.name)
        self.levelCombo.setCurrentText(profile.level)
        self.addressEdit.setPlainText(profile.address)
        self.retentionSpin.setValue(profile.visitor_retention_days)
        self.closingField.load()
        logo = office.logo_path(profile)
        self.logoPathLabel.setText(self.tr("Logo tersimpan") if logo else self.tr("Belum ada logo"))
        self._preview(str(logo) if logo else None)
        self.sopsList.clear()
        for entry in registered_sops():
            item = QListWidgetItem(f"{entry.label} — {' '.join(entry.sop.header.name.split())}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setCheckState(Qt.CheckState.Checked if entry.id in profile.sops_in_use else Qt.CheckState.Unchecked)
            self.sopsList.addItem(item)

    def _typed(self) -> office.OfficeProfile:
        chosen = [self.sopsList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sopsList.count())
                  if self.sopsList.item(i).checkState() == Qt.CheckState.Checked]
        return replace(self.profile, name=self.nameEdit.text(), level=self.levelCombo.currentText(),
                       address=self.addressEdit.toPlainText(), sops_in_use=tuple(chosen),
                       visitor_retention_days=self.retentionSpin.value())

    def _preview(self, path: str | None) -> None:
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.logoPreview.clear()
            return
        self.logoPreview.setPixmap(pixmap.scaled(52, 52, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation))

    def _allow_edit(self, allowed: bool) -> None:
        """Others read the office data; read-only fields stay legible, unlike disabled ones."""
        for widget in (self.nameEdit, self.addressEdit, self.retentionSpin):
            widget.setReadOnly(not allowed)
        self.retentionSpin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows if allowed
                                            else QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.levelCombo.setEnabled(allowed)
        self.closingField.set_editable(allowed)
        self.chooseLogoButton.setVisible(allowed)
        for index in range(self.sopsList.count()):
            item = self.sopsList.item(index)
            flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
            item.setFlags(flags if allowed else flags & ~Qt.ItemFlag.ItemIsUserCheckable)
        self.saveButton.setVisible(allowed)
        self.readOnlyLabel.setVisible(not allowed)
