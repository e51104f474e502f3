"""Run under a real X display: the print preview of a guest pass, fitted to its window, screenshot.

    python show_pdf_preview.py OUT.png

Prints the Qt platform name, so the test can check that a real window system (xcb) was used.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kpu_desk.gui.app import configure
from kpu_desk.gui.printing import PdfPreviewDialog


def main(out: str) -> int:
    app = QApplication(sys.argv)
    configure(app)
    from gui.test_pdf_printing import guest_pass

    preview = PdfPreviewDialog(guest_pass("cr80"), "Pass tamu P-0042", "pass")
    preview.resize(1000, 700)
    preview.move(0, 0)
    preview.show()
    print(f"platform {app.platformName()}", flush=True)

    def grab() -> None:
        app.primaryScreen().grabWindow(0).save(out)  # what the X server really shows
        print(f"zoom {preview.zoom:.2f}", flush=True)
        app.quit()

    QTimer.singleShot(1000, grab)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
