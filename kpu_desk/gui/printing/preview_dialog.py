"""Pratinjau cetak: a document's pages on screen, then Cetak… (the Qt print dialog) or Simpan PDF….

    preview = PdfPreviewDialog(pdf, self.tr("Pass tamu P-0042"), "pass", self)
    preview.printed.connect(...)      # a PrintResult, after a print (the dialog then closes)
    preview.open()                    # window-modal, not exec(): the window behind goes on painting

Keyboard: Ctrl++ / Ctrl+- / Ctrl+0 zoom in, out, to the whole page; the arrows and
Page Up/Down scroll; Ctrl+P (or Enter) prints; Alt+S saves; Esc closes.
100% is the printed size. printer, dialog and choose_path are for tests (see printing.py).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from kpu_desk.gui import geometry, messages
from kpu_desk.gui.printing import printing
from kpu_desk.gui.printing.pdf_render import POINTS_PER_INCH, PdfSource, page_images, page_sizes, pdf_bytes
from kpu_desk.gui.uiload import load_ui

SCREEN_DPI = 96.0  # Qt's logical pixels per inch at 100% scaling: 100% zoom is the printed size
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
MAX_PREVIEW_PIXELS = 12_000_000  # per page; beyond it the page is drawn scaled up, not rendered larger
PAGE_MARGIN = 40  # pixels kept around a page when it is fitted to the window


class PdfPreviewDialog(QDialog):
    printed = Signal(object)  # PrintResult
    saved = Signal(str)       # the PDF file written

    def __init__(self, pdf: PdfSource, title: str, document_kind: str, parent: QWidget | None = None, *,
                 printer: QPrinter | None = None, dialog: printing.DialogFactory | None = None,
                 choose_path: Callable[[QWidget, str], str] | None = None):
        super().__init__(parent)
        load_ui("pdf_preview.ui", self)
        self.data = pdf_bytes(pdf)
        self.title, self.kind = title, document_kind
        self._printer, self._dialog = printer, dialog
        self._choose_path = choose_path or printing.ask_save_path
        self.sizes = page_sizes(self.data)
        self.zoom = 1.0
        self.page_labels: list[QLabel] = []
        self._fitted = False
        self.setWindowTitle(self.tr("Pratinjau — {0}").format(title) if title else self.tr("Pratinjau cetak"))
        self.pagesLabel.setText(self.tr("{0} halaman").format(len(self.sizes)))
        self.pagesLayout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._make_actions()
        self.printButton.clicked.connect(self.print_document)
        self.saveButton.clicked.connect(self.save_document)
        self.closeButton.clicked.connect(self.reject)
        self.pagesArea.setFocus(Qt.FocusReason.OtherFocusReason)
        geometry.fit_on_screen(self)

    def _make_actions(self) -> None:
        self.zoomInAction = self._action(self.tr("Perbesar"), (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
                                         self.zoom_in, self.zoomInButton)
        self.zoomOutAction = self._action(self.tr("Perkecil"), (QKeySequence.StandardKey.ZoomOut,),
                                          self.zoom_out, self.zoomOutButton)
        self.fitAction = self._action(self.tr("Pas halaman"), ("Ctrl+0",), self.fit, self.fitButton)
        self.printAction = self._action(self.tr("Cetak…"), (QKeySequence.StandardKey.Print,), self.print_document)

    def _action(self, text: str, keys: tuple, slot, button=None) -> QAction:
        action = QAction(text, self)
        shortcuts = []
        for key in keys:
            shortcuts.extend(QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey)
                             else [QKeySequence(key)])
        action.setShortcuts(shortcuts)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{text} ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        if button is not None:
            button.setDefaultAction(action)
        return action

    # --- pages and zoom -------------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self.sizes)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._fitted:  # the viewport has its size once the dialog is laid out
            self._fitted = True
            self.fit()
            QTimer.singleShot(0, self, self.fit)  # not after the dialog is gone

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def fit(self) -> None:
        """The whole of the largest page in the window."""
        viewport = self.pagesArea.maximumViewportSize()  # as if no scroll bars were showing
        width_pt = max(w for w, _ in self.sizes)
        height_pt = max(h for _, h in self.sizes)
        across = (viewport.width() - PAGE_MARGIN) / (width_pt / POINTS_PER_INCH * SCREEN_DPI)
        down = (viewport.height() - PAGE_MARGIN) / (height_pt / POINTS_PER_INCH * SCREEN_DPI)
        self.set_zoom(min(across, down))

    def set_zoom(self, zoom: float) -> None:
        self.zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        self.zoomLabel.setText(f"{round(self.zoom * 100)}%")
        self.zoomInAction.setEnabled(self.zoom < MAX_ZOOM)
        self.zoomOutAction.setEnabled(self.zoom > MIN_ZOOM)
        self._show_pages()

    def _show_pages(self) -> None:
        ratio = self.devicePixelRatioF()
        shown_dpi = SCREEN_DPI * self.zoom  # logical pixels per inch
        largest = max(w * h for w, h in self.sizes) / POINTS_PER_INCH ** 2  # square inches
        dpi = min(shown_dpi * ratio, (MAX_PREVIEW_PIXELS / largest) ** 0.5)
        for index, image in enumerate(page_images(self.data, dpi)):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(dpi / shown_dpi)  # drawn at the zoom's size whatever was rendered
            self._page_label(index).setPixmap(pixmap)

    def _page_label(self, index: int) -> QLabel:
        while len(self.page_labels) <= index:
            label = QLabel(self.pagesWidget)
            label.setStyleSheet("background: white; border: 1px solid #9a9a9a;")
            label.setAccessibleName(self.tr("Halaman {0} dari {1}").format(len(self.page_labels) + 1,
                                                                         self.page_count()))
            self.pagesLayout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        return self.page_labels[index]

    # --- printing and saving ----------------------------------------------------------------------

    def print_document(self) -> printing.PrintResult:
        result = printing.print_pdf(self.data, self.kind, self, ask=True, title=self.title,
                                    printer=self._printer, dialog=self._dialog)
        if result.problem:
            messages.show_error(self, self.tr("Tidak dapat mencetak"), result.message)
        elif result.done:
            self.printed.emit(result)
            self.accept()
        return result

    def save_document(self) -> printing.PrintResult:
        path = self._choose_path(self, self.title)
        result = printing.save_pdf(self.data, self, self.title, path=path) if path else \
            printing.PrintResult(printing.PrintStatus.CANCELLED)
        if result.problem:
            messages.show_error(self, self.tr("PDF tidak dapat disimpan"), result.message)
        elif result.done:
            self.statusLabel.setText(self.tr("Tersimpan: {0}").format(result.path))
            self.saved.emit(result.path)
        return result
