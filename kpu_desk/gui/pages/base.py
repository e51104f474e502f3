"""What every page of the main window has: the signed-in session, a refresh, a way to open a case."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from kpu_desk import sop_catalog
from kpu_desk.gui import geometry
from kpu_desk.gui.session import Session
from kpu_desk.gui.uiload import load_ui


class Page(QWidget):
    """A page loads its data when shown; a change elsewhere only marks it stale until then."""

    case_requested = Signal(str)
    status_message = Signal(str)
    data_changed = Signal()  # the page wrote something other pages may show
    key = ""
    form = ""  # ui/pages/<form>

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        load_ui(f"pages/{self.form}", self)
        self.session = session
        self.stale = True

    def title(self) -> str:
        raise NotImplementedError

    def set_session(self, session: Session) -> None:
        self.session = session
        self.stale = True

    def refresh(self) -> None:
        """Read the page's data again; subclasses do the reading in reload()."""
        self.stale = False
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def refresh_in_place(self) -> None:
        """Another workstation changed something while the page is shown; pages keep their place."""
        self.refresh()

    def mark_stale(self) -> None:
        self.stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def save_state(self) -> None:
        for view in self.findChildren(QTableView):
            geometry.save_columns(view, f"{self.key}/{view.objectName()}")


def prepare_table(view: QTableView, key: str, widths: dict[int, int], stretch: int | None = None) -> None:
    """Rows select whole; column widths from last time, else sensible ones for 1366-pixel screens."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if geometry.restore_columns(view, key):
        return
    for column, width in widths.items():
        view.setColumnWidth(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def fill_sop_combo(combo: QComboBox, everything: str | None) -> None:
    """The registered SOPs by their short labels, keeping the current choice; `everything` first when given."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if everything is not None:
        combo.addItem(everything, "")
    for entry in sop_catalog.registered_sops():
        combo.addItem(entry.label, entry.id)
    combo.setCurrentIndex(max(combo.findData(current or ""), 0))
    combo.blockSignals(False)
