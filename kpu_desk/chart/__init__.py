"""The bagan alur (swimlane flowchart) of an SOP, laid out once as plain data.

Painters: the Qt swimlane scene (kpu_desk/gui) and the printed SOP document
(kpu_desk/printing/sop_document.py). This package never imports Qt.
"""

from kpu_desk.chart.layout import layout_chart
from kpu_desk.chart.model import (
    Align,
    Arrow,
    ArrowKind,
    Band,
    Box,
    Cell,
    ChartLayout,
    ChartPage,
    ChartStyle,
    Column,
    Connector,
    Row,
    ShapeKind,
    SymbolShape,
    TextBlock,
)
from kpu_desk.chart.text import Measure, reportlab_measure, wrap

__all__ = [
    "Align", "Arrow", "ArrowKind", "Band", "Box", "Cell", "ChartLayout", "ChartPage", "ChartStyle",
    "Column", "Connector", "Measure", "Row", "ShapeKind", "SymbolShape", "TextBlock",
    "layout_chart", "reportlab_measure", "wrap",
]
