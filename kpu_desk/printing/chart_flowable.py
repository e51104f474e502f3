"""Painting one page of a bagan alur layout with reportlab.

The layout (kpu_desk.chart) has y growing downwards from the table's top; PDF
y grows upwards, so every y is flipped here. Black lines on white, a light grey
only behind the column heading: it prints the same on a greyscale printer.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from kpu_desk.chart.model import Arrow, Cell, ChartLayout, ChartPage, Connector, ShapeKind, SymbolShape, TextBlock
from kpu_desk.printing.fonts import FontFamily

GRID = 0.5
OUTLINE = 0.8
ARROW_LINE = 0.7
HEAD_LENGTH = 4.2
HEAD_HALF_WIDTH = 2.1
HEADING_FILL = 0.88  # grey level of the column heading


class ChartPageFlowable(Flowable):
    """One page of the chart, exactly as wide as the layout and as tall as the page's table."""

    def __init__(self, layout: ChartLayout, page: ChartPage, fonts: FontFamily):
        super().__init__()
        self.layout, self.page, self.fonts = layout, page, fonts
        self.width, self.height = layout.width, page.height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def _y(self, y: float) -> float:
        return self.height - y

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeGray(0)
        for cell in self.page.cells():
            self._cell(cell)
        # Grid lines must not run through a branch label; arrows, drawn after, stay whole.
        for arrow in self.page.arrows:
            if arrow.label_block:
                self._knock_out(arrow.label_block)
        for arrow in self.page.arrows:
            self._arrow(arrow)
        for shape in self.page.shapes:
            self._shape(shape)
        for connector in self.page.connectors:
            self._connector(connector)
        for arrow in self.page.arrows:
            if arrow.label_block:
                self._text(arrow.label_block)
        canvas.restoreState()

    def _cell(self, cell: Cell) -> None:
        box, canvas = cell.box, self.canv
        canvas.setLineWidth(GRID)
        if cell.heading:
            canvas.setFillGray(HEADING_FILL)
        canvas.rect(box.x, self._y(box.bottom), box.width, box.height, stroke=1, fill=1 if cell.heading else 0)
        canvas.setFillGray(0)
        if cell.text:
            self._text(cell.text)

    def _knock_out(self, block: TextBlock) -> None:
        box = block.box
        self.canv.setFillGray(1)
        self.canv.rect(box.x - 1, self._y(box.bottom) - 1, box.width + 2, box.height + 2, stroke=0, fill=1)
        self.canv.setFillGray(0)

    def _text(self, block: TextBlock) -> None:
        font = self.fonts.bold if block.bold else self.fonts.regular
        self.canv.setFont(font, block.size)
        self.canv.setFillGray(0)
        for i, line in enumerate(block.lines):
            x = block.line_x(stringWidth(line, font, block.size))
            self.canv.drawString(x, self._y(block.baseline(i)), line)

    def _shape(self, shape: SymbolShape) -> None:
        canvas, box = self.canv, shape.box
        canvas.setLineWidth(OUTLINE)
        canvas.setFillGray(1)
        bottom = self._y(box.bottom)
        if shape.kind is ShapeKind.CAPSULE:
            canvas.roundRect(box.x, bottom, box.width, box.height, box.height / 2, stroke=1, fill=1)
        elif shape.kind is ShapeKind.RECTANGLE:
            canvas.rect(box.x, bottom, box.width, box.height, stroke=1, fill=1)
        else:
            self._polygon(shape.outline())
        canvas.setFillGray(0)

    def _polygon(self, points) -> None:
        path = self.canv.beginPath()
        first, *rest = points
        path.moveTo(first[0], self._y(first[1]))
        for x, y in rest:
            path.lineTo(x, self._y(y))
        path.close()
        self.canv.drawPath(path, stroke=1, fill=1)

    def _connector(self, connector: Connector) -> None:
        self.canv.setLineWidth(OUTLINE)
        self.canv.setFillGray(1)
        self._polygon(connector.outline())
        self.canv.setFillGray(0)
        if connector.label:
            self._text(connector.label)

    def _arrow(self, arrow: Arrow) -> None:
        canvas = self.canv
        canvas.setLineWidth(ARROW_LINE)
        points = [(x, self._y(y)) for x, y in arrow.points]
        # Stop the line at the arrowhead's base so the tip stays sharp.
        *body, (tip_x, tip_y) = points
        prev_x, prev_y = body[-1]
        dx, dy = _unit(tip_x - prev_x, tip_y - prev_y)
        # A last run shorter than the head (a short step into a side vertex) gets a shorter head.
        length = min(HEAD_LENGTH, abs(tip_x - prev_x) + abs(tip_y - prev_y))
        base = (tip_x - dx * length, tip_y - dy * length)
        path = canvas.beginPath()
        path.moveTo(*points[0])
        for point in body[1:]:
            path.lineTo(*point)
        path.lineTo(*base)
        canvas.drawPath(path, stroke=1, fill=0)
        head = canvas.beginPath()
        head.moveTo(tip_x, tip_y)
        head.lineTo(base[0] - dy * HEAD_HALF_WIDTH, base[1] + dx * HEAD_HALF_WIDTH)
        head.lineTo(base[0] + dy * HEAD_HALF_WIDTH, base[1] - dx * HEAD_HALF_WIDTH)
        head.close()
        canvas.drawPath(head, stroke=0, fill=1)


def _unit(dx: float, dy: float) -> tuple[float, float]:
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    return dx / length, dy / length
