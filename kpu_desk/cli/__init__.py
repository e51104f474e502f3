"""The `kpu-desk` command: the desktop application, and the office's work from a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from kpu_desk import __version__
from kpu_desk.cli import argparse_id, calendar_cmd, case_cmd, db_cmd, demo_cmd, pass_cmd, sop_cmd, visitor_cmd
from kpu_desk.cli import letters_cmd

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
    except Exception as exc:
        problem = _store_problem(exc)
        if problem is None:
            raise
        print(f"kpu-desk: {problem}", file=sys.stderr)
        return 2
    finally:
        _close_store()


def _run_desktop(args: argparse.Namespace) -> int:
    """No subcommand: the desktop application. Qt is imported only here, so --help and the
    subcommands work on a machine without a display."""
    from kpu_desk.gui.app import main as run_gui

    return run_gui(args.db)


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
