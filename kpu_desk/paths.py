"""Where the application's own files (resources/, ui/, db/) are.

They sit beside the package in a checkout, inside it in an installed wheel
(see pyproject.toml, force-include) and under sys._MEIPASS in a PyInstaller
bundle. Everything that reads them asks this module.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    frozen = getattr(sys, "_MEIPASS", None)
    found = [Path(frozen) / "kpu_desk" / "_app"] if frozen else []
    found.append(_PACKAGE_DIR / "_app")
    found.append(_PACKAGE_DIR.parent)
    return found


@cache
def app_root() -> Path:
    """The folder holding resources/, ui/ and db/."""
    for root in _candidates():
        if (root / "resources").is_dir():
            return root
    raise FileNotFoundError(
        "Berkas aplikasi (resources/) tidak ditemukan; instalasi KPU Desk tidak lengkap."
    )


def resources_dir() -> Path:
    return app_root() / "resources"


def sops_dir() -> Path:
    return resources_dir() / "sops"


def ui_dir() -> Path:
    return app_root() / "ui"


def migrations_dir() -> Path:
    return app_root() / "db" / "migrations"
