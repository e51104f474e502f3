"""Started by every Python program a test runs (tests/conftest.py puts this folder on PYTHONPATH):
the child's clock joins the test's controlled clock.

KPU_DESK_TEST_TRAVEL is "FAKE:REAL", two POSIX timestamps taken together by the test; the child
travels to FAKE plus the real time that has passed since REAL, and its clock runs on from there.
"""

import os
import time

_travel = os.environ.get("KPU_DESK_TEST_TRAVEL")
try:
    import time_machine
except ImportError:  # a fresh virtual environment of the packaging tests: its program keeps real time
    time_machine = None
if _travel and time_machine is not None:
    _fake, _real = (float(part) for part in _travel.split(":"))
    time_machine.travel(_fake + (time.time() - _real), tick=True).start()
