"""Pengaturan → Printer dan kertas: chosen per computer (QSettings), read back by the printing code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from kpu_desk.gui import printer_settings
from kpu_desk.gui.pages.settings.printers_tab import PrintersTab


def _tab(qtbot, printers):
    tab = PrintersTab(None, printers=lambda: printers)
    qtbot.addWidget(tab)
    tab.reload()
    return tab


def _pick(combo, value):
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_defaults_before_anything_is_chosen(qtbot):
    assert printer_settings.pass_printer() == "" and printer_settings.sheet_printer() == ""
    assert printer_settings.pass_size() == "cr80"
    assert printer_settings.sheet_paper() == "a4" and printer_settings.sheet_paper("sop") == "a4"


def test_sizes_and_printers_are_saved_and_read_back_on_this_computer(qtbot):
    tab = _tab(qtbot, ["Brother QL-800", "EPSON L3210"])
    _pick(tab.passPrinterCombo, "Brother QL-800")
    _pick(tab.passSizeCombo, "label62")
    _pick(tab.sheetPrinterCombo, "EPSON L3210")
    _pick(tab.disposisiCombo, "half_folio")
    _pick(tab.sopPaperCombo, "f4")
    tab.saveButton.click()
    assert printer_settings.pass_printer() == "Brother QL-800"
    assert printer_settings.pass_size() == "label62"
    assert printer_settings.sheet_printer() == "EPSON L3210"
    assert printer_settings.sheet_paper("disposisi") == "half_folio"
    assert printer_settings.sheet_paper("sop") == "f4"
    assert QSettings().value("printers/pass_size") == "label62"
    again = _tab(qtbot, ["Brother QL-800", "EPSON L3210"])
    assert again.passPrinterCombo.currentData() == "Brother QL-800"
    assert again.passSizeCombo.currentData() == "label62"
    assert again.sheetPrinterCombo.currentData() == "EPSON L3210"
    assert again.disposisiCombo.currentData() == "half_folio"
    assert again.sopPaperCombo.currentData() == "f4"


def test_without_printers_the_list_says_so_and_pdf_stays(qtbot):
    tab = _tab(qtbot, [])
    assert tab.printersLabel.text() == "Tidak ada printer terpasang"
    for combo in (tab.passPrinterCombo, tab.sheetPrinterCombo):
        assert combo.count() == 1 and combo.currentText() == "Simpan sebagai PDF" and combo.currentData() == ""
    _pick(tab.passSizeCombo, "label62")
    tab.saveButton.click()
    assert printer_settings.pass_printer() == "" and printer_settings.pass_size() == "label62"


def test_a_saved_printer_that_is_gone_is_kept_and_marked(qtbot):
    printer_settings.save(pass_printer="Brother QL-800")
    tab = _tab(qtbot, [])
    assert tab.passPrinterCombo.currentData() == "Brother QL-800"
    assert "tidak tersambung" in tab.passPrinterCombo.currentText()


def test_an_unknown_size_is_refused_and_a_bad_stored_value_falls_back(qtbot):
    with pytest.raises(ValueError):
        printer_settings.save(pass_size="a3")
    QSettings().setValue("printers/sop_paper", "legal")
    assert printer_settings.sheet_paper("sop") == "a4"


def test_the_tab_is_in_pengaturan_for_the_administrator(qtbot, demo_database, open_main_window):
    for user in ("admin",):
        window = open_main_window(user)
        page = window.show_page("settings")
        tab = page.show_tab("printers")
        assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Printer dan kertas"
        assert tab.passPrinterCombo.itemText(0) == "Simpan sebagai PDF"


def test_each_kind_of_document_has_its_printer_and_paper(qtbot):
    printer_settings.save(pass_printer="Brother QL-800", sheet_printer="EPSON L3210", pass_size="label62",
                          disposisi_paper="half_folio", sop_paper="f4")
    assert printer_settings.printer_for("pass") == "Brother QL-800"
    assert [printer_settings.printer_for(kind) for kind in ("disposisi", "sop", "sheet")] == ["EPSON L3210"] * 3
    assert [printer_settings.paper_for(kind) for kind in printer_settings.KINDS] == ["label62", "half_folio", "f4", None]
    with pytest.raises(ValueError):
        printer_settings.printer_for("poster")


def test_a_paper_is_recognised_by_its_size_either_way_round(qtbot):
    assert printer_settings.paper_matching("pass", 85.6, 54) == "cr80"
    assert printer_settings.paper_matching("pass", 62.1, 99.5) == "label62"
    assert printer_settings.paper_matching("disposisi", 215, 165) == "half_folio"
    assert printer_settings.paper_matching("disposisi", 210, 297) == "a4"
    assert printer_settings.paper_matching("sop", 330, 215) == "f4"
    assert printer_settings.paper_matching("sop", 215.9, 279.4) is None  # US letter is none of the office's
    assert printer_settings.paper_matching("pass", 210, 297) is None
    assert printer_settings.paper_matching("sheet", 210, 297) is None  # a plain sheet has no paper setting


def test_what_the_print_dialog_chose_is_remembered_for_its_kind_only(qtbot):
    printer_settings.remember("disposisi", "EPSON L3210", "half_folio")
    assert printer_settings.sheet_printer() == "EPSON L3210" and printer_settings.sheet_paper() == "half_folio"
    printer_settings.remember("pass", printer_settings.PDF, None)  # printed to a file, on a paper of its own
    assert printer_settings.pass_printer() == "" and printer_settings.pass_size() == "cr80"
    printer_settings.remember("sop", "HP LaserJet", "cr80")  # a paper the kind does not use is not kept
    assert printer_settings.sheet_printer() == "HP LaserJet" and printer_settings.sheet_paper("sop") == "a4"
    tab = _tab(qtbot, ["EPSON L3210", "HP LaserJet"])  # and Pengaturan → Printer shows it
    assert tab.sheetPrinterCombo.currentData() == "HP LaserJet" and tab.disposisiCombo.currentData() == "half_folio"
