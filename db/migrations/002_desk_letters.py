"""002 desk and letters: what the visitor desk, the dispositions and the buku ekspedisi record.

- visit: the identity type shown (KTP, SIM, ...), the guest's origin (Lembaga/Instansi/Pribadi)
  and the size of the group, kept after anonymisation so that the reports still count guests.
- notification: something a user is told in the application (a guest waits for a decision,
  a disposition arrived). Rows carry no text: the application words them from the case, so
  anonymising a party leaves nothing behind here.
- disposition: who signed (the Sekretaris signs what the Ketua may have written), the
  signature specimen used at signing (so a later specimen does not change an old sheet), and a
  version number for a replacement of a signed disposition.
- disposition_recipient: the recipient's own note on the work done.
- letter: when and by whom it was registered.
- expedition: the buku ekspedisi, hand-overs of outputs with a number per year.
- step_run.completed_at gets an index (the monthly report counts steps by completion).

Frozen copies of the referenced tables only: see 001_initial.py.
"""

import datetime

from peewee import *  # noqa: F403 - the migration vocabulary
from playhouse.migrate import migrate


def up(migrator, db):
    class User(Model):
        class Meta:
            database = db
            table_name = 'user'

    class Case(Model):
        class Meta:
            database = db
            table_name = 'case'

    class Letter(Model):
        class Meta:
            database = db
            table_name = 'letter'

    migrate(
        migrator.add_column('visit', 'identity_type', CharField(max_length=30, null=True)),
        migrator.add_column('visit', 'origin', CharField(max_length=12, null=True)),
        migrator.add_column('visit', 'group_size', IntegerField(default=1)),
        migrator.add_column('disposition', 'signed_by_id',
                            ForeignKeyField(User, field=User.id, null=True, on_delete='SET NULL')),
        migrator.add_column('disposition', 'signature_sha256', CharField(max_length=64, null=True)),
        migrator.add_column('disposition', 'version', IntegerField(default=1)),
        migrator.add_column('disposition_recipient', 'note', TextField(default='')),
        migrator.add_column('letter', 'registered_at', DateTimeField(null=True)),
        migrator.add_column('letter', 'registered_by_id',
                            ForeignKeyField(User, field=User.id, null=True, on_delete='SET NULL')),
        migrator.add_index('step_run', ('completed_at',), False),
    )

    class Notification(Model):
        user = ForeignKeyField(User, on_delete='CASCADE')
        case = ForeignKeyField(Case, null=True, on_delete='CASCADE')
        kind = CharField(max_length=30)
        step_no = IntegerField(null=True)
        created_at = DateTimeField(default=datetime.datetime.now)
        read_at = DateTimeField(null=True)
        class Meta:
            database = db
            table_name = 'notification'
            indexes = ((('user', 'read_at'), False),)
    db.create_tables([Notification], safe=False)

    class Expedition(Model):
        year = IntegerField()
        number = IntegerField()
        case = ForeignKeyField(Case, null=True, on_delete='SET NULL')
        letter = ForeignKeyField(Letter, null=True, on_delete='SET NULL')
        item = TextField()
        recipient_name = CharField(max_length=150)
        recipient_institution = CharField(max_length=150, default='')
        handed_at = DateTimeField(default=datetime.datetime.now)
        handed_by = ForeignKeyField(User, null=True, on_delete='SET NULL')
        receiver_signature_sha256 = CharField(max_length=64, null=True)
        note = TextField(default='')
        class Meta:
            database = db
            table_name = 'expedition'
            indexes = ((('year', 'number'), True),)
    db.create_tables([Expedition], safe=False)


def down(migrator, db):
    """Not run by KPU Desk (it never downgrades); kept for a developer's rollback."""
    db.execute_sql('DROP TABLE expedition')
    db.execute_sql('DROP TABLE notification')
    migrate(
        migrator.drop_index('step_run', 'step_run_completed_at'),
        migrator.drop_column('letter', 'registered_by_id'),
        migrator.drop_column('letter', 'registered_at'),
        migrator.drop_column('disposition_recipient', 'note'),
        migrator.drop_column('disposition', 'version'),
        migrator.drop_column('disposition', 'signature_sha256'),
        migrator.drop_column('disposition', 'signed_by_id'),
        migrator.drop_column('visit', 'group_size'),
        migrator.drop_column('visit', 'origin'),
        migrator.drop_column('visit', 'identity_type'),
    )
