"""The frozen application's entry point (PyInstaller runs this file as __main__).

The same `kpu-desk` command as the wheel's: without a subcommand the window,
with one the command line. The windowed kpu-desk.exe on Windows has no console,
so sys.stdout and sys.stderr are None there; they are pointed at os.devnull so
that a stray print (argparse's --version, a warning) cannot crash the window.
The console twin kpu-desk-cmd.exe prints as usual.
"""

import os
import sys


def _quiet_missing_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    _quiet_missing_streams()
    from kpu_desk.cli import main

    sys.exit(main())
