"""Anonymising expired visitor data when the application starts, off the UI thread.

    from kpu_desk.gui.visitors.retention_run import start_retention
    start_retention(main_window, actor=session.username)    # after sign-in; returns the Operation

Runs kpu_desk.retention.anonymize_expired in the background: batches of 500 visits, each its own
write transaction, so reception keeps working (a check-in waits at most for one batch). Closing the
application cancels it between batches (operations.cancel_all); the next start resumes. On an
office that is up to date it is a couple of indexed queries. The log gets counts, never names.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from kpu_desk.gui.operations import Operation

log = logging.getLogger(__name__)


def start_retention(parent: QObject, actor: str = "") -> Operation:
    from kpu_desk.retention import anonymize_expired

    operation = Operation(lambda progress: anonymize_expired(progress=progress, actor=actor), parent)
    operation.succeeded.connect(_done)
    operation.failed.connect(lambda text: log.warning("visitor data retention did not finish: %s", text))
    return operation.start()


def _done(result) -> None:
    if result.visits or result.parties:
        log.info("visitor data retention: %d visits cleared, %d parties anonymised, %d kept",
                 result.visits, result.parties, result.parties_kept)
