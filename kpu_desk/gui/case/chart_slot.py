"""Where the case window gets its bagan alur: the swimlane view of kpu_desk.gui.chart.

The window only creates the view here and talks to it through ChartView's
public API (set_sop, show_case, step_activated, marked_open_step), so the
chart can change without the window changing.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kpu_desk.chart.case_marks import CaseMarks, RunView, marks_from_runs
from kpu_desk.gui.case.case_data import CaseData
from kpu_desk.gui.chart import ChartView
from kpu_desk.sop.model import Sop


def make_chart_view(sop: Sop, case_state: CaseMarks | None, parent: QWidget | None = None) -> ChartView:
    view = ChartView(parent)
    view.setObjectName("chartView")
    view.set_sop(sop)
    view.show_case(case_state)
    return view


def marks_of(data: CaseData) -> CaseMarks:
    """The case's marks from the history the window already read (no second trip to the database)."""
    runs = [RunView(e.step_no, e.state, e.completed_by_name or e.completed_by, e.completed_at, e.branch,
                    e.due_at, e.overdue) for e in data.history]
    summary = data.summary
    return marks_from_runs(data.sop, summary.number, summary.state, runs, case_overdue=summary.overdue,
                           title=summary.title)
