"""The daily copy of the SQLite database, kept for a number of days, and the list of backups.

While the application runs (kpu_desk.gui.daily_backup starts it on opening and
then on a timer), `run_daily` makes sure today's copy exists in the data
folder's backups/ and removes the daily copies older than the number of days
the office keeps them:

    backups/kpu-desk-harian-2026-03-31.sqlite3          a daily copy (pruned after N days)
    backups/kpu-desk-20260331-081500-sebelum-migrasi.sqlite3     before a schema change
    backups/kpu-desk-20260331-101500-sebelum-pemulihan.sqlite3   before a restore

Only daily copies of the same database are ever pruned. The copies taken before
a migration or a restore are the ones that undo a mistake: they stay until an
administrator deletes them in Pengaturan → Basis data.

The number of days is the office setting `backup.daily_keep_days` (a Setting
row, so it travels with the database and every restore brings it back);
PostgreSQL databases are not copied here: the server is backed up with
pg_dump (see kpu_desk.store.backup.pg_dump_hint). Part of the core: no Qt here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import peewee as pw

from kpu_desk.store import audit, models
from kpu_desk.store.backup import BackupResult, backup_sqlite, backups_dir, writable_backups_dir
from kpu_desk.store.dbutil import is_sqlite, sqlite_path, write_transaction
from kpu_desk.store.errors import StoreError
from kpu_desk.validation import require_valid

KEEP_DAYS_KEY = "backup.daily_keep_days"
DEFAULT_KEEP_DAYS = 14
MIN_KEEP_DAYS = 1
MAX_KEEP_DAYS = 366
DAILY = "harian"
BEFORE_MIGRATION = "sebelum-migrasi"
BEFORE_RESTORE = "sebelum-pemulihan"
OTHER = "lain"
SUFFIX = ".sqlite3"

_DAILY_NAME = re.compile(r"^(?P<stem>.+)-harian-(?P<day>\d{4}-\d{2}-\d{2})\.sqlite3$")
_ASIDE_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<kind>sebelum-migrasi|sebelum-pemulihan)(?:-\d+)?\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    """A copy in backups/: what kind, from when, how big."""

    path: Path
    kind: str  # DAILY, BEFORE_MIGRATION, BEFORE_RESTORE or OTHER
    taken_at: datetime
    size: int

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def pruned_automatically(self) -> bool:
        return self.kind == DAILY


@dataclass(frozen=True)
class DailyResult:
    created: BackupResult | None  # None: today's copy was already there
    pruned: tuple[Path, ...]  # daily copies removed because they were older than the kept days
    path: Path  # today's copy


# --- the setting ----------------------------------------------------------------------------


def keep_days() -> int:
    """How many days of daily copies the office keeps (the database's Setting, else the default)."""
    row = models.Setting.get_or_none(models.Setting.key == KEEP_DAYS_KEY)
    try:
        value = int(row.value) if row is not None and row.value is not None else DEFAULT_KEEP_DAYS
    except (TypeError, ValueError):
        return DEFAULT_KEEP_DAYS
    return min(max(value, MIN_KEEP_DAYS), MAX_KEEP_DAYS)


def keep_days_problems(days) -> dict[str, str]:
    try:
        number = int(days)
    except (TypeError, ValueError):
        return {"keep_days": "masa simpan cadangan harian harus berupa angka hari"}
    if not MIN_KEEP_DAYS <= number <= MAX_KEEP_DAYS:
        return {"keep_days": f"masa simpan cadangan harian antara {MIN_KEEP_DAYS} dan {MAX_KEEP_DAYS} hari"}
    return {}


def set_keep_days(days: int, actor: str = "") -> int:
    """Store the number of days daily copies are kept (checked; written to the audit log)."""
    require_valid(keep_days_problems(days))
    days = int(days)
    db = models.database.obj
    with write_transaction(db):
        models.Setting.insert(key=KEEP_DAYS_KEY, value=days).on_conflict(
            conflict_target=[models.Setting.key], update={models.Setting.value: days}).execute()
        audit.record("backup.keep_days", "setting", KEEP_DAYS_KEY, {"days": days}, actor=actor)
    return days


# --- names ----------------------------------------------------------------------------------


def daily_path(db_file: Path, day: date, folder: Path | None = None) -> Path:
    return (folder or backups_dir()) / f"{Path(db_file).stem}-{DAILY}-{day.isoformat()}{SUFFIX}"


def describe_file(path: Path) -> BackupFile:
    """What a file in backups/ is, read off its name (its time of change when the name says nothing)."""
    stat = path.stat()
    changed = datetime.fromtimestamp(stat.st_mtime)
    daily = _DAILY_NAME.match(path.name)
    if daily and _is_date(daily["day"]):
        day = date.fromisoformat(daily["day"])
        # The day is in the name; the time of day only when the file was not copied here later.
        taken = changed if changed.date() == day else datetime.combine(day, time())
        return BackupFile(path, DAILY, taken, stat.st_size)
    aside = _ASIDE_NAME.match(path.name)
    if aside:
        taken = datetime.strptime(aside["stamp"], "%Y%m%d-%H%M%S")
        return BackupFile(path, aside["kind"], taken, stat.st_size)
    return BackupFile(path, OTHER, changed, stat.st_size)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def list_backups(folder: Path | None = None) -> list[BackupFile]:
    """Every copy in backups/, newest first."""
    folder = folder or backups_dir()
    found = [describe_file(path) for path in folder.glob(f"*{SUFFIX}") if path.is_file()]
    return sorted(found, key=lambda item: (item.taken_at, item.name), reverse=True)


def _daily_copies(folder: Path, stem: str) -> list[tuple[date, Path]]:
    copies = []
    for path in folder.glob(f"*-{DAILY}-*{SUFFIX}"):
        match = _DAILY_NAME.match(path.name)
        if not match or match["stem"] != stem:
            continue
        try:
            copies.append((date.fromisoformat(match["day"]), path))
        except ValueError:
            continue  # a name that only looks like a date is not ours to remove
    return sorted(copies)


# --- the daily copy -------------------------------------------------------------------------


def applies_to(db: pw.Database | None) -> bool:
    """Daily copies are taken of a SQLite database; a PostgreSQL server has pg_dump."""
    return db is not None and is_sqlite(db)


def is_due(db: pw.Database, today: date | None = None) -> bool:
    """Today's copy of the SQLite database is not there yet."""
    if not applies_to(db):
        return False
    return not daily_path(sqlite_path(db), today or date.today()).exists()


def run_daily(db: pw.Database, *, today: date | None = None, keep: int | None = None) -> DailyResult:
    """Take today's copy if it is missing and prune the daily copies older than `keep` days.

    Safe while the application writes (SQLite's online backup). A folder that
    cannot be created or written is a StoreError in Bahasa Indonesia.
    """
    if not applies_to(db):
        raise StoreError("cadangan harian hanya untuk basis data SQLite; "
                         "server PostgreSQL dicadangkan dengan pg_dump")
    today = today or date.today()
    keep = keep_days() if keep is None else keep
    source = sqlite_path(db)
    folder = writable_backups_dir()
    target = daily_path(source, today, folder)
    created = None
    if not target.exists():
        try:
            created = backup_sqlite(db, target)
        except StoreError:
            if not target.exists():  # another copy of KPU Desk on this computer was quicker
                raise
    pruned = prune(source, keep, today, folder)
    return DailyResult(created, pruned, target)


def prune(db_file: Path, keep: int, today: date | None = None, folder: Path | None = None) -> tuple[Path, ...]:
    """Remove the daily copies of db_file dated `keep` days or more before today; nothing else.

    keep=14 keeps today's copy and those of the 13 days before it.
    """
    keep = max(int(keep), MIN_KEEP_DAYS)
    today = today or date.today()
    folder = folder or backups_dir()
    oldest_kept = today - timedelta(days=keep - 1)
    removed = []
    for day, path in _daily_copies(folder, Path(db_file).stem):
        if day < oldest_kept:
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise StoreError(f"cadangan lama {path} tidak dapat dihapus ({exc.strerror or exc})") from exc
            removed.append(path)
    return tuple(removed)


def delete_backup(path: Path) -> None:
    """Delete one copy from backups/ (an administrator's choice in Pengaturan); nothing outside it."""
    path = Path(path)
    folder = backups_dir().resolve()
    if path.resolve().parent != folder or path.suffix != SUFFIX:
        raise StoreError(f"{path} bukan berkas di folder cadangan {folder}")
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cadangan {path.name} tidak dapat dihapus ({exc.strerror or exc})") from exc
