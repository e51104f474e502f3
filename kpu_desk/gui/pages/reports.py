"""Laporan: cases per SOP and month, steps within their time standard and late; exported to XLSX."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate

from kpu_desk import office, sop_catalog
from kpu_desk.gui import messages, wallclock
from kpu_desk.gui.file_dialogs import ask_save_file
from kpu_desk.gui.models.report_model import ReportModel
from kpu_desk.gui.operations import Operation
from kpu_desk.gui.pages.base import Page, fill_sop_combo, prepare_table
from kpu_desk.gui.widgets.progress_panel import ProgressPanel
from kpu_desk.reports import SopReport, sop_month_report


class ReportsPage(Page):
    key = "reports"
    form = "reports.ui"

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.model = ReportModel(self)
        self.reportView.setModel(self.model)
        prepare_table(self.reportView, "reports/reportView",
                      {0: 165, 1: 125, 2: 75, 3: 75, 4: 80, 5: 80, 6: 85, 7: 80, 8: 90, 9: 125}, stretch=10)
        self.progress = ProgressPanel(self)
        self.progressLayout.addWidget(self.progress)
        self.report: SopReport | None = None
        self.loading: Operation | None = None
        self.exporting: Operation | None = None
        self._default_period()
        self.showButton.clicked.connect(self.refresh)
        self.exportButton.clicked.connect(self.export)

    def title(self) -> str:
        return self.tr("Laporan")

    def reload(self) -> None:
        self._fill_sops()
        start, end, sop_id = self._period()
        if end < start:
            self.summaryLabel.setText(self.tr("Tanggal akhir periode harus sesudah tanggal awalnya."))
            return
        self.summaryLabel.setText(self.tr("Menghitung…"))
        operation = Operation(lambda progress: sop_month_report(start, end, sop_id), self)
        # Only the newest request is shown: an older one that finishes late must not overwrite it.
        operation.succeeded.connect(lambda report: self._show(report) if self.loading is operation else None)
        operation.failed.connect(lambda text: self.summaryLabel.setText(text) if self.loading is operation else None)
        self.loading = operation
        operation.start()

    def export(self) -> None:
        if self.report is None or not self.report.rows:
            messages.show_info(self, self.tr("Ekspor laporan"), self.tr("Tampilkan laporan yang berisi data dahulu."))
            return
        path = self.ask_export_path()
        if not path:
            return
        report, name = self.report, office.load_office().name
        from kpu_desk.reports_xlsx import export_report_xlsx  # openpyxl only when exporting

        self.exporting = Operation(lambda progress: export_report_xlsx(report, path, name, progress), self)
        self.exporting.succeeded.connect(self._exported)
        self.exporting.failed.connect(lambda text: messages.show_error(self, self.tr("Ekspor gagal"), text))
        self.exporting.cancelled.connect(lambda: self.status_message.emit(self.tr("Ekspor dibatalkan.")))
        self.exporting.finished.connect(lambda: self.exportButton.setEnabled(True))
        self.exportButton.setEnabled(False)
        self.progress.follow(self.exporting, self.tr("Menulis berkas Excel…"))
        self.exporting.start()

    def ask_export_path(self) -> str:
        start, end, _sop = self._period()
        suggested = str(Path.home() / f"laporan-sop-{start:%Y%m%d}-{end:%Y%m%d}.xlsx")
        return ask_save_file(self, self.tr("Simpan laporan"), suggested, self.tr("Buku kerja Excel (*.xlsx)"),
                             suffix=".xlsx") or ""

    # --- results -------------------------------------------------------------------------

    def _show(self, report: SopReport) -> None:
        self.report = report
        self.model.load(report, sop_catalog.labels())
        total = report.total
        if not report.rows:
            self.summaryLabel.setText(self.tr("Tidak ada kasus maupun langkah pada periode ini."))
            return
        share = total.on_time_percent
        self.summaryLabel.setText(self.tr(
            "{0} kasus baru; {1} langkah selesai: {2} tepat waktu, {3} terlambat{4}.").format(
            total.cases_started, total.steps_done, total.steps_on_time, total.steps_late,
            self.tr(" ({0} tepat waktu)").format(f"{share:.1f}".replace(".", ",") + " %") if share is not None else ""))

    def _exported(self, path) -> None:
        self.status_message.emit(self.tr("Laporan tersimpan di {0}").format(path))

    # --- filters -------------------------------------------------------------------------

    def _default_period(self) -> None:
        today = wallclock.today()
        first = date(today.year - (today.month <= 3), (today.month - 4) % 12 + 1, 1)  # three months back
        self.fromDate.setDate(QDate(first.year, first.month, 1))
        self.untilDate.setDate(QDate(today.year, today.month, today.day))

    def _period(self) -> tuple[date, date, str | None]:
        return self.fromDate.date().toPython(), self.untilDate.date().toPython(), self.sopCombo.currentData() or None

    def _fill_sops(self) -> None:
        fill_sop_combo(self.sopCombo, self.tr("Semua layanan"))
