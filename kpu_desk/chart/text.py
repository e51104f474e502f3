"""Measuring and breaking text into lines, so that every painter breaks it alike.

A measure function gives the width in points of a text at a font size, bold or
not. The default measures with reportlab's metrics of the font the printed SOP
uses; a Qt painter may pass one built on QFontMetricsF instead.
"""

from __future__ import annotations

from typing import Callable, Protocol


class Measure(Protocol):
    def __call__(self, text: str, size: float, bold: bool = False) -> float: ...


def reportlab_measure(regular: str, bold_font: str) -> Measure:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def measure(text: str, size: float, bold: bool = False) -> float:
        return stringWidth(text, bold_font if bold else regular, size)

    return measure


def default_measure() -> Measure:
    """Widths in the fonts the SOP document is printed with."""
    from kpu_desk.printing import fonts

    family = fonts.ensure_fonts()
    return reportlab_measure(family.regular, family.bold)


def wrap(text: str, width: float, size: float, measure: Measure, bold: bool = False) -> tuple[str, ...]:
    """Break at spaces (and at explicit line breaks) so no line is wider than width.

    A single word wider than the column is cut where it must be; that is rare
    (long file names, addresses) and better than spilling over the grid.
    """
    lines: list[str] = []
    for paragraph in (text or "").splitlines() or [""]:
        lines.extend(_wrap_paragraph(" ".join(paragraph.split()), width, size, measure, bold))
    while lines and not lines[-1]:
        lines.pop()
    return tuple(lines)


def _wrap_paragraph(text: str, width: float, size: float, measure: Measure, bold: bool) -> list[str]:
    if not text:
        return [""]

    def fits(candidate: str) -> bool:
        return measure(candidate, size, bold) <= width

    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if fits(candidate):
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while not fits(current) and len(current) > 1:
            cut = _break_point(current, fits)
            lines.append(current[:cut])
            current = current[cut:]
    lines.append(current)
    return lines


def _break_point(word: str, fits: Callable[[str], bool]) -> int:
    """Where to cut a word too wide for the line: after a slash or hyphen if one fits
    ("pejabat/ | personil"), else after as many characters as fit."""
    cut = 1
    while cut < len(word) and fits(word[: cut + 1]):
        cut += 1
    soft = max((i + 1 for i in range(cut) if word[i] in "/-" and i + 1 < len(word)), default=0)
    return soft or cut
