"""001 initial: the tables of KPU Desk 0.1 (kpu_desk/store/models.py at that version).

The classes below are frozen copies of the models, not imports: this script
must create the same tables forever, whatever models.py becomes later.
JSON columns are plain text here, as models.JSONField stores them.
Tables are created with safe=False so that a database which already has
tables of the same name, but no migration history, fails loudly instead of
being adopted half-matching.
"""

import datetime

from peewee import *  # noqa: F403 - the migration vocabulary


def up(migrator, db):
    class SopVersion(Model):
        sop_id = CharField(max_length=80)
        version = IntegerField()
        fingerprint = CharField(max_length=64)
        definition = TextField()
        loaded_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'sop_version'
            indexes = ((('sop_id', 'version'), True),)
    db.create_tables([SopVersion], safe=False)

    class Party(Model):
        kind = CharField(max_length=20)
        name = CharField(index=True, max_length=120)
        nik = CharField(index=True, null=True, max_length=16)
        phone = CharField(index=True, null=True, max_length=20)
        email = CharField(null=True, max_length=120)
        address = TextField(null=True)
        institution = CharField(null=True, max_length=150)
        created_at = DateTimeField(default=datetime.datetime.now)
        anonymized_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'party'
    db.create_tables([Party], safe=False)

    class User(Model):
        username = CharField(unique=True, max_length=50)
        full_name = CharField(max_length=120)
        jabatan = CharField(max_length=200, default='')
        nip = CharField(max_length=30, default='')
        password_hash = CharField(default='')
        active = BooleanField(default=True)
        failed_logins = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        signature_sha256 = CharField(null=True, max_length=64)
        created_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'user'
    db.create_tables([User], safe=False)

    class Case(Model):
        number = CharField(unique=True, max_length=20)
        sop_version = ForeignKeyField(SopVersion)
        sop_id = CharField(index=True, max_length=80)
        title = CharField(index=True, max_length=250, default='')
        state = CharField(index=True, max_length=12, default='open')
        party = ForeignKeyField(Party, null=True, on_delete='SET NULL')
        current_step = IntegerField(null=True)
        started_at = DateTimeField(index=True, default=datetime.datetime.now)
        due_at = DateTimeField(null=True)
        extended_at = DateTimeField(null=True)
        extension_reason = TextField(null=True)
        closed_at = DateTimeField(null=True)
        state_reason = TextField(null=True)
        created_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        row_version = IntegerField(default=1)
        class Meta:
            database = db
            table_name = 'case'
    db.create_tables([Case], safe=False)

    class StepRun(Model):
        case = ForeignKeyField(Case, on_delete='CASCADE')
        step_no = IntegerField()
        state = CharField(max_length=12, default='open')
        started_at = DateTimeField(default=datetime.datetime.now)
        due_at = DateTimeField(null=True)
        completed_at = DateTimeField(null=True)
        completed_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        form_data = TextField()  # JSON as text (models.JSONField)
        branch = CharField(null=True, max_length=120)
        class Meta:
            database = db
            table_name = 'step_run'
            indexes = ((('case', 'id'), False), (('state', 'due_at'), False))
    db.create_tables([StepRun], safe=False)

    class Attachment(Model):
        sha256 = CharField(index=True, max_length=64)
        filename = CharField()
        mime = CharField(max_length=100, default='application/octet-stream')
        size = BigIntegerField()
        case = ForeignKeyField(Case, null=True, on_delete='SET NULL')
        step_run = ForeignKeyField(StepRun, null=True, on_delete='SET NULL')
        uploaded_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        uploaded_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'attachment'
    db.create_tables([Attachment], safe=False)

    class AuditEntry(Model):
        at = DateTimeField(default=datetime.datetime.now)
        actor = CharField(max_length=50, default='')
        action = CharField(max_length=60)
        entity = CharField(max_length=40, default='')
        entity_id = CharField(max_length=40, default='')
        detail = TextField()  # JSON as text (models.JSONField)
        prev_hash = CharField(max_length=64)
        hash = CharField(max_length=64)
        class Meta:
            database = db
            table_name = 'audit_entry'
    db.create_tables([AuditEntry], safe=False)

    class CaseCounter(Model):
        prefix = CharField(max_length=4)
        year = IntegerField()
        last = IntegerField(default=0)
        class Meta:
            database = db
            table_name = 'case_counter'
            primary_key = CompositeKey('prefix', 'year')
    db.create_tables([CaseCounter], safe=False)

    class Letter(Model):
        direction = CharField(max_length=6)
        agenda_year = IntegerField()
        agenda_number = IntegerField()
        case = ForeignKeyField(Case, null=True, on_delete='SET NULL')
        sender = CharField(max_length=200, default='')
        recipient = CharField(max_length=200, default='')
        letter_number = CharField(max_length=100, default='')
        letter_date = DateField(null=True)
        received_date = DateField(null=True)
        subject = TextField(default='')
        urgency = CharField(max_length=12, default='Biasa')
        security_class = CharField(max_length=16, default='Biasa')
        classification_code = CharField(max_length=30, default='')
        attachment = ForeignKeyField(Attachment, null=True, on_delete='SET NULL')
        class Meta:
            database = db
            table_name = 'letter'
            indexes = ((('direction', 'agenda_year', 'agenda_number'), True),)
    db.create_tables([Letter], safe=False)

    class Disposition(Model):
        letter = ForeignKeyField(Letter, null=True, on_delete='CASCADE')
        case = ForeignKeyField(Case, null=True, on_delete='CASCADE')
        parent = ForeignKeyField('self', null=True, on_delete='CASCADE')
        author = ForeignKeyField(User, null=True, on_delete='SET NULL')
        oral = BooleanField(default=False)
        instructions = TextField()  # JSON as text (models.JSONField)
        note = TextField(default='')
        deadline_days = IntegerField(null=True)
        due_at = DateTimeField(null=True)
        created_at = DateTimeField(default=datetime.datetime.now)
        signed_at = DateTimeField(null=True)
        signature_code = CharField(null=True, max_length=128)
        replaced_by = ForeignKeyField('self', null=True, on_delete='SET NULL')
        replace_reason = TextField(null=True)
        class Meta:
            database = db
            table_name = 'disposition'
    db.create_tables([Disposition], safe=False)

    class DispositionRecipient(Model):
        disposition = ForeignKeyField(Disposition, on_delete='CASCADE')
        user = ForeignKeyField(User, null=True, on_delete='SET NULL')
        position = CharField(max_length=200, default='')
        state = CharField(max_length=12, default='unread')
        updated_at = DateTimeField(default=datetime.datetime.now)
        class Meta:
            database = db
            table_name = 'disposition_recipient'
    db.create_tables([DispositionRecipient], safe=False)

    class HolidayOverride(Model):
        day = DateField(unique=True)
        working = BooleanField(default=False)
        name = CharField(max_length=200)
        class Meta:
            database = db
            table_name = 'holiday_override'
    db.create_tables([HolidayOverride], safe=False)

    class LaneAssignment(Model):
        sop_id = CharField(max_length=80)
        lane_id = CharField(max_length=60)
        role = CharField(null=True, max_length=30)
        user = ForeignKeyField(User, null=True, on_delete='CASCADE')
        class Meta:
            database = db
            table_name = 'lane_assignment'
            indexes = ((('sop_id', 'lane_id'), False),)
    db.create_tables([LaneAssignment], safe=False)

    class Setting(Model):
        key = CharField(primary_key=True, max_length=100)
        value = TextField(null=True)  # JSON as text (models.JSONField)
        class Meta:
            database = db
            table_name = 'setting'
    db.create_tables([Setting], safe=False)

    class StepRunLane(Model):
        step_run = ForeignKeyField(StepRun, on_delete='CASCADE')
        sop_id = CharField(max_length=80)
        lane_id = CharField(max_length=60)
        class Meta:
            database = db
            table_name = 'step_run_lane'
            indexes = ((('sop_id', 'lane_id', 'step_run'), False),)
    db.create_tables([StepRunLane], safe=False)

    class UserRole(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        role = CharField(max_length=30)
        class Meta:
            database = db
            table_name = 'user_role'
            indexes = ((('user', 'role'), True),)
    db.create_tables([UserRole], safe=False)

    class Visit(Model):
        case = ForeignKeyField(Case, unique=True, on_delete='CASCADE')
        party = ForeignKeyField(Party)
        pass_number = CharField(index=True, max_length=20)
        pass_token = CharField(unique=True, max_length=64)
        host = CharField(max_length=120, default='')
        purpose = TextField(default='')
        checked_in_at = DateTimeField(index=True, default=datetime.datetime.now)
        valid_until = DateTimeField()
        checked_out_at = DateTimeField(null=True)
        ktp_held = BooleanField(default=False)
        ktp_tray = CharField(null=True, max_length=10)
        printed_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'visit'
    db.create_tables([Visit], safe=False)


def down(migrator, db):
    """Not run by KPU Desk (it never downgrades); kept for a developer's rollback."""
    # Dependents first, so that no foreign key points at a dropped table.
    for table in (
        'visit',
        'user_role',
        'step_run_lane',
        'setting',
        'lane_assignment',
        'holiday_override',
        'disposition_recipient',
        'disposition',
        'letter',
        'case_counter',
        'audit_entry',
        'attachment',
        'step_run',
        'case',
        'user',
        'party',
        'sop_version',
    ):
        db.execute_sql('DROP TABLE IF EXISTS "%s"' % table)
