"""The bagan alur as plain data: what a painter (Qt or reportlab) needs to draw it.

Units are points (1/72 inch). The origin of every page is the top-left corner of
the table and y grows downwards, as on a screen; a painter whose y grows upwards
(reportlab) flips it. Nothing here knows how it will be painted.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

Point = tuple[float, float]


class ShapeKind(enum.Enum):
    """Symbols of Permenpan-RB 35/2012."""

    CAPSULE = "capsule"  # start and end
    RECTANGLE = "rectangle"  # process
    DIAMOND = "diamond"  # decision
    PENTAGON = "pentagon"  # off-page connector


class ArrowKind(enum.Enum):
    FLOW = "flow"  # forwards on the same page
    LOOP = "loop"  # back up to an earlier row on the same page
    OFFPAGE_OUT = "offpage_out"  # from a step down to the connector at the page's bottom
    OFFPAGE_IN = "offpage_in"  # from the connector at the page's top to a step


class Align(enum.Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def left(self) -> float:
        return self.x

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def top(self) -> float:
        return self.y

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


@dataclass(frozen=True)
class TextBlock:
    """Text already broken into lines; the painter only places them.

    Line i's baseline is at `baseline(i)`; the text sits in `box` with `padding`.
    """

    box: Box
    lines: tuple[str, ...]
    size: float
    leading: float
    bold: bool = False
    align: Align = Align.LEFT
    padding: float = 0.0
    middle: bool = False  # centred vertically in the box rather than at its top

    @property
    def text_height(self) -> float:
        return len(self.lines) * self.leading

    def baseline(self, index: int) -> float:
        top = self.box.y + self.padding
        if self.middle:
            top = self.box.cy - self.text_height / 2
        # The baseline sits about 80 % of the font size below the line's top
        # (ascent of a sans face), plus half the extra leading.
        return top + (self.leading - self.size) / 2 + 0.8 * self.size + index * self.leading

    def line_x(self, width_of_line: float) -> float:
        """Left end of a line of the given measured width."""
        inner_left = self.box.x + self.padding
        inner_width = self.box.width - 2 * self.padding
        if self.align is Align.CENTER:
            return inner_left + (inner_width - width_of_line) / 2
        if self.align is Align.RIGHT:
            return inner_left + inner_width - width_of_line
        return inner_left


@dataclass(frozen=True)
class Column:
    """One column of the table. lane_id is set for the Pelaksana columns."""

    key: str
    title: str
    x: float
    width: float
    lane_id: str | None = None

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def right(self) -> float:
        return self.x + self.width


@dataclass(frozen=True)
class Cell:
    """A bordered table cell, with its text if it has any."""

    box: Box
    text: TextBlock | None = None
    heading: bool = False  # heading cells may be shaded (greyscale) by the painter


@dataclass(frozen=True)
class Row:
    """One step's row of the table, in page coordinates."""

    step_no: int
    page: int
    y: float
    height: float
    cells: tuple[Cell, ...] = ()

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Band:
    """A strip across the table at a page's top or bottom holding off-page connectors."""

    y: float
    height: float
    position: str  # "top" or "bottom"
    cells: tuple[Cell, ...] = ()

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class SymbolShape:
    """A step's symbol: centred in its lane's column, spanning all its lanes."""

    step_no: int
    kind: ShapeKind
    box: Box
    lanes: tuple[str, ...]
    page: int = 1

    @property
    def x(self) -> float:
        return self.box.x

    @property
    def y(self) -> float:
        return self.box.y

    @property
    def width(self) -> float:
        return self.box.width

    @property
    def height(self) -> float:
        return self.box.height

    def outline(self) -> tuple[Point, ...]:
        """Polygon of a diamond; the bounding rectangle of the other shapes.

        A capsule is the rectangle with semicircular ends of radius height/2.
        """
        b = self.box
        if self.kind is ShapeKind.DIAMOND:
            return ((b.cx, b.top), (b.right, b.cy), (b.cx, b.bottom), (b.left, b.cy))
        return ((b.left, b.top), (b.right, b.top), (b.right, b.bottom), (b.left, b.bottom))


@dataclass(frozen=True)
class Connector:
    """A lettered pentagon off-page connector, pointing down (the direction of flow).

    direction "out": at the bottom of the page the flow leaves (an arrow ends on it);
    direction "in": at the top of the page the flow resumes (an arrow starts from it).
    """

    letter: str
    page: int
    box: Box
    direction: str
    source_step: int
    target_step: int
    label: TextBlock | None = None

    @property
    def x(self) -> float:
        return self.box.cx

    @property
    def y(self) -> float:
        return self.box.cy

    def outline(self) -> tuple[Point, ...]:
        b = self.box
        shoulder = b.top + b.height * 0.6
        return ((b.left, b.top), (b.right, b.top), (b.right, shoulder), (b.cx, b.bottom), (b.left, shoulder))


@dataclass(frozen=True)
class Arrow:
    """An orthogonal polyline; the arrowhead is at the last point.

    For off-page arrows one end is a connector: offpage_out ends on the connector
    lettered `letter`, offpage_in starts from it. `label_block` places the branch label.
    """

    source_step: int
    target_step: int
    points: tuple[Point, ...]
    kind: ArrowKind = ArrowKind.FLOW
    label: str | None = None
    letter: str | None = None
    label_block: TextBlock | None = None
    page: int = 1

    def segments(self) -> tuple[tuple[Point, Point], ...]:
        return tuple(zip(self.points, self.points[1:]))


@dataclass(frozen=True)
class ChartPage:
    number: int
    height: float
    heading: tuple[Cell, ...]
    rows: tuple[Row, ...]
    bands: tuple[Band, ...]
    shapes: tuple[SymbolShape, ...]
    arrows: tuple[Arrow, ...]
    connectors: tuple[Connector, ...]

    @property
    def step_numbers(self) -> tuple[int, ...]:
        return tuple(row.step_no for row in self.rows)

    def band(self, position: str) -> Band | None:
        return next((b for b in self.bands if b.position == position), None)

    def cells(self) -> tuple[Cell, ...]:
        """Every bordered cell of this page's table, headings first."""
        found = list(self.heading)
        for band in self.bands:
            found.extend(band.cells)
        for row in self.rows:
            found.extend(row.cells)
        return tuple(found)


@dataclass(frozen=True)
class ChartStyle:
    """Sizes the layout was computed with; a painter uses the same font sizes."""

    font_size: float
    heading_size: float
    label_size: float
    connector_size: float
    leading_factor: float
    cell_padding: float


@dataclass(frozen=True)
class ChartLayout:
    columns: tuple[Column, ...]
    heading_height: float
    pages: tuple[ChartPage, ...]
    width: float
    height: float  # the tallest page
    style: ChartStyle
    lane_area: tuple[float, float] = field(default=(0.0, 0.0))

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def lane_column(self, lane_id: str) -> Column:
        return next(c for c in self.columns if c.lane_id == lane_id)

    def shape(self, step_no: int) -> SymbolShape:
        return next(s for p in self.pages for s in p.shapes if s.step_no == step_no)

    def row(self, step_no: int) -> Row:
        return next(r for p in self.pages for r in p.rows if r.step_no == step_no)

    @property
    def arrows(self) -> tuple[Arrow, ...]:
        return tuple(a for p in self.pages for a in p.arrows)

    @property
    def connectors(self) -> tuple[Connector, ...]:
        return tuple(c for p in self.pages for c in p.connectors)
