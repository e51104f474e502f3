"""The front desk (Meja Tamu): checking a guest in and out along the visit SOP.

Core only, no Qt. `check_in` records the SOP's intake steps (Karanganyar steps 1-4,
and the report to the pimpinan, step 5, when one is named) and the visit in one
transaction; `find_visit` reads a scanned or typed pass; `check_out` closes the visit
and records the reception's exit steps (9-10).
"""

from kpu_desk.frontdesk.checkin import CheckInResult, check_in, visit_sop
from kpu_desk.frontdesk.checkout import VisitView, check_out, find_visit, visit_view
from kpu_desk.frontdesk.returning import ReturningGuest, find_returning

__all__ = [
    "CheckInResult", "ReturningGuest", "VisitView", "check_in", "check_out", "find_returning", "find_visit",
    "visit_sop", "visit_view",
]
