"""ChartView: the bagan alur of an SOP on screen, with a case on it.

See kpu_desk.gui.chart for the public API. Zoom 1.0 is the chart at its true
size (a point is 1/72 inch on the screen), as it is printed.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeySequence, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsView, QToolTip, QWidget

from kpu_desk.chart import layout_chart
from kpu_desk.chart.case_marks import CaseMarks
from kpu_desk.chart.model import ChartLayout
from kpu_desk.gui.chart.marks import apply_marks
from kpu_desk.gui.chart.palette import StepState
from kpu_desk.gui.chart.scene import ChartScene
from kpu_desk.gui.chart.steps import StepItem
from kpu_desk.gui.chart.text import qt_measure
from kpu_desk.sop.model import Sop

SCREEN_WIDTH = 1000.0
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.1, 8.0


class ChartView(QGraphicsView):
    step_activated = Signal(int)  # Enter or a double click on a step: open its form or history
    step_focused = Signal(int)  # the keyboard focus moved to a step
    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._scene: ChartScene | None = None
        self._marks: CaseMarks | None = None
        self._focused: int | None = None
        self._zoom = 1.0
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(self.tr("Bagan alur"))

    # -- what the case window uses ------------------------------------------------

    def set_sop(self, sop: Sop, layout: ChartLayout | None = None) -> None:
        """Show the SOP's chart (laid out for the screen unless a layout is given); no case on it."""
        layout = layout or layout_chart(sop, width=SCREEN_WIDTH, measure=qt_measure())
        old, self._scene = self._scene, ChartScene(layout, sop, parent=self)
        self.setScene(self._scene)
        if old is not None:
            old.deleteLater()
        self._marks, self._focused = None, None
        apply_marks(self._scene, None)
        self.set_zoom(1.0)

    def show_case(self, marks: CaseMarks | None, now: datetime | None = None) -> None:
        """Mark the case's path, open step and overdue steps; None shows the bare SOP."""
        self._marks = marks
        if self._scene is not None:
            apply_marks(self._scene, marks, now)
            self._announce()

    def chart_scene(self) -> ChartScene | None:
        return self._scene

    def case_marks(self) -> CaseMarks | None:
        return self._marks

    def step_items(self) -> list[StepItem]:
        return self._scene.step_items() if self._scene else []

    def item_for_step(self, step_no: int) -> StepItem:
        return self._scene.item_for_step(step_no)

    def marked_open_step(self) -> int | None:
        """The step drawn as open (None without a case, or when the case has none)."""
        return next((i.step_no for i in self.step_items() if i.state is StepState.OPEN), None)

    # -- focus -------------------------------------------------------------------------

    def focused_step(self) -> int | None:
        return self._focused

    def focus_step(self, step_no: int) -> None:
        """Move the keyboard focus to a step and scroll it into view."""
        if self._focused == step_no or self._scene is None:
            return
        if self._focused is not None:
            self.item_for_step(self._focused).set_focused(False)
        self._focused = step_no
        item = self.item_for_step(step_no)
        item.set_focused(True)
        self.ensureVisible(item, 40, 40)
        self._announce()
        self.step_focused.emit(step_no)

    def _move_focus(self, delta: int) -> bool:
        """Next (delta 1) or previous (-1) step in the document's order; False past either end."""
        order = [item.step_no for item in self.step_items()]
        if not order:
            return False
        if self._focused not in order:
            self.focus_step(order[0] if delta > 0 else order[-1])
            return True
        index = order.index(self._focused) + delta
        if not 0 <= index < len(order):
            return False
        self.focus_step(order[index])
        return True

    def _announce(self) -> None:
        # Scene items have no accessibility interface of their own: the view describes the focused step.
        if self._focused is None:
            return
        self.setAccessibleDescription(self.item_for_step(self._focused).accessible_name())
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.DescriptionChanged))

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        if self._focused is None and self.step_items():
            self.focus_step(self.marked_open_step() or self.step_items()[0].step_no)

    def focusNextPrevChild(self, next_child: bool) -> bool:
        # Tab walks the steps; past the last (or before the first) it leaves the chart.
        if self.hasFocus() and self._move_focus(1 if next_child else -1):
            return True
        return super().focusNextPrevChild(next_child)

    # -- zoom --------------------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        self._zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        scale = self._zoom * self.logicalDpiX() / 72.0
        self.setTransform(QTransform.fromScale(scale, scale))
        self.zoom_changed.emit(self._zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit_to_window(self) -> None:
        """The whole chart in the window."""
        if self._scene is not None:
            self._fit(self._scene.chart_rect(), whole=True)

    def fit_width(self) -> None:
        """The chart as wide as the window; scroll down to the rest."""
        if self._scene is not None:
            middle = self.mapToScene(self.viewport().rect().center()).y()  # keep what is in view
            self._fit(self._scene.chart_rect(), whole=False)
            self.centerOn(QPointF(self._scene.chart_rect().center().x(), middle))

    def _fit(self, rect: QRectF, whole: bool) -> None:
        margin = 16
        viewport = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        per_point = self.logicalDpiX() / 72.0
        zoom = viewport.width() / rect.width() / per_point
        if whole:
            zoom = min(zoom, viewport.height() / rect.height() / per_point)
        self.set_zoom(zoom)
        if whole:
            self.centerOn(rect.center())

    # -- keyboard and mouse -----------------------------------------------------------

    def keyPressEvent(self, event) -> None:
        if self._zoom_key(event) or self._step_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _zoom_key(self, event) -> bool:
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.matches(QKeySequence.StandardKey.ZoomIn) or (control and event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal)):
            self.zoom_in()
        elif event.matches(QKeySequence.StandardKey.ZoomOut) or (control and event.key() == Qt.Key.Key_Minus):
            self.zoom_out()
        elif control and event.key() == Qt.Key.Key_0:
            self.fit_to_window()
        else:
            return False
        return True

    def _step_key(self, event) -> bool:
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._move_focus(1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._move_focus(-1)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End) and self.step_items():
            self.focus_step(self.step_items()[0 if key == Qt.Key.Key_Home else -1].step_no)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._focused is not None:
            self.step_activated.emit(self._focused)
        else:
            return False
        return True

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self._zoom * ZOOM_STEP ** steps)
            event.accept()
            return
        super().wheelEvent(event)

    def step_at(self, position) -> StepItem | None:
        """The step under a point of the viewport."""
        if self._scene is None:
            return None
        steps = self._scene.steps
        return next((i for i in self.items(position) if isinstance(i, StepItem) and steps.get(i.step_no) is i), None)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        return super().viewportEvent(event)

    def _show_tooltip(self, event) -> None:
        item = self.step_at(event.pos())
        text = item.tooltip_text() if item is not None else ""
        if text:
            area = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
            QToolTip.showText(event.globalPos(), text, self.viewport(), area)
        else:
            QToolTip.hideText()
            event.ignore()

    def mouseMoveEvent(self, event) -> None:
        # A pointing hand over a step says it can be opened (a double click).
        super().mouseMoveEvent(event)
        if not event.buttons():
            over_step = self.step_at(event.position().toPoint()) is not None
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over_step else Qt.CursorShape.OpenHandCursor)

    def mousePressEvent(self, event) -> None:
        item = self.step_at(event.position().toPoint())
        if item is not None:
            self.focus_step(item.step_no)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        item = self.step_at(event.position().toPoint())
        if item is not None:
            self.focus_step(item.step_no)
            self.step_activated.emit(item.step_no)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
