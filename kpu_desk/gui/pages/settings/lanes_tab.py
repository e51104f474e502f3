"""Pengaturan → Pelaksana SOP (administrator only): which roles or users act in each lane of an SOP."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from kpu_desk import accounts
from kpu_desk.gui.models.lanes_model import LanesModel
from kpu_desk.gui.pages.base import fill_sop_combo, prepare_table
from kpu_desk.gui.pages.settings.tab import SettingsTab
from kpu_desk.gui.pages.settings.user_dialog import role_label
from kpu_desk.lanemap import suggest_role
from kpu_desk.roles import ROLES
from kpu_desk.sop_catalog import registered_sops
from kpu_desk.validation import FormError


class LanesTab(SettingsTab):
    form = "settings_lanes.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = LanesModel(self)
        self.lanesView.setModel(self.model)
        prepare_table(self.lanesView, "settings/lanesView", {0: 250, 1: 230}, stretch=2)
        self.sopCombo.currentIndexChanged.connect(lambda _index: self._load_sop())
        self.lanesView.selectionModel().currentRowChanged.connect(lambda current, _old: self._edit(current.row()))
        self.saveButton.clicked.connect(self.save)
        self.suggestButton.clicked.connect(self.use_suggestion)

    def title(self) -> str:
        return self.tr("Pelaksana SOP")

    def reload(self) -> None:
        fill_sop_combo(self.sopCombo, None)
        self._load_sop()

    def select_sop(self, sop_id: str) -> None:
        self.sopCombo.setCurrentIndex(self.sopCombo.findData(sop_id))

    def select_lane(self, lane_id: str) -> None:
        for row, lane_row in enumerate(self.model.rows()):
            if lane_row.lane.id == lane_id:
                self.lanesView.selectRow(row)

    def set_checked_roles(self, roles: set[str]) -> None:
        _check(self.rolesList, roles)

    def save(self) -> None:
        lane_row = self.model.lane_at(self.lanesView.currentIndex().row())
        if lane_row is None:
            return
        try:
            accounts.set_lane_assignment(self.sopCombo.currentData(), lane_row.lane.id, roles=_checked(self.rolesList),
                                         users=_checked(self.usersList), actor=self.session.username)
        except FormError as exc:
            self._message(exc.sentence, ok=False)
            return
        row = self.lanesView.currentIndex().row()
        self.model.load(self._sop())
        self.lanesView.selectRow(row)
        self._message(self.tr("Pelaksana '{0}' tersimpan.").format(lane_row.lane.name), ok=True)
        self.changed.emit()

    def use_suggestion(self) -> None:
        lane_row = self.model.lane_at(self.lanesView.currentIndex().row())
        if lane_row is not None:
            role = suggest_role(lane_row.lane.name)
            _check(self.rolesList, {role} if role else set())
            self._message(self.tr("Saran dipasang; tekan Simpan pelaksana untuk menyimpannya."), ok=True)

    # --- the editor ----------------------------------------------------------------------------

    def _sop(self):
        return next((entry.sop for entry in registered_sops() if entry.id == self.sopCombo.currentData()), None)

    def _load_sop(self) -> None:
        self.model.load(self._sop())
        self._fill_lists()
        self.lanesView.selectRow(0)
        self._edit(0)

    def _fill_lists(self) -> None:
        self.rolesList.clear()
        for role in ROLES:
            _add(self.rolesList, role_label(role), role)
        self.usersList.clear()
        for user in accounts.list_users():
            if user.active:
                _add(self.usersList, f"{user.full_name} ({user.username})", user.username)

    def _edit(self, row: int) -> None:
        lane_row = self.model.lane_at(row)
        self.messageLabel.clear()
        enabled = lane_row is not None
        for widget in (self.rolesList, self.usersList, self.saveButton, self.suggestButton):
            widget.setEnabled(enabled)
        self.laneTitle.setText(lane_row.lane.name if lane_row else self.tr("Pilih pelaksana di kiri"))
        _check(self.rolesList, set(lane_row.actors.roles) if lane_row else set())
        _check(self.usersList, set(lane_row.actors.users) if lane_row else set())

    def _message(self, text: str, ok: bool) -> None:
        self.messageLabel.setProperty("role", "ok" if ok else "error")
        self.messageLabel.style().polish(self.messageLabel)
        self.messageLabel.setText(text[:1].upper() + text[1:])


def _add(widget: QListWidget, text: str, key: str) -> None:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, key)
    item.setCheckState(Qt.CheckState.Unchecked)
    widget.addItem(item)


def _check(widget: QListWidget, keys: set[str]) -> None:
    for index in range(widget.count()):
        item = widget.item(index)
        on = item.data(Qt.ItemDataRole.UserRole) in keys
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def _checked(widget: QListWidget) -> set[str]:
    return {widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked}
