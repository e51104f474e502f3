"""The print preview in a real X window (Xvfb): the pass shows, and its QR reads off the screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from realwindow.test_real_window import x_display  # noqa: F401 (the fixture)

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.xvfb


def test_the_pass_preview_in_a_real_x_window(x_display, tmp_path):  # noqa: F811
    shot = tmp_path / "preview.png"
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb",
           "PYTHONPATH": os.pathsep.join([str(HERE.parent), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, str(HERE / "show_pdf_preview.py"), str(shot)],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "platform xcb" in result.stdout
    image = Image.open(shot).convert("RGB")
    codes = [code.text for code in zxingcpp.read_barcodes(image)]
    from gui.test_pdf_printing import TOKEN

    assert codes == [TOKEN], result.stdout
