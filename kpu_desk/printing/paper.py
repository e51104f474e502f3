"""Paper sizes the offices print on, and the margins of an official document."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm

PAPERS = {
    "a4": (210 * mm, 297 * mm),
    "f4": (215 * mm, 330 * mm),  # folio as sold in Indonesia (F4), not US folio
}
ORIENTATIONS = ("portrait", "landscape")


class PaperError(ValueError):
    pass


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    left: float = 15 * mm
    right: float = 15 * mm
    top: float = 12 * mm
    bottom: float = 16 * mm  # room for the footer line

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


def page_for(paper: str, orientation: str) -> Page:
    size = PAPERS.get(paper.lower())
    if size is None:
        raise PaperError(f"ukuran kertas '{paper}' tidak dikenal; pilih: {', '.join(PAPERS)}")
    if orientation not in ORIENTATIONS:
        raise PaperError(f"orientasi '{orientation}' tidak dikenal; pilih: {', '.join(ORIENTATIONS)}")
    short, long = size
    return Page(long, short) if orientation == "landscape" else Page(short, long)
