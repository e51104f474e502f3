"""Storage: the office database (SQLite or PostgreSQL through peewee), its files and its audit log.

    db = open_database()            # --db URL, KPU_DESK_DB, or the SQLite file in the data folder
    with write_transaction(db):
        ...models...
        audit.record("case.create", "case", case.number, actor=user.username)
    close_database()
"""

from kpu_desk.store.database import (
    UpgradeResult,
    close_database,
    current_database,
    open_database,
    translated,
    upgrade_schema,
)
from kpu_desk.store.dbutil import write_transaction
from kpu_desk.store.errors import StoreError

__all__ = [
    "StoreError",
    "UpgradeResult",
    "close_database",
    "current_database",
    "open_database",
    "translated",
    "upgrade_schema",
    "write_transaction",
]
