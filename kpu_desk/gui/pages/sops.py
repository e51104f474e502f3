"""SOP: the SOPs registered in the database with their versions, and the steps of the selected one."""

from __future__ import annotations

from html import escape

from kpu_desk import office
from kpu_desk.gui.models.sops_model import SopsModel, StepsModel
from kpu_desk.gui.pages.base import Page, prepare_table


class SopsPage(Page):
    key = "sops"
    form = "sops.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = SopsModel(self)
        self.steps = StepsModel(self)
        self.sopsView.setModel(self.model)
        self.stepsView.setModel(self.steps)
        prepare_table(self.sopsView, "sops/sopsView", {0: 170, 1: 200, 3: 62, 4: 82, 5: 92, 6: 80}, stretch=2)
        prepare_table(self.stepsView, "sops/stepsView", {0: 40, 1: 440, 2: 210, 3: 90}, stretch=4)
        self.stepsView.setWordWrap(True)
        self.splitter.setSizes([220, 400])
        self.sopsView.selectionModel().currentRowChanged.connect(lambda current, _old: self._show(current.row()))

    def title(self) -> str:
        return self.tr("SOP")

    def reload(self) -> None:
        selected = self.model.entry_at(self.sopsView.currentIndex().row())
        self.model.load(set(office.load_office().sops_in_use))
        row = next((i for i, e in enumerate(self.model.rows()) if selected and e.id == selected.id), 0)
        if self.model.rowCount():
            self.sopsView.selectRow(row)
        self._show(row)

    def _show(self, row: int) -> None:
        entry = self.model.entry_at(row)
        self.steps.load(entry.sop if entry else None)
        self.stepsView.resizeRowsToContents()
        if entry is None:
            self.detailLabel.setText(self.tr("Belum ada SOP yang terdaftar di basis data ini."))
            return
        header = entry.sop.header
        signer = header.disahkan_oleh
        self.detailLabel.setText(self.tr(
            "<b>{0}</b><br>Nomor {1} · versi {2} · disahkan oleh {3} {4} · efektif {5}").format(
            escape(" ".join(header.name.split())), escape(header.number), entry.sop.version,
            escape(signer.jabatan), escape(signer.nama), escape(header.tanggal_efektif or "—")))
