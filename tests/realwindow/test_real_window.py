"""The application in a real X window (Xvfb): it starts on a demo database and every page shows."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.xvfb


@pytest.fixture
def x_display(tmp_path):
    yield from _xvfb("1366x768")


@pytest.fixture
def laptop_display(tmp_path):
    """A 1280x720 screen whose desktop keeps 40 pixels at the bottom for a task bar (_NET_WORKAREA)."""
    xprop = shutil.which("xprop")
    if xprop is None:
        pytest.skip("xprop is not installed (x11-utils)")
    for display in _xvfb("1280x720", "-noreset"):  # -noreset: the work area outlives xprop's connection
        subprocess.run([xprop, "-display", display, "-root", "-f", "_NET_WORKAREA", "32c",
                        "-set", "_NET_WORKAREA", "0, 0, 1280, 680"], check=True, timeout=30)
        yield display


def _xvfb(size: str, *options: str):
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (scripts/setup.sh --test installs it)")
    for number in range(90, 110):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    server = subprocess.Popen([xvfb, f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp", *options],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if server.poll() is not None or time.monotonic() > deadline:
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def test_main_window_in_a_real_x_window(x_display, run_cli, sqlite_url, tmp_path):
    assert run_cli("--db", sqlite_url, "demo", "--days", "3")[0] == 0
    shots = tmp_path / "shots"
    shots.mkdir()
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [sys.executable, str(HERE / "show_main_window.py"), sqlite_url, "resepsionis", str(shots)],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "platform xcb" in result.stdout
    pictures = sorted(shots.glob("*.png"))
    assert len(pictures) >= 6, result.stdout
    for picture in pictures:
        image = Image.open(picture).convert("RGB")
        assert image.size == (1366, 768)
        colours = image.resize((200, 120)).getcolors(maxcolors=100_000)
        assert colours is not None and len(colours) > 20, f"{picture.name} looks empty"
    keep = os.environ.get("KPU_DESK_SCREENSHOTS")
    if keep:  # a developer who wants to look at them
        shutil.copytree(shots, keep, dirs_exist_ok=True)


def test_the_windows_fit_a_laptop_screen_above_its_task_bar(laptop_display, run_cli, sqlite_url, tmp_path):
    assert run_cli("--db", sqlite_url, "demo", "--days", "3")[0] == 0
    env = {**os.environ, "DISPLAY": laptop_display, "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run([sys.executable, str(HERE / "show_case_window.py"), sqlite_url, str(tmp_path / "shot.png")],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["free"] == "0 0 1280 680", result.stdout
    for window in ("main", "case", "complete"):
        x, y, width, height = map(int, lines[window].split())
        assert x >= 0 and y >= 0 and x + width <= 1280 and y + height <= 680, f"{window}: {lines[window]}"
