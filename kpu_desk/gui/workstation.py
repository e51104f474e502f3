"""Which database this computer uses: one choice shared with the command line.

The choice lives in the data folder (kpu_desk.store.connection), not in QSettings,
so `kpu-desk case list` on the same computer opens the same database as the window.
"""

from __future__ import annotations

from kpu_desk.store.connection import save_url, saved_url


def saved_database_url() -> str | None:
    return saved_url()


def save_database_url(url: str | None) -> None:
    save_url(url)
