"""Window sizes and positions, and table column widths, remembered between sessions (QSettings).

Every window stays whole on its screen's free area (without the task bar): the office
laptops have 1280x720 and 1366x768 screens, and a size remembered from a larger
monitor, or a default made for one, must not put the status bar or "Selesaikan
langkah" under the screen's edge.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMargins, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

# A title bar and borders, until the window system has framed the window and can say.
UNKNOWN_FRAME = QMargins(4, 32, 4, 4)


def restore_window(widget: QWidget, key: str) -> bool:
    """The size and place saved for `key`, if any, kept on the screen as it is today."""
    state = QSettings().value(f"geometry/{key}")
    restored = isinstance(state, QByteArray) and widget.restoreGeometry(state)
    fit_on_screen(widget)
    return restored


def place_window(widget: QWidget, key: str, default: QSize) -> None:
    """A main or case window: as saved for `key`, else `default` centred on the screen; whole on it either way."""
    if restore_window(widget, key):
        return
    widget.resize(default)
    fit_on_screen(widget)
    room = free_area(widget)
    frame = widget.size().grownBy(frame_margins(widget))
    widget.move(room.left() + max(0, (room.width() - frame.width()) // 2),
                room.top() + max(0, (room.height() - frame.height()) // 2))


def fit_on_screen(widget: QWidget) -> None:
    """Shrink a window (never below its minimum) to the free area of its screen, and move it inside
    when it has a place of its own (shown, or moved); a dialog not placed yet is centred by Qt."""
    room = free_area(widget)
    margins = frame_margins(widget)
    inner = room.marginsRemoved(margins).size()
    size = widget.size().boundedTo(inner).expandedTo(widget.minimumSize())
    if size != widget.size():
        widget.resize(size)
    if widget.isVisible() or widget.testAttribute(Qt.WidgetAttribute.WA_Moved):
        frame = QRect(widget.pos(), size.grownBy(margins))
        widget.move(_inside(frame, room))


def free_area(widget: QWidget) -> QRect:
    """The screen the window is on (or will open on), without the task bar and docks."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_margins(widget: QWidget) -> QMargins:
    if widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
        return QMargins()  # never framed
    frame, inner = widget.frameGeometry(), widget.geometry()
    if frame == inner:
        return UNKNOWN_FRAME
    return QMargins(inner.left() - frame.left(), inner.top() - frame.top(),
                    frame.right() - inner.right(), frame.bottom() - inner.bottom())


def _inside(frame: QRect, room: QRect) -> QPoint:
    """Where the frame's top left goes so that the frame is in the room (its top left first if too big)."""
    x = max(room.left(), min(frame.left(), room.right() + 1 - frame.width()))
    y = max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height()))
    return QPoint(x, y)


def save_window(widget: QWidget, key: str) -> None:
    QSettings().setValue(f"geometry/{key}", widget.saveGeometry())


def restore_columns(view: QAbstractItemView, key: str) -> bool:
    state = QSettings().value(f"columns/{key}")
    return isinstance(state, QByteArray) and _header(view).restoreState(state)


def save_columns(view: QAbstractItemView, key: str) -> None:
    QSettings().setValue(f"columns/{key}", _header(view).saveState())


def _header(view) -> QHeaderView:
    return view.horizontalHeader()
