"""The layers hold: `lint-imports` checks the contracts of pyproject.toml ([tool.importlinter]).

The core never imports Qt or the GUI, the GUI never imports storage, storage never imports the
domain packages. The second test proves each contract bites, on a copy of the package.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    # From the root, which import-linter puts first on sys.path: the copy there is the one analysed.
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo"], cwd=root,
                          capture_output=True, text=True, timeout=120)


def test_the_import_contracts_are_kept():
    result = _lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def _drop_line(path: Path, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert line in text
    path.write_text(text.replace(line, ""), encoding="utf-8")


# One way to break each contract: a forbidden import, or an exemption taken away.
BREAKS = {
    "gui page imports storage": lambda root: _append(
        root / "kpu_desk/gui/pages/tasks.py", "from kpu_desk.store import models"),
    "core imports Qt": lambda root: _append(root / "kpu_desk/paths.py", "import PySide6.QtCore"),
    "storage imports the domain": lambda root: _append(
        root / "kpu_desk/store/__init__.py", "import kpu_desk.sop"),
    "an exemption removed": lambda root: _drop_line(
        root / "pyproject.toml", '"kpu_desk.cli -> kpu_desk.gui.**",'),
}


@pytest.mark.parametrize("name", BREAKS)
def test_each_contract_fails_when_broken(tmp_path, name):
    shutil.copytree(REPO / "kpu_desk", tmp_path / "kpu_desk",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    assert _lint_imports(tmp_path).returncode == 0  # the copy is analysed and clean
    BREAKS[name](tmp_path)
    result = _lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout
