"""Loading Qt Designer forms from ui/ onto our own widget classes.

QUiLoader builds a new widget tree; like PyQt's uic.loadUi, this loader hands
back our instance as the form's top-level widget and sets every named child
widget and action as an attribute of it, so `self.saveButton` works.
"""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from kpu_desk.gui.widgets.elided_label import ElidedLabel
from kpu_desk.paths import ui_dir

CUSTOM_WIDGETS = (ElidedLabel,)  # the forms' <customwidgets>: our own classes QUiLoader may build


class _OntoInstance(QUiLoader):
    def __init__(self, instance: QWidget):
        super().__init__(instance)
        self._instance = instance
        for widget_class in CUSTOM_WIDGETS:
            self.registerCustomWidget(widget_class)

    def createWidget(self, class_name, parent=None, name=""):  # noqa: N802 (Qt's name)
        if parent is None:
            return self._instance
        widget = super().createWidget(class_name, parent, name)
        if name:
            setattr(self._instance, name, widget)
        return widget

    def createAction(self, parent=None, name=""):  # noqa: N802
        action = super().createAction(parent, name)
        if name:
            setattr(self._instance, name, action)
        return action

    def createLayout(self, class_name, parent=None, name=""):  # noqa: N802
        layout = super().createLayout(class_name, parent, name)
        if name:
            setattr(self._instance, name, layout)
        return layout


def load_ui(relative_path: str, instance: QWidget) -> QWidget:
    """Build ui/<relative_path> onto instance (a widget of the form's top-level class)."""
    path = ui_dir() / relative_path
    source = QFile(str(path))
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"formulir {path} tidak dapat dibuka; instalasi KPU Desk tidak lengkap")
    try:
        loader = _OntoInstance(instance)
        loaded = loader.load(source)
    finally:
        source.close()
    if loaded is None:
        raise RuntimeError(f"formulir {path} tidak dapat dimuat: {loader.errorString()}")
    return loaded
