"""The bagan alur (swimlane flowchart) of an SOP, laid out once as plain data.

Painters: the Qt swimlane scene (kpu_desk/gui) and the printed SOP document
(kpu_desk/printing/chart_flowable.py). This package never imports Qt.

    layout = layout_chart(sop, width=1000)                    # screen: one page
    layout = layout_chart(sop, width=w, page_height=h,        # paper: pages
                          first_page_height=h1, measure=m)

Coordinates are points, origin at the top-left of each page's table, y down.
To paint a ChartPage, in this order:
  1. page.cells(): bordered rectangles (heading cells may be shaded; `heading`),
     each with an optional TextBlock: lines already broken, drawn at
     (block.line_x(width of the line), block.baseline(i)) in block.size (bold if
     block.bold). Measure with the same font the layout was measured with
     (pass your own `measure(text, size, bold)` to layout_chart).
  2. a white knock-out behind each arrow.label_block (so grid lines do not run
     through a branch label), then every arrow: a polyline through
     arrow.points with an arrowhead at the last point.
  3. page.shapes: capsule (rounded rectangle, radius height/2), rectangle,
     diamond (shape.outline()), white-filled over the arrows' ends.
  4. page.connectors: the pentagon connector.outline() with its letter
     (connector.label); then the branch labels' text.
Arrow.kind says flow / loop / offpage_out / offpage_in; source_step and
target_step name the steps it joins (for highlighting a case's path).
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
