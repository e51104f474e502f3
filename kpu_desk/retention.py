"""Anonymising visitor personal data once the retention period set in Pengaturan has passed.

A visit has expired when its check-out (or, without one, its check-in) is older than
`visitors.retention_days` (Pengaturan → Kantor, kpu_desk.office). For each expired visit:

- the case's step forms lose the personal fields the SOP defines (sop.model.FormField.is_personal:
  typed NIK, telephone, e-mail or person, or marked `personal: true`): name, institution, phone,
  vehicle plate, identity numbers, the health check, and the free texts the guest dictated or that
  describe the meeting (purpose, meeting summary, leadership's note), which often carry names;
- the case title (built from nama_tamu and instansi) becomes ANON_NAME;
- Visit.purpose is emptied (free text, may hold names).

Kept, so that the reports still count guests: the visit itself with its times, origin
(Lembaga/Instansi/Pribadi), group_size, identity type, whom they visited (Visit.host: an office
person, not the guest), the pass number, the case and its step times.

The guest's party row is anonymised (name ANON_NAME; NIK, phone, e-mail, address and institution
NULL; anonymized_at set) once none of its visits is still within the period and it has no other
case (an information request, a complaint) that is running or was started or closed within the
period: a returning guest keeps their row until their last visit expires.

Work runs in batches, each one write transaction with one audit entry holding counts only.
A Setting row (WATERMARK_KEY) remembers how far the check-ins have been worked through, so a
daily run reads only what expired since the last one. The parties kept back because something
still needed them lie behind that watermark, so their ids are remembered too (KEPT_KEY) and
looked at again on every run until they are free. Part of the core: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Iterable

import peewee as pw

from kpu_desk.engine.storage import audit, writing
from kpu_desk.store import models

ANON_NAME = "Tamu (dianonimkan)"
WATERMARK_KEY = "visitors.anonymized_through"
KEPT_KEY = "visitors.anonymization_kept"  # party ids kept back, to look at again
BATCH = 500
_ACTIVE = ("open", "waiting")

Progress = Callable[[int, int], None]


@dataclass
class RetentionResult:
    cutoff: datetime
    dry_run: bool = False
    visits: int = 0  # visits whose case data was cleared
    parties: int = 0  # party rows anonymised
    parties_kept: int = 0  # parties left as they are: a recent visit or another case still needs them
    step_runs: int = 0  # step forms changed
    _kept_ids: set[int] = field(default_factory=set, repr=False)

    def line(self) -> str:
        verb = "akan dianonimkan" if self.dry_run else "dianonimkan"
        return (f"Batas retensi {self.cutoff:%d-%m-%Y %H:%M}: {self.visits} kunjungan dan {self.parties} "
                f"data tamu {verb}; {self.parties_kept} data tamu tetap disimpan karena masih diperlukan "
                f"(kunjungan atau layanan lain yang belum lewat masa simpan).")


def retention_cutoff(now: datetime | None = None, days: int | None = None) -> datetime:
    if days is None:
        from kpu_desk.office import load_office

        days = load_office().visitor_retention_days
    return (now or datetime.now()) - timedelta(days=int(days))


def anonymize_expired(now: datetime | None = None, *, dry_run: bool = False, days: int | None = None,
                      batch: int = BATCH, progress: Progress | None = None, actor: str = "") -> RetentionResult:
    """Anonymise every visit past the retention period; dry_run: count only, write nothing.

    progress(done, total) is called after each batch; raising from it stops the run with the
    batches done so far kept (each batch is its own transaction).
    """
    cutoff = retention_cutoff(now, days)
    result = RetentionResult(cutoff, dry_run)
    start = _watermark()
    floor = _next_watermark(cutoff, start)  # a guest who came before the cut-off but left after it
    total = _expired(cutoff, start).count()
    after: tuple[datetime, int] | None = None
    while True:
        visits = list(_expired(cutoff, start, after).limit(batch))
        if not visits:
            break
        _work_batch(visits, cutoff, result, now or datetime.now(), actor, min(visits[-1].checked_in_at, floor))
        after = (visits[-1].checked_in_at, visits[-1].id)
        if progress:
            progress(min(result.visits, total), total)
    if not dry_run:
        _set_watermark(floor)
        _revisit_kept(result, cutoff, now or datetime.now(), actor)
    result.parties_kept = len(result._kept_ids)
    return result


def _revisit_kept(result: RetentionResult, cutoff: datetime, now: datetime, actor: str) -> None:
    """Anonymise the parties kept back on earlier runs that nothing needs any more; remember the rest."""
    row = models.Setting.get_or_none(models.Setting.key == KEPT_KEY)
    earlier = {int(i) for i in (row.value if row and isinstance(row.value, list) else [])}
    free, done = _parties_free(earlier - result._kept_ids, cutoff)
    still = (earlier | result._kept_ids) - free - done
    with writing():
        _anonymize_parties(free, now)
        models.Setting.insert(key=KEPT_KEY, value=sorted(still)).on_conflict(
            conflict_target=[models.Setting.key], update={models.Setting.value: sorted(still)}).execute()
        if free:
            audit("visitors.anonymize", actor, "party", "", parties=len(free), kept_earlier=True)
    result.parties += len(free)
    result._kept_ids = still


# --- one batch -----------------------------------------------------------------------------------


def _work_batch(visits: list[models.Visit], cutoff: datetime, result: RetentionResult, now: datetime,
                actor: str, watermark: datetime) -> None:
    """One batch in one transaction, remembered by the watermark: a stopped run resumes about here."""
    case_ids = [visit.case_id for visit in visits]
    party_ids = {visit.party_id for visit in visits}
    if result.dry_run:
        parties, done = _parties_free(party_ids, cutoff)
        result.visits += len(visits)
        result.parties += len(parties)
        result._kept_ids |= party_ids - parties - done
        return
    with writing():
        runs = _clear_forms(case_ids)
        models.Case.update(title=ANON_NAME).where(models.Case.id.in_(case_ids)).execute()
        models.Visit.update(purpose="").where(models.Visit.id.in_([v.id for v in visits])).execute()
        parties, done = _parties_free(party_ids, cutoff)
        _anonymize_parties(parties, now)
        _set_watermark(watermark)
        audit("visitors.anonymize", actor, "visit", "", visits=len(visits), parties=len(parties),
              step_runs=runs, cutoff=cutoff.isoformat(timespec="seconds"))
    result.visits += len(visits)
    result.parties += len(parties)
    result.step_runs += runs
    result._kept_ids |= party_ids - parties - done


def _clear_forms(case_ids: list[int]) -> int:
    """Remove the personal fields from the step forms of these cases; the number of forms changed."""
    changed = 0
    keys_of: dict[int, frozenset[str]] = {}  # per SOP version, worked out once per batch
    runs = models.StepRun.select(models.StepRun.id, models.StepRun.form_data, models.Case.sop_version).join(
        models.Case).where(models.StepRun.case.in_(case_ids))
    for run in runs:
        version = run.case.sop_version_id
        if version not in keys_of:
            keys_of[version] = personal_keys(version)
        keys = keys_of[version]
        form = run.form_data or {}
        if keys & form.keys():
            cleaned = {key: value for key, value in form.items() if key not in keys}
            models.StepRun.update(form_data=cleaned).where(models.StepRun.id == run.id).execute()
            changed += 1
    return changed


def personal_keys(version_id: int) -> frozenset[str]:
    """The personal fields of an SOP version's forms, and of the SOP's latest version.

    A case expires a year after it ran, usually on an older version of its SOP; the flags the
    SOP has gained since (a field marked `personal: true`) apply to it too.
    """
    from kpu_desk.engine.sops import latest_version, sop_for_version

    sop = sop_for_version(version_id)
    return sop.personal_keys | sop_for_version(latest_version(sop.id).id).personal_keys


def _parties_free(party_ids: Iterable[int], cutoff: datetime) -> tuple[set[int], set[int]]:
    """(the parties among these that nothing within the retention period still needs, those already done)."""
    ids = set(party_ids)
    done = _done(ids)
    ids -= done
    if not ids:
        return set(), done
    return ids - _parties_with_recent_visits(ids, cutoff) - _parties_with_live_cases(ids, cutoff), done


def _parties_with_recent_visits(ids: set[int], cutoff: datetime) -> set[int]:
    visit = models.Visit
    recent = pw.fn.COALESCE(visit.checked_out_at, visit.checked_in_at) >= cutoff
    return {row.party_id for row in visit.select(visit.party).where(visit.party.in_(list(ids)) & recent)}


def _parties_with_live_cases(ids: set[int], cutoff: datetime) -> set[int]:
    """Parties with a case that is not a visit and still running or recent."""
    case = models.Case
    not_visit = case.id.not_in(models.Visit.select(models.Visit.case).where(models.Visit.party.in_(list(ids))))
    live = case.state.in_(_ACTIVE) | (pw.fn.COALESCE(case.closed_at, case.started_at) >= cutoff)
    query = case.select(case.party).where(case.party.in_(list(ids)) & not_visit & live)
    return {row.party_id for row in query}


def _done(ids: set[int]) -> set[int]:
    party = models.Party
    return {row.id for row in party.select(party.id).where(party.id.in_(list(ids)) & party.anonymized_at.is_null(False))}


def _anonymize_parties(ids: set[int], now: datetime) -> None:
    if ids:
        models.Party.update(name=ANON_NAME, nik=None, phone=None, email=None, address=None, institution=None,
                            anonymized_at=now).where(models.Party.id.in_(list(ids))).execute()


# --- which visits ---------------------------------------------------------------------------------


def _expired(cutoff: datetime, start: datetime | None, after: tuple[datetime, int] | None = None) -> pw.ModelSelect:
    """Visits past the period, oldest first, from the watermark on (the check-in index bounds the scan:
    a check-out is never before its check-in)."""
    visit = models.Visit
    query = visit.select(visit.id, visit.case, visit.party, visit.checked_in_at).where(
        (visit.checked_in_at < cutoff) & (pw.fn.COALESCE(visit.checked_out_at, visit.checked_in_at) < cutoff))
    if start is not None:
        query = query.where(visit.checked_in_at >= start)
    if after is not None:
        query = query.where((visit.checked_in_at > after[0]) | ((visit.checked_in_at == after[0]) & (visit.id > after[1])))
    return query.order_by(visit.checked_in_at, visit.id)


def _next_watermark(cutoff: datetime, start: datetime | None) -> datetime:
    """Where the next run starts: the cut-off, or the first visit that came in before it but left after."""
    visit = models.Visit
    query = visit.select(pw.fn.MIN(visit.checked_in_at)).where(
        (visit.checked_in_at < cutoff) & (visit.checked_out_at >= cutoff))
    if start is not None:
        query = query.where(visit.checked_in_at >= start)
    staying = query.scalar()
    return min(staying, cutoff) if staying else cutoff


def _watermark() -> datetime | None:
    row = models.Setting.get_or_none(models.Setting.key == WATERMARK_KEY)
    try:
        return datetime.fromisoformat(row.value) if row and row.value else None
    except ValueError:
        return None


def _set_watermark(at: datetime) -> None:
    text = at.isoformat(timespec="microseconds")
    with writing():
        models.Setting.insert(key=WATERMARK_KEY, value=text).on_conflict(
            conflict_target=[models.Setting.key], update={models.Setting.value: text}).execute()
