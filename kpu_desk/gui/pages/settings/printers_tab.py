"""Pengaturan → Printer dan kertas: this workstation's printers and paper (kept per computer, not shared)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from kpu_desk.gui import printer_settings
from kpu_desk.gui.pages.settings.tab import SettingsTab


class PrintersTab(SettingsTab):
    form = "settings_printers.ui"

    def __init__(self, session, parent=None, printers=None):
        super().__init__(session, parent)
        self._printers = printers  # a callable listing printer names; tests give their own
        self.passSizeCombo.addItem(self.tr("Kartu CR80 (85,6 × 54 mm)"), "cr80")
        self.passSizeCombo.addItem(self.tr("Label gulung 62 mm"), "label62")
        self.disposisiCombo.addItem(self.tr("A4"), "a4")
        self.disposisiCombo.addItem(self.tr("Setengah folio"), "half_folio")
        self.sopPaperCombo.addItem(self.tr("A4"), "a4")
        self.sopPaperCombo.addItem(self.tr("F4 (folio)"), "f4")
        self.saveButton.clicked.connect(self.save)

    def title(self) -> str:
        return self.tr("Printer dan kertas")

    def printer_names(self) -> list[str]:
        return list(self._printers() if self._printers else printer_settings.installed_printers())

    def reload(self) -> None:
        names = self.printer_names()
        for combo, chosen in ((self.passPrinterCombo, printer_settings.pass_printer()),
                              (self.sheetPrinterCombo, printer_settings.sheet_printer())):
            self._fill_printers(combo, names, chosen)
        self.printersLabel.setText(self.tr("Tidak ada printer terpasang") if not names else
                                   self.tr("{0} printer terpasang di komputer ini.").format(len(names)))
        _choose(self.passSizeCombo, printer_settings.pass_size())
        _choose(self.disposisiCombo, printer_settings.sheet_paper("disposisi"))
        _choose(self.sopPaperCombo, printer_settings.sheet_paper("sop"))

    def _fill_printers(self, combo: QComboBox, names: list[str], chosen: str) -> None:
        combo.clear()
        combo.addItem(self.tr("Simpan sebagai PDF"), printer_settings.PDF)
        for name in names:
            combo.addItem(name, name)
        if chosen and chosen not in names:  # saved earlier, not connected now: keep it, say so
            combo.addItem(self.tr("{0} (tidak tersambung)").format(chosen), chosen)
        _choose(combo, chosen)

    def save(self) -> None:
        printer_settings.save(
            pass_printer=self.passPrinterCombo.currentData(), pass_size=self.passSizeCombo.currentData(),
            sheet_printer=self.sheetPrinterCombo.currentData(), disposisi_paper=self.disposisiCombo.currentData(),
            sop_paper=self.sopPaperCombo.currentData())
        self.printersLabel.setText(self.tr("Pilihan printer dan kertas tersimpan untuk komputer ini."))


def _choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))
