"""Anonymising visitor data after the retention period: names gone everywhere, counts kept."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from kpu_desk import engine
from kpu_desk.retention import ANON_NAME, anonymize_expired, personal_keys
from kpu_desk.store import models
from visitor_support import NIK, PHONE, make_visit
from conftest import SUITE_NOW

NOW = datetime(2027, 6, 1, 9, 0)
OLD = NOW - timedelta(days=400)
RECENT = NOW - timedelta(days=10)


@pytest.fixture
def office(database):
    from engine_support import sync_shipped

    sync_shipped()
    models.Setting.create(key="visitors.retention_days", value=365)


def _personal_text(visit: models.Visit) -> str:
    case = models.Case.get_by_id(visit.case_id)
    party = models.Party.get_by_id(visit.party_id)
    forms = [run.form_data for run in models.StepRun.select().where(models.StepRun.case == case.id)]
    return repr((case.title, party.name, party.nik, party.phone, party.institution, forms,
                 models.Visit.get_by_id(visit.id).purpose))


def test_expired_visit_loses_personal_data_everywhere_and_keeps_counts(office):
    old = make_visit("Wulan Sari", OLD, out=OLD + timedelta(hours=1), group=5, origin="Lembaga",
                     institution="Perludem", purpose="Diskusi bersama Bu Wulan", host="Ketua KPU")
    result = anonymize_expired(NOW)
    assert (result.visits, result.parties, result.parties_kept) == (1, 1, 0) and result.step_runs >= 3
    party = models.Party.get_by_id(old.party_id)
    assert party.name == ANON_NAME and party.anonymized_at == NOW
    assert (party.nik, party.phone, party.email, party.address, party.institution) == (None,) * 5
    case = models.Case.get_by_id(old.case_id)
    assert case.title == ANON_NAME and case.number == old.case.number
    keys = set()
    for run in models.StepRun.select().where(models.StepRun.case == case.id):
        keys |= set(run.form_data)
    assert not keys & personal_keys(case.sop_version_id)
    assert {"asal_tamu", "jumlah_tamu", "yang_dituju", "jenis_identitas"} <= keys
    text = _personal_text(old)
    for personal in ("Wulan", "Perludem", NIK, PHONE, "AD 1234", "Bu Wulan"):
        assert personal not in text
    visit = models.Visit.get_by_id(old.id)
    assert (visit.group_size, visit.origin, visit.host, visit.checked_in_at) == (5, "Lembaga", "Ketua KPU", OLD)
    assert visit.purpose == ""


def test_recent_visits_are_left_alone(office):
    recent = make_visit("Bambang Hartono", RECENT, out=RECENT + timedelta(hours=1))
    inside = make_visit("Sri Lestari", NOW - timedelta(hours=2))
    before = [_personal_text(recent), _personal_text(inside)]
    result = anonymize_expired(NOW)
    assert result.visits == 0 and result.parties == 0
    assert [_personal_text(recent), _personal_text(inside)] == before


def test_checked_out_time_decides_not_check_in(office):
    """In before the cut-off, out after it: still within the period."""
    cutoff = NOW - timedelta(days=365)
    stayed = make_visit("Andi Wijaya", cutoff - timedelta(hours=1), out=cutoff + timedelta(hours=1))
    assert anonymize_expired(NOW).visits == 0
    assert models.Party.get_by_id(stayed.party_id).name == "Andi Wijaya"
    later = anonymize_expired(NOW + timedelta(days=1))  # the next day it has expired, despite the watermark
    assert later.visits == 1 and models.Party.get_by_id(stayed.party_id).name == ANON_NAME


def test_returning_guest_keeps_party_until_the_last_visit_expires(office):
    old = make_visit("Wulan Sari", OLD, out=OLD + timedelta(hours=1))
    recent = make_visit("Wulan Sari", RECENT, out=RECENT + timedelta(hours=1))
    models.Visit.update(party=old.party_id).where(models.Visit.id == recent.id).execute()
    models.Case.update(party=old.party_id).where(models.Case.id == recent.case_id).execute()
    result = anonymize_expired(NOW)
    assert (result.visits, result.parties, result.parties_kept) == (1, 0, 1)
    assert models.Case.get_by_id(old.case_id).title == ANON_NAME  # the old visit's own record is cleared
    assert models.Party.get_by_id(old.party_id).name == "Wulan Sari"
    assert "Wulan Sari" in models.Case.get_by_id(recent.case_id).title


@pytest.mark.parametrize("closed, kept", [(RECENT, True), (OLD, False), (None, True)])
def test_party_with_another_case_is_kept_while_that_case_is_live(office, closed, kept):
    old = make_visit("Wulan Sari", OLD, out=OLD + timedelta(hours=1))
    request = engine.start_case("kupang-pelayanan-publik", now=OLD)
    state = "open" if closed is None else "done"
    models.Case.update(party=old.party_id, state=state, closed_at=closed).where(models.Case.id == request.id).execute()
    result = anonymize_expired(NOW)
    assert result.visits == 1 and result.parties_kept == int(kept)
    assert (models.Party.get_by_id(old.party_id).name == "Wulan Sari") is kept


def test_a_party_kept_for_a_live_case_is_anonymised_once_that_case_ends(office):
    old = make_visit("Wulan Sari", OLD, out=OLD + timedelta(hours=1))
    request = engine.start_case("kupang-pelayanan-publik", now=OLD)
    models.Case.update(party=old.party_id, state="open").where(models.Case.id == request.id).execute()
    assert anonymize_expired(NOW).parties_kept == 1
    models.Case.update(state="done", closed_at=OLD).where(models.Case.id == request.id).execute()
    later = anonymize_expired(NOW + timedelta(days=1))  # the visit lies behind the watermark now
    assert later.visits == 0 and later.parties == 1 and later.parties_kept == 0
    assert models.Party.get_by_id(old.party_id).name == ANON_NAME


def test_dry_run_counts_and_writes_nothing(office):
    old = make_visit("Wulan Sari", OLD, out=OLD + timedelta(hours=1))
    before, audits = _personal_text(old), models.AuditEntry.select().count()
    result = anonymize_expired(NOW, dry_run=True)
    assert (result.visits, result.parties, result.dry_run) == (1, 1, True)
    assert "akan dianonimkan" in result.line()
    assert _personal_text(old) == before and models.AuditEntry.select().count() == audits
    assert models.Setting.get_or_none(models.Setting.key == "visitors.anonymized_through") is None


def test_batches_audit_counts_only_and_a_second_run_finds_nothing(office):
    visits = [make_visit(f"Tamu Lama {i}", OLD + timedelta(minutes=i), out=OLD + timedelta(hours=1)) for i in range(5)]
    make_visit("Tamu Baru", RECENT)
    first = anonymize_expired(NOW, batch=2, actor="kpu-desk")
    assert (first.visits, first.parties) == (5, 5)
    entries = list(models.AuditEntry.select().where(models.AuditEntry.action == "visitors.anonymize"))
    assert [e.detail["visits"] for e in entries] == [2, 2, 1]
    for entry in entries:
        assert set(entry.detail) == {"visits", "parties", "step_runs", "cutoff"} and entry.actor == "kpu-desk"
        assert "Tamu" not in repr(entry.detail)
    again = anonymize_expired(NOW)
    assert (again.visits, again.parties) == (0, 0)
    day = OLD.date()
    assert models.Visit.select().where(models.Visit.checked_in_at.between(
        datetime.combine(day, datetime.min.time()), datetime.combine(day, datetime.max.time()))).count() == 5
    assert all(models.Party.get_by_id(v.party_id).anonymized_at for v in visits)


def test_stopping_keeps_the_batches_done(office):
    for i in range(4):
        make_visit(f"Tamu Lama {i}", OLD + timedelta(minutes=i), out=OLD + timedelta(hours=1))

    def stop(done, total):
        assert total == 4
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        anonymize_expired(NOW, batch=3, progress=stop)
    assert models.Party.select().where(models.Party.anonymized_at.is_null(False)).count() == 3
    again = anonymize_expired(NOW)  # the next run resumes at the last batch done, not at the beginning
    assert again.visits == 2 and again.parties == 1 and again.parties_kept == 0
    assert models.Party.select().where(models.Party.anonymized_at.is_null()).count() == 0


def test_retention_days_come_from_pengaturan(office):
    make_visit("Wulan Sari", NOW - timedelta(days=40), out=NOW - timedelta(days=40))
    assert anonymize_expired(NOW, dry_run=True).visits == 0
    models.Setting.update(value=30).where(models.Setting.key == "visitors.retention_days").execute()
    assert anonymize_expired(NOW, dry_run=True).visits == 1


def test_cli_anonymize(run_cli, sqlite_url):
    from engine_support import sync_shipped
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    sync_shipped()
    old = SUITE_NOW - timedelta(days=400)
    make_visit("Wulan Sari", old, out=old + timedelta(hours=1))
    close_database()
    code, out, err = run_cli("--db", sqlite_url, "tamu", "anonimkan", "--dry-run")
    assert code == 0, err
    assert "1 kunjungan dan 1 data tamu akan dianonimkan" in out
    code, out, err = run_cli("--db", sqlite_url, "tamu", "anonimkan")
    assert code == 0 and "1 kunjungan dan 1 data tamu dianonimkan" in out
    code, out, _ = run_cli("--db", sqlite_url, "tamu", "anonimkan")
    assert "0 kunjungan" in out


def test_the_personal_fields_come_from_the_sop_definition(office):
    from kpu_desk.engine.sops import latest_version, sop_for_version
    from kpu_desk.retention import personal_keys

    version = latest_version("karanganyar-pelayanan-umum").id
    sop = sop_for_version(version)
    flagged = {f.key for step in sop.steps for f in step.form if f.personal}
    typed = {f.key for step in sop.steps for f in step.form if f.type.value in ("nik", "phone", "email", "person")}
    assert {"nama_tamu", "instansi", "keperluan", "ringkasan_pertemuan"} <= flagged
    assert {"nik", "telepon", "pimpinan_dilapori"} <= typed
    assert personal_keys(version) == flagged | typed
    assert "asal_tamu" not in personal_keys(version) and "jumlah_tamu" not in personal_keys(version)
