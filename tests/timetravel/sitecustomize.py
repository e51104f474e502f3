"""Started by every Python program a test runs when the suite runs under KPU_DESK_TEST_NOW
(tests/conftest.py puts this folder on PYTHONPATH): the child's clock joins the test's fake clock.

KPU_DESK_TEST_TRAVEL is "FAKE:REAL", two POSIX timestamps taken together by the test; the child
travels to FAKE plus the real time that has passed since REAL, and its clock runs on from there.
"""

import os
import time

_travel = os.environ.get("KPU_DESK_TEST_TRAVEL")
if _travel:
    import time_machine

    _fake, _real = (float(part) for part in _travel.split(":"))
    time_machine.travel(_fake + (time.time() - _real), tick=True).start()
