"""ChartScene: the QGraphicsItems of one bagan alur layout (kpu_desk.chart).

Scene units are the layout's points. A paged layout (for paper) puts its pages
one below the other, PAGE_GAP apart; page_rect(n) is what a printer prints on
sheet n. The scene only draws the SOP: a case goes on it through
kpu_desk.gui.chart.marks.
"""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from kpu_desk.chart.model import ChartLayout, ChartPage
from kpu_desk.gui.chart import palette
from kpu_desk.gui.chart.arrows import ArrowItem, ConnectorItem, KnockoutItem, LabelItem
from kpu_desk.gui.chart.cells import CellsItem
from kpu_desk.gui.chart.steps import StepItem
from kpu_desk.sop.model import Sop

PAGE_GAP = 24.0


def stack_height(items: Sequence[QGraphicsItem]) -> float:
    """How much room items stacked above the table take (see ChartScene's header)."""
    return sum(item.boundingRect().height() for item in items)


class ChartScene(QGraphicsScene):
    """The chart's items; `header` items (a title, a legend) are stacked above the table, first on top."""

    def __init__(self, layout: ChartLayout, sop: Sop, header: Sequence[QGraphicsItem] = (), parent=None,
                 *, indexed: bool = True):
        super().__init__(parent)
        if not indexed:  # painted once (an export): building the BSP index would cost more than it saves
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.layout_data, self.sop = layout, sop
        self.steps: dict[int, StepItem] = {}
        self.rows: dict[int, CellsItem] = {}
        self.arrows: list[ArrowItem] = []
        self.labels: list[LabelItem] = []
        self.connectors: list[ConnectorItem] = []
        self.header = list(header)
        self._page_rects: list[QRectF] = []
        self.setBackgroundBrush(palette.WHITE)
        self._add_header()
        top = 0.0
        for page in layout.pages:
            self._add_page(page, top)
            top += page.height + PAGE_GAP
        self._fit_scene_rect()

    # -- look-ups -------------------------------------------------------------------

    def step_items(self) -> list[StepItem]:
        """Every step's item in the document's order."""
        return [self.steps[step.no] for step in self.sop.steps if step.no in self.steps]

    def item_for_step(self, step_no: int) -> StepItem:
        return self.steps[step_no]

    def page_count(self) -> int:
        return len(self._page_rects)

    def page_rect(self, number: int) -> QRectF:
        """Page `number` (from 1) of the table in scene coordinates; page 1 includes the title."""
        return QRectF(self._page_rects[number - 1])

    def chart_rect(self) -> QRectF:
        """Everything drawn: the table's pages and the header above them."""
        rect = QRectF()
        for page in self._page_rects:
            rect = rect.united(page)
        return rect

    # -- building ---------------------------------------------------------------------

    def _add_page(self, page: ChartPage, top: float) -> None:
        items: list[QGraphicsItem] = [CellsItem(page.heading)]
        items += [CellsItem(band.cells) for band in page.bands]
        for row in page.rows:
            self.rows[row.step_no] = CellsItem(row.cells, row.step_no)
            items.append(self.rows[row.step_no])
        items += self._arrow_items(page)
        for shape in page.shapes:
            self.steps[shape.step_no] = StepItem(shape, self.sop.step(shape.step_no).activity)
            items.append(self.steps[shape.step_no])
        for connector in page.connectors:
            self.connectors.append(ConnectorItem(connector))
            items.append(self.connectors[-1])
        for item in items:
            item.setPos(0, top)
            self.addItem(item)
        rect = QRectF(0, top, self.layout_data.width, page.height)
        if not self._page_rects and self.header:
            rect.setTop(-stack_height(self.header))
        self._page_rects.append(rect)

    def _arrow_items(self, page: ChartPage) -> list[QGraphicsItem]:
        items: list[QGraphicsItem] = []
        for arrow in page.arrows:
            self.arrows.append(ArrowItem(arrow))
            items.append(self.arrows[-1])
            if arrow.label_block is not None:
                self.labels.append(LabelItem(arrow.label_block, arrow))
                items += [KnockoutItem(arrow.label_block), self.labels[-1]]
        return items

    def _add_header(self) -> None:
        top = -stack_height(self.header)
        for item in self.header:
            item.setPos(0, top)
            self.addItem(item)
            top += item.boundingRect().height()

    def _fit_scene_rect(self) -> None:
        margin = 12.0
        self.setSceneRect(self.chart_rect().adjusted(-margin, -margin, margin, margin))
