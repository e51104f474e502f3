"""Putting a case on the chart: CaseMarks (kpu_desk.chart.case_marks) mapped onto the scene's items.

The delegate of the orange-canvas pattern: the case's state comes in as plain
data, and each item is told its state; the items know how each state looks
(kpu_desk.gui.chart.palette). With marks None the chart is the bare SOP.
"""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from kpu_desk.chart.case_marks import CaseMarks
from kpu_desk.chart.model import ArrowKind, ShapeKind
from kpu_desk.gui import wallclock
from kpu_desk.gui.chart import palette
from kpu_desk.gui.chart.palette import ArrowState, StepState
from kpu_desk.gui.chart.scene import ChartScene
from kpu_desk.gui.chart.steps import StepItem
from kpu_desk.gui.formatting import short_datetime

NAME_LENGTH = 80  # of the activity in an accessible name: enough to recognise the step


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChartMarks", text)


def apply_marks(scene: ChartScene, marks: CaseMarks | None, now: datetime | None = None) -> None:
    now = now or wallclock.now()

    def name(item: StepItem) -> str:
        return accessible_name(item, marks, now)

    def tip(item: StepItem) -> str:
        return tooltip(scene, item, marks, now)

    for item in scene.step_items():
        state = step_state(item.step_no, marks)
        overdue = marks is not None and item.step_no in marks.overdue_steps
        item.set_mark(state, overdue, name, tip)
    for step_no, row in scene.rows.items():
        _mark_row(row, step_state(step_no, marks))
    _mark_arrows(scene, marks)


def _mark_arrows(scene: ChartScene, marks: CaseMarks | None) -> None:
    # An off-page pair (out of one page, into the next) and its connectors look like the arrow
    # leaving the step: only that one knows which branch it is.
    by_letter: dict[str, ArrowState] = {}
    for item in sorted(scene.arrows, key=lambda i: i.arrow.kind is ArrowKind.OFFPAGE_IN):
        a = item.arrow
        state = by_letter.get(a.letter) if a.kind is ArrowKind.OFFPAGE_IN else None
        item.set_state(state or arrow_state(a.source_step, a.target_step, marks, a.label))
        if a.kind is ArrowKind.OFFPAGE_OUT:
            by_letter[a.letter] = item.state
    for label in scene.labels:
        a = label.arrow
        label.set_dimmed(arrow_state(a.source_step, a.target_step, marks, a.label) is ArrowState.UNTAKEN)
    for connector in scene.connectors:
        c = connector.connector
        connector.set_state(by_letter.get(c.letter) or arrow_state(c.source_step, c.target_step, marks))


def step_state(step_no: int, marks: CaseMarks | None) -> StepState:
    if marks is None:
        return StepState.PLAIN
    if step_no == marks.open_step:  # a loop may bring the case back to a step it has done
        return StepState.OPEN
    if step_no in marks.done_steps:
        return StepState.DONE
    if step_no in marks.untaken_steps:
        return StepState.UNTAKEN
    return StepState.PENDING


def arrow_state(source: int, target: int, marks: CaseMarks | None, label: str | None = None) -> ArrowState:
    if marks is None:
        return ArrowState.PLAIN
    if label is not None:  # a decision's branch: two labels may lead to the same step
        return _branch_state(source, label, marks)
    if (source, target) in marks.taken_arrows:
        return ArrowState.TAKEN
    if (source, target) in marks.untaken_arrows:
        return ArrowState.UNTAKEN
    return ArrowState.PENDING


def _branch_state(source: int, label: str, marks: CaseMarks) -> ArrowState:
    if (source, label) in marks.taken_branches:
        return ArrowState.TAKEN
    if (source, label) in marks.untaken_branches:
        return ArrowState.UNTAKEN
    return ArrowState.PENDING


def _mark_row(row, state: StepState) -> None:
    row.set_tint(palette.OPEN_ROW_TINT if state is StepState.OPEN else None)
    row.text_color = palette.DIM_TEXT if state is StepState.UNTAKEN else palette.BLACK
    row.update()


# -- words ------------------------------------------------------------------------------


def accessible_name(item: StepItem, marks: CaseMarks | None, now: datetime) -> str:
    """"Langkah 3: Petugas Jagat Saksana menanyakan … (terbuka, tenggat 10.42)"."""
    kind = _tr(" (keputusan)") if item.shape_data.kind is ShapeKind.DIAMOND else ""
    name = _tr("Langkah {0}{1}: {2}").format(item.step_no, kind, _shortened(item.activity))
    status = _status(item.step_no, item.state, item.overdue, marks, now)
    return f"{name} ({status})" if status else name


def tooltip(scene: ChartScene, item: StepItem, marks: CaseMarks | None, now: datetime) -> str:
    lanes = ", ".join(scene.sop.lane(lane).name for lane in scene.sop.step(item.step_no).lanes)
    lines = [f"<b>{html.escape(_tr('Langkah {0}').format(item.step_no))}</b> · {html.escape(lanes)}",
             html.escape(item.activity)]
    lines += [html.escape(line) for line in _detail_lines(item.step_no, item.state, item.overdue, marks, now)]
    return "<qt>" + "<br>".join(lines) + "</qt>"


def _status(step_no: int, state: StepState, overdue: bool, marks: CaseMarks | None, now: datetime) -> str:
    if state is StepState.OPEN:
        parts = [_tr("terbuka")]
        if overdue:
            parts.append(_tr("terlambat"))
        if marks.open_due is not None:
            parts.append(_tr("tenggat {0}").format(_when(marks.open_due, now)))
        return ", ".join(parts)
    if state is StepState.DONE:
        done = marks.done_steps[step_no]
        return _tr("selesai oleh {0}, {1}").format(done.who, _when(done.when, now))
    return {StepState.UNTAKEN: _tr("tidak ditempuh"), StepState.PENDING: _tr("belum")}.get(state, "")


def _detail_lines(step_no: int, state: StepState, overdue: bool, marks: CaseMarks | None, now: datetime) -> list[str]:
    if state is StepState.DONE:
        done = marks.done_steps[step_no]
        lines = [_tr("Selesai oleh {0}").format(done.who), _tr("pada {0}").format(_when(done.when, now))]
        return lines + ([_tr("Cabang: {0}").format(done.branch)] if done.branch else [])
    if state is StepState.OPEN:
        due = _when(marks.open_due, now) if marks.open_due else _tr("tanpa tenggat")
        lines = [_tr("Terbuka — tenggat {0}").format(due), _tr("Harus bertindak: {0}").format(marks.open_actors)]
        return lines + ([_tr("TERLAMBAT")] if overdue else [])
    if state is StepState.UNTAKEN:
        return [_tr("Cabang ini tidak ditempuh oleh kasus {0}").format(marks.number)]
    return []


def _when(moment: datetime | None, now: datetime) -> str:
    """The clock alone for today ("10.42"), the date too otherwise."""
    if moment is None:
        return "—"
    return f"{moment:%H.%M}" if moment.date() == now.date() else short_datetime(moment)


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= NAME_LENGTH:
        return text
    return text[:NAME_LENGTH].rsplit(" ", 1)[0] + " …"
