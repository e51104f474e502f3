"""The core never imports Qt: only kpu_desk/gui/ may (DESIGN.md, Layout)."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import REPO

PACKAGE = REPO / "kpu_desk"


def _imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def _core_files():
    return [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]


def test_no_core_module_imports_pyside6_or_the_gui():
    offenders = []
    for path in _core_files():
        for name in _imports(path):
            top = name.split(".")[0]
            in_cli = path.relative_to(PACKAGE).parts[0] == "cli"
            if top in ("PySide6", "shiboken6") or (name.startswith("kpu_desk.gui") and not in_cli):
                offenders.append(f"{path.relative_to(REPO)} imports {name}")
    assert not offenders, offenders
    assert len(_core_files()) > 10  # the scan really looked at the package


def test_importing_the_whole_core_leaves_qt_unloaded():
    modules = sorted(
        ".".join(p.relative_to(REPO).with_suffix("").parts)
        for p in _core_files() if p.name != "__main__.py" and "cli" not in p.relative_to(PACKAGE).parts
    )
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'kpu_desk.gui'))]\n"
    code += "assert not bad, bad\n"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
