"""Saving from the windows onto a full disk (issue 14): "Simpan PDF" in the print preview and the
Buku tamu export keep the old file, leave nothing beside it, and say "penyimpanan penuh"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from full_disk_support import full_folder, leftovers
from gui.test_guestbook_dialog import _dialog, office  # noqa: F401  (office is a fixture)
from gui.test_pdf_preview import open_preview
from gui.test_pdf_printing import guest_pass

OLD = b"versi lama, harus tetap utuh"


def test_simpan_pdf_on_a_full_disk_says_so_and_keeps_the_old_file(qtbot, tmp_path, _no_blocking_message_boxes):
    with full_folder(tmp_path / "penuh", {"pass.pdf": OLD}) as folder:
        preview = open_preview(qtbot, guest_pass(), choose_path=lambda parent, title: str(folder / "pass.pdf"))
        qtbot.mouseClick(preview.saveButton, Qt.MouseButton.LeftButton)
        kind, title, text = _no_blocking_message_boxes[-1]
        assert (kind, title) == ("error", "PDF tidak dapat disimpan") and "penyimpanan penuh" in text, text
        assert leftovers(folder) == {"pass.pdf": OLD} and preview.isVisible()


def test_a_guestbook_export_on_a_full_disk_says_so_and_keeps_the_old_file(qtbot, office, tmp_path):  # noqa: F811
    dialog = _dialog(qtbot, office["pimpinan"])
    with full_folder(tmp_path / "penuh", {"buku.xlsx": OLD}) as folder:
        operation = dialog.export_to(str(folder / "buku.xlsx"))
        qtbot.waitSignal(operation.finished, timeout=10000).wait()  # the worker's signal needs the event loop
        assert "Ekspor gagal" in dialog.exportLabel.text() and "penyimpanan penuh" in dialog.exportLabel.text()
        assert leftovers(folder) == {"buku.xlsx": OLD}
