"""Fonts for printed documents.

DejaVu Sans covers every character the offices type (°, –, “ ”, é) and
embeds in the PDF, so a page looks the same on every printer. When it is not
installed (a bare Windows PC without the bundled fonts) Helvetica stands in.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kpu_desk.paths import resources_dir

FAMILY = "DejaVuSans"
_FILES = {
    "DejaVuSans": "DejaVuSans.ttf",
    "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}
_SYSTEM_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
    Path("C:/Windows/Fonts"),
)


@dataclass(frozen=True)
class FontFamily:
    regular: str
    bold: str
    italic: str
    bold_italic: str

    @property
    def name(self) -> str:
        return self.regular


HELVETICA = FontFamily("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")
DEJAVU = FontFamily(*_FILES)


def _search_dirs() -> list[Path]:
    try:
        bundled = [resources_dir() / "fonts"]
    except FileNotFoundError:
        bundled = []
    return bundled + list(_SYSTEM_DIRS)


def _find(file_name: str) -> Path | None:
    return next((d / file_name for d in _search_dirs() if (d / file_name).is_file()), None)


@cache
def ensure_fonts() -> FontFamily:
    """Register DejaVu Sans once; the family to print with."""
    paths = {face: _find(file_name) for face, file_name in _FILES.items()}
    if any(path is None for path in paths.values()):
        return HELVETICA
    for face, path in paths.items():
        pdfmetrics.registerFont(TTFont(face, str(path)))
    # Let <b> and <i> in paragraphs pick the right face of the family.
    addMapping(FAMILY, 0, 0, DEJAVU.regular)
    addMapping(FAMILY, 1, 0, DEJAVU.bold)
    addMapping(FAMILY, 0, 1, DEJAVU.italic)
    addMapping(FAMILY, 1, 1, DEJAVU.bold_italic)
    return DEJAVU
