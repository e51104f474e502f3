"""The chart (with a case on it, or not) to PNG, SVG and PDF, and on paper through the print dialog.

    render_sop(sop, "bagan.png", marks)      # by suffix: .png, .svg, .pdf; what the CLI's `sop render` calls

An export is the screen layout on one page, with the chart's title above the
table and, with a case, a legend of the marks (a printout must explain itself
without colour). Paper (`paper=` for a PDF, and printing) lays the chart out
again for the sheet's width and breaks it into pages with off-page connectors,
like the signed document. Every file is rendered in memory first: a failed
write never leaves half a file behind.
"""

from __future__ import annotations

import math
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication, QDialog, QGraphicsItem, QWidget

from kpu_desk.chart import layout_chart
from kpu_desk.chart.case_marks import CaseMarks
from kpu_desk.chart.model import Align, Box, TextBlock
from kpu_desk.gui.chart.decorations import LegendItem, TitleItem
from kpu_desk.gui.chart.marks import apply_marks
from kpu_desk.gui.chart.scene import ChartScene, stack_height
from kpu_desk.gui.chart.text import draw_runs, prepare, qt_measure
from kpu_desk.gui.formatting import short_datetime, state_label
from kpu_desk.output_files import unwritable_reason, write_output_bytes
from kpu_desk.sop.model import Sop

SCREEN_WIDTH = 1000.0
DEFAULT_DPI = 150
MARGIN = 12.0  # points of white around a one-page export
SUFFIXES = (".png", ".svg", ".pdf")
PAPER_MARGIN_MM = 10.0
FOOTER_SIZE = 6.5
FOOTER_HEIGHT = 16.0  # room kept at the foot of each sheet for the footer line
PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "f4": QPageSize.PageSizeId.Folio}

_app = None  # the QApplication made for a headless render; kept so it is not collected


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChartExport", text)


class ExportError(Exception):
    """A render that cannot be written; the message is for the user (Bahasa Indonesia)."""


# -- the scene of an export -------------------------------------------------------------


def ensure_application() -> QCoreApplication:
    """A QApplication for rendering; offscreen on a machine without a display."""
    global _app
    existing = QApplication.instance()
    if existing is not None:
        return existing
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QApplication([sys.argv[0] if sys.argv else "kpu-desk"])
    return _app


def chart_title(sop: Sop) -> str:
    from kpu_desk.printing.sop_document import chart_title as document_title

    return document_title(sop)


def case_line(marks: CaseMarks, now: datetime | None = None) -> str:
    """"Kasus TM-2026-00042 · Kunjungan Budi · Berjalan · tenggat 2 Mar 10.42"."""
    parts = [_tr("Kasus {0}").format(marks.number)]
    if marks.title:
        parts.append(marks.title)
    parts.append(state_label(marks.state))
    if marks.open_step is not None:
        parts.append(_tr("langkah {0} terbuka").format(marks.open_step))
    if marks.open_due is not None:
        parts.append(_tr("tenggat {0}").format(short_datetime(marks.open_due)))
    if marks.overdue_steps:
        parts.append(_tr("TERLAMBAT"))
    return " · ".join(parts)


def header_items(sop: Sop, marks: CaseMarks | None, width: float) -> list[QGraphicsItem]:
    items: list[QGraphicsItem] = [TitleItem(chart_title(sop), width)]
    if marks is not None:
        items.append(LegendItem(case_line(marks), width))
    return items


def build_scene(sop: Sop, marks: CaseMarks | None = None, width: float = SCREEN_WIDTH,
                page_height: float | None = None) -> ChartScene:
    """The chart with its title (and legend, with a case) above it; paged when page_height is given."""
    header = header_items(sop, marks, width)
    first = page_height - stack_height(header) if page_height is not None else None
    layout = layout_chart(sop, width=width, page_height=page_height, measure=qt_measure(), first_page_height=first)
    scene = ChartScene(layout, sop, header, indexed=False)
    apply_marks(scene, marks)
    return scene


def export_rect(scene: ChartScene) -> QRectF:
    return scene.chart_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def _render(scene: ChartScene, painter: QPainter, source: QRectF, scale: float) -> None:
    """Source (scene points) onto the painter's device at `scale` device pixels per point, top-left aligned."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    target = QRectF(0, 0, source.width() * scale, source.height() * scale)
    scene.render(painter, target, source)


# -- one page: PNG, SVG, PDF --------------------------------------------------------------


def chart_image(scene: ChartScene, dpi: float = DEFAULT_DPI) -> QImage:
    """The whole chart as an image, `dpi` pixels per inch of the printed size."""
    source = export_rect(scene)
    scale = dpi / 72.0
    size = QSize(math.ceil(source.width() * scale), math.ceil(source.height() * scale))
    # The source grows to the whole pixels of the image, so the scene's white background covers
    # every pixel (the image is not filled first: on a 300-step chart that is a tenth of the time).
    source.setSize(QSizeF(size.width() / scale, size.height() / scale))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    painter = QPainter(image)
    _render(scene, painter, source, scale)
    painter.end()
    return image


def png_bytes(scene: ChartScene, dpi: float = DEFAULT_DPI) -> bytes:
    return _png(chart_image(scene, dpi))


def _png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def svg_bytes(scene: ChartScene, title: str = "") -> bytes:
    from PySide6.QtSvg import QSvgGenerator

    source = export_rect(scene)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(72)  # one SVG unit per point: the file's size is the printed size
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    painter = QPainter(generator)
    _render(scene, painter, source, 1.0)
    painter.end()
    return bytes(data)


def pdf_bytes(scene: ChartScene, title: str = "") -> bytes:
    """One PDF page exactly the chart's size (vector: text stays text)."""
    source = export_rect(scene)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("KPU Desk")
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(source.width(), source.height()), QPageSize.Unit.Point, ""),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    _render(scene, painter, source, writer.width() / source.width())
    painter.end()
    return bytes(data)


# -- paper: pages ---------------------------------------------------------------------------


def paper_layout(paper: str = "a4", orientation: str = "landscape") -> QPageLayout:
    turn = QPageLayout.Orientation.Landscape if orientation == "landscape" else QPageLayout.Orientation.Portrait
    margins = QMarginsF(PAPER_MARGIN_MM, PAPER_MARGIN_MM, PAPER_MARGIN_MM, PAPER_MARGIN_MM)
    return QPageLayout(QPageSize(PAPER_SIZES[paper]), turn, margins, QPageLayout.Unit.Millimeter)


def paint_pages(device: QPagedPaintDevice, sop: Sop, marks: CaseMarks | None) -> int:
    """The chart laid out for the device's sheets (a QPrinter, a QPdfWriter); the number of pages."""
    area = device.pageLayout().paintRectPoints()
    width, height = float(area.width()), float(area.height())
    scene = build_scene(sop, marks, width=width, page_height=height - FOOTER_HEIGHT)
    scale = device.width() / area.width()
    painter = QPainter(device)
    for number in range(1, scene.page_count() + 1):
        if number > 1:
            device.newPage()
        _render(scene, painter, scene.page_rect(number), scale)
        _footer(painter, scale, width, height, sop, marks, (number, scene.page_count()))
    painter.end()
    return scene.page_count()


def _footer(painter: QPainter, scale: float, width: float, height: float, sop: Sop, marks: CaseMarks | None,
            page: tuple[int, int]) -> None:
    """As on the signed document: which SOP at the left, the page at the right; and the case."""
    left = _tr("SOP Nomor {0} · {1}").format(sop.header.number, sop.header.name)
    if marks is not None:
        left = _tr("Kasus {0} · ").format(marks.number) + left
    right = _tr("Halaman {0} dari {1}").format(*page)
    top = height - FOOTER_SIZE * 1.6
    blocks = [TextBlock(Box(0, top, width * 0.8, FOOTER_SIZE * 1.6), (left,), FOOTER_SIZE, FOOTER_SIZE * 1.2),
              TextBlock(Box(width * 0.8, top, width * 0.2, FOOTER_SIZE * 1.6), (right,), FOOTER_SIZE,
                        FOOTER_SIZE * 1.2, align=Align.RIGHT)]
    painter.save()
    painter.scale(scale, scale)
    painter.setPen(QColor("black"))
    draw_runs(painter, prepare(blocks))
    painter.restore()


def paged_pdf_bytes(sop: Sop, marks: CaseMarks | None, paper: str = "a4", orientation: str = "landscape") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(chart_title(sop))
    writer.setCreator("KPU Desk")
    writer.setPageLayout(paper_layout(paper, orientation))
    paint_pages(writer, sop, marks)
    return bytes(data)


def print_chart(sop: Sop, marks: CaseMarks | None, parent: QWidget | None = None, printer=None,
                dialog: Callable | None = None) -> bool:
    """Ask for a printer with the Qt print dialog and print the chart; False when the user cancels.

    printer and dialog (a factory called with (printer, parent)) are for tests: a
    QPrinter writing a PDF file, and a dialog that accepts without being shown.
    """
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    if printer.outputFileName() == "":
        printer.setPageLayout(paper_layout("a4", "landscape"))
    chooser = (dialog or QPrintDialog)(printer, parent)
    chooser.setWindowTitle(_tr("Cetak bagan alur"))
    if chooser.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_pages(printer, sop, marks)
    return True


# -- the whole render, for the command line -------------------------------------------------


def render_sop(sop: Sop, path: str | Path, marks: CaseMarks | None = None, *, dpi: float = DEFAULT_DPI,
               paper: str | None = None, orientation: str = "landscape") -> str:
    """Write the chart to path (PNG, SVG or PDF by its suffix); a line saying what was written.

    Raises ExportError with a message for the user when the suffix is unknown or the file cannot be written.
    """
    ensure_application()
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in SUFFIXES:
        raise ExportError(_tr("jenis berkas '{0}' tidak dikenal; pakai .png, .svg atau .pdf").format(path.suffix or path.name))
    data, what = _rendered(sop, marks, kind, dpi, paper, orientation)
    try:
        write_output_bytes(path, data)
    except OSError as exc:
        raise ExportError(_tr("tidak dapat menulis '{0}': {1}").format(path, unwritable_reason(exc))) from None
    return f"{path}: {what}"


def _rendered(sop, marks, kind: str, dpi: float, paper: str | None, orientation: str) -> tuple[bytes, str]:
    if kind == ".pdf" and paper:
        data = paged_pdf_bytes(sop, marks, paper, orientation)
        return data, _tr("PDF kertas {0}").format(paper.upper())
    scene = build_scene(sop, marks)
    if kind == ".png":
        image = chart_image(scene, dpi)
        return _png(image), _tr("PNG {0}×{1} piksel").format(image.width(), image.height())
    if kind == ".svg":
        return svg_bytes(scene, chart_title(sop)), "SVG"
    return pdf_bytes(scene, chart_title(sop)), _tr("PDF satu halaman")


