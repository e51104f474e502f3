"""Upgrades: a database made by the first schema version (001_initial only) is brought up to the
current version by opening it with today's code, with every row intact and the new columns usable.

The old database is written with plain SQL against the tables 001 created (no models of today),
and filled like an office that has worked for a while: users and roles, parties, an SOP version,
cases with step runs and lanes, visits, letters with dispositions, attachments, holidays, lane
assignments, settings and a valid audit chain. The checks are generic over the migrations that
come after 001: every column 001 created keeps its values; every column added later that the
models require is filled in the old rows (002's with exactly their defaults); every table added
later is there and takes new rows; the ORM of today reads every row; the audit chain still
verifies and the engine carries on. The same test runs once more with a made-up later migration
added to the folder, which shows that a new migration needs no change here.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import peewee as pw
import pytest
from playhouse.migrate import SchemaMigrator

from conftest import SOPS_DIR
from kpu_desk.sop.loader import fingerprint_of
from kpu_desk.store import close_database, migrate, models, open_database
from kpu_desk.store.audit import GENESIS, entry_hash
from kpu_desk.store.connection import make_database
from kpu_desk.store.dbutil import is_sqlite

FIRST = "001_initial"
SOP_ID = "karanganyar-pelayanan-umum"
PASSWORD = "Kantor-KPU-2024"
YEAR = 2026
# What 002_desk_letters added to tables that already had rows, and what those rows must hold.
# A later migration adds its own checks; these stay true (it must not rewrite old rows' values).
ADDED_BY_002 = (
    ("visit", "group_size", 1), ("visit", "origin", None), ("visit", "identity_type", None),
    ("disposition", "version", 1), ("disposition", "signed_by_id", None),
    ("disposition", "signature_sha256", None), ("disposition_recipient", "note", ""),
    ("letter", "registered_at", None), ("letter", "registered_by_id", None),
)


@pytest.fixture(autouse=True)
def _late_in_the_year_of_the_data(time_machine):
    """The old rows are of YEAR, and a case started after the upgrade continues their numbering."""
    time_machine.move_to(datetime(YEAR, 11, 18, 10, 0))


def _ts(value: datetime) -> str:
    return value.isoformat(" ", timespec="microseconds")


def _first_version_database(url: str) -> pw.Database:
    """A database on which only the first migration ran, recorded as the runner records it."""
    db = make_database(url)
    db.connect()
    with db.atomic():
        migrate._load(FIRST).up(SchemaMigrator.from_database(db), db)
        history = migrate._history(db)
        history.create_table()
        history.create(name=FIRST)
    assert migrate.status(db).applied == (FIRST,)
    return db


# Foreign keys of schema 001, written as their columns are named (user -> user_id).
_FOREIGN_KEYS = {"user", "case", "party", "sop_version", "created_by", "completed_by", "step_run", "uploaded_by",
                 "attachment", "letter", "parent", "author", "replaced_by", "disposition"}


def _insert(db: pw.Database, table: str, rows: list[dict]) -> None:
    rows = [{(f"{key}_id" if key in _FOREIGN_KEYS else key): value for key, value in row.items()} for row in rows]
    columns = list(rows[0])
    pw.Table(table, columns).bind(db).insert(rows).execute()


def _fill(db: pw.Database) -> dict:
    """An office on schema 001, in plain SQL. Returns what the checks need to know."""
    from kpu_desk.security.passwords import hash_password
    from kpu_desk.store.attachments import path_for

    t0 = datetime(YEAR, 3, 2, 8, 15, 0, 123456)
    definition = (SOPS_DIR / f"{SOP_ID}.yaml").read_text(encoding="utf-8")
    with db.atomic():
        _insert(db, "sop_version", [dict(id=1, sop_id=SOP_ID, version=1, fingerprint=fingerprint_of(definition),
                                         definition=definition, loaded_at=_ts(t0))])
        _insert(db, "user", [
            dict(id=1, username="admin", full_name="Administrator Kantor", jabatan="Kasubag Umum",
                 nip="198001012005011001", password_hash=hash_password(PASSWORD), active=True,
                 failed_logins=0, locked_until=None, signature_sha256=None, created_at=_ts(t0)),
            dict(id=2, username="resepsionis", full_name="Siti Rahmawati", jabatan="Front Office", nip="",
                 password_hash=hash_password(PASSWORD), active=True, failed_logins=2,
                 locked_until=None, signature_sha256=None, created_at=_ts(t0)),
            dict(id=3, username="sekretaris", full_name="Drs. Bambang Sutrisno", jabatan="Sekretaris",
                 nip="197203041998031002", password_hash=hash_password(PASSWORD), active=False,
                 failed_logins=0, locked_until=_ts(t0 + timedelta(minutes=10)), signature_sha256="ab" * 32,
                 created_at=_ts(t0)),
        ])
        _insert(db, "user_role", [dict(id=1, user=1, role="administrator"), dict(id=2, user=2, role="resepsionis"),
                                  dict(id=3, user=3, role="sekretaris"), dict(id=4, user=3, role="pimpinan")])
        _insert(db, "party", [
            dict(id=1, kind="tamu", name="Budi Santoso", nik="3313012345670001", phone="081234567890",
                 email="budi@example.id", address="Jl. Lawu 12, Karanganyar", institution="Bawaslu",
                 created_at=_ts(t0), anonymized_at=None),
            dict(id=2, kind="tamu", name="(dianonimkan)", nik=None, phone=None, email=None, address=None,
                 institution=None, created_at=_ts(t0 - timedelta(days=400)),
                 anonymized_at=_ts(t0 - timedelta(days=30))),
        ])
        _insert(db, "case_counter", [dict(prefix="TM", year=YEAR, last=2)])
        _insert(db, "case", [
            dict(id=1, number=f"TM-{YEAR}-00001", sop_version=1, sop_id=SOP_ID, title="Budi Santoso — Bawaslu",
                 state="done", party=1, current_step=None, started_at=_ts(t0), due_at=None, extended_at=None,
                 extension_reason=None, closed_at=_ts(t0 + timedelta(hours=1)), state_reason=None,
                 created_by=2, row_version=4),
            dict(id=2, number=f"TM-{YEAR}-00002", sop_version=1, sop_id=SOP_ID, title="Tamu rombongan",
                 state="open", party=2, current_step=2, started_at=_ts(t0 + timedelta(days=1)),
                 due_at=_ts(t0 + timedelta(days=1, minutes=5)), extended_at=None, extension_reason=None,
                 closed_at=None, state_reason=None, created_by=2, row_version=2),
        ])
        _insert(db, "step_run", [
            dict(id=1, case=1, step_no=1, state="done", started_at=_ts(t0), due_at=_ts(t0 + timedelta(minutes=5)),
                 completed_at=_ts(t0 + timedelta(minutes=3)), completed_by=2, branch=None,
                 form_data=json.dumps({"nama_tamu": "Budi Santoso", "asal_tamu": "Lembaga", "instansi": "Bawaslu",
                                       "jumlah_tamu": 1})),
            dict(id=2, case=1, step_no=2, state="done", started_at=_ts(t0 + timedelta(minutes=3)), due_at=None,
                 completed_at=_ts(t0 + timedelta(minutes=6)), completed_by=2, branch=None,
                 form_data=json.dumps({"cuci_tangan": True, "cek_kesehatan": "Lolos"})),
            dict(id=3, case=2, step_no=1, state="done", started_at=_ts(t0 + timedelta(days=1)), due_at=None,
                 completed_at=_ts(t0 + timedelta(days=1, minutes=2)), completed_by=2, branch=None,
                 form_data=json.dumps({"nama_tamu": "Tamu rombongan", "asal_tamu": "Pribadi", "jumlah_tamu": 6})),
            dict(id=4, case=2, step_no=2, state="open", started_at=_ts(t0 + timedelta(days=1, minutes=2)),
                 due_at=_ts(t0 + timedelta(days=1, minutes=7)), completed_at=None, completed_by=None,
                 branch=None, form_data="{}"),
        ])
        _insert(db, "step_run_lane", [dict(id=n, step_run=run, sop_id=SOP_ID, lane_id=lane) for n, (run, lane) in
                                      enumerate([(1, "tamu"), (2, "jagat_saksana"), (3, "tamu"),
                                                 (4, "jagat_saksana")], start=1)])
        _insert(db, "visit", [
            dict(id=1, case=1, party=1, pass_number="T-001", pass_token="tok-" + "a" * 40, host="Ketua KPU",
                 purpose="Koordinasi pengawasan", checked_in_at=_ts(t0), valid_until=_ts(t0 + timedelta(hours=8)),
                 checked_out_at=_ts(t0 + timedelta(hours=1)), ktp_held=True, ktp_tray="B3",
                 printed_at=_ts(t0 + timedelta(minutes=4))),
            dict(id=2, case=2, party=2, pass_number="T-002", pass_token="tok-" + "b" * 40, host="", purpose="",
                 checked_in_at=_ts(t0 + timedelta(days=1)), valid_until=_ts(t0 + timedelta(days=1, hours=8)),
                 checked_out_at=None, ktp_held=False, ktp_tray=None, printed_at=None),
        ])
        scan = b"%PDF-1.4 surat undangan rapat koordinasi\n"
        import hashlib
        sha = hashlib.sha256(scan).hexdigest()
        stored = path_for(sha)
        stored.parent.mkdir(parents=True, exist_ok=True)
        stored.write_bytes(scan)
        _insert(db, "attachment", [dict(id=1, sha256=sha, filename="undangan.pdf", mime="application/pdf",
                                        size=len(scan), case=1, step_run=1, uploaded_by=2, uploaded_at=_ts(t0))])
        _insert(db, "letter", [
            dict(id=1, direction="masuk", agenda_year=YEAR, agenda_number=1, case=None,
                 sender="Bawaslu Kabupaten Karanganyar", recipient="Ketua KPU", letter_number="B-12/PM.00/03/2024",
                 letter_date=date(YEAR, 3, 1).isoformat(), received_date=date(YEAR, 3, 2).isoformat(),
                 subject="Undangan rapat koordinasi", urgency="Segera", security_class="Biasa",
                 classification_code="PM.00", attachment=1),
            dict(id=2, direction="keluar", agenda_year=YEAR, agenda_number=1, case=None, sender="KPU",
                 recipient="Bawaslu", letter_number="123/PP.01-SD/3313/2024", letter_date=date(YEAR, 3, 4).isoformat(),
                 received_date=None, subject="Balasan", urgency="Biasa", security_class="Terbatas",
                 classification_code="", attachment=None),
        ])
        _insert(db, "disposition", [
            dict(id=1, letter=1, case=None, parent=None, author=3, oral=False,
                 instructions=json.dumps(["Tindak lanjuti", "Laporkan hasilnya"]), note="Hadiri dan laporkan",
                 deadline_days=3, due_at=_ts(t0 + timedelta(days=3)), created_at=_ts(t0), signed_at=_ts(t0),
                 signature_code="SIG-1", replaced_by=None, replace_reason=None),
            dict(id=2, letter=1, case=None, parent=1, author=1, oral=True, instructions="[]", note="",
                 deadline_days=None, due_at=None, created_at=_ts(t0 + timedelta(hours=1)), signed_at=None,
                 signature_code=None, replaced_by=None, replace_reason=None),
        ])
        _insert(db, "disposition_recipient", [
            dict(id=1, disposition=1, user=1, position="Kasubag Umum", state="read", updated_at=_ts(t0)),
            dict(id=2, disposition=2, user=None, position="Staf Umum", state="unread", updated_at=_ts(t0)),
        ])
        _insert(db, "holiday_override", [
            dict(id=1, day=date(YEAR, 4, 25).isoformat(), working=False, name="Hari jadi Kabupaten"),
            dict(id=2, day=date(YEAR, 12, 27).isoformat(), working=True, name="Kerja bakti akhir tahun"),
        ])
        _insert(db, "lane_assignment", [
            dict(id=1, sop_id=SOP_ID, lane_id="jagat_saksana", role="resepsionis", user=None),
            dict(id=2, sop_id=SOP_ID, lane_id="pimpinan", role=None, user=3),
        ])
        _insert(db, "setting", [
            dict(key="office.name", value=json.dumps("KPU Kabupaten Karanganyar")),
            dict(key="office.level", value=json.dumps("Kabupaten")),
            dict(key="office.sops", value=json.dumps([SOP_ID])),
            dict(key="visitors.retention_days", value=json.dumps(365)),
        ])
        prev = GENESIS
        entries = []
        for number, (action, entity, entity_id, detail) in enumerate([
            ("office.setup", "office", "", {"sops": [SOP_ID]}),
            ("case.start", "case", f"TM-{YEAR}-00001", {"step": 1}),
            ("case.step", "case", f"TM-{YEAR}-00001", {"step": 2, "fields": ["cuci_tangan"]}),
            ("letter.register", "letter", "masuk/1", {}),
        ], start=1):
            at = t0 + timedelta(minutes=number, microseconds=number)
            digest = entry_hash(prev, at, "admin", action, entity, entity_id, detail)
            entries.append(dict(id=number, at=_ts(at), actor="admin", action=action, entity=entity,
                                entity_id=entity_id, detail=json.dumps(detail, ensure_ascii=False),
                                prev_hash=prev, hash=digest))
            prev = digest
        _insert(db, "audit_entry", entries)
        if not is_sqlite(db):  # rows written with their ids: the sequences go on after them, as in use
            for table in db.get_tables():
                if "id" in _columns(db, table) and table != migrate.HISTORY_TABLE:
                    db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                                   f'(SELECT max(id) FROM "{table}"))')
    return {"audit_entries": len(entries)}


def _columns(db: pw.Database, table: str) -> list[str]:
    return [column.name for column in db.get_columns(table)]


def _snapshot(db: pw.Database) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table of the old database: its columns and its rows, in a stable order."""
    found = {}
    for table in db.get_tables():
        if table == migrate.HISTORY_TABLE:
            continue
        columns = _columns(db, table)
        quoted = ", ".join(f'"{name}"' for name in columns)
        rows = db.execute_sql(f'SELECT {quoted} FROM "{table}" ORDER BY {quoted}').fetchall()
        found[table] = (columns, [tuple(row) for row in rows])
    return found


LATER_MIGRATION = """from peewee import *
from playhouse.migrate import migrate


def up(migrator, db):
    migrate(migrator.add_column('visit', 'vehicle_plate', CharField(max_length=12, default='')),
            migrator.add_column('case', 'archived_at', DateTimeField(null=True)))

    class LaterNote(Model):
        text = TextField(default='')
        class Meta:
            database = db
            table_name = 'later_note'
    db.create_tables([LaterNote], safe=False)
"""


@pytest.fixture(params=["today", "with a later migration"])
def migrations(request, tmp_path, monkeypatch) -> str:
    """Today's migrations, and the same plus a made-up later one: the checks hold for both."""
    if request.param == "with a later migration":
        import shutil

        from kpu_desk import paths

        folder = tmp_path / "migrations"
        shutil.copytree(paths.migrations_dir(), folder, ignore=shutil.ignore_patterns("__pycache__"))
        (folder / "998_later_test.py").write_text(LATER_MIGRATION, encoding="utf-8")
        monkeypatch.setattr(paths, "migrations_dir", lambda: folder)
    return request.param


@pytest.fixture
def first_version_url(database_url, migrations) -> tuple[str, dict[str, tuple[list[str], list[tuple]]], dict]:
    """A database_url (SQLite file, then PostgreSQL) holding an office on schema 001."""
    db = _first_version_database(database_url)
    try:
        facts = _fill(db)
        before = _snapshot(db)
    finally:
        db.close()
    return database_url, before, facts


def test_a_first_version_database_is_upgraded_with_its_data_intact(first_version_url, run_cli, tmp_path,
                                                                     monkeypatch):
    url, before, facts = first_version_url
    assert all(rows for table, (_cols, rows) in before.items() if table != "case_counter" or rows)

    db = open_database(url)  # what the application does on start: migrate to the current version
    try:
        state = migrate.status(db)
        assert not state.pending and state.db_version == migrate.code_version() > 1

        # 1. Every column 001 created keeps every value.
        for table, (columns, rows) in before.items():
            quoted = ", ".join(f'"{name}"' for name in columns)
            now = db.execute_sql(f'SELECT {quoted} FROM "{table}" ORDER BY {quoted}').fetchall()
            assert [tuple(row) for row in now] == rows, table

        # 2. Tables added since exist; columns added since are filled in the old rows as the models
        #    require (a NOT NULL column has a value), and 002's hold exactly their defaults.
        for model in models.ALL_MODELS:
            table = model._meta.table_name
            assert db.table_exists(table), table
            if table not in before:
                continue
            old_columns = set(before[table][0])
            for field in model._meta.sorted_fields:
                if field.column_name in old_columns or field.null:
                    continue
                values = [row[field.name] for row in model.select(field).dicts()]
                assert None not in values, f"{table}.{field.column_name} is empty in old rows"
        for table, column, expected in ADDED_BY_002:
            values = {row[0] for row in db.execute_sql(f'SELECT "{column}" FROM "{table}"').fetchall()}
            assert values == {expected}, f"{table}.{column}: {values}"

        # 3. Today's models read every old row.
        for model in models.ALL_MODELS:
            table = model._meta.table_name
            count = len(list(model.select()))
            assert count == (len(before[table][1]) if table in before else 0), table

        _the_new_columns_and_tables_work(db)
        monkeypatch.setenv("KPU_DESK_PASSWORD", PASSWORD)  # the administrator of the old version signs in
        _the_application_carries_on(run_cli, url, facts)
    finally:
        close_database()

    if is_sqlite(make_database(url)):  # the file as it was is kept aside, still on schema 001
        from kpu_desk.store.backup import backups_dir

        copies = list(backups_dir().glob("*-sebelum-migrasi.sqlite3"))
        assert len(copies) == 1
        kept = make_database(f"sqlite:///{copies[0].as_posix()}")
        kept.connect()
        try:
            assert migrate.applied_names(kept) == [FIRST]
            assert _snapshot(kept) == before
        finally:
            kept.close()


def _the_new_columns_and_tables_work(db: pw.Database) -> None:
    """Schema 002's additions on the upgraded data: visit origin/group size, notifications, buku ekspedisi."""
    visit = models.Visit.get_by_id(2)
    assert visit.group_size == 1 and visit.origin is None and visit.identity_type is None
    visit.group_size, visit.origin, visit.identity_type = 6, "Pribadi", "SIM"
    visit.save()
    assert models.Visit.get_by_id(2).group_size == 6
    assert models.Disposition.get_by_id(1).version == 1
    assert models.DispositionRecipient.get_by_id(1).note == ""
    letter = models.Letter.get_by_id(1)
    assert letter.registered_at is None and letter.subject == "Undangan rapat koordinasi"
    models.Notification.create(user=1, case=2, kind="guest_waiting", step_no=2)
    models.Expedition.create(year=YEAR, number=1, case=1, item="Tanda bukti kunjungan",
                             recipient_name="Budi Santoso", handed_by=2)
    assert models.Notification.select().where(models.Notification.read_at.is_null()).count() == 1
    assert models.Expedition.get(models.Expedition.number == 1).recipient_institution == ""


def _the_application_carries_on(run_cli, url: str, facts: dict) -> None:
    from kpu_desk.accounts.signin import authenticate
    from kpu_desk.store.attachments import open_attachment

    code, out, err = run_cli("--db", url, "db", "verify-audit")
    assert code == 0, err
    assert f"{facts['audit_entries']} entri" in out  # the chain written by the old version, whole

    open_database(url)  # the CLI closed it
    assert authenticate("admin", PASSWORD).username == "admin"  # passwords of schema 001 still sign in
    attachment = models.Attachment.get_by_id(1)
    assert open_attachment(attachment).read_bytes().startswith(b"%PDF")
    code, out, err = run_cli("--db", url, "db", "check")
    assert code == 0 and "baik" in out, (out, err)
    code, out, err = run_cli("--db", url, "case", "show", f"TM-{YEAR}-00001", "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["number"] == f"TM-{YEAR}-00001" and shown["state"] == "done"

    # The engine writes on the upgraded data: a new case continues the numbering, an old one is cancelled,
    # and the audit chain goes on from the entries written by the old version.
    code, out, err = run_cli("--db", url, "case", "start", SOP_ID, "--user", "admin")
    assert code == 0, err
    assert f"TM-{YEAR}-00003" in out
    code, out, err = run_cli("--db", url, "case", "cancel", f"TM-{YEAR}-00002", "--reason", "Tamu batal datang",
                             "--user", "admin")
    assert code == 0, err
    code, out, err = run_cli("--db", url, "db", "verify-audit")
    assert code == 0, err


def test_the_first_migration_alone_makes_exactly_the_tables_it_always_made(sqlite_url):
    """The fixture's foundation: 001 is frozen, so the old database is the one version 0.1 made."""
    db = _first_version_database(sqlite_url)
    try:
        assert set(db.get_tables()) == {
            "sop_version", "party", "user", "case", "step_run", "attachment", "audit_entry", "case_counter",
            "letter", "disposition", "disposition_recipient", "holiday_override", "lane_assignment",
            "setting", "step_run_lane", "user_role", "visit", migrate.HISTORY_TABLE,
        }
        assert "group_size" not in _columns(db, "visit")
    finally:
        db.close()
