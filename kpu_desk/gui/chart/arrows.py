"""Arrows, their branch labels and the off-page connectors.

Paint order follows the printed chart (kpu_desk/printing/chart_flowable.py),
kept by z values: cells, white knock-outs behind branch labels, arrows,
symbols, connectors, then the labels' text on top.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from kpu_desk.chart.model import Arrow, Connector, TextBlock
from kpu_desk.gui.chart import palette
from kpu_desk.gui.chart.palette import ArrowState
from kpu_desk.gui.chart.text import draw_runs, prepare

Z_KNOCKOUT = 1.0
Z_ARROWS = 2.0
Z_CONNECTORS = 4.0
Z_LABELS = 5.0


class ArrowItem(QGraphicsItem):
    def __init__(self, arrow: Arrow):
        super().__init__()
        self.arrow = arrow
        self.state = ArrowState.PLAIN
        self._bounds = _points_bounds(arrow.points).adjusted(-4, -4, 4, 4)
        self.setZValue(Z_ARROWS)

    def set_state(self, state: ArrowState) -> None:
        if state is not self.state:
            self.state = state
            self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        look = palette.ARROW_LOOKS[self.state]
        points = [QPointF(x, y) for x, y in self.arrow.points]
        tip, before = points[-1], points[-2]
        unit = _unit(tip - before)
        # A thicker line needs a bigger head to stay visible; a short last run a shorter one.
        grow = 1.0 + (look.width - palette.ARROW_LINE) * 0.45
        length = min(palette.HEAD_LENGTH * grow, abs(tip.x() - before.x()) + abs(tip.y() - before.y()))
        base = tip - unit * length
        pen = QPen(look.line, look.width, look.style)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF(points[:-1] + [base]))  # stops at the head: the tip stays sharp
        half = palette.HEAD_HALF_WIDTH * grow
        normal = QPointF(-unit.y(), unit.x()) * half
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(look.line)
        painter.drawPolygon(QPolygonF([tip, base + normal, base - normal]))


class KnockoutItem(QGraphicsItem):
    """White behind a branch label, so that grid lines do not run through it."""

    def __init__(self, block: TextBlock):
        super().__init__()
        box = block.box
        self._rect = QRectF(box.x - 1, box.y - 1, box.width + 2, box.height + 2)
        self.setZValue(Z_KNOCKOUT)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.fillRect(self._rect, palette.WHITE)


class LabelItem(QGraphicsItem):
    """A branch label's text ("Ya", "Tidak", "Bersedia menemui")."""

    def __init__(self, block: TextBlock, arrow: Arrow):
        super().__init__()
        self.block, self.arrow = block, arrow
        self.dimmed = False
        self._runs = prepare([block])
        box = block.box
        self._rect = QRectF(box.x - 2, box.y - 2, box.width + 4, box.height + 4)
        self.setZValue(Z_LABELS)

    def set_dimmed(self, dimmed: bool) -> None:
        if dimmed != self.dimmed:
            self.dimmed = dimmed
            self.update()

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(palette.DIM_TEXT if self.dimmed else palette.BLACK)
        draw_runs(painter, self._runs)


class ConnectorItem(QGraphicsItem):
    """The lettered pentagon where the flow leaves a page or comes back on the next."""

    def __init__(self, connector: Connector):
        super().__init__()
        self.connector = connector
        self.state = ArrowState.PLAIN
        self._runs = prepare([connector.label] if connector.label is not None else [])
        self._path = QPainterPath()
        self._path.addPolygon(QPolygonF([QPointF(x, y) for x, y in connector.outline()]))
        self._path.closeSubpath()
        self.setZValue(Z_CONNECTORS)

    def set_state(self, state: ArrowState) -> None:
        if state is not self.state:
            self.state = state
            self.update()

    def boundingRect(self) -> QRectF:
        return self._path.boundingRect().adjusted(-2, -2, 2, 2)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        look = palette.ARROW_LOOKS[self.state]
        width = palette.OUTLINE if self.state is not ArrowState.TAKEN else palette.TAKEN_LINE
        painter.setPen(QPen(look.line, width, look.style))
        painter.setBrush(palette.WHITE)
        painter.drawPath(self._path)
        painter.setPen(look.line)
        draw_runs(painter, self._runs)


def _unit(vector: QPointF) -> QPointF:
    length = (vector.x() ** 2 + vector.y() ** 2) ** 0.5 or 1.0
    return QPointF(vector.x() / length, vector.y() / length)


def _points_bounds(points) -> QRectF:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
