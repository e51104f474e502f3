"""Coordinates of the arrows: where each leaves and enters, and the path between.

Every horizontal run of an arrow lies inside one row (or connector band), in a
part of it that holds no symbol: at the height of its own symbol's centre, or
in the free strip above or below a symbol (a "level"); every vertical run lies
between two vertically adjacent slots, beside a symbol in its own row, or on a
track of the side channel, where no symbol stands. That is why no arrow
crosses a symbol (tests/test_chart_layout.py checks it, also on random flows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kpu_desk.chart.links import BOTTOM, LEFT, RIGHT, Link, Node
from kpu_desk.chart.model import Align, Box, ChartStyle, Point, ShapeKind, TextBlock
from kpu_desk.chart.text import Measure, wrap

TOP = "top"
ASIDE = 6.0  # how far an arrow steps out of a symbol's way before turning
_STRAIGHT = 1e-6  # closer than this counts as the same x
_SNAP = 0.5  # a connector this close to straight above or below its symbol moves there


@dataclass
class Gutter:
    """Where the side channel's tracks are and where connectors may stand."""

    lane_left: float
    lane_right: float
    lane_centres: tuple[float, ...]
    pad: float
    margin: float
    spacing: float
    tracks: dict[str, int] = field(default_factory=dict)  # tracks in use on each side

    def track_xs(self) -> list[float]:
        return [self.track_x(side, k) for side, count in self.tracks.items() for k in range(count)]

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
    # The channel's tracks never reach the pentagons' height in a band (their runs there
    # are above or below it), so a crowded band may use the lane area to its edges.
    low, high = gutter.lane_left + 2 + size / 2, gutter.lane_right - 2 - size / 2
    for (_, position), items in bands.items():
        gap = size + 6
        if len(items) > 1:
            # A crowded band packs them closer; past touching they overlap (only one-lane
            # SOPs with three or more flows across one page break come to that).
            gap = max(min(gap, (high - low) / (len(items) - 1)), 0.0)
        placed = _place_in_band(items, gap, low, high)
        for (_, node, _, _), x in zip(items, placed):
            x = _off_the_tracks(x, gutter)
            y = node.slot_top + top_margin if position == "top" else node.slot_bottom - top_margin - size
            node.box = Box(x - size / 2, y, size, size)
            node.anchors = (x,)


def _place_in_band(items, gap: float, low: float, high: float) -> list[float]:
    """x of each item: straight-down ones where they want, the others beside them.

    When the band is too full for that, evenly spaced places across it: those
    reached straight down choose first, the others follow in the order of their wishes.
    """
    placed: dict[int, float] = {}
    taken: list[float] = []
    for i in sorted(range(len(items)), key=lambda i: items[i][0]):
        _, _, wanted, towards = items[i]
        placed[i] = free_near(min(max(wanted, low), high), towards, taken, gap, low, high)
        taken.append(placed[i])
    if all(abs(a - b) >= gap - 1e-6 for n, a in enumerate(taken) for b in taken[n + 1:]):
        return [placed[i] for i in range(len(items))]
    step = (high - low) / (len(items) - 1)
    slots = [low + n * step for n in range(len(items))]
    result: dict[int, float] = {}
    for i in (i for i in range(len(items)) if items[i][0] == 0):
        result[i] = min(slots, key=lambda x: abs(x - items[i][2]))
        slots.remove(result[i])
    rest = sorted((i for i in range(len(items)) if i not in result), key=lambda i: (items[i][2], items[i][3]))
    result.update(zip(rest, slots))
    return [result[i] for i in range(len(items))]


def _off_the_tracks(x: float, gutter: Gutter) -> float:
    """A pentagon's arrow must not drop along a track of the side channel."""
    for track in gutter.track_xs():
        if abs(x - track) < 0.75:
            centre = (gutter.lane_left + gutter.lane_right) / 2
            return track + (0.75 if x < centre else -0.75)
    return x


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
    leaving: dict[int, set[str]] = {}
    for route in routes:
        arriving.setdefault(id(route.link.target), []).append(route)
        leaving.setdefault(id(route.link.source), set()).add(route.link.exit)
    for group in arriving.values():
        target = group[0].link.target
        if target.is_connector:
            for route in group:
                route.port_x, route.entry = target.box.cx, TOP
        elif target.kind is ShapeKind.DIAMOND:
            _diamond_ports(group, leaving.get(id(target), set()))
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


def _diamond_ports(group: list[Route], exits: set[str]) -> None:
    """A diamond is entered at a vertex: the top, else a side one no exit uses, each once."""
    box = group[0].link.target.box
    used: set[str] = set(exits)
    for route in sorted(group, key=lambda r: (_desire(r)[0], r.link.index)):
        link = route.link
        if link.channel:
            other = RIGHT if link.side == LEFT else LEFT
            wishes = [link.side, TOP, other]
        else:
            near = LEFT if _origin_x(route) < box.cx else RIGHT
            wishes = [TOP, near, RIGHT if near == LEFT else LEFT]
        entry = next((w for w in wishes if w not in used), TOP)
        used.add(entry)
        route.entry = entry
        route.port_x = {TOP: box.cx, LEFT: box.left, RIGHT: box.right}[entry]


def _origin_x(route: Route) -> float:
    link = route.link
    if link.exit == BOTTOM:
        return route.exit_x
    return link.source.box.right if link.exit == RIGHT else link.source.box.left


def _flat_ports(group: list[Route]) -> None:
    """Ports on a flat top edge: where each arrival wants, at least 8 pt apart.

    When the edge is too short for that, the arrivals share it out evenly in
    the order they come from, left to right.
    """
    low, high = _flat_span(group[0].link.target)
    ordered = sorted(group, key=lambda r: (_desire(r)[0], r.link.index))
    gap = 8.0
    taken: list[float] = []
    for route in ordered:
        _, wanted, direction = _desire(route)
        wanted = min(max(wanted, low), high)
        route.port_x, route.entry = free_near(wanted, direction, taken, gap, low, high), TOP
        taken.append(route.port_x)
    crowded = any(abs(a - b) < gap - 1e-6 for i, a in enumerate(taken) for b in taken[i + 1:])
    if crowded:
        step = (high - low) / (len(group) - 1)
        slots = [low + i * step for i in range(len(group))]
        for route in ordered:
            _, wanted, direction = _desire(route)
            if route.link.channel:  # from the channel: the free slot nearest its side
                wanted = low - 1e6 if route.link.side == LEFT else high + 1e6
            best = min(slots, key=lambda x: (abs(x - wanted), -direction * x))
            slots.remove(best)
            route.port_x = best


def free_near(wanted: float, direction: int, taken: list[float], gap: float, low: float, high: float) -> float:
    """The point of [low, high] nearest to wanted that is at least gap from every taken one.

    Ties go the preferred direction. With no such point, wanted itself (the caller checks).
    """
    free = [(low, high)]
    for t in taken:
        cut: list[tuple[float, float]] = []
        for a, b in free:
            if t + gap - 1e-9 <= a or t - gap + 1e-9 >= b:
                cut.append((a, b))
                continue
            if a <= t - gap:
                cut.append((a, t - gap))
            if t + gap <= b:
                cut.append((t + gap, b))
        free = cut
    if not free:
        return wanted
    candidates = [min(max(wanted, a), b) for a, b in free]
    return min(candidates, key=lambda x: (abs(x - wanted), -direction * x))


def snap_connectors(routes: list[Route]) -> None:
    """Line a connector up exactly with its symbol when the band left it a hair's breadth off."""
    for route in routes:
        link = route.link
        if link.channel or link.exit != BOTTOM or route.entry != TOP:
            continue
        offset = route.port_x - route.exit_x
        if not 0 < abs(offset) < _SNAP:
            continue
        if link.source.is_connector:
            _move(link.source, offset)
            route.exit_x = route.port_x
        elif link.target.is_connector:
            _move(link.target, -offset)
            route.port_x = route.exit_x


def _move(node: Node, dx: float) -> None:
    box = node.box
    node.box = Box(box.x + dx, box.y, box.width, box.height)
    node.anchors = (node.box.cx,)


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


def _enters_facing_side(route: Route) -> bool:
    """A channel arrival straight into the side vertex that faces its channel."""
    return route.link.channel and route.entry == route.link.side


def _needs_arrival_level(route: Route) -> bool:
    if route.entry == TOP:
        return not _is_straight(route)
    return not _enters_facing_side(route)


def assign_levels(routes: list[Route]) -> None:
    """Heights of the horizontal runs in the free strips above and below symbols.

    Runs are grouped by slot, not by symbol: a connector band holds several
    connectors, and their arrows' runs must not share a height.
    """
    above: dict[tuple[int, int], list[Route]] = {}
    below: dict[tuple[int, int], list[Route]] = {}
    for route in routes:
        link = route.link
        if _needs_arrival_level(route):
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
            depart = _level(route.depart_level)
            points.append((start[0], depart))
            points.append((track, depart))
        else:
            points.append((track, start[1]))
        points.extend(_arrival(route, track, gutter))
    elif link.exit == BOTTOM:
        points.extend(_arrival(route, start[0], gutter))
    else:
        points.extend(_side_direct(route, start, gutter))
    return _simplify(points)


def _arrival(route: Route, x: float, gutter: Gutter) -> list[Point]:
    """From a vertical run at x down (or up) into the target's entry."""
    target = route.link.target.box
    level = route.arrive_level
    if route.entry == TOP:
        if level is None:
            return [(x, target.top)]
        return [(x, level), (route.port_x, level), (route.port_x, target.top)]
    if _enters_facing_side(route):
        return [(x, target.cy), (route.port_x, target.cy)]
    # Over the symbol's top strip, down beside it, then into the side vertex.
    aside = aside_x(route.port_x, -1 if route.entry == LEFT else 1, gutter)
    level = _level(level)
    return [(x, level), (aside, level), (aside, target.cy), (route.port_x, target.cy)]


def _level(level: float | None) -> float:
    """A level that assign_levels set for the route; drawing without it is a fault of the router."""
    if level is None:
        raise RuntimeError("a route is drawn before its level was set")
    return level


def aside_x(vertex_x: float, direction: int, gutter: Gutter) -> float:
    """A little way out from a side vertex, but never as far as the side channel's tracks."""
    distance = ASIDE
    inner_track = gutter.track_x(LEFT if direction < 0 else RIGHT, 0)
    room = (vertex_x - inner_track) * direction * -1
    if 0 < room < 2 * ASIDE:
        distance = room / 2
    return vertex_x + direction * distance


def _side_direct(route: Route, start: Point, gutter: Gutter) -> list[Point]:
    target = route.link.target.box
    if _is_straight(route):
        return [(route.port_x, start[1]), (route.port_x, target.top)]
    # The port is not beyond the exit: step out of the symbol's way, then drop.
    aside = aside_x(start[0], 1 if route.link.exit == RIGHT else -1, gutter)
    return [(aside, start[1])] + _arrival(route, aside, gutter)


def _simplify(points: list[Point]) -> tuple[Point, ...]:
    """Drop repeated points and the middle of three collinear ones."""
    kept: list[Point] = []
    for p in points:
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
    # Never cut a word: a long word may reach past the lane area instead.
    pieces = link.label.replace("/", "/ ").split()  # a line may end after a slash
    widest_word = max(measure(piece, style.label_size) for piece in pieces)
    lines = wrap(link.label, max(min(width, room), widest_word), style.label_size, measure)
    leading = style.label_size * 1.15
    text_w = max(measure(line, style.label_size) for line in lines)
    text_h = leading * len(lines)
    x = x0 + gap if on_right else x0 - gap - text_w
    y = y0 + 1.0 if link.exit == BOTTOM else y0 - 1.5 - text_h
    align = Align.LEFT if on_right else Align.RIGHT
    return TextBlock(Box(x, y, text_w, text_h), lines, style.label_size, leading, False, align)
