"""The chart's font: measuring text for the layout and drawing its broken lines.

The layout is in points and so is the scene, but a QFont in points is sized by
the paint device's DPI (a screen, a QImage, a 1200 dpi PDF writer), which would
make the text wider than the layout measured it. So the font has a fixed pixel
size (REF_PX) and is scaled to the block's size by the painter's transform:
the same width on every device, and the same width the layout measured.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QPainter

from kpu_desk.chart.model import TextBlock
from kpu_desk.chart.text import Measure

REF_PX = 100  # large enough that hinting and rounding of advances do not show
FAMILY = "DejaVu Sans"  # the face the printed SOP document uses


@cache
def chart_font(bold: bool = False) -> QFont:
    # The printed document's face where it is installed; any sans face elsewhere (a bare Windows PC).
    family = FAMILY if FAMILY in QFontDatabase.families() else QFont().defaultFamily()
    font = QFont(family)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(REF_PX)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)  # a line measured word by word must measure the same as a whole
    return font


@cache
def _metrics(bold: bool) -> QFontMetricsF:
    return QFontMetricsF(chart_font(bold))


def qt_measure() -> Measure:
    """A measure for layout_chart: widths in points as this module draws them."""
    widths: dict[tuple[str, bool], float] = {}

    def measure(text: str, size: float, bold: bool = False) -> float:
        key = (text, bold)
        width = widths.get(key)
        if width is None:
            width = widths[key] = _metrics(bold).horizontalAdvance(text)
        return width * size / REF_PX

    return measure


def draw_block(painter: QPainter, block: TextBlock) -> None:
    """Every line of the block at the place the layout gave it."""
    if not block.lines:
        return
    scale = block.size / REF_PX
    painter.save()
    painter.setFont(chart_font(block.bold))
    painter.scale(scale, scale)
    metrics = _metrics(block.bold)
    for i, line in enumerate(block.lines):
        x = block.line_x(metrics.horizontalAdvance(line) * scale)
        painter.drawText(QPointF(x / scale, block.baseline(i) / scale), line)
    painter.restore()


def draw_text(painter: QPainter, x: float, baseline: float, text: str, size: float, bold: bool = False) -> None:
    """One line of text at (x, baseline), `size` points high."""
    scale = size / REF_PX
    painter.save()
    painter.setFont(chart_font(bold))
    painter.scale(scale, scale)
    painter.drawText(QPointF(x / scale, baseline / scale), text)
    painter.restore()


def text_width(text: str, size: float, bold: bool = False) -> float:
    return _metrics(bold).horizontalAdvance(text) * size / REF_PX
