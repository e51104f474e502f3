"""The `kpu-desk` command: the desktop application, and the office's work from a terminal."""

from __future__ import annotations

import argparse
import os
import re
import sys
import traceback
from datetime import datetime
from pathlib import Path
from typing import Sequence

from kpu_desk import __version__
from kpu_desk.cli import argparse_id, calendar_cmd, case_cmd, db_cmd, demo_cmd, pass_cmd, sop_cmd, visitor_cmd
from kpu_desk.cli import letters_cmd
from kpu_desk.cli.output import fail
from kpu_desk.validation import UNSTORABLE_TEXT, is_storable_text

CRASH_LOG = "kpu-desk-galat.log"
_SURROGATES = re.compile("[\ud800-\udfff]")
COMMAND_MODULES = (sop_cmd, db_cmd, case_cmd, calendar_cmd, demo_cmd, pass_cmd, visitor_cmd, letters_cmd)


def build_parser() -> argparse.ArgumentParser:
    argparse_id.install()
    parser = argparse.ArgumentParser(
        prog="kpu-desk",
        description="KPU Desk: SOP sekretariat KPU Kabupaten/Kota yang dapat dijalankan. "
                    "Tanpa PERINTAH, aplikasi desktop dibuka.",
    )
    parser.add_argument("--version", action="version", version=f"KPU Desk {__version__}")
    parser.add_argument(
        "--db", metavar="URL", default=None,
        help="basis data: sqlite:///BERKAS atau postgresql://PENGGUNA@SERVER/NAMA "
             "(bawaan: KPU_DESK_DB, lalu berkas SQLite di folder data)",
    )
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    unreadable = next((arg for arg in argv if not is_storable_text(arg)), None)
    if unreadable is not None:
        return fail(f"argumen '{_readable(unreadable)}' {UNSTORABLE_TEXT}; periksa pengaturan bahasa terminal", 2)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _run_desktop(args)
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader (e.g. `| head`) has gone; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return fail("dihentikan (Ctrl+C)", 130)
    except Exception as exc:
        problem = _store_problem(exc)
        if problem is None:
            return _unexpected(exc)
        print(f"kpu-desk: {problem}", file=sys.stderr)
        return 2
    finally:
        _close_store()


def _run_desktop(args: argparse.Namespace) -> int:
    """No subcommand: the desktop application. Qt is imported only here, so --help and the
    subcommands work on a machine without a display."""
    from kpu_desk.gui.app import main as run_gui

    return run_gui(args.db)


def _readable(arg: str) -> str:
    # The bytes that are not UTF-8 come back from argv as lone surrogates, which stderr cannot write.
    return _SURROGATES.sub("\ufffd", arg)


def _unexpected(exc: Exception) -> int:
    """The last resort for a fault no command foresaw: a short message instead of a traceback;
    the place in the code goes to a log file, without the exception's text or the source
    lines, which may quote what was typed (a name, a NIK)."""
    where = "".join(f"  {frame.filename}:{frame.lineno} {frame.name}\n"
                    for frame in traceback.extract_tb(exc.__traceback__))
    log = _append_to_log(f"{datetime.now():%Y-%m-%d %H:%M:%S} kpu-desk {type(exc).__name__}\n{where}\n")
    kept = f"; tempat kejadiannya dicatat di {log}" if log else ""
    return fail(f"galat tak terduga ({type(exc).__name__}) sehingga perintah dihentikan{kept}. "
                "Laporkan kepada pengelola aplikasi.", 70)


def _append_to_log(entry: str) -> Path | None:
    from kpu_desk.store.connection import data_dir

    try:
        path = data_dir() / CRASH_LOG
        with path.open("a", encoding="utf-8") as log:
            log.write(entry)
    except OSError:
        return None
    return path


def _store_problem(exc: Exception) -> str | None:
    """The user's words for a database problem (no traceback), or None for anything else."""
    store = sys.modules.get("kpu_desk.store")
    if store is None:  # no command touched the database
        return None
    from kpu_desk.store import dbutil

    if isinstance(exc, store.StoreError):
        return str(exc)
    if dbutil.is_driver_error(exc):
        return str(dbutil.translate(exc, store.current_database()))
    return None


def _close_store() -> None:
    # Only when a command opened it: importing peewee for `sop list` would be wasted time.
    store = sys.modules.get("kpu_desk.store")
    if store is not None:
        store.close_database()
