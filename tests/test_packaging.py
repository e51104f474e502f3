"""Installable on an office PC: the wheel in a fresh virtual environment, and the PyInstaller bundle.

Both run from a folder outside the checkout, so nothing can be found through the
working tree: resources/, ui/ and db/ must come from the wheel (kpu_desk/_app)
or from the bundle (sys._MEIPASS/kpu_desk/_app), through kpu_desk.paths.

The wheel is installed with its dependencies pinned to the versions of the
environment running the tests (a constraints file), so pip takes them from its
cache instead of resolving anew. Each artefact is built once per session.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest

from conftest import REPO
from kpu_desk import __version__

SHIPPED_SOPS = {
    "karanganyar-maklumat-informasi", "karanganyar-pelayanan-umum", "kediri-pengaduan",
    "kupang-pelayanan-publik", "pulangpisau-pengaduan",
}
WINDOWS = sys.platform == "win32"


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 900,
         check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and done.returncode != 0:
        raise AssertionError(f"{command} exited {done.returncode}\nstdout:\n{done.stdout[-4000:]}\n"
                             f"stderr:\n{done.stderr[-4000:]}")
    return done


def _outside_env(data: Path) -> dict[str, str]:
    """An environment that cannot reach the checkout: no PYTHONPATH, a data folder of the test's."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "KPU_DESK_DB", "PYTHONSTARTUP")}
    env["KPU_DESK_DATA"] = str(data)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONNOUSERSITE"] = "1"
    return env


def _constraints(folder: Path) -> Path:
    """The versions installed here, so the fresh environment gets the same ones (from pip's cache)."""
    pins: dict[str, str] = {}
    for dist in metadata.distributions():  # in sys.path order: the first of a name is the one imported
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name and name != "kpu-desk" and name not in pins:
            pins[name] = f"{name}=={dist.version}"
    path = folder / "constraints.txt"
    path.write_text("\n".join(sorted(pins.values())) + "\n", encoding="utf-8")
    return path


def _note(what: str, value: float, unit: str) -> None:
    """Figures for the packaging README, kept beside pytest's own cache (not asserted)."""
    notes = REPO / ".pytest_cache" / "packaging-figures.txt"
    try:
        notes.parent.mkdir(exist_ok=True)
        with notes.open("a", encoding="utf-8") as handle:
            handle.write(f"{time.strftime('%Y-%m-%d %H:%M')} {what}: {value:.1f} {unit}\n")
    except OSError:
        pass


# --- the wheel ----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory) -> Path:
    """A fresh virtual environment with `pip install <the wheel>`; returns its kpu-desk program."""
    folder = tmp_path_factory.mktemp("wheel")
    started = time.perf_counter()
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(folder / "dist"), str(REPO)],
         cwd=folder)
    wheels = list((folder / "dist").glob("kpu_desk-*.whl"))
    assert len(wheels) == 1, wheels
    venv = folder / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=folder)
    python = venv / ("Scripts/python.exe" if WINDOWS else "bin/python")
    _run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
          "-c", str(_constraints(folder)), str(wheels[0])], cwd=folder)
    _note("wheel build and install", time.perf_counter() - started, "s")
    return venv / ("Scripts/kpu-desk.exe" if WINDOWS else "bin/kpu-desk")


@pytest.fixture
def outside(tmp_path) -> Path:
    """A working folder that is not the checkout, with a data folder of its own."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    assert REPO not in folder.parents
    return folder


@pytest.mark.slow
def test_the_wheel_carries_resources_ui_and_db(installed_wheel):
    import zipfile

    wheel = next((installed_wheel.parents[2] / "dist").glob("kpu_desk-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert f"kpu_desk-{__version__}.dist-info/METADATA" in names  # the version from kpu_desk/__init__.py
    for expected in ("kpu_desk/_app/resources/sops/kediri-pengaduan.yaml",
                     "kpu_desk/_app/resources/sops/sop.schema.json",
                     "kpu_desk/_app/ui/main_window.ui", "kpu_desk/_app/ui/style.qss",
                     "kpu_desk/_app/ui/pages/settings_database.ui",
                     "kpu_desk/_app/db/migrations/001_initial.py"):
        assert expected in names, expected


@pytest.mark.slow
def test_pip_install_gives_a_working_kpu_desk_from_any_folder(installed_wheel, outside):
    env = _outside_env(outside / "data")
    version = _run([str(installed_wheel), "--version"], cwd=outside, env=env)
    assert version.stdout.strip() == f"KPU Desk {__version__}"

    listing = _run([str(installed_wheel), "sop", "list", "--json"], cwd=outside, env=env)
    assert {row["id"] for row in json.loads(listing.stdout)} == SHIPPED_SOPS

    python = installed_wheel.with_name("python.exe" if WINDOWS else "python")
    where = _run([str(python), "-c", "import kpu_desk, kpu_desk.paths as p; "
                  "print(kpu_desk.__file__); print(p.app_root()); print(p.ui_dir() / 'main_window.ui')"],
                 cwd=outside, env=env).stdout.splitlines()
    venv = installed_wheel.parents[1]
    assert all(Path(line).resolve().is_relative_to(venv.resolve()) for line in where), where
    assert Path(where[2]).is_file()

    # The migrations come from the wheel too: a new database is created and brought up to date.
    upgrade = _run([str(installed_wheel), "--db", f"sqlite:///{(outside / 'baru.sqlite3').as_posix()}",
                    "db", "upgrade"], cwd=outside, env=env)
    assert re.search(r"\d", upgrade.stdout)
    assert (outside / "baru.sqlite3").is_file()
    check = _run([str(installed_wheel), "--db", f"sqlite:///{(outside / 'baru.sqlite3').as_posix()}",
                  "db", "check"], cwd=outside, env=env)
    assert "baik" in check.stdout


# --- the PyInstaller bundle --------------------------------------------------------------------


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """`pyinstaller packaging/kpu-desk.spec`, once: returns the one-folder bundle (dist/kpu-desk)."""
    pytest.importorskip("PyInstaller", reason="PyInstaller is not installed (pip install -e '.[bundle]')")
    folder = tmp_path_factory.mktemp("bundle")
    started = time.perf_counter()
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(folder / "config")}  # its cache, not in $HOME
    _run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
          "--distpath", str(folder / "dist"), "--workpath", str(folder / "build"),
          str(REPO / "packaging" / "kpu-desk.spec")], cwd=REPO, env=env, timeout=1800)
    _note("bundle build", time.perf_counter() - started, "s")
    built = folder / "dist" / "kpu-desk"
    _note("bundle size", sum(p.stat().st_size for p in built.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6, "MB")
    return built


def _program(bundle: Path, name: str) -> Path:
    return bundle / (f"{name}.exe" if WINDOWS else name)


@pytest.mark.slow
def test_the_bundle_runs_headless_and_lists_the_five_sops(bundle, outside):
    env = _outside_env(outside / "data")
    command = _program(bundle, "kpu-desk-cmd")  # the console twin; on Linux both have a console
    version = _run([str(command), "--version"], cwd=outside, env=env)
    assert version.stdout.strip() == f"KPU Desk {__version__}"
    listing = _run([str(command), "sop", "list", "--json"], cwd=outside, env=env)
    assert {row["id"] for row in json.loads(listing.stdout)} == SHIPPED_SOPS
    if not WINDOWS:  # the windowed program is the same program
        same = _run([str(_program(bundle, "kpu-desk")), "sop", "list", "--json"], cwd=outside, env=env)
        assert json.loads(same.stdout) == json.loads(listing.stdout)


@pytest.mark.slow
def test_the_bundle_carries_what_the_application_loads_at_run_time(bundle, outside):
    """Migrations (loaded by path, importing playhouse.migrate), holidays' Indonesian names,
    reportlab's fonts, Qt headless, the Designer forms."""
    env = _outside_env(outside / "data")
    command = str(_program(bundle, "kpu-desk-cmd"))
    url = f"sqlite:///{(outside / 'kantor.sqlite3').as_posix()}"
    _run([command, "--db", url, "db", "upgrade"], cwd=outside, env=env)
    assert "baik" in _run([command, "--db", url, "db", "check"], cwd=outside, env=env).stdout

    holidays = _run([command, "calendar", "holidays", "2026"], cwd=outside, env=env).stdout
    assert "Kemerdekaan" in holidays  # 17 August, named in Indonesian

    _run([command, "sop", "print", "kediri-pengaduan", "-o", str(outside / "sop.pdf")], cwd=outside, env=env)
    assert (outside / "sop.pdf").read_bytes().startswith(b"%PDF")
    _run([command, "sop", "render", "kediri-pengaduan", "-o", str(outside / "bagan.png")], cwd=outside, env=env)
    assert (outside / "bagan.png").read_bytes().startswith(b"\x89PNG")

    assert (bundle / "_internal" / "kpu_desk" / "_app" / "ui" / "main_window.ui").is_file()
    assert (bundle / "_internal" / "kpu_desk" / "_app" / "db" / "migrations" / "001_initial.py").is_file()


def test_the_spec_and_the_installer_take_the_version_from_one_place():
    """kpu_desk/__init__.py → pyproject (hatch dynamic version) → the spec's version resource → the .exe
    → the installer (GetStringFileInfo). Nobody writes the version twice."""
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject and 'path = "kpu_desk/__init__.py"' in pyproject
    assert not re.search(r'^version\s*=', pyproject, re.M)
    spec = (REPO / "packaging" / "kpu-desk.spec").read_text(encoding="utf-8")
    assert "kpu_desk\" / \"__init__.py\"" in spec
    iss = (REPO / "packaging" / "kpu-desk.iss").read_text(encoding="utf-8")
    assert "GetStringFileInfo" in iss and not re.search(r"#define\s+AppVersion\s+\"\d", iss)


def test_the_installer_upgrades_in_place_and_keeps_the_data_folder():
    iss = (REPO / "packaging" / "kpu-desk.iss").read_text(encoding="utf-8")
    app_id = re.search(r"^AppId=(.+)$", iss, re.M)
    assert app_id and re.search(r"[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}", app_id.group(1))
    assert "{group}\\KPU Desk" in iss and "{autodesktop}\\KPU Desk" in iss  # Start menu and desktop
    assert "[Code]" in iss and "CurUninstallStepChanged" in iss and "DelTree" in iss
    assert "ExpandConstant('{localappdata}\\')" in iss and "DataFolderName = 'KPU Desk'" in iss
    assert "UninstallSilent()" in iss and "MB_DEFBUTTON2" in iss  # silent keeps it; "No" is the default
    # Nothing of the data folder is removed by the [UninstallDelete] section: only on request in [Code].
    uninstall_delete = re.search(r"^\[UninstallDelete\](.*?)(?=^\[)", iss, re.M | re.S)
    assert uninstall_delete is None or "localappdata" not in uninstall_delete.group(1)


def test_the_frozen_application_finds_its_files_under_meipass(tmp_path):
    from kpu_desk import paths

    frozen = tmp_path / "bundle"
    (frozen / "kpu_desk" / "_app" / "resources").mkdir(parents=True)
    sys._MEIPASS = str(frozen)
    paths.app_root.cache_clear()
    try:
        assert paths.app_root() == frozen / "kpu_desk" / "_app"
        assert paths.migrations_dir() == frozen / "kpu_desk" / "_app" / "db" / "migrations"
    finally:
        del sys._MEIPASS
        paths.app_root.cache_clear()
    assert paths.app_root() in (REPO, Path(paths.__file__).resolve().parent / "_app")


@pytest.mark.slow
def test_the_bundled_window_starts_headless(bundle, outside):
    """Without a subcommand the bundle opens the window (Qt offscreen): the first-start wizard, built
    from its Designer form, waits for the user. Still running after a few seconds, with nothing on
    stderr, means Qt, its plugins, the forms and the style sheet were all found."""
    env = _outside_env(outside / "data")
    program = subprocess.Popen([str(_program(bundle, "kpu-desk"))], cwd=outside, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        program.wait(timeout=8)
    except subprocess.TimeoutExpired:
        pass
    finally:
        alive = program.poll() is None
        program.kill()
        _out, err = program.communicate(timeout=30)
    assert alive, err[-4000:]
    assert "Traceback" not in err, err[-4000:]
    assert (outside / "data" / "kpu-desk.sqlite3").is_file()  # the database was opened and migrated
