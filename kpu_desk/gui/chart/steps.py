"""A step's symbol on the chart, with the mark a case puts on it.

The marks are drawn as shapes, not as font glyphs (▶, ✓, !), so that they look
the same on a PC without a symbol font, in an SVG and in a PDF.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem

from kpu_desk.chart.model import ShapeKind, SymbolShape
from kpu_desk.gui.chart import palette
from kpu_desk.gui.chart.palette import StepState

Z_STEPS = 3.0
FOCUS_MARGIN = 3.5
BADGE_RADIUS = 4.2


Words = Callable[["StepItem"], str]


class StepItem(QGraphicsItem):
    """One step's symbol. `state`, `overdue` and the words are set by kpu_desk.gui.chart.marks.

    The accessible name and the tooltip are worded when asked for (a 300-step chart
    would otherwise word 600 texts that nobody reads); the view shows the tooltip.
    """

    def __init__(self, shape: SymbolShape, activity: str):
        super().__init__()
        self.shape_data = shape
        self.step_no = shape.step_no
        self.activity = activity
        self.state = StepState.PLAIN
        self.overdue = False
        self.focused = False
        self._name: Words = lambda item: ""
        self._tooltip: Words = lambda item: ""
        self._outline = _outline_path(shape)
        self.setZValue(Z_STEPS)

    # -- what the marks set ---------------------------------------------------

    def set_mark(self, state: StepState, overdue: bool, name: Words | None = None, tooltip: Words | None = None) -> None:
        self.state, self.overdue = state, overdue
        self._name = name or (lambda item: "")
        self._tooltip = tooltip or (lambda item: "")
        self.update()

    def set_focused(self, focused: bool) -> None:
        if focused != self.focused:
            self.focused = focused
            self.update()

    def accessible_name(self) -> str:
        """"Langkah 3: Petugas Jagat Saksana menanyakan … (terbuka, tenggat 10.42)"."""
        return self._name(self)

    def tooltip_text(self) -> str:
        """Rich text: the step and its lanes; who did it and when, or its due time and who must act."""
        return self._tooltip(self)

    # -- painting -----------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        # Room for the thickest outline, the focus ring and the overdue badge.
        margin = FOCUS_MARGIN + BADGE_RADIUS + 1.5
        return self._outline.boundingRect().adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        return self._outline

    def paint(self, painter: QPainter, option, widget=None) -> None:
        look = palette.step_look(self.state, self.overdue)
        pen = QPen(look.line, look.width, look.style)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(look.fill)
        painter.drawPath(self._outline)
        self._paint_marker(painter)
        if self.overdue:
            self._paint_badge(painter)
        if self.focused:
            self._paint_focus(painter)

    def _paint_marker(self, painter: QPainter) -> None:
        box = self.shape_data.box
        size = min(box.height * 0.55, 9.0)
        if self.state is StepState.OPEN:
            _play_marker(painter, box.cx, box.cy, size)
        elif self.state is StepState.DONE:
            _check_marker(painter, box.cx, box.cy, size)

    def _paint_badge(self, painter: QPainter) -> None:
        box = self.shape_data.box
        corner = QPointF(box.right, box.top) if self.shape_data.kind is not ShapeKind.DIAMOND else QPointF(
            box.cx + box.width / 4, box.top + box.height / 4)
        _exclamation_badge(painter, corner)

    def _paint_focus(self, painter: QPainter) -> None:
        pen = QPen(palette.BLACK, 0.9, Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        ring = self._outline.boundingRect().adjusted(-FOCUS_MARGIN, -FOCUS_MARGIN, FOCUS_MARGIN, FOCUS_MARGIN)
        painter.drawRoundedRect(ring, 2.0, 2.0)


def _outline_path(shape: SymbolShape) -> QPainterPath:
    path = QPainterPath()
    box = shape.box
    rect = QRectF(box.x, box.y, box.width, box.height)
    if shape.kind is ShapeKind.CAPSULE:
        radius = box.height / 2
        path.addRoundedRect(rect, radius, radius)
    elif shape.kind is ShapeKind.DIAMOND:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in shape.outline()]))
        path.closeSubpath()
    else:
        path.addRect(rect)
    return path


def _play_marker(painter: QPainter, cx: float, cy: float, size: float) -> None:
    """A white ▶ on the open step's dark fill."""
    half = size / 2
    triangle = QPolygonF([QPointF(cx - half * 0.8, cy - half), QPointF(cx + half, cy),
                          QPointF(cx - half * 0.8, cy + half)])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.WHITE)
    painter.drawPolygon(triangle)


def _check_marker(painter: QPainter, cx: float, cy: float, size: float) -> None:
    half = size / 2
    pen = QPen(palette.BLACK, 1.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(QPolygonF([QPointF(cx - half, cy), QPointF(cx - half * 0.25, cy + half * 0.75),
                                    QPointF(cx + half, cy - half * 0.8)]))


def _exclamation_badge(painter: QPainter, centre: QPointF) -> None:
    """A vermillion disc with a white "!" at the symbol's corner: overdue, readable without colour."""
    painter.setPen(QPen(palette.WHITE, 0.8))
    painter.setBrush(palette.OVERDUE_VERMILLION)
    painter.drawEllipse(centre, BADGE_RADIUS, BADGE_RADIUS)
    bar = QPen(palette.WHITE, 1.3)
    bar.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(bar)
    r = BADGE_RADIUS
    painter.drawLine(QPointF(centre.x(), centre.y() - r * 0.55), QPointF(centre.x(), centre.y() + r * 0.12))
    painter.drawPoint(QPointF(centre.x(), centre.y() + r * 0.5))
