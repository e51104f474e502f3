"""The SOP library page: Kepala SOP, bagan alur, langkah, riwayat versi, and the SOP document as a PDF."""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QThreadPool

from kpu_desk.engine.sops import registered_sop_ids
from kpu_desk.store import models

HEADER_LABELS = ["Nomor SOP", "Nama SOP", "Tanggal Pembuatan", "Tanggal Pengesahan", "Tanggal Efektif",
                 "Disahkan oleh", "Dasar Hukum", "Kualifikasi Pelaksana", "Keterkaitan",
                 "Peralatan/Perlengkapan", "Peringatan", "Pencatatan dan Pendataan"]


def _page(open_main_window):
    window = open_main_window("admin")
    return window.show_page("sops")


def _select(page, row):
    page.sopsView.selectRow(row)
    entry = page.model.entry_at(row)
    assert page.selected_sop() is entry.sop
    return entry.sop


def _pdf_text(path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_each_of_the_five_sops_shows_its_header_chart_steps_and_versions(qtbot, demo_database, open_main_window):
    page = _page(open_main_window)
    assert page.model.rowCount() == 5 == len(registered_sop_ids())
    tabs = [page.detailTabs.tabText(i).replace("&", "") for i in range(page.detailTabs.count())]
    assert tabs == ["Kepala SOP", "Bagan alur", "Langkah", "Riwayat versi"]
    counted = 0
    for row in range(page.model.rowCount()):
        sop = _select(page, row)
        header = sop.header
        assert [label for label, _value in page.header.rows()] == HEADER_LABELS
        assert page.header.value("Nomor SOP") == header.number
        assert page.header.value("Tanggal Efektif") == (header.tanggal_efektif or "-")
        signed = page.header.value("Disahkan oleh")
        assert header.disahkan_oleh.nama in signed
        if header.disahkan_oleh.nip:
            assert header.disahkan_oleh.nip in signed
        assert page.header.value("Dasar Hukum") == (
            "\n".join(" ".join(d.split()) for d in header.dasar_hukum) or "-")
        assert all(value for _label, value in page.header.rows())
        # Bagan alur: the bare SOP, one step item per step.
        assert sorted(item.step_no for item in page.chart.step_items()) == [s.no for s in sop.steps]
        assert page.chart.case_marks() is None
        assert page.steps.rowCount() == len(sop.steps)
        # Riwayat versi: version 1 with the number of cases it runs.
        versions = page.versions.rows()
        assert [v.version for v in versions] == [1]
        cases = (models.Case.select().join(models.SopVersion)
                 .where(models.SopVersion.sop_id == sop.id).count())
        assert versions[0].cases == cases
        index = page.versions.index(0, 3)
        assert page.versions.data(index) in (cases, str(cases))
        counted += cases
    assert counted > 0, "the demo office has cases on its SOPs"


def test_an_empty_header_field_reads_as_a_dash(demo_database):
    import dataclasses

    from kpu_desk.gui.models.sops_model import header_fields
    from kpu_desk.sop_catalog import registered_sops

    sop = registered_sops()[0].sop
    bare = dataclasses.replace(sop, header=dataclasses.replace(sop.header, peringatan=(), tanggal_efektif=""))
    fields = dict(header_fields(bare))
    assert fields["Peringatan"] == "-" and fields["Tanggal Efektif"] == "-"


def test_zoom_buttons_change_the_charts_zoom(qtbot, demo_database, open_main_window):
    page = _page(open_main_window)
    page.detailTabs.setCurrentWidget(page.chartTab)
    before = page.chart.zoom()
    page.zoomInButton.click()
    assert page.chart.zoom() > before
    page.zoomOutButton.click()
    page.zoomOutButton.click()
    assert page.chart.zoom() < before


@pytest.mark.parametrize("paper", ["a4", "f4"])
def test_printing_writes_the_sop_document_as_a_pdf(qtbot, demo_database, open_main_window, tmp_path,
                                                   _no_blocking_message_boxes, paper):
    page = _page(open_main_window)
    sop = _select(page, 1)
    target = tmp_path / "dokumen"
    asked = []
    page.ask_pdf_path = lambda suggested: asked.append(suggested) or str(target)
    page.paperCombo.setCurrentIndex(page.paperCombo.findData(paper))
    operation = page.print_document()
    assert operation is not None and asked
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    written = tmp_path / "dokumen.pdf"
    assert written.exists()
    text = "".join(_pdf_text(written).split())
    assert "".join(sop.header.number.split()) in text
    assert _no_blocking_message_boxes and _no_blocking_message_boxes[-1][0] == "info"
    assert str(written) in _no_blocking_message_boxes[-1][2]
    assert page.printButton.isEnabled()


def test_a_path_that_cannot_be_written_gives_a_message(qtbot, demo_database, open_main_window, tmp_path,
                                                       _no_blocking_message_boxes):
    page = _page(open_main_window)
    _select(page, 0)
    page.ask_pdf_path = lambda suggested: str(tmp_path / "tidak-ada" / "sop.pdf")
    operation = page.print_document()
    with qtbot.waitSignal(operation.finished, timeout=30000):
        pass
    kind, _title, text = _no_blocking_message_boxes[-1]
    assert kind == "error" and "tidak dapat" in text and "Tidak ada yang hilang" in text
    assert not (tmp_path / "tidak-ada").exists()
    assert page.printButton.isEnabled()


def test_cancelling_the_file_chooser_prints_nothing(qtbot, demo_database, open_main_window,
                                                     _no_blocking_message_boxes):
    page = _page(open_main_window)
    page.ask_pdf_path = lambda suggested: ""
    assert page.print_document() is None
    QThreadPool.globalInstance().waitForDone(5000)
    assert not _no_blocking_message_boxes
