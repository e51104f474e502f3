"""Attaching a file to a step: chosen (a dialog, or an injected chooser), stored at once, shown by name.

The file is kept in the data folder when it is chosen (engine.files.attach_file), against
the case and the open step run, so the form only carries the Attachment id the
engine expects. A signature is an attachment too: an image of it, shown small.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton, QWidget

from kpu_desk.engine.files import FileInfo, StoreError, attach_file, file_info, file_path
from kpu_desk.gui.forms.context import FormContext, translate
from kpu_desk.gui.forms.editor import FieldEditor
from kpu_desk.gui.operations import problem_text
from kpu_desk.sop.model import FieldType, FormField

SIGNATURE_TYPES = (".png", ".jpg", ".jpeg")
PREVIEW_HEIGHT = 48


class AttachmentEditor(FieldEditor):
    def __init__(self, form_field: FormField, context: FormContext, parent: QWidget | None = None):
        super().__init__(form_field, parent)
        self.context = context
        self.attachment: FileInfo | None = None
        self.chooseButton = QPushButton(translate("Pilih berkas…"), self)
        self.chooseButton.setObjectName(f"field_{form_field.key}")
        self.nameLabel = QLabel(translate("Belum ada berkas"), self)
        self.nameLabel.setProperty("role", "hint")
        self.nameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clearButton = QToolButton(self)
        self.clearButton.setText(translate("Hapus"))
        self.clearButton.setToolTip(translate("Lepaskan berkas dari isian ini"))
        self.preview = QLabel(self)
        self.preview.hide()
        for widget in (self.chooseButton, self.preview, self.nameLabel):
            self.row.addWidget(widget)
        self.row.addWidget(self.clearButton)
        self.row.addStretch(1)
        self.chooseButton.clicked.connect(self.choose)
        self.clearButton.clicked.connect(lambda: self.set_raw_value(None))
        self._show()

    def accepted_types(self) -> tuple[str, ...]:
        if self.field.accept:
            return self.field.accept
        return SIGNATURE_TYPES if self.field.type is FieldType.SIGNATURE else ()

    def name_filter(self) -> str:
        types = self.accepted_types()
        if not types:
            return translate("Semua berkas (*)")
        patterns = " ".join(f"*{suffix}" for suffix in types)
        return translate("Berkas yang diterima ({0});;Semua berkas (*)").format(patterns)

    # --- choosing and storing ---------------------------------------------------------------

    def choose(self) -> None:
        path = self.context.choose_file(self, translate("Pilih berkas: {0}").format(self.field.label),
                                        self.name_filter())
        if path:
            self.attach(path)

    def attach(self, path: str) -> FileInfo | None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a large scan takes a moment to copy
        try:
            self.attachment = self._store(path)
        except Exception as exc:  # noqa: BLE001  (told to the clerk beside the field)
            self.problem.emit(problem_text(exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show()
        return self.attachment

    def _store(self, path: str) -> FileInfo:
        context = self.context
        return attach_file(path, self.field.key, context.user, case_id=context.case_id,
                           case_number=context.case_number or "", step_run_id=context.step_run_id)

    # --- the value ----------------------------------------------------------------------

    def raw_value(self) -> Any:
        return str(self.attachment.id) if self.attachment is not None else ""

    def set_raw_value(self, value: Any) -> None:
        self.attachment = _find(value)
        self._show()

    def input_widget(self) -> QWidget:
        return self.chooseButton

    def focus_widgets(self) -> list[QWidget]:
        return [self.chooseButton, self.clearButton]

    def set_read_only(self, read_only: bool) -> None:
        self.chooseButton.setVisible(not read_only)
        self.clearButton.setVisible(not read_only and self.attachment is not None)

    def _show(self) -> None:
        attached = self.attachment is not None
        self.nameLabel.setText(self.attachment.filename if attached else translate("Belum ada berkas"))
        self.nameLabel.setProperty("role", "" if attached else "hint")
        self.nameLabel.style().polish(self.nameLabel)
        self.clearButton.setVisible(attached and self.chooseButton.isVisibleTo(self))
        self.chooseButton.setText(translate("Ganti berkas…") if attached else translate("Pilih berkas…"))
        self._preview()

    def _preview(self) -> None:
        pixmap = QPixmap()
        if self.field.type is FieldType.SIGNATURE and self.attachment is not None:
            pixmap = _signature_pixmap(self.attachment)
        self.preview.setVisible(not pixmap.isNull())
        if not pixmap.isNull():
            self.preview.setPixmap(pixmap.scaledToHeight(PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation))


def _find(value: Any) -> FileInfo | None:
    return value if isinstance(value, FileInfo) else file_info(value or "")


def _signature_pixmap(attachment: FileInfo) -> QPixmap:
    try:
        return QPixmap(str(file_path(attachment.id)))
    except StoreError:
        return QPixmap()  # a missing file is reported where it is opened, not in the preview
