"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SOPS_DIR = REPO / "resources" / "sops"
SEEDS_DIR = REPO.parent / "shared" / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the source SOP documents ({SEEDS_DIR}) are not beside this checkout; CI has them")
    return SEEDS_DIR


@pytest.fixture
def run_cli(capsys):
    """Run `kpu-desk ARGS…` in-process; return (exit code, stdout, stderr)."""
    from kpu_desk.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse exits on usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run
