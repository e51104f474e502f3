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
from kpu_desk.gui.chart.text import draw_block

Z_CELLS = 0.0


class CellsItem(QGraphicsItem):
    """A group of cells: the heading, a connector band, or one step's row (step_no set)."""

    def __init__(self, cells: Sequence[Cell], step_no: int | None = None):
        super().__init__()
        self.cells = tuple(cells)
        self.step_no = step_no
        self.tint: QColor | None = None
        self.text_color = palette.BLACK
        self._bounds = _bounds(self.cells)
        self.setZValue(Z_CELLS)

    def set_tint(self, tint: QColor | None) -> None:
        if tint != self.tint:
            self.tint = tint
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        grid = QPen(palette.BLACK, palette.GRID)
        grid.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(grid)
        for cell in self.cells:
            painter.setBrush(self._fill(cell))
            painter.drawRect(_rect(cell))
        painter.setPen(self.text_color)
        for cell in self.cells:
            if cell.text is not None:
                draw_block(painter, cell.text)

    def _fill(self, cell: Cell) -> QColor | Qt.BrushStyle:
        if cell.heading:
            return palette.HEADING_FILL
        return self.tint if self.tint is not None else Qt.BrushStyle.NoBrush


def _rect(cell: Cell) -> QRectF:
    box = cell.box
    return QRectF(box.x, box.y, box.width, box.height)


def _bounds(cells: Sequence[Cell]) -> QRectF:
    if not cells:
        return QRectF()
    bounds = _rect(cells[0])
    for cell in cells[1:]:
        bounds = bounds.united(_rect(cell))
    # Half the grid line lies outside the cells.
    return bounds.adjusted(-palette.GRID, -palette.GRID, palette.GRID, palette.GRID)
