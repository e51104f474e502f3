"""The arrows of a bagan alur before they have coordinates.

Each flow from a step to the next becomes one link, or two when a page break
lies between them (step → lettered connector at the bottom of the page, and
connector at the top of the target's page → step). A link goes *direct* when
its target is in the very next slot below (row or connector band), otherwise
it runs along the side channel: a gutter at the left or right edge of the lane
area, one track per link so that no two share a line.
"""

from __future__ import annotations

import string
from collections import Counter
from dataclasses import dataclass, field
from itertools import permutations

from kpu_desk.chart.model import ArrowKind, Box, ShapeKind
from kpu_desk.sop.model import Sop, Symbol

BOTTOM, LEFT, RIGHT = "bottom", "left", "right"
_EXIT_ORDER = (BOTTOM, RIGHT, LEFT)  # the first branch (Ya) goes straight down when it can

SHAPE_OF = {
    Symbol.START: ShapeKind.CAPSULE,
    Symbol.END: ShapeKind.CAPSULE,
    Symbol.PROCESS: ShapeKind.RECTANGLE,
    Symbol.DECISION: ShapeKind.DIAMOND,
}


@dataclass(eq=False)
class Node:
    """A symbol or a connector, placed in one slot (row or band) of a page."""

    key: str
    page: int
    slot: int
    kind: ShapeKind
    lanes: tuple[int, ...]  # lane indices; a connector borrows those of its step
    step_no: int | None = None
    _box: Box | None = field(default=None, repr=False)  # placed by the layout
    anchors: tuple[float, ...] = ()  # x where a vertical arrow meets it squarely
    slot_top: float = 0.0
    slot_bottom: float = 0.0

    @property
    def box(self) -> Box:
        """Where the layout placed the node; reading it earlier is a fault of the layout."""
        if self._box is None:
            raise RuntimeError(f"{self.key} is read before the layout placed it")
        return self._box

    @box.setter
    def box(self, box: Box) -> None:
        self._box = box

    @property
    def is_connector(self) -> bool:
        return self.kind is ShapeKind.PENTAGON

    @property
    def lane_span(self) -> tuple[int, int]:
        return min(self.lanes), max(self.lanes)

    @property
    def lane_mid(self) -> float:
        low, high = self.lane_span
        return (low + high) / 2


@dataclass(eq=False)
class Link:
    index: int
    source: Node
    target: Node
    source_step: int
    target_step: int
    kind: ArrowKind
    label: str | None = None
    letter: str | None = None
    channel: bool = False
    side: str = ""
    exit: str = BOTTOM
    track: int = 0

    @property
    def page(self) -> int:
        return self.source.page

    @property
    def slot_range(self) -> tuple[int, int]:
        a, b = self.source.slot, self.target.slot
        return min(a, b), max(a, b)


def flow_edges(sop: Sop) -> list[tuple[int, int, str | None]]:
    """(source index, target index, branch label) in document and branch order."""
    index = {step.no: i for i, step in enumerate(sop.steps)}
    edges: list[tuple[int, int, str | None]] = []
    for i, step in enumerate(sop.steps):
        if step.branches:
            edges.extend((i, index[b.next], b.label) for b in step.branches if b.next in index)
        elif step.next in index:
            edges.append((i, index[step.next], None))
    return edges


def letter(n: int) -> str:
    """A, B, … Z, AA, AB, …"""
    letters = string.ascii_uppercase
    return letters[n] if n < 26 else letter(n // 26 - 1) + letters[n % 26]


def build_links(
    sop: Sop, step_nodes: list[Node], edges: list[tuple[int, int, str | None]], page_of: list[int]
) -> tuple[list[Link], list[Node]]:
    """The links, and the connector nodes they need (slots not yet assigned)."""
    links: list[Link] = []
    connectors: list[Node] = []
    for source_index, target_index, label in edges:
        source, target = step_nodes[source_index], step_nodes[target_index]
        numbers = (sop.steps[source_index].no, sop.steps[target_index].no)
        if page_of[source_index] == page_of[target_index]:
            kind = ArrowKind.LOOP if target_index <= source_index else ArrowKind.FLOW
            links.append(Link(len(links), source, target, *numbers, kind, label))
            continue
        mark = letter(len(connectors) // 2)
        out = Node(f"out:{mark}", source.page, -1, ShapeKind.PENTAGON, source.lanes)
        into = Node(f"in:{mark}", target.page, -1, ShapeKind.PENTAGON, target.lanes)
        connectors += [out, into]
        links.append(Link(len(links), source, out, *numbers, ArrowKind.OFFPAGE_OUT, label, mark))
        links.append(Link(len(links), into, target, *numbers, ArrowKind.OFFPAGE_IN, None, mark))
    return links, connectors


def classify(links: list[Link], lane_count: int) -> None:
    """Direct or along the side channel, and on which side."""
    centre = (lane_count - 1) / 2
    for link in links:
        same_page = link.source.page == link.target.page
        link.channel = not (same_page and link.target.slot == link.source.slot + 1)
        if not link.channel:
            continue
        mean = (link.source.lane_mid + link.target.lane_mid) / 2
        side = LEFT if mean <= centre else RIGHT
        # A labelled exit needs room for its label beside the symbol: not into the gutter
        # squeezed between the symbol and the table's edge.
        edge = 0 if side == LEFT else lane_count - 1
        if link.label and edge in link.source.lane_span and lane_count > 1:
            side = RIGHT if side == LEFT else LEFT
        link.side = side


def _rank(link: Link, exit: str) -> int | None:
    """How well an exit suits a link: 0 best, None impossible.

    Every exit can serve a direct link (at worst by stepping aside and dropping)
    and a channel link may switch sides, so a decision's two or three branches
    always find distinct vertices.
    """
    s0, s1 = link.source.lane_span
    if link.source.is_connector:
        return 0 if exit == BOTTOM else None
    if link.channel:
        return 0 if exit == link.side else 1 if exit == BOTTOM else 2
    if link.target.is_connector:
        return 0 if exit == BOTTOM else 1
    t0, t1 = link.target.lane_span
    overlapping = t0 <= s1 and s0 <= t1
    if exit == BOTTOM:
        return 0 if overlapping else 1
    beyond = t1 > s1 if exit == RIGHT else t0 < s0
    if not beyond:
        return 4  # stepping aside and dropping: worse than sending a channel link the other way
    return 1 if overlapping else 0


def choose_exits(links: list[Link]) -> None:
    """Give every link leaving a symbol a distinct exit: bottom, right or left."""
    by_source: dict[int, list[Link]] = {}
    arrivals: Counter[int] = Counter()
    for link in links:
        by_source.setdefault(id(link.source), []).append(link)
        arrivals[id(link.target)] += 1
    for key, group in by_source.items():
        _assign(group, arrivals[key])


def _assign(group: list[Link], arriving: int) -> None:
    head = group[:3]
    # A diamond entered by several arrows needs free side vertices for all but the first.
    sides_wanted = max(arriving - 1, 0) if group[0].source.kind is ShapeKind.DIAMOND else 0
    best, best_cost = None, None
    for exits in permutations(_EXIT_ORDER, len(head)):
        ranks = [rank for link, exit in zip(head, exits) if (rank := _rank(link, exit)) is not None]
        if len(ranks) < len(head):
            continue
        free_sides = 2 - sum(1 for exit in exits if exit != BOTTOM)
        cost = sum(ranks) + 3 * max(sides_wanted - free_sides, 0)
        if best_cost is None or cost < best_cost:
            best, best_cost = exits, cost
    if best is None:  # a connector: its one link leaves from the point at the bottom
        best = tuple(BOTTOM for _ in head)
    for link, exit in zip(head, best):
        link.exit = exit
        if link.channel and exit != BOTTOM:
            link.side = exit
    for link in group[3:]:
        link.exit = BOTTOM


def assign_tracks(links: list[Link]) -> dict[str, int]:
    """One track per channel link wherever their vertical runs would meet; tracks per side.

    Short runs take the inner tracks, so long runs pass outside them.
    """
    needed = {LEFT: 0, RIGHT: 0}
    groups: dict[tuple[int, str], list[Link]] = {}
    for link in links:
        if link.channel:
            groups.setdefault((link.page, link.side), []).append(link)
    for (_, side), group in groups.items():
        taken: list[list[tuple[int, int]]] = []
        for link in sorted(group, key=lambda lk: (lk.slot_range[1] - lk.slot_range[0], lk.slot_range, lk.index)):
            low, high = link.slot_range
            track = next(
                (k for k, spans in enumerate(taken) if all(high < a or low > b for a, b in spans)),
                len(taken),
            )
            if track == len(taken):
                taken.append([])
            taken[track].append((low, high))
            link.track = track
        needed[side] = max(needed[side], len(taken))
    return needed
