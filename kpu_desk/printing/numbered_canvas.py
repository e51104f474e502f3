"""A canvas that knows the page count, for footers reading "Halaman X dari Y".

reportlab only learns the number of pages at the end, so each page's drawing
is kept and the footers are added when the document is saved.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kpu_desk.printing.fonts import ensure_fonts


def page_footer(number: int, total: int) -> str:
    return f"Halaman {number} dari {total}"


def numbered_canvas(left_text: str = ""):
    """A canvasmaker for BaseDocTemplate.build; left_text identifies the document."""
    family = ensure_fonts()

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_footer(total)
                super().showPage()
            super().save()

        def _draw_footer(self, total: int) -> None:
            width, _ = self._pagesize
            y = 8 * mm
            self.saveState()
            self.setLineWidth(0.4)
            self.line(15 * mm, y + 3.5 * mm, width - 15 * mm, y + 3.5 * mm)
            self.setFont(family.regular, 7.5)
            number = page_footer(self._pageNumber, total)
            self.drawRightString(width - 15 * mm, y, number)
            room = width - 30 * mm - self.stringWidth(number, family.regular, 7.5) - 6 * mm
            if left_text:
                self.drawString(15 * mm, y, _fit(left_text, room, lambda t: self.stringWidth(t, family.regular, 7.5)))
            self.restoreState()

    return NumberedCanvas


def _fit(text: str, room: float, width) -> str:
    """The text, shortened with an ellipsis when it would run into the page number."""
    if width(text) <= room:
        return text
    while text and width(text + "…") > room:
        text = text[:-1]
    return text.rstrip() + "…"
