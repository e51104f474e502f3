"""The tables of KPU Desk (peewee). One database for the whole office.

Times are naive datetimes in the office's local time: every workstation of an
office sits in the same time zone, and the working-day calendar is local too.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import peewee as pw

database = pw.DatabaseProxy()


class JSONField(pw.TextField):
    """JSON kept as text, so that SQLite and PostgreSQL store it the same way."""

    def db_value(self, value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)

    def python_value(self, value: str | None) -> Any:
        return None if value is None else json.loads(value)


class BaseModel(pw.Model):
    class Meta:
        database = database
        legacy_table_names = False


# --- people -----------------------------------------------------------------



class User(BaseModel):
    username = pw.CharField(max_length=50, unique=True)
    full_name = pw.CharField(max_length=120)
    jabatan = pw.CharField(max_length=200, default="")
    nip = pw.CharField(max_length=30, default="")
    password_hash = pw.CharField(max_length=255, default="")
    active = pw.BooleanField(default=True)
    failed_logins = pw.IntegerField(default=0)
    locked_until = pw.DateTimeField(null=True)
    signature_sha256 = pw.CharField(max_length=64, null=True)
    created_at = pw.DateTimeField(default=datetime.now)


class UserRole(BaseModel):
    user = pw.ForeignKeyField(User, backref="roles", on_delete="CASCADE")
    role = pw.CharField(max_length=30)

    class Meta:
        indexes = ((("user", "role"), True),)


class LaneAssignment(BaseModel):
    """Pengaturan: which role or named user acts in a lane of an SOP."""

    sop_id = pw.CharField(max_length=80)
    lane_id = pw.CharField(max_length=60)
    role = pw.CharField(max_length=30, null=True)
    user = pw.ForeignKeyField(User, null=True, on_delete="CASCADE")

    class Meta:
        indexes = ((("sop_id", "lane_id"), False),)


class Party(BaseModel):
    """A visitor (tamu), applicant (pemohon) or complainant (pengadu)."""

    kind = pw.CharField(max_length=20)
    name = pw.CharField(max_length=120, index=True)
    nik = pw.CharField(max_length=16, null=True, index=True)
    phone = pw.CharField(max_length=20, null=True, index=True)
    email = pw.CharField(max_length=120, null=True)
    address = pw.TextField(null=True)
    institution = pw.CharField(max_length=150, null=True)
    created_at = pw.DateTimeField(default=datetime.now)
    anonymized_at = pw.DateTimeField(null=True)


# --- SOPs and cases -----------------------------------------------------------


class SopVersion(BaseModel):
    """One version of an SOP definition; a case keeps the version it started with."""

    sop_id = pw.CharField(max_length=80)
    version = pw.IntegerField()
    fingerprint = pw.CharField(max_length=64)
    definition = pw.TextField()  # the YAML text as loaded
    loaded_at = pw.DateTimeField(default=datetime.now)

    class Meta:
        indexes = ((("sop_id", "version"), True),)


class CaseCounter(BaseModel):
    """The last case number given per prefix and year: numbers without gaps."""

    prefix = pw.CharField(max_length=4)
    year = pw.IntegerField()
    last = pw.IntegerField(default=0)

    class Meta:
        primary_key = pw.CompositeKey("prefix", "year")


CASE_STATES = ("open", "waiting", "done", "cancelled")


class Case(BaseModel):
    number = pw.CharField(max_length=20, unique=True)
    sop_version = pw.ForeignKeyField(SopVersion, backref="cases")
    sop_id = pw.CharField(max_length=80, index=True)
    title = pw.CharField(max_length=250, default="", index=True)
    state = pw.CharField(max_length=12, default="open", index=True)
    party = pw.ForeignKeyField(Party, null=True, backref="cases", on_delete="SET NULL")
    current_step = pw.IntegerField(null=True)
    started_at = pw.DateTimeField(default=datetime.now, index=True)
    due_at = pw.DateTimeField(null=True)  # the case's legal deadline, when it has one
    extended_at = pw.DateTimeField(null=True)
    extension_reason = pw.TextField(null=True)
    closed_at = pw.DateTimeField(null=True)
    state_reason = pw.TextField(null=True)  # why it was cancelled or reopened
    created_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    row_version = pw.IntegerField(default=1)  # optimistic lock between workstations


class StepRun(BaseModel):
    """One time a case went through one step: who, when, what was recorded, which branch."""

    case = pw.ForeignKeyField(Case, backref="step_runs", on_delete="CASCADE")
    step_no = pw.IntegerField()
    state = pw.CharField(max_length=12, default="open")  # open, done, cancelled
    started_at = pw.DateTimeField(default=datetime.now)
    due_at = pw.DateTimeField(null=True)
    completed_at = pw.DateTimeField(null=True, index=True)
    completed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    form_data = JSONField(default=dict)
    branch = pw.CharField(max_length=120, null=True)

    class Meta:
        indexes = (
            (("case", "id"), False),
            (("state", "due_at"), False),
        )


class StepRunLane(BaseModel):
    """The lanes a step run sits in, so "Tugas saya" is one indexed query."""

    step_run = pw.ForeignKeyField(StepRun, backref="lanes", on_delete="CASCADE")
    sop_id = pw.CharField(max_length=80)
    lane_id = pw.CharField(max_length=60)

    class Meta:
        indexes = ((("sop_id", "lane_id", "step_run"), False),)


class Attachment(BaseModel):
    """A file kept in the data folder under its SHA-256."""

    sha256 = pw.CharField(max_length=64, index=True)
    filename = pw.CharField(max_length=255)
    mime = pw.CharField(max_length=100, default="application/octet-stream")
    size = pw.BigIntegerField()
    case = pw.ForeignKeyField(Case, null=True, backref="attachments", on_delete="SET NULL")
    step_run = pw.ForeignKeyField(StepRun, null=True, on_delete="SET NULL")
    uploaded_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    uploaded_at = pw.DateTimeField(default=datetime.now)


# --- the front desk and the letters --------------------------------------------


class Visit(BaseModel):
    case = pw.ForeignKeyField(Case, unique=True, backref="visit", on_delete="CASCADE")
    party = pw.ForeignKeyField(Party, backref="visits")
    pass_number = pw.CharField(max_length=20, index=True)
    pass_token = pw.CharField(max_length=64, unique=True)
    host = pw.CharField(max_length=120, default="")
    purpose = pw.TextField(default="")
    checked_in_at = pw.DateTimeField(default=datetime.now, index=True)
    valid_until = pw.DateTimeField()
    checked_out_at = pw.DateTimeField(null=True)
    ktp_held = pw.BooleanField(default=False)
    ktp_tray = pw.CharField(max_length=10, null=True)
    printed_at = pw.DateTimeField(null=True)
    identity_type = pw.CharField(max_length=30, null=True)  # KTP, SIM, Paspor, ...
    origin = pw.CharField(max_length=12, null=True)  # Lembaga, Instansi, Pribadi
    group_size = pw.IntegerField(default=1)  # kept after anonymisation: reports count guests


class Letter(BaseModel):
    direction = pw.CharField(max_length=6)  # masuk, keluar
    agenda_year = pw.IntegerField()
    agenda_number = pw.IntegerField()
    case = pw.ForeignKeyField(Case, null=True, backref="letters", on_delete="SET NULL")
    sender = pw.CharField(max_length=200, default="")
    recipient = pw.CharField(max_length=200, default="")
    letter_number = pw.CharField(max_length=100, default="")
    letter_date = pw.DateField(null=True)
    received_date = pw.DateField(null=True)
    subject = pw.TextField(default="")
    urgency = pw.CharField(max_length=12, default="Biasa")
    security_class = pw.CharField(max_length=16, default="Biasa")
    classification_code = pw.CharField(max_length=30, default="")
    attachment = pw.ForeignKeyField(Attachment, null=True, on_delete="SET NULL")
    registered_at = pw.DateTimeField(null=True)
    registered_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")

    class Meta:
        indexes = ((("direction", "agenda_year", "agenda_number"), True),)


class Disposition(BaseModel):
    letter = pw.ForeignKeyField(Letter, null=True, backref="dispositions", on_delete="CASCADE")
    case = pw.ForeignKeyField(Case, null=True, backref="dispositions", on_delete="CASCADE")
    parent = pw.ForeignKeyField("self", null=True, backref="children", on_delete="CASCADE")
    author = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    oral = pw.BooleanField(default=False)
    instructions = JSONField(default=list)
    note = pw.TextField(default="")
    deadline_days = pw.IntegerField(null=True)
    due_at = pw.DateTimeField(null=True)
    created_at = pw.DateTimeField(default=datetime.now)
    signed_at = pw.DateTimeField(null=True)
    signature_code = pw.CharField(max_length=128, null=True)
    replaced_by = pw.ForeignKeyField("self", null=True, on_delete="SET NULL")
    replace_reason = pw.TextField(null=True)
    signed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    signature_sha256 = pw.CharField(max_length=64, null=True)  # the specimen used at signing
    version = pw.IntegerField(default=1)


class DispositionRecipient(BaseModel):
    disposition = pw.ForeignKeyField(Disposition, backref="recipients", on_delete="CASCADE")
    user = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    position = pw.CharField(max_length=200, default="")
    state = pw.CharField(max_length=12, default="unread")  # unread, read, in_progress, done
    updated_at = pw.DateTimeField(default=datetime.now)
    note = pw.TextField(default="")


# --- the office ------------------------------------------------------------------


class Setting(BaseModel):
    key = pw.CharField(max_length=100, primary_key=True)
    value = JSONField(null=True)


class HolidayOverride(BaseModel):
    day = pw.DateField(unique=True)
    working = pw.BooleanField(default=False)
    name = pw.CharField(max_length=200)


class AuditEntry(BaseModel):
    """Append-only; each entry carries the hash of the one before it."""

    at = pw.DateTimeField(default=datetime.now)
    actor = pw.CharField(max_length=50, default="")
    action = pw.CharField(max_length=60)
    entity = pw.CharField(max_length=40, default="")
    entity_id = pw.CharField(max_length=40, default="")
    detail = JSONField(default=dict)
    prev_hash = pw.CharField(max_length=64)
    hash = pw.CharField(max_length=64)


class Notification(BaseModel):
    """Something a user is told in the application. No text: it is worded from the case."""

    user = pw.ForeignKeyField(User, backref="notifications", on_delete="CASCADE")
    case = pw.ForeignKeyField(Case, null=True, on_delete="CASCADE")
    kind = pw.CharField(max_length=30)
    step_no = pw.IntegerField(null=True)
    created_at = pw.DateTimeField(default=datetime.now)
    read_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = ((("user", "read_at"), False),)


class Expedition(BaseModel):
    """The buku ekspedisi: an output handed over, with who received it; numbered per year."""

    year = pw.IntegerField()
    number = pw.IntegerField()
    case = pw.ForeignKeyField(Case, null=True, backref="expeditions", on_delete="SET NULL")
    letter = pw.ForeignKeyField(Letter, null=True, on_delete="SET NULL")
    item = pw.TextField()
    recipient_name = pw.CharField(max_length=150)
    recipient_institution = pw.CharField(max_length=150, default="")
    handed_at = pw.DateTimeField(default=datetime.now)
    handed_by = pw.ForeignKeyField(User, null=True, on_delete="SET NULL")
    receiver_signature_sha256 = pw.CharField(max_length=64, null=True)
    note = pw.TextField(default="")

    class Meta:
        indexes = ((("year", "number"), True),)


ALL_MODELS = (
    User, UserRole, LaneAssignment, Party, SopVersion, CaseCounter, Case, StepRun, StepRunLane,
    Attachment, Visit, Letter, Disposition, DispositionRecipient, Setting, HolidayOverride,
    AuditEntry, Notification, Expedition,
)
