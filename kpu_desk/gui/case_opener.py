"""Opening a case from any list: the hook between the lists and the case window.

The case window (bagan alur with the case on it, the step forms) lives in
kpu_desk.gui.case. When that package provides

    open_case_window(number: str, session: Session, parent: QWidget) -> None

every "Buka kasus" in the application uses it. Until then, a read-only
summary of the case (CaseSummaryDialog) is shown.
"""

from __future__ import annotations

import importlib
from typing import Callable

from PySide6.QtWidgets import QWidget

from kpu_desk.gui.case_summary import CaseSummaryDialog
from kpu_desk.gui.session import Session

CASE_WINDOW_MODULE = "kpu_desk.gui.case"


def case_window_opener() -> Callable | None:
    """The case window's entry point when it is installed, else None."""
    try:
        module = importlib.import_module(CASE_WINDOW_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name in (CASE_WINDOW_MODULE, CASE_WINDOW_MODULE.rsplit(".", 1)[0]):
            return None
        raise  # the case window is there but something it needs is missing: say so
    return getattr(module, "open_case_window", None)


def open_case(number: str, session: Session, parent: QWidget) -> QWidget | None:
    opener = case_window_opener()
    if opener is not None:
        return opener(number, session, parent)
    dialog = CaseSummaryDialog(number, parent)
    dialog.open()
    return dialog
