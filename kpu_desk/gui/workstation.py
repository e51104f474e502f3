"""Settings of this computer only (QSettings), as opposed to the office's (in the database)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

DATABASE_URL_KEY = "database/url"


def saved_database_url() -> str | None:
    value = QSettings().value(DATABASE_URL_KEY)
    return str(value) if value else None


def save_database_url(url: str | None) -> None:
    settings = QSettings()
    if url:
        settings.setValue(DATABASE_URL_KEY, url)
    else:
        settings.remove(DATABASE_URL_KEY)
    settings.sync()
