"""Fixtures shared by the whole suite."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
import time_machine

# A naive datetime handed to time-machine is the office's local time, as everywhere in the application.
time_machine.naive_mode = time_machine.NaiveMode.LOCAL

REPO = Path(__file__).resolve().parent.parent
SOPS_DIR = REPO / "resources" / "sops"
SEEDS_DIR = REPO.parent / "shared" / "seeds"
TIME_TRAVEL_DIR = Path(__file__).resolve().parent / "timetravel"  # its sitecustomize moves child processes


# --- the wall clock ------------------------------------------------------------------
# No test reads the computer's clock: the whole suite runs at SUITE_NOW, a working Wednesday
# morning, or at the local date and hour named in KPU_DESK_TEST_NOW ("2026-12-31 23:58"). Every
# test starts there (the clock then runs on), and so do the Python programs a test starts (the
# CLI, the workers), which read KPU_DESK_TEST_TRAVEL through tests/timetravel/sitecustomize.py.

DEFAULT_NOW = "2026-11-18 09:30"
SUITE_NOW = datetime.fromisoformat(os.environ.get("KPU_DESK_TEST_NOW") or DEFAULT_NOW)

_session_travel: time_machine.travel | None = None
_session_traveller: time_machine.Traveller | None = None


def pytest_configure(config):
    global _session_travel, _session_traveller
    _session_travel = time_machine.travel(SUITE_NOW, tick=True)
    _session_traveller = _session_travel.start()
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(TIME_TRAVEL_DIR), os.environ.get("PYTHONPATH")]))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Back to SUITE_NOW before each test's fixtures, the session's demo office included."""
    if _session_traveller is None:
        return
    _session_traveller.move_to(SUITE_NOW)
    # A child process sets its clock to this fake time plus the real time elapsed since now.
    os.environ["KPU_DESK_TEST_TRAVEL"] = f"{SUITE_NOW.timestamp()}:{time_machine.escape_hatch.time.time()}"


def pytest_unconfigure(config):
    if _session_travel is not None:
        _session_travel.stop()


@pytest.fixture
def suite_now() -> datetime:
    """The moment each test starts at (see SUITE_NOW); the clock has run on a little since."""
    return SUITE_NOW


@pytest.fixture
def office_hours(time_machine) -> datetime:
    """A working Wednesday afternoon, for tests of the demo office: its cases end at now, and at
    night or on a holiday today's guests have not come and few cases are open."""
    moment = datetime(2026, 11, 18, 14, 0)
    time_machine.move_to(moment)
    return moment


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the source SOP documents ({SEEDS_DIR}) are not beside this checkout; CI has them")
    return SEEDS_DIR


CLI_PASSWORD = "kpudesk2026"  # of the demo users (README.md) and of engine_support.make_users()


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run `kpu-desk ARGS…` in-process; return (exit code, stdout, stderr).

    `--user NAME` signs in with CLI_PASSWORD, given as a script gives it (KPU_DESK_PASSWORD).
    """
    from kpu_desk.cli import main

    monkeypatch.setenv("KPU_DESK_PASSWORD", CLI_PASSWORD)

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse exits on usage errors
            code = exc.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


# --- storage -----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path, monkeypatch):
    """Every test gets its own data folder: no test touches the real user's data or database."""
    monkeypatch.setenv("KPU_DESK_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("KPU_DESK_DB", raising=False)
    # Programs a test starts (the real-window scripts, the bundle) keep their Qt settings and
    # platform folders in the test's folder too, not in the user's home.
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / "xdg" / variable.lower()))


def _reset_postgres(url: str) -> None:
    """An empty public schema, so a test never sees another test's rows or tables."""
    from kpu_desk.store.connection import make_database

    db = make_database(url)
    db.connect()
    try:
        db.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        db.execute_sql("CREATE SCHEMA public")
    finally:
        db.close()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{(tmp_path / 'kpu-desk.sqlite3').as_posix()}"


@pytest.fixture
def postgres_url() -> str:
    import os

    url = os.environ.get("KPU_DESK_TEST_PG")
    if not url:
        pytest.skip("KPU_DESK_TEST_PG is not set: no PostgreSQL server for this run (scripts/test.sh starts one)")
    _reset_postgres(url)
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request) -> str:
    """The URL of an empty database on each engine: a SQLite file, then PostgreSQL."""
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def database(database_url):
    """An open, migrated database with the models bound to it."""
    from kpu_desk.store import close_database, open_database

    db = open_database(database_url)
    yield db
    close_database()
