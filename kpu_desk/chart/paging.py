"""Breaking the rows of a bagan alur into pages of paper.

A row never splits. Every page repeats the column heading. Room is kept for a
band of off-page connectors at the top of every page after the first and at the
bottom of every page that is not the last, because the flow almost always
crosses a page break; the first page gets a top band only when a loop comes
back to it.
"""

from __future__ import annotations


def paginate(
    heights: list[float],
    heading: float,
    page_height: float | None,
    band: float,
    first_page_height: float | None = None,
    top_band_on_first: bool = False,
) -> list[list[int]]:
    """Indices of the rows on each page, in order."""
    if page_height is None:
        return [list(range(len(heights)))]
    pages: list[list[int]] = []
    start = 0
    while start < len(heights):
        number = len(pages)
        available = (first_page_height or page_height) if number == 0 else page_height
        available -= heading
        if number > 0 or top_band_on_first:
            available -= band
        end = _fill(heights, start, available, band)
        pages.append(list(range(start, end)))
        start = end
    return pages or [[]]


def _fill(heights: list[float], start: int, available: float, band: float) -> int:
    """One past the last row that fits; at least one row, even a too-tall one."""
    if sum(heights[start:]) <= available:
        return len(heights)  # the last page needs no band at its bottom
    used, end = 0.0, start
    while end < len(heights) and used + heights[end] <= available - band:
        used += heights[end]
        end += 1
    return max(end, start + 1)
