"""PDF pages through pypdfium2: as images for the preview, and painted onto a QPrinter.

    images = page_images(pdf, dpi=96)            # one QImage per page
    pages = paint_pdf(printer, pdf, match_paper=True)

A page is printed at its own physical size: a CR80 pass on a CR80 card comes out
1:1, centred on larger paper, and shrunk (never stretched) only when the paper is
smaller than the page. Pages are rasterised at the printer's resolution, capped,
so a QR code stays sharp without a page needing hundreds of megabytes.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Union

import pypdfium2
import pypdfium2.raw as pdfium_c
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

PdfSource = Union[bytes, str, os.PathLike]
POINTS_PER_INCH = 72.0
MM_PER_POINT = 25.4 / 72.0
MAX_PRINT_DPI = 600
MAX_PAGE_PIXELS = 16_000_000  # an A4 page at about 400 dpi: 64 MB while it is painted
FIT_TOLERANCE_PT = 1.0  # a page this much larger than the paper still prints 1:1
MATCH_TOLERANCE_MM = 1.0  # a printer's own paper this close to the page's size is that paper


class PdfError(Exception):
    """A PDF that cannot be read or printed; the message is for the user (Bahasa Indonesia)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfRender", text)


# -- reading ----------------------------------------------------------------------------------


def pdf_bytes(pdf: PdfSource) -> bytes:
    """The PDF's bytes, from bytes or a path."""
    if isinstance(pdf, (bytes, bytearray)):
        return bytes(pdf)
    return Path(pdf).read_bytes()


def open_document(data: bytes) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise PdfError(_tr("Dokumen PDF tidak dapat dibaca: {0}").format(exc)) from None


def page_sizes(pdf: PdfSource) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    document = open_document(pdf_bytes(pdf))
    try:
        return [tuple(document[index].get_size()) for index in range(len(document))]
    finally:
        document.close()


def page_image(document: pypdfium2.PdfDocument, index: int, dpi: float) -> QImage:
    """Page `index` (from 0) as an RGB32 image of `dpi` pixels per inch, white under the page."""
    page = document[index]
    bitmap = page.render(scale=dpi / POINTS_PER_INCH, force_bitmap_format=pdfium_c.FPDFBitmap_BGRx)
    # BGRx in memory is Qt's RGB32 (0xffRRGGBB) on little-endian machines; copy() detaches from pdfium.
    image = QImage(memoryview(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB32).copy()
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def page_images(pdf: PdfSource, dpi: float) -> list[QImage]:
    document = open_document(pdf_bytes(pdf))
    try:
        return [page_image(document, index, dpi) for index in range(len(document))]
    finally:
        document.close()


# -- the printer's paper ------------------------------------------------------------------------


def page_size_for(width_pt: float, height_pt: float, printer: QPrinter | None = None) -> QPageSize:
    """The paper of a page this size (portrait way round): the printer's own when it has one that
    size, a standard size when it is one (A4 from reportlab is A4), else a custom size."""
    short, long = sorted((width_pt * MM_PER_POINT, height_pt * MM_PER_POINT))
    for size in _printer_sizes(printer):
        own = size.size(QPageSize.Unit.Millimeter)
        own_short, own_long = sorted((own.width(), own.height()))
        if abs(own_short - short) <= MATCH_TOLERANCE_MM and abs(own_long - long) <= MATCH_TOLERANCE_MM:
            return size
    millimetres = QSizeF(round(short, 1), round(long, 1))
    return QPageSize(millimetres, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)


def _printer_sizes(printer: QPrinter | None) -> list[QPageSize]:
    if printer is None or printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return []
    return list(QPrinterInfo(printer).supportedPageSizes())


def match_paper(printer: QPrinter, width_pt: float, height_pt: float) -> None:
    """Set the printer's paper and orientation to the page's, without margins (the PDF has its own)."""
    orientation = QPageLayout.Orientation.Landscape if width_pt > height_pt else QPageLayout.Orientation.Portrait
    printer.setFullPage(True)
    printer.setPageSize(page_size_for(width_pt, height_pt, printer))
    printer.setPageOrientation(orientation)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)  # refused below the minimum: fine


def first_page_size(data: bytes) -> tuple[float, float]:
    sizes = page_sizes(data)
    if not sizes:
        raise PdfError(_tr("Dokumen PDF tidak berisi halaman."))
    return sizes[0]


# -- painting ---------------------------------------------------------------------------------------


def target_rect(paper: QRectF, printable: QRectF, page_px: QSizeF) -> QRectF:
    """Where a page of page_px device pixels goes: 1:1 centred on the paper when it fits the paper,
    else shrunk (aspect kept) to fit the printable area, centred in it."""
    tolerance = 2 * FIT_TOLERANCE_PT
    if page_px.width() <= paper.width() + tolerance and page_px.height() <= paper.height() + tolerance:
        area, scale = paper, 1.0
    else:
        area = printable
        scale = min(area.width() / page_px.width(), area.height() / page_px.height())
    size = QSizeF(page_px.width() * scale, page_px.height() * scale)
    return QRectF(area.center().x() - size.width() / 2, area.center().y() - size.height() / 2,
                  size.width(), size.height())


def print_dpi(printer_dpi: float, scale: float, width_pt: float, height_pt: float) -> float:
    """The rasterising resolution: the printer's (for the page's printed size), at most MAX_PRINT_DPI
    and at most MAX_PAGE_PIXELS for the page."""
    inches = (width_pt / POINTS_PER_INCH) * (height_pt / POINTS_PER_INCH)
    return min(printer_dpi * scale, MAX_PRINT_DPI, math.sqrt(MAX_PAGE_PIXELS / inches))


def paint_pdf(printer: QPrinter, pdf: PdfSource, *, match: bool = False) -> int:
    """Print every page of the PDF on the printer, one sheet each; the number of pages.

    match=True sets the printer's paper to each page's size first (printing without the dialog);
    otherwise the paper chosen in the print dialog is kept and the page placed on it.
    Raises PdfError when the PDF cannot be read or the printer cannot start.
    """
    data = pdf_bytes(pdf)
    document = open_document(data)
    try:
        if len(document) == 0:
            raise PdfError(_tr("Dokumen PDF tidak berisi halaman."))
        if match:
            match_paper(printer, *document[0].get_size())
        painter = QPainter()
        if not painter.begin(printer):
            raise PdfError(_tr("Printer tidak dapat mulai mencetak."))
        try:
            for index in range(len(document)):
                _paint_page(printer, painter, document, index, match)
        finally:
            painter.end()
        return len(document)
    finally:
        document.close()


def _paint_page(printer: QPrinter, painter: QPainter, document: pypdfium2.PdfDocument, index: int,
                match: bool) -> None:
    width_pt, height_pt = document[index].get_size()
    if index > 0:
        if match:
            match_paper(printer, width_pt, height_pt)
        printer.newPage()
    resolution = printer.resolution()
    page_px = QSizeF(width_pt / POINTS_PER_INCH * resolution, height_pt / POINTS_PER_INCH * resolution)
    target = target_rect(_paper_rect(printer), _printable_rect(printer), page_px)
    image = page_image(document, index, print_dpi(resolution, target.width() / page_px.width(), width_pt, height_pt))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)  # a PDF file: no JPEG blur on the QR
    painter.drawImage(target, image)


def _paper_rect(printer: QPrinter) -> QRectF:
    """The whole sheet in the painter's coordinates (device pixels; the origin is where painting starts)."""
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    return paper.translated(-page.left(), -page.top()) if not printer.fullPage() else paper


def _printable_rect(printer: QPrinter) -> QRectF:
    """The part of the sheet the printer reaches, in the painter's coordinates."""
    page = printer.pageRect(QPrinter.Unit.DevicePixel)
    if not printer.fullPage():
        return QRectF(0, 0, page.width(), page.height())
    minimum = printer.pageLayout().minimumMargins()  # in the layout's units
    unit = printer.pageLayout().units()
    points = QPageLayout(printer.pageLayout().pageSize(), printer.pageLayout().orientation(), minimum, unit)
    return QRectF(points.paintRectPixels(printer.resolution()))
