"""The table of a bagan alur: bordered cells with their text, one item per row.

One item per row (not per cell) keeps a 300-step chart at a few hundred items,
and lets the scene's index skip the rows that are off screen.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem

from kpu_desk.chart.model import Cell
from kpu_desk.gui.chart import palette
from kpu_desk.gui.chart.text import draw_runs, prepare

Z_CELLS = 0.0


class CellsItem(QGraphicsItem):
    """A group of cells: the heading, a connector band, or one step's row (step_no set)."""

    def __init__(self, cells: Sequence[Cell], step_no: int | None = None):
        super().__init__()
        self.cells = tuple(cells)
        self.step_no = step_no
        self.tint: QColor | None = None
        self.text_color = palette.BLACK
        self._shaded = [_rect(c) for c in self.cells if c.heading]
        self._plain = [_rect(c) for c in self.cells if not c.heading]
        self._runs = prepare(c.text for c in self.cells if c.text is not None)
        self._bounds = _bounds(self.cells)
        self.setZValue(Z_CELLS)

    def set_tint(self, tint: QColor | None) -> None:
        if tint != self.tint:
            self.tint = tint
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.save()
        # A grid line is axis-aligned: without antialiasing it lands on whole pixels, crisp in a PNG
        # and on screen instead of a grey smear two pixels wide (PDF and SVG stay exact either way).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        grid = QPen(palette.BLACK, palette.GRID)
        grid.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(grid)
        if self._shaded:
            painter.setBrush(palette.HEADING_FILL)
            painter.drawRects(self._shaded)
        if self._plain:
            painter.setBrush(self.tint if self.tint is not None else Qt.BrushStyle.NoBrush)
            painter.drawRects(self._plain)
        painter.restore()
        painter.setPen(self.text_color)
        draw_runs(painter, self._runs)


def _rect(cell: Cell) -> QRectF:
    box = cell.box
    return QRectF(box.x, box.y, box.width, box.height)


def _bounds(cells: Sequence[Cell]) -> QRectF:
    if not cells:
        return QRectF()
    left, top = min(c.box.x for c in cells), min(c.box.y for c in cells)
    right, bottom = max(c.box.right for c in cells), max(c.box.bottom for c in cells)
    half = palette.GRID  # half the grid line lies outside the cells, and a pixel's rounding
    return QRectF(left - half, top - half, right - left + 2 * half, bottom - top + 2 * half)
