"""A one-line label that gives way on a narrow screen: shortened with "…", never pushing the window wider."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

SHORTEST = "Abcdefgh…"  # what stays readable when the window is as narrow as it goes


class ElidedLabel(QLabel):
    """A QLabel whose text is cut with "…" to the width it is given; text() is still the whole text.
    Give it an Expanding size policy: it asks for little and shows more as room allows.

    A plain QLabel asks for its whole text's width as its minimum, so one long case title
    made the case window wider than a 1280-pixel laptop screen.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._whole = ""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._whole = text or ""
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        return self._whole

    def sizeHint(self) -> QSize:  # noqa: N802
        # Only a short width is asked for: the neighbours get what they need first (a due time
        # stays on one line) and this label, Expanding, takes what is left.
        return self.minimumSizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        return QSize(min(self._width_for(SHORTEST), self._width_for(self._whole)), hint.height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _width_for(self, text: str) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + 2 * self.margin()

    def _elide(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != super().text():
            super().setText(shown)
