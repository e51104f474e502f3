"""What an exported chart carries around the table: its title above, and below it a
legend of the case's marks, so that a printed page explains itself without colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtWidgets import QGraphicsItem

from kpu_desk.chart.model import Align, Arrow, Box, ShapeKind, SymbolShape, TextBlock
from kpu_desk.chart.text import wrap
from kpu_desk.gui.chart import palette
from kpu_desk.gui.chart.arrows import ArrowItem
from kpu_desk.gui.chart.palette import ArrowState, StepState
from kpu_desk.gui.chart.steps import StepItem
from kpu_desk.gui.chart.text import draw_runs, prepare, qt_measure

TITLE_SIZE = 10.0
TITLE_SPACE = 8.0  # between the title and the table
LEGEND_SIZE = 7.5
LEGEND_SPACE = 10.0  # between the table and the legend


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChartLegend", text)


class TitleItem(QGraphicsItem):
    """The chart's title, bold and centred over the table, as on the signed document."""

    def __init__(self, title: str, width: float):
        super().__init__()
        lines = wrap(title, width, TITLE_SIZE, qt_measure(), bold=True)
        height = len(lines) * TITLE_SIZE * 1.25
        self.block = TextBlock(Box(0, 0, width, height), lines, TITLE_SIZE, TITLE_SIZE * 1.25, bold=True,
                               align=Align.CENTER)
        self._rect = QRectF(0, 0, width, height + TITLE_SPACE)
        self._runs = prepare([self.block])

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        painter.setPen(palette.BLACK)
        draw_runs(painter, self._runs)


class TextItem(QGraphicsItem):
    def __init__(self, block: TextBlock):
        super().__init__()
        self.block = block
        box = block.box
        self._rect = QRectF(box.x, box.y, box.width, box.height)
        self._runs = prepare([block])

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        painter.setPen(palette.BLACK)
        draw_runs(painter, self._runs)


class LegendItem(QGraphicsItem):
    """A line about the case, then one sample of each mark with its meaning, flowing onto
    a second line when the page is narrow."""

    SAMPLE_W, SAMPLE_H, GAP, LINE = 22.0, 11.0, 14.0, 15.0

    def __init__(self, case_line: str, width: float):
        super().__init__()
        self._width, self._measure = width, qt_measure()
        self._x, self._y = 0.0, 0.0
        self._text(case_line, bold=True)
        self._x, self._y = 0.0, self.LINE
        for state, overdue, text in self._entries():
            self._make_room(self.SAMPLE_W + 5 + self._measure(text, LEGEND_SIZE))
            self._sample(state, overdue)
            self._text(text)
        self._make_room(self.SAMPLE_W + 11 + self._measure(_tr("alur yang sudah ditempuh"), LEGEND_SIZE))
        self._arrow_sample()
        self._text(_tr("alur yang sudah ditempuh"))
        self._rect = QRectF(0, 0, width, self._y + self.LINE + LEGEND_SPACE)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(self, painter, option, widget=None) -> None:
        pass  # the samples and texts are child items

    @staticmethod
    def _entries():
        return ((StepState.OPEN, False, _tr("langkah terbuka")), (StepState.DONE, False, _tr("selesai")),
                (StepState.PENDING, False, _tr("belum")), (StepState.UNTAKEN, False, _tr("cabang tidak ditempuh")),
                (StepState.OPEN, True, _tr("terlambat")))

    def _make_room(self, width: float) -> None:
        if self._x > 0 and self._x + width > self._width:
            self._x, self._y = 0.0, self._y + self.LINE

    def _sample(self, state: StepState, overdue: bool) -> None:
        shape = SymbolShape(0, ShapeKind.RECTANGLE, Box(self._x + 2, self._y, self.SAMPLE_W - 4, self.SAMPLE_H), ())
        item = StepItem(shape, "")
        item.set_mark(state, overdue)
        item.setParentItem(self)
        self._x += self.SAMPLE_W + 5

    def _arrow_sample(self) -> None:
        y = self._y + self.SAMPLE_H / 2
        item = ArrowItem(Arrow(0, 0, ((self._x, y), (self._x + self.SAMPLE_W + 6, y))))
        item.set_state(ArrowState.TAKEN)
        item.setParentItem(self)
        self._x += self.SAMPLE_W + 11

    def _text(self, text: str, bold: bool = False) -> None:
        width = self._measure(text, LEGEND_SIZE, bold) + 1
        block = TextBlock(Box(self._x, self._y, width, self.SAMPLE_H), (text,), LEGEND_SIZE, LEGEND_SIZE * 1.2,
                          bold=bold, middle=True)
        TextItem(block).setParentItem(self)
        self._x += width + self.GAP
