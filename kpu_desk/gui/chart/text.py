"""The chart's font: measuring text for the layout and drawing its broken lines.

The layout is in points and so is the scene, but a QFont in points is sized by
the paint device's DPI (a screen, a QImage, a 1200 dpi PDF writer), which would
make the text wider than the layout measured it. So the font has a fixed pixel
size (REF_PX) and is scaled to the block's size by the painter's transform:
the same width on every device, and the same width the layout measured.

Widths are kept once measured (the same few thousand words come back in every
layout), and an item prepares its lines once (TextRuns) so that painting is one
drawText per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Iterable

from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QPainter

from kpu_desk.chart.model import Align, TextBlock
from kpu_desk.chart.text import Measure

REF_PX = 100  # large enough that hinting and rounding of advances do not show
FAMILY = "DejaVu Sans"  # the face the printed SOP document uses
CACHE_LIMIT = 200_000  # widths kept; about 20 MB at most

_widths: dict[tuple[str, bool], float] = {}


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


def ref_width(text: str, bold: bool = False) -> float:
    """Width of text in the REF_PX font."""
    key = (text, bold)
    width = _widths.get(key)
    if width is None:
        if len(_widths) > CACHE_LIMIT:
            _widths.clear()
        width = _widths[key] = _metrics(bold).horizontalAdvance(text)
    return width


def qt_measure() -> Measure:
    """A measure for layout_chart: widths in points as this module draws them."""

    def measure(text: str, size: float, bold: bool = False) -> float:
        return ref_width(text, bold) * size / REF_PX

    return measure


@dataclass(frozen=True)
class TextRun:
    """Lines of one size and weight, placed in the scaled coordinates they are drawn in."""

    size: float
    bold: bool
    lines: tuple[tuple[QPointF, str], ...]


def prepare(blocks: Iterable[TextBlock]) -> tuple[TextRun, ...]:
    """The blocks' lines grouped by size and weight, each at its place (see TextBlock)."""
    groups: dict[tuple[float, bool], list[tuple[QPointF, str]]] = {}
    for block in blocks:
        if block.lines:
            groups.setdefault((block.size, block.bold), []).extend(_placed(block))
    return tuple(TextRun(size, bold, tuple(lines)) for (size, bold), lines in groups.items() if lines)


def _placed(block: TextBlock) -> list[tuple[QPointF, str]]:
    scale = block.size / REF_PX
    first = block.baseline(0)
    if block.align is Align.LEFT:  # starts at the box's edge whatever its width: nothing to measure
        x = block.line_x(0.0) / scale
        return [(QPointF(x, (first + i * block.leading) / scale), line) for i, line in enumerate(block.lines) if line]
    return [(QPointF(block.line_x(ref_width(line, block.bold) * scale) / scale, (first + i * block.leading) / scale), line)
            for i, line in enumerate(block.lines) if line]


def draw_runs(painter: QPainter, runs: Iterable[TextRun]) -> None:
    for run in runs:
        scale = run.size / REF_PX
        painter.save()
        painter.setFont(chart_font(run.bold))
        painter.scale(scale, scale)
        for point, line in run.lines:
            painter.drawText(point, line)
        painter.restore()


def draw_block(painter: QPainter, block: TextBlock) -> None:
    """Every line of the block at the place the layout gave it (for the few one-off texts)."""
    draw_runs(painter, prepare([block]))
