"""The table of the bagan alur: its columns, its heading and the text cells of each step's row.

The column order is the official one (Permenpan-RB 35/2012): No | Kegiatan |
one column per Pelaksana | Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan.
"""

from __future__ import annotations

from dataclasses import dataclass

from kpu_desk.chart.model import Align, Box, Cell, ChartStyle, Column, TextBlock
from kpu_desk.chart.text import Measure, wrap
from kpu_desk.sop.model import Lane, Sop, Step

# Relative widths measured off the signed documents: Kegiatan takes about a
# quarter of the width, each lane about a tenth, the mutu baku a third.
_TEXT_WEIGHTS = {"no": 3.5, "kegiatan": 24.0, "kelengkapan": 12.0, "waktu": 7.0, "output": 11.5, "keterangan": 10.0}
_LANE_WEIGHT = 9.0
MIN_LANE_WIDTH = 46.0
_BEFORE_LANES = ("no", "kegiatan")
_AFTER_LANES = ("kelengkapan", "waktu", "output", "keterangan")
TITLES = {
    "no": "No",
    "kegiatan": "Kegiatan",
    "kelengkapan": "Kelengkapan",
    "waktu": "Waktu",
    "output": "Output",
    "keterangan": "Keterangan",
}
GROUP_PELAKSANA = "Pelaksana"
GROUP_MUTU_BAKU = "Mutu Baku"


# Narrowest a text column may get: "1.", "1 hari kerja", and words like "Kelengkapan".
_MIN_TEXT_WIDTH = {"no": 18.0, "kegiatan": 90.0, "kelengkapan": 54.0, "waktu": 44.0, "output": 52.0, "keterangan": 52.0}
LANE_FLOOR = 40.0  # lanes give way to the text columns down to this, never further


def compute_columns(sop: Sop, width: float) -> tuple[Column, ...]:
    lanes = len(sop.lanes)
    text_total = sum(_TEXT_WEIGHTS.values())
    lane_width = width * _LANE_WEIGHT / (text_total + _LANE_WEIGHT * lanes)
    lane_width = max(lane_width, MIN_LANE_WIDTH)
    # Narrow paper: the lanes keep their minimum, the text columns share the rest ...
    text_scale = (width - lane_width * lanes) / text_total
    text_widths = {key: weight * text_scale for key, weight in _TEXT_WEIGHTS.items()}
    # ... unless that leaves a text column too narrow for its words: then lanes and
    # Kegiatan (the widest) give up what it lacks.
    lacking = {key: least - text_widths[key] for key, least in _MIN_TEXT_WIDTH.items() if text_widths[key] < least}
    for key in lacking:
        text_widths[key] = _MIN_TEXT_WIDTH[key]
    deficit = sum(lacking.values())
    from_lanes = min(deficit, max(lane_width - LANE_FLOOR, 0.0) * lanes)
    lane_width -= from_lanes / lanes
    text_widths["kegiatan"] -= deficit - from_lanes
    widths: list[tuple[str, float, Lane | None]] = [(key, text_widths[key], None) for key in _BEFORE_LANES]
    widths += [(f"lane:{lane.id}", lane_width, lane) for lane in sop.lanes]
    widths += [(key, text_widths[key], None) for key in _AFTER_LANES]
    columns, x = [], 0.0
    for key, w, lane in widths:
        title = lane.name if lane else TITLES[key]
        columns.append(Column(key, title, x, w, lane.id if lane else None))
        x += w
    return tuple(columns)


@dataclass(frozen=True)
class Heading:
    cells: tuple[Cell, ...]
    height: float


def build_heading(columns: tuple[Column, ...], style: ChartStyle, measure: Measure) -> Heading:
    """Two heading rows: the groups Pelaksana and Mutu Baku over their columns."""
    lanes = [c for c in columns if c.lane_id]
    mutu = [c for c in columns if c.key in ("kelengkapan", "waktu", "output")]

    def block(text: str, w: float) -> tuple[str, ...]:
        return wrap(text, w - 2 * style.cell_padding, style.heading_size, measure, bold=True)

    leading = style.heading_size * style.leading_factor
    top = leading + 2 * style.cell_padding
    lower_lines = max(len(block(c.title, c.width)) for c in lanes + mutu)
    spanning = [c for c in columns if c.key in ("no", "kegiatan", "keterangan")]
    full_lines = max(len(block(c.title, c.width)) for c in spanning)
    height = max(top + lower_lines * leading + 2 * style.cell_padding, full_lines * leading + 2 * style.cell_padding)
    lower = height - top

    def cell(text: str, x: float, y: float, w: float, h: float) -> Cell:
        size = _size_to_fit_words(text, w - 2 * style.cell_padding, style.heading_size, measure)
        lines = wrap(text, w - 2 * style.cell_padding, size, measure, bold=True)
        box = Box(x, y, w, h)
        return Cell(box, TextBlock(box, lines, size, size * style.leading_factor, True, Align.CENTER, style.cell_padding, True), True)

    cells = [cell(c.title, c.x, 0.0, c.width, height) for c in spanning]
    cells.append(cell(GROUP_PELAKSANA, lanes[0].x, 0.0, lanes[-1].right - lanes[0].x, top))
    cells.append(cell(GROUP_MUTU_BAKU, mutu[0].x, 0.0, mutu[-1].right - mutu[0].x, top))
    cells.extend(cell(c.title, c.x, top, c.width, lower) for c in lanes + mutu)
    cells.sort(key=lambda c: (c.box.y, c.box.x))
    return Heading(tuple(cells), height)


def _size_to_fit_words(text: str, width: float, size: float, measure: Measure, smallest: float = 5.0) -> float:
    """A heading's font size, smaller if need be so that no word of it is cut."""
    words = text.replace("/", "/ ").split() or [""]
    while size > smallest and max(measure(word, size, True) for word in words) > width:
        size -= 0.25
    return size


def step_texts(step: Step) -> dict[str, str]:
    """What each text column of a step's row says, as written in the SOP."""
    return {
        "no": f"{step.no}.",
        "kegiatan": step.activity,
        "kelengkapan": step.mutu_baku.kelengkapan,
        "waktu": step.mutu_baku.waktu.as_written,
        "output": step.mutu_baku.output,
        "keterangan": step.keterangan,
    }


_CENTRED = {"no", "waktu"}


def text_blocks(step: Step, columns: tuple[Column, ...], style: ChartStyle, measure: Measure) -> dict[str, tuple[str, ...]]:
    texts = step_texts(step)
    return {
        c.key: wrap(texts[c.key], c.width - 2 * style.cell_padding, style.font_size, measure)
        for c in columns
        if c.key in texts
    }


def text_height(lines_by_column: dict[str, tuple[str, ...]], style: ChartStyle) -> float:
    most = max((len(lines) for lines in lines_by_column.values()), default=1)
    return most * style.font_size * style.leading_factor + 2 * style.cell_padding


def row_cells(
    columns: tuple[Column, ...], lines_by_column: dict[str, tuple[str, ...]], y: float, height: float, style: ChartStyle
) -> tuple[Cell, ...]:
    cells = []
    leading = style.font_size * style.leading_factor
    for column in columns:
        box = Box(column.x, y, column.width, height)
        lines = lines_by_column.get(column.key)
        if lines is None:
            cells.append(Cell(box))
            continue
        align = Align.CENTER if column.key in _CENTRED else Align.LEFT
        cells.append(Cell(box, TextBlock(box, lines, style.font_size, leading, False, align, style.cell_padding)))
    return tuple(cells)


def band_cells(columns: tuple[Column, ...], y: float, height: float) -> tuple[Cell, ...]:
    """A connector band is a table row whose lane columns are one open strip."""
    lanes = [c for c in columns if c.lane_id]
    cells = [Cell(Box(c.x, y, c.width, height)) for c in columns if not c.lane_id]
    cells.append(Cell(Box(lanes[0].x, y, lanes[-1].right - lanes[0].x, height)))
    return tuple(sorted(cells, key=lambda c: c.box.x))
