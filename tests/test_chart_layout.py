"""The bagan alur layout (kpu_desk.chart) of every shipped SOP, on screen and on paper.

The geometry is checked from the outside: rows in document order, every symbol
centred in its lane's column, every arrow orthogonal and joining the right two
symbols without touching any other, labelled decision exits, and a matching
pair of lettered connectors wherever the flow crosses a page break.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from kpu_desk.chart import ArrowKind, ChartLayout, ShapeKind, layout_chart
from kpu_desk.chart.links import letter
from kpu_desk.printing.paper import page_for
from kpu_desk.sop.library import load_shipped
from kpu_desk.sop.model import Branch, Sop, Symbol

EPS = 1e-6
SHIPPED = {sop.id: sop for sop in load_shipped()}


def _paper(paper: str, orientation: str) -> tuple[float, float]:
    page = page_for(paper, orientation)
    return page.frame_width, page.frame_height


CONFIGS = {
    "screen": (1000.0, None),
    "a4-portrait": _paper("a4", "portrait"),
    "a4-landscape": _paper("a4", "landscape"),
    "f4-landscape": _paper("f4", "landscape"),
    "f4-portrait": _paper("f4", "portrait"),
    "tiny-pages": (780.0, 260.0),  # many breaks: every kind of connector route gets used
}


@pytest.fixture(scope="module", params=sorted(SHIPPED))
def sop(request) -> Sop:
    return SHIPPED[request.param]


@pytest.fixture(scope="module", params=sorted(CONFIGS))
def config(request):
    return request.param, CONFIGS[request.param]


@pytest.fixture(scope="module")
def layout(sop, config) -> ChartLayout:
    _, (width, height) = config
    return layout_chart(sop, width=width, page_height=height)


# -- geometry helpers ---------------------------------------------------------

def _flow_edges(sop: Sop) -> Counter:
    edges = Counter()
    for step in sop.steps:
        if step.branches:
            edges.update((step.no, b.next, b.label) for b in step.branches)
        elif step.next is not None:
            edges[(step.no, step.next, None)] += 1
    return edges


def _inside_length(segment, box) -> float:
    """Length of the part of an axis-parallel segment inside the closed box."""
    (x1, y1), (x2, y2) = segment
    if y1 == y2:
        if not box.top <= y1 <= box.bottom:
            return 0.0 if not (box.top - EPS <= y1 <= box.bottom + EPS) else _overlap(x1, x2, box.left, box.right)
        return _overlap(x1, x2, box.left, box.right)
    if not box.left - EPS <= x1 <= box.right + EPS:
        return 0.0
    return _overlap(y1, y2, box.top, box.bottom)


def _overlap(a1, a2, b1, b2) -> float:
    low, high = max(min(a1, a2), b1), min(max(a1, a2), b2)
    return max(0.0, high - low)


def _on_boundary(point, box) -> bool:
    x, y = point
    on_vertical = (abs(x - box.left) < EPS or abs(x - box.right) < EPS) and box.top - EPS <= y <= box.bottom + EPS
    on_horizontal = (abs(y - box.top) < EPS or abs(y - box.bottom) < EPS) and box.left - EPS <= x <= box.right + EPS
    return on_vertical or on_horizontal


def _touches_shape(point, shape) -> bool:
    """On the symbol's outline where an arrow may meet it."""
    box = shape.box
    if shape.kind is ShapeKind.DIAMOND:
        return any(abs(point[0] - vx) < EPS and abs(point[1] - vy) < EPS for vx, vy in shape.outline())
    if shape.kind is ShapeKind.CAPSULE:
        on_flat = abs(point[1] - box.top) < EPS or abs(point[1] - box.bottom) < EPS
        radius = box.height / 2
        if on_flat:
            return box.left + radius - EPS <= point[0] <= box.right - radius + EPS
        return (abs(point[0] - box.left) < EPS or abs(point[0] - box.right) < EPS) and abs(point[1] - box.cy) < EPS
    return _on_boundary(point, box)


def crossings(layout: ChartLayout) -> list[str]:
    """Every place where an arrow runs into or along a symbol or a connector."""
    found = []
    for page in layout.pages:
        obstacles = [(f"langkah {s.step_no}", s.box) for s in page.shapes]
        obstacles += [(f"konektor {c.letter}/{c.direction}", c.box) for c in page.connectors]
        for arrow in page.arrows:
            for segment in arrow.segments():
                for name, box in obstacles:
                    if _inside_length(segment, box) > EPS:
                        found.append(f"p{page.number} {arrow.source_step}->{arrow.target_step} {segment} melewati {name}")
    return found


def overlaps(layout: ChartLayout, merging: frozenset[int] = frozenset()) -> list[str]:
    """Collinear runs shared by two different arrows.

    Arrows into a step in `merging` may join on their last run (a diamond has four
    vertices; a fifth connection has to share one).
    """
    found = []
    for page in layout.pages:
        runs = [(i, k == len(arrow.points) - 2, seg) for i, arrow in enumerate(page.arrows)
                for k, seg in enumerate(arrow.segments())]
        for a in range(len(runs)):
            for b in range(a + 1, len(runs)):
                (i, last1, s1), (j, last2, s2) = runs[a], runs[b]
                if i == j:
                    continue
                first, second = page.arrows[i], page.arrows[j]
                if (last1 and last2 and s1[1] == s2[1] and first.target_step == second.target_step
                        and first.target_step in merging):
                    continue
                (ax1, ay1), (ax2, ay2) = s1
                (bx1, by1), (bx2, by2) = s2
                if ay1 == ay2 == by1 == by2 and _overlap(ax1, ax2, min(bx1, bx2), max(bx1, bx2)) > EPS:
                    found.append(f"p{page.number}: {s1} / {s2}")
                if ax1 == ax2 == bx1 == bx2 and _overlap(ay1, ay2, min(by1, by2), max(by1, by2)) > EPS:
                    found.append(f"p{page.number}: {s1} / {s2}")
    return found


# -- the assertions, for every SOP in every configuration ---------------------

def test_rows_in_document_order(sop, layout):
    assert [n for page in layout.pages for n in page.step_numbers] == [s.no for s in sop.steps]
    for page in layout.pages:
        y = layout.heading_height
        top = page.band("top")
        if top:
            assert top.y == pytest.approx(y)
            y = top.bottom
        for row in page.rows:
            assert row.y == pytest.approx(y) and row.height > 0
            y = row.bottom
        bottom = page.band("bottom")
        if bottom:
            assert bottom.y == pytest.approx(y)


def test_pages_fit_the_paper_and_repeat_the_heading(layout, config):
    _, (_, height) = config
    first_heading = layout.pages[0].heading
    titles = {c.text.lines for c in first_heading if c.text}
    assert ("Kegiatan",) in titles and ("Pelaksana",) in titles and ("Mutu", "Baku") not in titles
    for page in layout.pages:
        assert page.heading == first_heading
        assert min(c.box.y for c in page.heading) == 0.0
        if height is not None:
            assert page.height <= height + EPS
    if height is None:
        assert len(layout.pages) == 1


def test_columns_follow_the_official_order(sop, layout):
    keys = [c.key for c in layout.columns]
    lanes = [f"lane:{lane.id}" for lane in sop.lanes]
    assert keys == ["no", "kegiatan", *lanes, "kelengkapan", "waktu", "output", "keterangan"]
    assert sum(c.width for c in layout.columns) == pytest.approx(layout.width)
    for left, right in zip(layout.columns, layout.columns[1:]):
        assert right.x == pytest.approx(left.right)
    kegiatan = layout.column("kegiatan").width
    assert kegiatan == max(c.width for c in layout.columns)  # the widest, as on the signed documents


def test_every_symbol_is_centred_in_its_lanes(sop, layout):
    for page in layout.pages:
        for shape in page.shapes:
            step = sop.step(shape.step_no)
            row = next(r for r in page.rows if r.step_no == step.no)
            expected = {Symbol.START: ShapeKind.CAPSULE, Symbol.END: ShapeKind.CAPSULE,
                        Symbol.PROCESS: ShapeKind.RECTANGLE, Symbol.DECISION: ShapeKind.DIAMOND}[step.symbol]
            assert shape.kind is expected
            columns = [layout.lane_column(lane_id) for lane_id in step.lanes]
            first, last = min(columns, key=lambda c: c.x), max(columns, key=lambda c: c.x)
            # Equal margins to the first lane's left border and the last lane's right border.
            assert shape.box.left - first.x == pytest.approx(last.right - shape.box.right)
            assert first.x < shape.box.left and shape.box.right < last.right
            assert row.y < shape.box.top and shape.box.bottom < row.bottom
            assert shape.box.cy == pytest.approx(row.y + row.height / 2)
        assert len(page.shapes) == len(page.rows)


def test_arrows_are_orthogonal(layout):
    for arrow in layout.arrows:
        assert len(arrow.points) >= 2
        for (x1, y1), (x2, y2) in arrow.segments():
            assert (x1 == x2) != (y1 == y2), f"{arrow.source_step}->{arrow.target_step}: {(x1, y1)} {(x2, y2)}"


def test_every_arrow_joins_the_right_two_symbols(sop, layout):
    joined = Counter()
    shapes = {s.step_no: s for page in layout.pages for s in page.shapes}
    connectors = {(c.letter, c.direction): c for c in layout.connectors}
    for arrow in layout.arrows:
        start, end = arrow.points[0], arrow.points[-1]
        if arrow.kind is ArrowKind.OFFPAGE_IN:
            connector = connectors[(arrow.letter, "in")]
            assert start == pytest.approx((connector.box.cx, connector.box.bottom))
            assert connector.page == arrow.page == shapes[arrow.target_step].page
            assert _touches_shape(end, shapes[arrow.target_step])
            continue
        assert _touches_shape(start, shapes[arrow.source_step]), (arrow.source_step, start)
        assert shapes[arrow.source_step].page == arrow.page
        if arrow.kind is ArrowKind.OFFPAGE_OUT:
            connector = connectors[(arrow.letter, "out")]
            assert end == pytest.approx((connector.box.cx, connector.box.top))
            assert connector.page == arrow.page
        else:
            assert _touches_shape(end, shapes[arrow.target_step]), (arrow.target_step, end)
            assert shapes[arrow.target_step].page == arrow.page
        joined[(arrow.source_step, arrow.target_step, arrow.label)] += 1
    assert joined == _flow_edges(sop)


def test_no_arrow_crosses_a_symbol(layout):
    assert crossings(layout) == []


def test_no_two_arrows_share_a_line(layout):
    assert overlaps(layout) == []


def test_arrows_stay_in_the_lane_area(layout):
    left, right = layout.lane_area
    for arrow in layout.arrows:
        for x, _ in arrow.points:
            assert left < x < right


def test_every_decision_has_labelled_exits(sop, layout):
    for step in sop.steps:
        if step.symbol is not Symbol.DECISION:
            continue
        leaving = [a for a in layout.arrows if a.source_step == step.no and a.kind is not ArrowKind.OFFPAGE_IN]
        assert sorted(a.label for a in leaving) == sorted(b.label for b in step.branches)
        for branch in step.branches:
            arrow = next(a for a in leaving if a.label == branch.label)
            assert arrow.target_step == branch.next
            assert arrow.label_block is not None
            # Broken at spaces, or after a slash ("pejabat/ | personil").
            assert "".join("".join(arrow.label_block.lines).split()) == "".join(branch.label.split())
        exits = [a.points[0] for a in leaving]
        assert len(set(exits)) == len(exits), "two branches leave from the same vertex"


def test_page_breaks_have_matching_connectors(sop, layout):
    letters = Counter((c.letter, c.direction) for c in layout.connectors)
    marks = sorted({c.letter for c in layout.connectors}, key=lambda m: (len(m), m))
    assert marks == [letter(i) for i in range(len(marks))]  # A, B, C … without gaps
    for mark in marks:
        assert letters[(mark, "out")] == 1 and letters[(mark, "in")] == 1
        out = next(c for c in layout.connectors if c.letter == mark and c.direction == "out")
        into = next(c for c in layout.connectors if c.letter == mark and c.direction == "in")
        out_page, in_page = layout.pages[out.page - 1], layout.pages[into.page - 1]
        bottom, top = out_page.band("bottom"), in_page.band("top")
        assert bottom.y <= out.box.top and out.box.bottom <= bottom.bottom
        assert top.y <= into.box.top and into.box.bottom <= top.bottom
        assert (out.source_step, out.target_step) == (into.source_step, into.target_step)
        assert into.page > out.page  # no shipped SOP loops back across a page
        assert [a for a in out_page.arrows if a.letter == mark and a.kind is ArrowKind.OFFPAGE_OUT]
        assert [a for a in in_page.arrows if a.letter == mark and a.kind is ArrowKind.OFFPAGE_IN]
    page_of = {s.step_no: s.page for page in layout.pages for s in page.shapes}
    crossing = sum(n for (a, b, _), n in _flow_edges(sop).items() if page_of[a] != page_of[b])
    assert len(marks) == crossing


def test_connector_bands_only_where_connectors_are(layout):
    for page in layout.pages:
        for band in page.bands:
            inside = [c for c in page.connectors if band.y <= c.box.top and c.box.bottom <= band.bottom]
            assert inside, f"page {page.number}: empty {band.position} band"
            wanted = "out" if band.position == "bottom" else "in"
            assert {c.direction for c in inside} == {wanted}


def test_row_texts_are_the_steps_texts(sop, layout):
    for page in layout.pages:
        for row in page.rows:
            step = sop.step(row.step_no)
            by_x = {round(c.box.x, 3): c for c in row.cells}
            kegiatan = by_x[round(layout.column("kegiatan").x, 3)]
            # Lines break at spaces, or inside a word too long for the column.
            assert "".join("".join(kegiatan.text.lines).split()) == "".join(step.activity.split())
            waktu = by_x[round(layout.column("waktu").x, 3)]
            assert " ".join(waktu.text.lines) == step.mutu_baku.waktu.as_written  # never broken
            for line in kegiatan.text.lines:
                assert len(line) > 0


# -- particular cases ---------------------------------------------------------

def test_two_lane_step_spans_both_columns():
    sop = SHIPPED["karanganyar-pelayanan-umum"]
    layout = layout_chart(sop, width=900)
    shape = layout.shape(8)
    pimpinan, pejabat = layout.lane_column("pimpinan"), layout.lane_column("pejabat_terkait")
    assert shape.lanes == ("pimpinan", "pejabat_terkait")
    assert shape.box.left < pimpinan.cx and shape.box.right > pejabat.cx
    assert shape.box.cx == pytest.approx(pimpinan.right)
    single = layout.shape(7)
    assert single.box.cx == pytest.approx(pimpinan.cx)


def test_three_way_decision_uses_three_vertices():
    sop = SHIPPED["karanganyar-pelayanan-umum"]
    layout = layout_chart(sop, width=900)
    diamond = layout.shape(7)
    leaving = [a for a in layout.arrows if a.source_step == 7]
    assert {a.points[0] for a in leaving} == {(diamond.box.cx, diamond.box.bottom), (diamond.box.left, diamond.box.cy),
                                               (diamond.box.right, diamond.box.cy)}
    assert Counter(a.target_step for a in leaving) == {8: 2, 9: 1}


def test_a_skip_runs_along_the_side_channel():
    sop = SHIPPED["kupang-pelayanan-publik"]
    layout = layout_chart(sop, width=900)
    skip = next(a for a in layout.arrows if (a.source_step, a.target_step) == (9, 12))
    every_symbol = [s.box for s in layout.pages[0].shapes]
    channel_x = [x for x, _ in skip.points if all(not (b.left <= x <= b.right) for b in every_symbol)]
    assert channel_x, "the skip from 9 to 12 should run outside every symbol's column span"
    gutter_left, gutter_right = layout.lane_area
    assert any(x - gutter_left < 25 or gutter_right - x < 25 for x in channel_x)


def _with_loop(sop: Sop, at: int, back_to: int) -> Sop:
    """The SOP with step `at` turned into a decision whose 'Tidak' goes back up."""
    steps = []
    for step in sop.steps:
        if step.no == at:
            step = dataclasses.replace(step, symbol=Symbol.DECISION, next=None,
                                       branches=(Branch("Ya", step.next), Branch("Tidak", back_to)))
        steps.append(step)
    return dataclasses.replace(sop, steps=tuple(steps))


def test_a_loop_goes_back_up_along_the_side_channel():
    sop = _with_loop(SHIPPED["kediri-pengaduan"], at=13, back_to=7)
    layout = layout_chart(sop, width=900)
    loop = next(a for a in layout.arrows if (a.source_step, a.target_step) == (13, 7))
    assert loop.kind is ArrowKind.LOOP and loop.label == "Tidak"
    ys = [y for _, y in loop.points]
    assert min(ys) < layout.shape(7).box.top < layout.shape(13).box.top
    assert crossings(layout) == [] and overlaps(layout) == []


def test_a_loop_back_across_pages_gets_connectors_at_the_top_of_the_earlier_page():
    sop = _with_loop(SHIPPED["kediri-pengaduan"], at=16, back_to=2)
    layout = layout_chart(sop, width=780, page_height=330)
    out = next(c for c in layout.connectors if c.direction == "out" and (c.source_step, c.target_step) == (16, 2))
    into = next(c for c in layout.connectors if c.letter == out.letter and c.direction == "in")
    assert into.page < out.page
    assert layout.pages[into.page - 1].band("top") is not None
    assert crossings(layout) == [] and overlaps(layout) == []


def test_a_custom_measure_changes_the_rows():
    sop = SHIPPED["pulangpisau-pengaduan"]
    narrow = layout_chart(sop, width=900, measure=lambda text, size, bold=False: len(text) * size * 0.3)
    wide = layout_chart(sop, width=900, measure=lambda text, size, bold=False: len(text) * size * 0.9)
    assert wide.height > narrow.height


# -- the checkers themselves must be able to fail ------------------------------

def test_the_crossing_checker_sees_an_arrow_through_a_symbol():
    layout = layout_chart(SHIPPED["kediri-pengaduan"], width=900)
    page = layout.pages[0]
    first, third = page.shapes[0], page.shapes[2]
    bad = dataclasses.replace(page.arrows[0], points=((first.box.cx, first.box.bottom), (third.box.cx, third.box.top)))
    broken = dataclasses.replace(layout, pages=(dataclasses.replace(page, arrows=page.arrows + (bad,)),))
    assert any("melewati langkah 2" in c for c in crossings(broken))
    assert overlaps(broken)


def test_the_boundary_checker_refuses_a_point_beside_a_symbol():
    layout = layout_chart(SHIPPED["kediri-pengaduan"], width=900)
    diamond = layout.shape(1)
    assert _touches_shape((diamond.box.cx, diamond.box.bottom), diamond)
    assert not _touches_shape((diamond.box.left, diamond.box.top), diamond)
    assert not _touches_shape((diamond.box.cx + 3, diamond.box.bottom), diamond)


# -- any flow at all: random SOPs ---------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kpu_desk.sop.model import Lane, Step  # noqa: E402


@st.composite
def random_sops(draw) -> Sop:
    """Up to six lanes and eighteen steps, with skips, loops and two- or three-way decisions."""
    base = SHIPPED["karanganyar-pelayanan-umum"]
    lanes = tuple(Lane(f"lane{i}", f"Pelaksana {i}") for i in range(draw(st.integers(1, 6))))
    count = draw(st.integers(2, 18))
    steps = []
    for no in range(1, count + 1):
        others = [n for n in range(1, count + 1) if n != no]
        in_lanes = tuple(draw(st.lists(st.sampled_from([lane.id for lane in lanes]), min_size=1, max_size=2, unique=True)))
        words = draw(st.lists(st.sampled_from(["Petugas", "menerima", "surat", "permohonan", "dan", "mencatat"]),
                              min_size=1, max_size=30))
        step = Step(no, " ".join(words), in_lanes, Symbol.PROCESS, base.steps[1].mutu_baku)
        if no == count:
            step = dataclasses.replace(step, symbol=Symbol.END)
        elif len(others) >= 2 and draw(st.booleans()) and draw(st.booleans()):
            targets = draw(st.lists(st.sampled_from(others), min_size=2, max_size=min(3, len(others)), unique=True))
            labels = ["Ya", "Tidak", "Surat balasan dengan lampiran data"]
            branches = tuple(Branch(label, target) for label, target in zip(labels, targets))
            step = dataclasses.replace(step, symbol=Symbol.DECISION, branches=branches)
        else:
            forward = no + 1 if draw(st.integers(0, 3)) else draw(st.sampled_from(others))
            step = dataclasses.replace(step, next=forward)
        steps.append(step)
    return dataclasses.replace(base, lanes=lanes, steps=tuple(steps))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_sops(), st.sampled_from([(900.0, None), (780.0, 300.0), (510.0, 760.0), (600.0, 200.0)]))
def test_any_flow_is_drawn_without_crossings(sop, size):
    width, height = size
    layout = layout_chart(sop, width=width, page_height=height, measure=lambda t, s, b=False: len(t) * s * 0.55)
    assert crossings(layout) == []
    shapes = {s.step_no: s for page in layout.pages for s in page.shapes}
    joined = Counter()
    for arrow in layout.arrows:
        for (x1, y1), (x2, y2) in arrow.segments():
            assert (x1 == x2) != (y1 == y2)
        if arrow.kind is not ArrowKind.OFFPAGE_IN:
            assert _touches_shape(arrow.points[0], shapes[arrow.source_step])
            joined[(arrow.source_step, arrow.target_step, arrow.label)] += 1
        if arrow.kind is not ArrowKind.OFFPAGE_OUT:
            assert _touches_shape(arrow.points[-1], shapes[arrow.target_step])
    assert joined == _flow_edges(sop)
    if len(sop.lanes) > 1:  # one lane cannot hold many connectors side by side
        assert overlaps(layout, _overfull_diamonds(sop)) == []


def _overfull_diamonds(sop: Sop) -> frozenset[int]:
    """Decisions with more arrows in and out than a diamond has vertices."""
    arriving = Counter(target for step in sop.steps for target in step.successors)
    return frozenset(
        step.no for step in sop.steps
        if step.symbol is Symbol.DECISION and len(step.successors) + arriving[step.no] > 4
    )
