"""Messages shown next to the fields they are about, while the typed text stays where it is.

The core reports problems by field key (kpu_desk.validation.FormError); a
form maps each key to the label under its field, and marks the field itself so
the style sheet can draw it in red.
"""

from __future__ import annotations

from typing import Mapping

from PySide6.QtWidgets import QLabel, QWidget


class FieldErrors:
    def __init__(self, labels: Mapping[str, QLabel], inputs: Mapping[str, QWidget] | None = None,
                 general: QLabel | None = None):
        self._labels = dict(labels)
        self._inputs = dict(inputs or {})
        self._general = general
        self.clear()

    def show(self, problems: Mapping[str, str]) -> None:
        self.clear()
        leftover = []
        for key, text in problems.items():
            label = self._labels.get(key)
            if label is None:
                leftover.append(sentence(text))
                continue
            label.setText(sentence(text))
            label.show()
            _mark(self._inputs.get(key), True)
        if leftover and self._general is not None:
            self._general.setText("\n".join(leftover))
            self._general.show()
        self._focus_first(problems)

    def clear(self) -> None:
        for label in [*self._labels.values(), *([self._general] if self._general else [])]:
            label.clear()
            label.hide()
        for widget in self._inputs.values():
            _mark(widget, False)

    def clear_field(self, key: str) -> None:
        label = self._labels.get(key)
        if label is not None:
            label.clear()
            label.hide()
        _mark(self._inputs.get(key), False)

    def _focus_first(self, problems: Mapping[str, str]) -> None:
        # The inputs are given in the form's order: the topmost bad field gets the focus.
        for key in [k for k in self._inputs if k in problems]:
            widget = self._inputs.get(key)
            if widget is not None and widget.isVisible():
                widget.setFocus()
                return


def sentence(text: str) -> str:
    """The core writes messages in lower case, to be joined; on a form each is a sentence."""
    text = str(text).strip()
    return text[:1].upper() + text[1:] if text else text


def _mark(widget: QWidget | None, invalid: bool) -> None:
    if widget is None:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
