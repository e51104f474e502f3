"""layout_chart(): the whole bagan alur of an SOP as plain data (see model.py).

One layout, two painters: the Qt scene draws it on screen (page_height None:
one continuous page), the SOP document draws it on paper (page_height set:
rows broken into pages, each with the column heading repeated and lettered
off-page connectors where the flow crosses a break).
"""

from __future__ import annotations

from kpu_desk.chart import links as graph
from kpu_desk.chart import routes
from kpu_desk.chart.model import (
    Align,
    Arrow,
    Band,
    Box,
    ChartLayout,
    ChartPage,
    ChartStyle,
    Connector,
    Row,
    ShapeKind,
    SymbolShape,
    TextBlock,
)
from kpu_desk.chart.paging import paginate
from kpu_desk.chart.table import band_cells, build_heading, compute_columns, row_cells, text_blocks, text_height
from kpu_desk.chart.text import Measure, default_measure
from kpu_desk.sop.model import Sop

SCREEN_WIDTH = 1000.0
SYMBOL_HEIGHT = {ShapeKind.CAPSULE: 18.0, ShapeKind.RECTANGLE: 18.0, ShapeKind.DIAMOND: 26.0}
MAX_SYMBOL_WIDTH = 56.0
MAX_DIAMOND_WIDTH = 44.0
MIN_SYMBOL_WIDTH = 16.0
ROW_CLEARANCE = 11.0  # free strip above and below a symbol: room for arrow runs and labels
BASE_PAD = 8.0
TRACK_MARGIN = 3.0
TRACK_SPACING = 4.5
CONNECTOR_SIZE = 16.0
CONNECTOR_MARGIN = 4.0
BAND_HEIGHT = CONNECTOR_SIZE + CONNECTOR_MARGIN + 12.0  # 12: room for the runs beside the pentagon


def layout_chart(
    sop: Sop,
    width: float = SCREEN_WIDTH,
    page_height: float | None = None,
    measure: Measure | None = None,
    *,
    first_page_height: float | None = None,
    font_size: float = 7.5,
) -> ChartLayout:
    """Lay the SOP's bagan alur out in a table `width` points wide.

    page_height: None for one continuous page (screen); otherwise the height
    available for the table on each page, heading included, and
    first_page_height for the first page if it is shorter (a title above it).
    """
    measure = measure or default_measure()
    style = ChartStyle(font_size, font_size, font_size - 1.0, font_size, 1.2, 3.0)
    columns = compute_columns(sop, width)
    heading = build_heading(columns, style, measure)
    texts = [text_blocks(step, columns, style, measure) for step in sop.steps]
    shapes = [graph.SHAPE_OF[step.symbol] for step in sop.steps]
    heights = [max(text_height(t, style), SYMBOL_HEIGHT[k] + 2 * ROW_CLEARANCE) for t, k in zip(texts, shapes)]
    edges = graph.flow_edges(sop)
    pages = _paginate(heights, heading.height, page_height, first_page_height, edges)

    lane_index = {lane.id: i for i, lane in enumerate(sop.lanes)}
    page_of = [0] * len(sop.steps)
    for number, rows in enumerate(pages, start=1):
        for i in rows:
            page_of[i] = number
    nodes = [
        graph.Node(f"step:{step.no}", page_of[i], -1, shapes[i], tuple(sorted(lane_index[lane] for lane in step.lanes)), step.no)
        for i, step in enumerate(sop.steps)
    ]
    links, connector_nodes = graph.build_links(sop, nodes, edges, page_of)
    page_bands = _place_slots(pages, nodes, connector_nodes, heights, heading.height)

    graph.classify(links, len(sop.lanes))
    graph.choose_exits(links)
    tracks = graph.assign_tracks(links)
    lanes = [c for c in columns if c.lane_id]
    gutter, symbol_width = _gutter(lanes, tracks)
    for node in nodes:
        _place_symbol(node, lanes, symbol_width)

    planned = [routes.Route(link) for link in links]
    for route in planned:
        if route.link.exit == graph.BOTTOM and not route.link.source.is_connector:
            route.exit_x = routes.bottom_exit_x(route.link, gutter.lane_centres)
    routes.place_connectors(planned, gutter, CONNECTOR_SIZE, CONNECTOR_MARGIN)
    for route in planned:
        if route.link.source.is_connector:
            route.exit_x = route.link.source.box.cx
    routes.assign_ports(planned)
    routes.snap_connectors(planned)
    routes.assign_levels(planned)
    label_width = max(lanes[0].width - 8, 72.0)
    arrows = []
    for route in planned:
        route.points = routes.build_points(route, gutter)
        arrows.append(_arrow(route, routes.label_block(route, style, measure, label_width, (lanes[0].x, lanes[-1].right))))

    chart_pages = tuple(
        _page(number, rows, sop, nodes, connector_nodes, arrows, page_bands, texts, heights, heading, columns, style, measure)
        for number, rows in enumerate(pages, start=1)
    )
    return ChartLayout(
        columns=columns,
        heading_height=heading.height,
        pages=chart_pages,
        width=width,
        height=max(p.height for p in chart_pages),
        style=style,
        lane_area=(lanes[0].x, lanes[-1].right),
    )


def _paginate(heights, heading, page_height, first_page_height, edges) -> list[list[int]]:
    pages = paginate(heights, heading, page_height, BAND_HEIGHT, first_page_height)
    first = set(pages[0])
    loops_back_to_first = any(t in first and s not in first for s, t, _ in edges)
    if loops_back_to_first and page_height is not None:
        pages = paginate(heights, heading, page_height, BAND_HEIGHT, first_page_height, top_band_on_first=True)
    return pages


def _place_slots(pages, nodes, connector_nodes, heights, heading_height) -> dict[int, dict[str, Band]]:
    """Slot numbers and heights of rows and connector bands, page by page."""
    bands: dict[int, dict[str, Band]] = {}
    for number, rows in enumerate(pages, start=1):
        incoming = [c for c in connector_nodes if c.page == number and c.key.startswith("in:")]
        outgoing = [c for c in connector_nodes if c.page == number and c.key.startswith("out:")]
        y, slot = heading_height, 0
        bands[number] = {}
        if incoming:
            bands[number]["top"] = Band(y, BAND_HEIGHT, "top")
            _set_slot(incoming, slot, y, BAND_HEIGHT)
            y, slot = y + BAND_HEIGHT, slot + 1
        for i in rows:
            _set_slot([nodes[i]], slot, y, heights[i])
            y, slot = y + heights[i], slot + 1
        if outgoing:
            bands[number]["bottom"] = Band(y, BAND_HEIGHT, "bottom")
            _set_slot(outgoing, slot, y, BAND_HEIGHT)
    return bands


def _set_slot(nodes, slot: int, y: float, height: float) -> None:
    for node in nodes:
        node.slot, node.slot_top, node.slot_bottom = slot, y, y + height


def _gutter(lanes, tracks: dict[str, int]) -> tuple[routes.Gutter, float]:
    """Room at both edges of the lane area for the side channel, and the symbols' width."""
    lane_width = min(c.width for c in lanes)
    most = max(tracks.values())
    spacing = TRACK_SPACING
    pad = max(BASE_PAD, 2 * TRACK_MARGIN + most * spacing)
    symbol_width = min(MAX_SYMBOL_WIDTH, lane_width - 2 * pad)
    if symbol_width < MIN_SYMBOL_WIDTH:  # narrow lanes, many tracks: pack the tracks tighter
        symbol_width = MIN_SYMBOL_WIDTH
        pad = (lane_width - symbol_width) / 2
        spacing = max((pad - 2 * TRACK_MARGIN) / max(most, 1), 0.8)
    centres = tuple(c.cx for c in lanes)
    gutter = routes.Gutter(
        lanes[0].x, lanes[-1].right, centres, (lane_width - symbol_width) / 2, TRACK_MARGIN, spacing, dict(tracks)
    )
    return gutter, symbol_width


def _place_symbol(node: graph.Node, lanes, symbol_width: float) -> None:
    """Centred in its lane's column; from the first to the last of its lanes.

    In narrow lanes the symbols get lower too, so a capsule never turns into a circle.
    """
    diamond = node.kind is ShapeKind.DIAMOND
    width = min(symbol_width, MAX_DIAMOND_WIDTH) if diamond else symbol_width
    ratio = 0.62 if diamond else 0.5
    height = min(SYMBOL_HEIGHT[node.kind], max(width * ratio, 8.0))
    low, high = node.lane_span
    left = lanes[low].cx - width / 2
    right = lanes[high].cx + width / 2
    top = (node.slot_top + node.slot_bottom - height) / 2
    node.box = Box(left, top, right - left, height)
    node.anchors = tuple(lanes[i].cx for i in node.lanes) if not diamond else (node.box.cx,)


def _arrow(route: routes.Route, label: TextBlock | None) -> Arrow:
    link = route.link
    return Arrow(link.source_step, link.target_step, route.points, link.kind, link.label, link.letter, label, link.page)


def _page(number, rows, sop, nodes, connector_nodes, arrows, page_bands, texts, heights, heading, columns, style, measure):
    page_rows = tuple(
        Row(sop.steps[i].no, number, nodes[i].slot_top, heights[i], row_cells(columns, texts[i], nodes[i].slot_top, heights[i], style))
        for i in rows
    )
    bands = tuple(Band(b.y, b.height, b.position, band_cells(columns, b.y, b.height)) for b in page_bands[number].values())
    shapes = tuple(
        SymbolShape(nodes[i].step_no, nodes[i].kind, nodes[i].box, tuple(sop.steps[i].lanes), number) for i in rows
    )
    connectors = tuple(_connector(node, arrows, style, measure) for node in connector_nodes if node.page == number)
    bottom = max([heading.height] + [r.bottom for r in page_rows] + [b.bottom for b in bands])
    return ChartPage(
        number=number,
        height=bottom,
        heading=heading.cells,
        rows=page_rows,
        bands=tuple(sorted(bands, key=lambda b: b.y)),
        shapes=shapes,
        arrows=tuple(a for a in arrows if a.page == number),
        connectors=tuple(sorted(connectors, key=lambda c: (c.direction, c.letter))),
    )


def _connector(node: graph.Node, arrows, style: ChartStyle, measure: Measure) -> Connector:
    direction, mark = node.key.split(":")
    arrow = next(a for a in arrows if a.letter == mark)
    # The letter sits in the square part of the pentagon, above the point.
    box = node.box
    text_box = Box(box.x, box.y, box.width, box.height * 0.72)
    text = TextBlock(text_box, (mark,), style.connector_size, style.connector_size * 1.2, True, Align.CENTER, 0.0, True)
    return Connector(mark, node.page, box, direction, arrow.source_step, arrow.target_step, text)
