"""The `kpu-desk` command: the desktop application, and the office's work from a terminal."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from kpu_desk import __version__
from kpu_desk.cli import argparse_id, sop_cmd

COMMAND_MODULES = (sop_cmd,)


def build_parser() -> argparse.ArgumentParser:
    argparse_id.install()
    parser = argparse.ArgumentParser(
        prog="kpu-desk",
        description="KPU Desk: SOP sekretariat KPU Kabupaten/Kota yang dapat dijalankan.",
    )
    parser.add_argument("--version", action="version", version=f"KPU Desk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader (e.g. `| head`) has gone; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
