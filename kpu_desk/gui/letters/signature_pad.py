"""A signature pad: draw with the mouse or a pen, clear, or load a scanned image; hand back a PNG.

Strokes are kept as paths in widget coordinates and painted dark blue on white.
png_bytes() renders them (or the loaded image) on a transparent background,
cropped to what was drawn with a small margin, so a specimen prints cleanly on
the lembar disposisi.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#0a1f78")
PEN_WIDTH = 3.0
MARGIN = 8
MIN_SIDE = 24  # the core refuses images under 20 pixels a side


class SignaturePad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(QSize(320, 120))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Bidang tanda tangan"))
        self._strokes: list[QPainterPath] = []
        self._image: QImage | None = None

    # --- what it holds ---------------------------------------------------------------------

    def is_empty(self) -> bool:
        return self._image is None and not any(path.elementCount() > 1 for path in self._strokes)

    def clear(self) -> None:
        self._strokes, self._image = [], None
        self.update()
        self.changed.emit()

    def load_image(self, image: QImage) -> bool:
        """Show a scanned signature instead of drawn strokes; False for an unreadable image."""
        if image.isNull():
            return False
        self._strokes, self._image = [], image.convertToFormat(QImage.Format.Format_ARGB32)
        self.update()
        self.changed.emit()
        return True

    def to_image(self) -> QImage | None:
        if self._image is not None:
            return self._image
        if self.is_empty():
            return None
        bounds = self._bounds()
        image = QImage(bounds.size(), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-bounds.topLeft())
        self._paint_strokes(painter)
        painter.end()
        return image

    def png_bytes(self) -> bytes:
        """The signature as PNG bytes; b"" when nothing was drawn."""
        image = self.to_image()
        if image is None:
            return b""
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data)

    def _bounds(self) -> QRect:
        rect = QRectF()
        for path in self._strokes:
            rect = rect.united(path.boundingRect())
        rect = rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN).toAlignedRect()
        if rect.width() < MIN_SIDE:
            rect.setWidth(MIN_SIDE)
        if rect.height() < MIN_SIDE:
            rect.setHeight(MIN_SIDE)
        return rect

    # --- drawing -----------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._extend(event.position())
            self.changed.emit()

    def _begin(self, point: QPointF) -> None:
        if self._image is not None:  # drawing replaces a loaded image
            self._image = None
        path = QPainterPath(point)
        self._strokes.append(path)
        self.update()

    def _extend(self, point: QPointF) -> None:
        if not self._strokes:
            self._begin(point)
        self._strokes[-1].lineTo(point)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(QColor("#c8ccd4"), 1, Qt.PenStyle.DashLine))
        baseline = int(self.height() * 0.75)
        painter.drawLine(12, baseline, self.width() - 12, baseline)
        if self._image is not None:
            scaled = self._image.scaled(self.size() - QSize(2 * MARGIN, 2 * MARGIN),
                                        Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.SmoothTransformation)
            painter.drawImage((self.width() - scaled.width()) // 2, (self.height() - scaled.height()) // 2, scaled)
        self._paint_strokes(painter)

    def _paint_strokes(self, painter: QPainter) -> None:
        pen = QPen(INK, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for path in self._strokes:
            painter.drawPath(path)
