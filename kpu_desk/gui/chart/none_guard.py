"""A guard against a reference-counting bug of shiboken6 6.12.0 on Python 3.11.

With PySide6 6.12.0 on Python 3.11 every wrapped C++ method that returns
nothing (setPen, drawText, setPos …) hands Python a None it does not own: each
call takes one reference from None. None starts with some ten thousand, and a
full repaint of a bagan alur makes about 430 such calls, so after a few dozen
repaints (scrolling the chart) Python aborts with "Fatal Python error:
none_dealloc". Python 3.12 made None immortal, and PySide6 6.11 counts right;
the guard finds out whether the running pair has the bug (a hundred calls of a
harmless method, and None's count before and after) and only then gives None
references enough that it can never reach zero. It does nothing anywhere else.

The proper fix is outside the code: PySide6-Essentials != 6.12.0 on Python
3.11 (pyproject.toml), or Python 3.12.
"""

from __future__ import annotations

import ctypes
import sys

_PROBE_CALLS = 100
_ENOUGH = 1 << 40  # references: at a million leaked a second, thirty-five years
_installed = False


def leaks_none() -> bool:
    """Whether void methods of the Qt bindings take references from None."""
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        point.setX(0.0)
    return sys.getrefcount(None) < before - _PROBE_CALLS // 2


def install() -> bool:
    """Protect None if this interpreter and these bindings need it; True when it is protected."""
    global _installed
    if _installed:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False  # None is immortal, or the object layout is not the plain one ob_refcnt sits first in
    if not leaks_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _ENOUGH
    _installed = True
    return True
