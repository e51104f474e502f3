"""What a step form needs to know besides its fields: whose case, who is typing, how files are chosen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kpu_desk.accounts import User
from kpu_desk.gui.file_dialogs import ask_open_file

# (parent, dialog title, name filter) → the chosen file's path, or None when cancelled.
FileChooser = Callable[[QWidget, str, str], "str | None"]


def dialog_file_chooser(parent: QWidget, title: str, name_filter: str) -> str | None:
    return ask_open_file(parent, title, name_filter)


@dataclass
class FormContext:
    """The case a form belongs to; attachments chosen in it are stored against it."""

    case_number: str | None = None
    case_id: int | None = None
    step_run_id: int | None = None
    user: User | None = None
    # Injected so tests (and a scanner integration later) choose files without a dialog.
    choose_file: FileChooser = field(default=dialog_file_chooser)


def translate(text: str) -> str:
    return QCoreApplication.translate("StepForm", text)
