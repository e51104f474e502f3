"""Colours and line widths of the chart, and the look of each mark a case puts on a step.

Colours are from the Okabe-Ito set (told apart with every common colour-vision
deficiency), and no mark is colour alone: the open step is the one dark fill
with a thick outline and a ▶; a done step is a light grey fill with a ✓; an
overdue step has a thick vermillion outline and a "!" badge; an untaken step
is dashed. In greyscale the fills stay apart too: dark (open), light grey
(done), white (not yet), and dashed (untaken).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

BLACK = QColor("#000000")
WHITE = QColor("#ffffff")
HEADING_FILL = QColor("#e0e0e0")  # the printed document's grey (0.88)
OPEN_BLUE = QColor("#0072B2")  # Okabe-Ito blue
OVERDUE_VERMILLION = QColor("#D55E00")  # Okabe-Ito vermillion
DONE_FILL = QColor("#c4c4c4")
OPEN_ROW_TINT = QColor("#e1eef7")  # the open step's row, so it is found when zoomed out
PENDING_LINE = QColor("#595959")  # steps and arrows still ahead, while a case is shown
DIM_LINE = QColor("#a6a6a6")  # untaken
DIM_TEXT = QColor("#8c8c8c")

GRID = 0.5
OUTLINE = 0.8
ARROW_LINE = 0.7
TAKEN_LINE = 1.8
OPEN_OUTLINE = 2.2
OVERDUE_OUTLINE = 2.4
HEAD_LENGTH = 4.2
HEAD_HALF_WIDTH = 2.1


class StepState(enum.Enum):
    PLAIN = "plain"  # no case shown
    PENDING = "pending"  # a case is shown and has not reached the step (yet)
    DONE = "done"
    OPEN = "open"
    UNTAKEN = "untaken"


class ArrowState(enum.Enum):
    PLAIN = "plain"
    PENDING = "pending"
    TAKEN = "taken"
    UNTAKEN = "untaken"


@dataclass(frozen=True)
class Look:
    fill: QColor
    line: QColor
    width: float
    style: Qt.PenStyle = Qt.PenStyle.SolidLine


STEP_LOOKS = {
    StepState.PLAIN: Look(WHITE, BLACK, OUTLINE),
    StepState.PENDING: Look(WHITE, BLACK, OUTLINE),
    StepState.DONE: Look(DONE_FILL, BLACK, OUTLINE),
    StepState.OPEN: Look(OPEN_BLUE, BLACK, OPEN_OUTLINE),
    StepState.UNTAKEN: Look(WHITE, DIM_LINE, OUTLINE, Qt.PenStyle.DashLine),
}

ARROW_LOOKS = {
    ArrowState.PLAIN: Look(BLACK, BLACK, ARROW_LINE),
    ArrowState.PENDING: Look(PENDING_LINE, PENDING_LINE, ARROW_LINE),
    ArrowState.TAKEN: Look(BLACK, BLACK, TAKEN_LINE),
    ArrowState.UNTAKEN: Look(DIM_LINE, DIM_LINE, ARROW_LINE, Qt.PenStyle.DashLine),
}


def step_look(state: StepState, overdue: bool) -> Look:
    look = STEP_LOOKS[state]
    if overdue:
        return Look(look.fill, OVERDUE_VERMILLION, OVERDUE_OUTLINE)
    return look
