"""SOP: the SOP library. Each registered SOP with its header fields (Kepala SOP), its bagan alur,
its steps, its version history, and printing of the SOP document."""

from __future__ import annotations

from html import escape
from pathlib import Path


from kpu_desk import office
from kpu_desk.gui import messages, printer_settings
from kpu_desk.gui.file_dialogs import ask_save_file
from kpu_desk.gui.chart import ChartView
from kpu_desk.gui.models.sops_model import HeaderModel, SopsModel, StepsModel, VersionsModel
from kpu_desk.gui.operations import Operation
from kpu_desk.gui.pages.base import Page, prepare_table
from kpu_desk.output_files import write_output
from kpu_desk.sop.model import Sop


def write_sop_pdf(sop: Sop, path: str, paper: str, orientation: str) -> int:
    """Through output_files: a file that cannot be written is left as it was."""
    from kpu_desk.printing.sop_document import render_sop_document  # reportlab only when printing

    return write_output(path, lambda stream: render_sop_document(sop, stream, paper, orientation))


class SopsPage(Page):
    key = "sops"
    form = "sops.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = SopsModel(self)
        self.steps = StepsModel(self)
        self.header = HeaderModel(self)
        self.versions = VersionsModel(self)
        self.sopsView.setModel(self.model)
        self.stepsView.setModel(self.steps)
        self.headerView.setModel(self.header)
        self.versionsView.setModel(self.versions)
        prepare_table(self.sopsView, "sops/sopsView", {0: 170, 1: 200, 3: 62, 4: 82, 5: 92, 6: 80}, stretch=2)
        prepare_table(self.stepsView, "sops/stepsView", {0: 40, 1: 440, 2: 210, 3: 90}, stretch=4)
        prepare_table(self.headerView, "sops/headerView", {0: 200}, stretch=1)
        prepare_table(self.versionsView, "sops/versionsView", {0: 60, 1: 150, 2: 130}, stretch=3)
        self.stepsView.setWordWrap(True)
        self.headerView.setWordWrap(True)
        self.chart = ChartView(self.chartTab)
        self.chart.setObjectName("chartView")
        self.chartLayout.addWidget(self.chart, 1)
        self.zoomInButton.clicked.connect(self.chart.zoom_in)
        self.zoomOutButton.clicked.connect(self.chart.zoom_out)
        self.fitButton.clicked.connect(self.chart.fit_to_window)
        self.fitWidthButton.clicked.connect(self.chart.fit_width)
        self.chart.zoom_changed.connect(lambda z: self.zoomLabel.setText(f"{z * 100:.0f} %"))
        self.paperCombo.addItem(self.tr("A4"), "a4")
        self.paperCombo.addItem(self.tr("F4 (folio)"), "f4")
        self.paperCombo.setCurrentIndex(max(self.paperCombo.findData(printer_settings.sheet_paper("sop")), 0))
        self.orientationCombo.addItem(self.tr("Melintang"), "landscape")
        self.orientationCombo.addItem(self.tr("Tegak"), "portrait")
        # The signed documents print the bagan alur across the sheet (printing.sop_document's default).
        self.orientationCombo.setCurrentIndex(max(self.orientationCombo.findData("landscape"), 0))
        self.printButton.clicked.connect(self.print_document)
        self.printing: Operation | None = None
        self._chart_sop: Sop | None = None
        self.splitter.setSizes([200, 440])
        self.detailTabs.currentChanged.connect(lambda _index: self._chart_when_shown())
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

    def selected_sop(self) -> Sop | None:
        entry = self.model.entry_at(self.sopsView.currentIndex().row())
        return entry.sop if entry else None

    def _show(self, row: int) -> None:
        entry = self.model.entry_at(row)
        sop = entry.sop if entry else None
        self.steps.load(sop)
        self.header.load(sop)
        self.versions.load(sop.id if sop else None)
        self.stepsView.resizeRowsToContents()
        self.headerView.resizeRowsToContents()
        self.printButton.setEnabled(sop is not None and not (self.printing and self.printing.running))
        if sop is not self._chart_sop:
            self._chart_sop = sop
            if sop is None:
                self.chart.setScene(None)
            else:
                self.chart.set_sop(sop)
                self.chart.show_case(None)
                self.chart.fit_width()
        if entry is None:
            self.detailLabel.setText(self.tr("Belum ada SOP yang terdaftar di basis data ini."))
            return
        header = sop.header
        self.detailLabel.setText(self.tr("<b>{0}</b><br>Nomor {1} · versi {2}").format(
            escape(" ".join(header.name.split())), escape(header.number), sop.version))

    def _chart_when_shown(self) -> None:
        if self.detailTabs.currentWidget() is self.chartTab and self._chart_sop is not None:
            self.chart.fit_width()

    # --- printing ----------------------------------------------------------------------

    def ask_pdf_path(self, suggested: str) -> str:
        """Where to save the document; tests replace this."""
        return ask_save_file(self, self.tr("Simpan dokumen SOP"), suggested, self.tr("Dokumen PDF (*.pdf)")) or ""

    def print_document(self) -> Operation | None:
        sop = self.selected_sop()
        if sop is None or (self.printing and self.printing.running):
            return None
        safe = "".join(c if c.isalnum() else "-" for c in sop.header.number).strip("-") or sop.id
        path = self.ask_pdf_path(str(Path.home() / f"SOP-{safe}.pdf"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        paper, orientation = self.paperCombo.currentData(), self.orientationCombo.currentData()
        self.printing = Operation(lambda _progress: write_sop_pdf(sop, path, paper, orientation), self)
        self.printing.succeeded.connect(lambda pages: self._printed(path, pages))
        self.printing.failed.connect(self._print_failed)
        self.printing.finished.connect(lambda: self.printButton.setEnabled(self.selected_sop() is not None))
        self.printButton.setEnabled(False)
        self.status_message.emit(self.tr("Menulis dokumen SOP…"))
        self.printing.start()
        return self.printing

    def _printed(self, path: str, pages: int) -> None:
        text = self.tr("Dokumen SOP tersimpan di {0} ({1} halaman).").format(path, pages)
        self.status_message.emit(text)
        messages.show_info(self, self.tr("Dokumen SOP"), text)

    def _print_failed(self, problem: str) -> None:
        messages.show_error(self, self.tr("Dokumen SOP tidak dapat disimpan"), self.tr(
            "{0}\n\nTidak ada yang hilang: pilih folder lain lalu cetak lagi.").format(problem))
