"""A progress bar with a Batal button that follows one Operation, then hides itself."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from kpu_desk.gui.operations import Operation


class ProgressPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMinimumWidth(220)
        self.cancelButton = QPushButton(self.tr("Batal"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancelButton)
        self._operation: Operation | None = None
        self.cancelButton.clicked.connect(self._cancel)
        self.hide()

    def follow(self, operation: Operation, text: str, cancellable: bool = True) -> None:
        self._operation = operation
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the first report
        self.cancelButton.setEnabled(cancellable)
        self.cancelButton.setVisible(cancellable)
        operation.progressed.connect(self._progressed)
        operation.finished.connect(self._finished)
        self.show()

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(self.tr("%v dari %m"))

    def _cancel(self) -> None:
        if self._operation is not None:
            self._operation.cancel()
            self.cancelButton.setEnabled(False)
            self.label.setText(self.tr("Membatalkan…"))

    def _finished(self) -> None:
        self._operation = None
        self.hide()
