"""The SOP document on paper: the identity page(s), then the bagan alur.

The bagan alur is painted from the same layout the swimlane view uses
(kpu_desk.chart), broken into pages with the column heading repeated and
lettered off-page connectors at the breaks. Every page is numbered
"Halaman X dari Y".
"""

from __future__ import annotations

import os
from typing import BinaryIO

from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph
from xml.sax.saxutils import escape

from kpu_desk.chart import ChartLayout, layout_chart, reportlab_measure
from kpu_desk.printing.chart_flowable import ChartPageFlowable
from kpu_desk.printing.fonts import ensure_fonts
from kpu_desk.printing.numbered_canvas import numbered_canvas
from kpu_desk.printing.paper import Page, page_for
from kpu_desk.printing.sop_header import header_flowables, ketentuan
from kpu_desk.printing.styles import stylesheet
from kpu_desk.sop.model import Sop

DEFAULT_PAPER = "f4"
DEFAULT_ORIENTATION = "landscape"  # the signed documents print the bagan alur across the sheet
_SAFETY = 2.0  # points kept free so rounding never pushes a chart page over the frame


def chart_title(sop: Sop) -> str:
    if sop.header.chart_title:
        return sop.header.chart_title
    # Names are kept verbatim, down to a list's trailing ";" that has no place in a title.
    name = sop.header.name.rstrip(" ;,.").upper()
    if name.startswith("BAGAN ALUR"):
        return name
    return f"BAGAN {name}" if name.startswith("ALUR ") else f"BAGAN ALUR {name}"


def footer_text(sop: Sop) -> str:
    return f"SOP Nomor {sop.header.number} · {sop.header.name.rstrip(' ;,.')}"


def render_sop_document(
    sop: Sop,
    path_or_file: str | os.PathLike | BinaryIO,
    paper: str = DEFAULT_PAPER,
    orientation: str = DEFAULT_ORIENTATION,
) -> int:
    """Write the SOP document as a PDF; the number of pages."""
    if isinstance(path_or_file, os.PathLike):
        path_or_file = os.fspath(path_or_file)
    page = page_for(paper, orientation)
    fonts = ensure_fonts()
    document = BaseDocTemplate(
        path_or_file,
        pagesize=(page.width, page.height),
        leftMargin=page.left, rightMargin=page.right, topMargin=page.top, bottomMargin=page.bottom,
        title=f"SOP {sop.header.number} {sop.header.name}",
        author=sop.header.office,
        subject="Standar Operasional Prosedur",
        creator="KPU Desk",
        invariant=True,
    )
    frame = Frame(page.left, page.bottom, page.frame_width, page.frame_height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document.addPageTemplates([PageTemplate(id="sop", frames=[frame])])
    story = header_flowables(sop.header, page.frame_width) + [PageBreak()] + chart_flowables(sop, page, fonts)
    story += ketentuan(sop.header)
    document.build(story, canvasmaker=numbered_canvas(footer_text(sop)))
    return document.page


def chart_layout(sop: Sop, page: Page, fonts=None) -> tuple[Paragraph, ChartLayout]:
    """The chart's title and its layout, broken into pages of this paper."""
    fonts = fonts or ensure_fonts()
    title = Paragraph(escape(chart_title(sop)), stylesheet()["ChartTitle"])
    _, title_height = title.wrap(page.frame_width, page.frame_height)
    title_room = title_height + title.getSpaceAfter()
    layout = layout_chart(
        sop,
        width=page.frame_width,
        page_height=page.frame_height - _SAFETY,
        first_page_height=page.frame_height - title_room - _SAFETY,
        measure=reportlab_measure(fonts.regular, fonts.bold),
        font_size=7.5 if page.frame_width > 700 else 7.0,
    )
    return title, layout


def chart_flowables(sop: Sop, page: Page, fonts) -> list:
    title, layout = chart_layout(sop, page, fonts)
    story: list = [title]
    for i, chart_page in enumerate(layout.pages):
        if i:
            story.append(PageBreak())
        story.append(ChartPageFlowable(layout, chart_page, fonts))
    return story
