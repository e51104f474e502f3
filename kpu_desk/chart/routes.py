"""Coordinates of the arrows: where each leaves and enters, and the path between.

Every horizontal run of an arrow lies inside one row (or connector band), in a
part of it that holds no symbol: at the height of its own symbol's centre, or
in the free strip above or below a symbol (a "level"); every vertical run lies
either between two vertically adjacent slots or on a track of the side
channel, where no symbol stands. That is why no arrow crosses a symbol.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpu_desk.chart.links import BOTTOM, LEFT, RIGHT, Link, Node
from kpu_desk.chart.model import Align, Box, ChartStyle, Point, ShapeKind, TextBlock
from kpu_desk.chart.text import Measure, wrap

TOP = "top"
_STRAIGHT = 0.5  # closer than this counts as the same x


@dataclass
class Gutter:
    """Where the side channel's tracks are and where connectors may stand."""

    lane_left: float
    lane_right: float
    lane_centres: tuple[float, ...]
    pad: float
    margin: float
    spacing: float

    def track_x(self, side: str, track: int) -> float:
        if side == LEFT:
            return self.lane_left + self.pad - self.margin - track * self.spacing
        return self.lane_right - self.pad + self.margin + track * self.spacing


@dataclass
class Route:
    """What the router decides for one link, before the points are drawn."""

    link: Link
    exit_x: float = 0.0
    port_x: float = 0.0
    entry: str = TOP
    depart_level: float | None = None
    arrive_level: float | None = None
    points: tuple[Point, ...] = field(default=())


# -- exits ------------------------------------------------------------------

def exit_point(route: Route) -> Point:
    link, box = route.link, route.link.source.box
    if link.exit == LEFT:
        return box.left, box.cy
    if link.exit == RIGHT:
        return box.right, box.cy
    return route.exit_x, box.bottom


def bottom_exit_x(link: Link, centres: tuple[float, ...]) -> float:
    source = link.source
    if source.is_connector or source.kind is ShapeKind.DIAMOND:
        return source.box.cx
    if not link.channel and not link.target.is_connector:
        s0, s1 = source.lane_span
        t0, t1 = link.target.lane_span
        common = [j for j in range(max(s0, t0), min(s1, t1) + 1)]
        if common:
            goal = link.target.lane_mid
            return centres[min(common, key=lambda j: (abs(j - goal), j))]
    return source.anchors[0]


# -- connectors -------------------------------------------------------------

def place_connectors(routes: list[Route], gutter: Gutter, size: float, top_margin: float) -> None:
    """Put each pentagon under its source (out) or over its target (in), none overlapping.

    Connectors an arrow can reach straight down are placed first; the others
    (reached along the side channel) move aside, towards their channel.
    """
    bands: dict[tuple[int, str], list[tuple[int, Node, float, int]]] = {}
    for route in routes:
        link = route.link
        towards = -1 if link.side == LEFT else 1
        if link.target.is_connector:
            rank = 0 if (not link.channel and link.exit == BOTTOM) else 1
            item = (rank, link.target, _out_desire(route, gutter, size), towards)
            bands.setdefault((link.target.page, "bottom"), []).append(item)
        if link.source.is_connector:
            item = (1 if link.channel else 0, link.source, _in_desire(link), towards)
            bands.setdefault((link.source.page, "top"), []).append(item)
    low, high = gutter.lane_left + gutter.pad + size / 2, gutter.lane_right - gutter.pad - size / 2
    for (_, position), items in bands.items():
        taken: list[float] = []
        for _, node, wanted, towards in sorted(items, key=lambda item: item[0]):
            x = free_near(min(max(wanted, low), high), towards, taken, size + 6, low, high)
            taken.append(x)
            y = node.slot_top + top_margin if position == "top" else node.slot_bottom - top_margin - size
            node.box = Box(x - size / 2, y, size, size)
            node.anchors = (x,)


def _out_desire(route: Route, gutter: Gutter, size: float) -> float:
    link = route.link
    source = link.source
    if link.channel:
        return source.anchors[0]
    if link.exit == BOTTOM:
        return route.exit_x
    step = 1 if link.exit == RIGHT else -1
    neighbour = (source.lane_span[1] + 1) if step == 1 else (source.lane_span[0] - 1)
    if 0 <= neighbour < len(gutter.lane_centres):
        return gutter.lane_centres[neighbour]
    vertex = source.box.right if step == 1 else source.box.left
    return vertex + step * (size / 2 + 6)


def _in_desire(link: Link) -> float:
    target = link.target
    return target.box.cx if target.kind is ShapeKind.DIAMOND else target.anchors[0]


# -- ports ------------------------------------------------------------------

def assign_ports(routes: list[Route]) -> None:
    arriving: dict[int, list[Route]] = {}
    for route in routes:
        arriving.setdefault(id(route.link.target), []).append(route)
    for group in arriving.values():
        target = group[0].link.target
        if target.is_connector:
            for route in group:
                route.port_x, route.entry = target.box.cx, TOP
        elif target.kind is ShapeKind.DIAMOND:
            _diamond_ports(group)
        else:
            _flat_ports(group)


def _desire(route: Route) -> tuple[int, float, int]:
    """(priority, wanted x, preferred direction to move) of an arrival."""
    link, target = route.link, route.link.target
    if link.channel:
        extreme = min(target.anchors) if link.side == LEFT else max(target.anchors)
        return 2, extreme, -1 if link.side == LEFT else 1
    if link.exit == BOTTOM:
        x = route.exit_x
        low, high = _flat_span(target)
        if low <= x <= high:
            return 0, x, 1
        return 1, min(target.anchors, key=lambda a: abs(a - x)), 1
    step = 1 if link.exit == RIGHT else -1
    vertex = link.source.box.right if step == 1 else link.source.box.left
    beyond = [a for a in target.anchors if (a - vertex) * step > 4]
    pool = beyond or list(target.anchors)
    return 1, min(pool, key=lambda a: abs(a - vertex)), step


def _flat_span(node: Node) -> tuple[float, float]:
    box = node.box
    inset = box.height / 2 if node.kind is ShapeKind.CAPSULE else 3.0
    if node.kind is ShapeKind.DIAMOND:
        return box.cx, box.cx
    return box.left + inset, box.right - inset


def _diamond_ports(group: list[Route]) -> None:
    target = group[0].link.target
    used: set[str] = set()
    for route in sorted(group, key=lambda r: (_desire(r)[0], r.link.index)):
        route.port_x, route.entry = target.box.cx, TOP
        facing = route.link.side if route.link.channel else ""
        if TOP in used and facing and facing not in used:
            route.entry = facing
            route.port_x = target.box.left if facing == LEFT else target.box.right
        used.add(route.entry)


def _flat_ports(group: list[Route]) -> None:
    low, high = _flat_span(group[0].link.target)
    gap = min(8.0, (high - low) / max(len(group) - 1, 1))
    taken: list[float] = []
    for route in sorted(group, key=lambda r: (_desire(r)[0], r.link.index)):
        _, wanted, direction = _desire(route)
        wanted = min(max(wanted, low), high)
        route.port_x, route.entry = free_near(wanted, direction, taken, gap, low, high), TOP
        taken.append(route.port_x)


def free_near(wanted: float, direction: int, taken: list[float], gap: float, low: float, high: float) -> float:
    for k in range(0, 40):
        for sign in ((direction, -direction) if k else (1,)):
            x = wanted + sign * k * gap
            if low - 1e-6 <= x <= high + 1e-6 and all(abs(x - t) >= gap - 1e-6 for t in taken):
                return x
    return wanted  # crowded beyond reason: share the point


# -- levels -----------------------------------------------------------------

def _is_straight(route: Route) -> bool:
    link = route.link
    if link.channel or route.entry != TOP:
        return False
    if link.exit == BOTTOM:
        return abs(route.exit_x - route.port_x) < _STRAIGHT
    vertex = link.source.box.right if link.exit == RIGHT else link.source.box.left
    step = 1 if link.exit == RIGHT else -1
    return (route.port_x - vertex) * step > 2  # one elbow: across, then down


def assign_levels(routes: list[Route]) -> None:
    """Heights of the horizontal runs in the free strips above and below symbols.

    Runs are grouped by slot, not by symbol: a connector band holds several
    connectors, and their arrows' runs must not share a height.
    """
    above: dict[tuple[int, int], list[Route]] = {}
    below: dict[tuple[int, int], list[Route]] = {}
    for route in routes:
        link = route.link
        if route.entry == TOP and not _is_straight(route):
            above.setdefault((link.target.page, link.target.slot), []).append(route)
        if link.channel and link.exit == BOTTOM:
            below.setdefault((link.source.page, link.source.slot), []).append(route)
    for group in above.values():
        low = group[0].link.target.slot_top
        high = min(r.link.target.box.top for r in group)
        # Arrivals from further out cross the fewest lines when they run highest.
        group.sort(key=lambda r: (not r.link.channel, -r.link.track, r.link.index))
        for route, y in zip(group, _levels(low, high, len(group))):
            route.arrive_level = y
    for group in below.values():
        low = max(r.link.source.box.bottom for r in group)
        high = group[0].link.source.slot_bottom
        group.sort(key=lambda r: (r.link.track, r.link.index))
        for route, y in zip(group, _levels(low, high, len(group))):
            route.depart_level = y


def _levels(low: float, high: float, count: int) -> list[float]:
    return [low + (high - low) * (k + 1) / (count + 1) for k in range(count)]


# -- points -----------------------------------------------------------------

def build_points(route: Route, gutter: Gutter) -> tuple[Point, ...]:
    link = route.link
    start = exit_point(route)
    points = [start]
    if link.channel:
        track = gutter.track_x(link.side, link.track)
        if link.exit == BOTTOM:
            points.append((start[0], route.depart_level))
            points.append((track, route.depart_level))
        else:
            points.append((track, start[1]))
        points.extend(_arrival(route, track))
    elif link.exit == BOTTOM:
        points.extend(_arrival(route, start[0]))
    else:
        points.extend(_side_direct(route, start))
    return _simplify(points)


def _arrival(route: Route, x: float) -> list[Point]:
    """From a vertical run at x down (or up) into the target's entry."""
    target = route.link.target.box
    if route.entry != TOP:
        return [(x, target.cy), (route.port_x, target.cy)]
    if route.arrive_level is None:
        return [(x, target.top)]
    return [(x, route.arrive_level), (route.port_x, route.arrive_level), (route.port_x, target.top)]


def _side_direct(route: Route, start: Point) -> list[Point]:
    target = route.link.target.box
    if _is_straight(route):
        return [(route.port_x, start[1]), (route.port_x, target.top)]
    # The port is not beyond the exit: step out of the symbol's way, then drop.
    step = 6.0 if route.link.exit == RIGHT else -6.0
    aside = start[0] + step
    return [(aside, start[1])] + _arrival(route, aside)


def _simplify(points: list[Point]) -> tuple[Point, ...]:
    """Drop repeated points and the middle of three collinear ones."""
    kept: list[Point] = []
    for p in points:
        p = (round(p[0], 3), round(p[1], 3))
        if kept and kept[-1] == p:
            continue
        if len(kept) >= 2:
            a, b = kept[-2], kept[-1]
            if (a[0] == b[0] == p[0]) or (a[1] == b[1] == p[1]):
                kept[-1] = p
                continue
        kept.append(p)
    return tuple(kept)


# -- labels -----------------------------------------------------------------

def label_block(
    route: Route, style: ChartStyle, measure: Measure, width: float, lane_area: tuple[float, float]
) -> TextBlock | None:
    """The branch label beside its exit, kept inside the lane area (narrower lines if need be)."""
    link = route.link
    if not link.label:
        return None
    gap = 2.5
    left_edge, right_edge = lane_area[0] + 1.5, lane_area[1] - 1.5
    x0, y0 = route.points[0]
    room_right, room_left = right_edge - (x0 + gap), (x0 - gap) - left_edge
    if link.exit == BOTTOM:
        goes_right = len(route.points) > 2 and route.points[2][0] > route.points[1][0]
        on_right = not goes_right
        if measure(link.label, style.label_size) > (room_right if on_right else room_left) and not goes_right:
            on_right = room_right >= room_left
    else:
        on_right = link.exit == RIGHT
    room = room_right if on_right else room_left
    lines = wrap(link.label, max(min(width, room), 24.0), style.label_size, measure)
    leading = style.label_size * 1.15
    text_w = max(measure(line, style.label_size) for line in lines)
    text_h = leading * len(lines)
    x = x0 + gap if on_right else x0 - gap - text_w
    y = y0 + 1.0 if link.exit == BOTTOM else y0 - 1.5 - text_h
    align = Align.LEFT if on_right else Align.RIGHT
    return TextBlock(Box(x, y, text_w, text_h), lines, style.label_size, leading, False, align)
