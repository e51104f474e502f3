"""Who may act is decided in the core: the engine refuses, whichever entry point asks.

The office is mapped as the first start maps it (each lane to the role its words suggest):
the Jagat Saksana desk is the resepsionis's, the decision of step 7 of the visit SOP the
pimpinan's, the pramusaji's step 6 the staf's.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from engine_support import valid_form
from kpu_desk import engine
from kpu_desk.engine.sops import latest_version, sop_for_version
from kpu_desk.sop.model import FieldType
from kpu_desk.accounts import MAX_FAILURES
from kpu_desk.store import close_database, open_database
from letters_support import NOW, PASSWORD, RECEIVED, make_office, scan_pdf, signature_png

VISIT = "karanganyar-pelayanan-umum"
MINUTE = timedelta(minutes=1)


@pytest.fixture
def office(database):
    return make_office()


def case_at_the_decision() -> str:
    """A visit whose open step is the pimpinan's decision (step 7), recorded by those whose steps they are."""
    case = engine.start_case(VISIT, form_of(1), actor="helpdesk", now=NOW, complete_first=True)
    for no, who in ((2, "helpdesk"), (3, "helpdesk"), (4, "helpdesk"), (5, "helpdesk"), (6, "staf1")):
        engine.complete_step(case.number, form_of(no), actor=who, now=NOW + no * MINUTE)
    return case.number


def form_of(no: int) -> dict:
    """A valid form of the visit SOP's step; a person field names the Ketua (this office's users)."""
    step = _step(VISIT, no)
    form = valid_form(step)
    form.update({f.key: "ketua" for f in step.form if f.type is FieldType.PERSON})
    return form


def _step(sop_id: str, no: int):
    return sop_for_version(latest_version(sop_id).id).step(no)


def test_the_resepsionis_cannot_decide_the_pimpinan_step_and_nothing_is_written(office):
    number = case_at_the_decision()
    decision = _step(VISIT, 7)
    with pytest.raises(engine.NotPermitted, match="Yohanes Ndun tidak dapat menyelesaikan langkah 7.*Pimpinan"):
        engine.complete_step(number, form_of(7), actor="helpdesk", branch=decision.branches[0].label,
                             now=NOW + 10 * MINUTE)
    assert engine.find_case(number).current_step == 7


def test_the_pimpinan_decides_the_step(office):
    number = case_at_the_decision()
    decision = _step(VISIT, 7)
    outcome = engine.complete_step(number, form_of(7), actor="ketua", branch=decision.branches[0].label,
                                   now=NOW + 10 * MINUTE)
    assert outcome.completed.step_no == 7 and outcome.completed.completed_by_id == office["ketua"].id


def test_only_those_who_act_in_the_sop_or_the_administrator_cancel_or_extend_a_case(office):
    from kpu_desk.accounts import create_user

    create_user("admin", "Admin Kantor", "Sandi-Kuat-2026!", ["administrator"])
    number = case_at_the_decision()
    with pytest.raises(engine.NotPermitted, match="Masykur Abdullah tidak bertugas pada SOP"):
        engine.cancel_case(number, "Tercatat ganda", actor="sekretaris", now=NOW + 10 * MINUTE)  # no lane here
    assert engine.find_case(number).state == "open"
    assert engine.cancel_case(number, "Tercatat ganda", actor="admin", now=NOW + 10 * MINUTE).state == "cancelled"


# --- the same through the CLI, signed in with the user's password --------------------------


def office_on_file(url: str, monkeypatch, prepare):
    """The office on a SQLite file with what prepare() makes, closed again so only the CLI holds it.
    Its users' password (not run_cli's: the fixtures ask for run_cli first) is the one given to the CLI."""
    open_database(url)
    try:
        make_office()
        made = prepare()
    finally:
        close_database()
    monkeypatch.setenv("KPU_DESK_PASSWORD", PASSWORD)
    return url, made


@pytest.fixture
def office_file(sqlite_url, run_cli, monkeypatch) -> tuple[str, str]:
    """A visit at the pimpinan's decision."""
    return office_on_file(sqlite_url, monkeypatch, case_at_the_decision)


def _decide(run_cli, url: str, number: str, user: str):
    fields = [arg for key, value in form_of(7).items() for arg in ("--field", f"{key}={value}")]
    return run_cli("--db", url, "case", "step", number, *fields, "--branch", _step(VISIT, 7).branches[0].label,
                   "--user", user)


def test_the_cli_refuses_the_resepsionis_the_pimpinan_step_and_lets_the_pimpinan_decide(office_file, run_cli):
    url, number = office_file
    code, _, err = _decide(run_cli, url, number, "helpdesk")
    assert code == 1 and "Yohanes Ndun tidak dapat menyelesaikan langkah 7" in err
    code, out, err = _decide(run_cli, url, number, "ketua")
    assert (code, err) == (0, "") and f"Langkah 7 kasus {number} selesai." in out


def test_a_wrong_password_on_the_cli_counts_toward_the_lock_out(office_file, run_cli, monkeypatch):
    url, number = office_file
    monkeypatch.setenv("KPU_DESK_PASSWORD", "bukan-sandinya")
    code, _, err = _decide(run_cli, url, number, "ketua")
    assert code == 1 and f"Sisa {MAX_FAILURES - 1} kali percobaan" in err
    for _ in range(MAX_FAILURES - 1):
        code, _, err = _decide(run_cli, url, number, "ketua")
    assert code == 1 and "Akun terkunci sampai" in err
    monkeypatch.setenv("KPU_DESK_PASSWORD", PASSWORD)  # the right password no longer helps
    code, _, err = _decide(run_cli, url, number, "ketua")
    assert code == 1 and "Akun terkunci sampai" in err
    open_database(url, migrate=False)
    try:
        assert engine.find_case(number).current_step == 7
    finally:
        close_database()


# --- dispositions: signing, and the subject of a Rahasia letter -----------------------------


def secret_letter_disposed() -> int:
    """A letter classed Rahasia, disposed by the Ketua to the Kasubag Hukum; the disposition awaits a signature."""
    from kpu_desk.letters import DispositionDraft, IncomingLetter, dispose, register_incoming, set_signature_specimen

    set_signature_specimen("sekretaris", signature_png())
    set_signature_specimen("staf1", signature_png())
    incoming = IncomingLetter(
        sender="Bawaslu Kota Kupang", subject="Laporan dugaan pelanggaran kode etik", received=RECEIVED,
        letter_number="07/R/XI/2026", letter_date=RECEIVED, urgency="Segera", security_class="Rahasia",
        classification_code="HK.01", scan=scan_pdf(), scan_filename="surat.pdf")
    letter = register_incoming(incoming, "helpdesk", sop_id="kupang-pelayanan-publik", now=NOW)
    draft = DispositionDraft(recipients=["kasubag.hukum"], instructions=["Tindak lanjuti"], note="Segera telaah",
                             deadline_days=3)
    return dispose(draft, "ketua", letter=letter.agenda, now=NOW).id


def test_a_staf_cannot_sign_a_disposition_the_sekretaris_can(office):
    from kpu_desk.letters import SigningError, sign

    disposition = secret_letter_disposed()
    with pytest.raises(SigningError, match="hanya Sekretaris atau pimpinan"):
        sign(disposition, "staf1", PASSWORD, now=NOW + MINUTE)
    assert sign(disposition, "sekretaris", PASSWORD, now=NOW + MINUTE).signed_by_id == office["sekretaris"].id


def test_the_subject_of_a_rahasia_letter_is_read_only_by_those_who_may(office):
    from kpu_desk.letters.sheet import sheet_info

    disposition = secret_letter_disposed()
    with pytest.raises(engine.NotPermitted, match="bersifat rahasia"):
        sheet_info(disposition, "helpdesk")  # the desk registered it, but the subject is not theirs
    with pytest.raises(engine.NotPermitted, match="bersifat rahasia"):
        sheet_info(disposition, None)
    assert sheet_info(disposition, "sekretaris").subject == "Laporan dugaan pelanggaran kode etik"
    assert sheet_info(disposition, "kasubag.hukum").subject  # a recipient reads what was sent to them


@pytest.fixture
def secret_file(sqlite_url, run_cli, monkeypatch) -> tuple[str, int]:
    """A Rahasia letter's disposition awaiting a signature."""
    return office_on_file(sqlite_url, monkeypatch, secret_letter_disposed)


def test_the_cli_signs_only_for_a_signer_with_the_password(secret_file, run_cli):
    url, disposition = secret_file
    code, _, err = run_cli("--db", url, "disposisi", "sign", str(disposition), "--user", "staf1")
    assert code == 1 and "hanya Sekretaris atau pimpinan yang dapat menandatangani" in err
    code, out, err = run_cli("--db", url, "disposisi", "sign", str(disposition), "--user", "sekretaris")
    assert (code, err) == (0, "") and f"Disposisi #{disposition} ditandatangani" in out


def test_the_cli_prints_a_rahasia_sheet_only_for_a_reader(secret_file, run_cli, tmp_path):
    url, disposition = secret_file
    sheet = tmp_path / "lembar.pdf"
    for who in ([], ["--user", "helpdesk"]):
        code, _, err = run_cli("--db", url, "print", "disposisi", str(disposition), "-o", str(sheet), *who)
        assert code == 1 and "bersifat rahasia" in err and not sheet.exists()
    code, out, err = run_cli("--db", url, "print", "disposisi", str(disposition), "-o", str(sheet),
                             "--user", "ketua")
    assert (code, err) == (0, "") and sheet.read_bytes().startswith(b"%PDF")


# --- settings and users: the administrator's -------------------------------------------------


def test_only_the_administrator_changes_users_lanes_and_the_office(office):
    from kpu_desk.accounts import create_user, deactivate, set_lane_assignment, set_roles
    from kpu_desk.office import OfficeProfile, save_office

    refusals = [
        lambda who: create_user("baru", "Pegawai Baru", "Sandi-Kuat-2026!", ["staf"], actor=who),
        lambda who: set_roles("staf1", ["administrator"], actor=who),
        lambda who: deactivate("ketua", actor=who),
        lambda who: set_lane_assignment(VISIT, "pimpinan", roles={"resepsionis"}, actor=who),
        lambda who: save_office(OfficeProfile(name="KPU Kota Kupang", level="Kota", sops_in_use=(VISIT,)), actor=who),
    ]
    for change in refusals:
        with pytest.raises(engine.NotPermitted, match="hanya administrator yang dapat"):
            change("sekretaris")
    create_user("admin", "Admin Kantor", "Sandi-Kuat-2026!", ["administrator"])
    for change in refusals:
        change("admin")


def test_a_disposition_is_passed_on_by_its_recipient_not_by_the_desk(office):
    from kpu_desk.letters import DispositionDraft, DispositionError, may_pass_on, pass_on, sign

    disposition = sign(secret_letter_disposed(), "sekretaris", PASSWORD, now=NOW + MINUTE).id
    assert not may_pass_on(disposition, "helpdesk") and may_pass_on(disposition, "kasubag.hukum")
    draft = DispositionDraft(recipients=["staf1"], note="Telaah")
    with pytest.raises(DispositionError, match="hanya penerima disposisi"):
        pass_on(disposition, draft, "helpdesk", now=NOW + 2 * MINUTE)
    assert pass_on(disposition, draft, "kasubag.hukum", now=NOW + 2 * MINUTE).parent_id == disposition



def test_only_the_administrator_changes_the_closing_hour_and_the_holidays(office):
    from datetime import date, time

    from kpu_desk import holiday_overrides, office_hours
    from kpu_desk.accounts import create_user

    changes = [
        lambda who: office_hours.set_closing_time(time(15, 0), actor=who),
        lambda who: holiday_overrides.add_override(date(2026, 8, 17), "Cuti kantor", actor=who),
        lambda who: holiday_overrides.remove_override(date(2026, 8, 17), actor=who),
    ]
    for change in changes:
        with pytest.raises(engine.NotPermitted, match="hanya administrator yang dapat"):
            change("sekretaris")
    assert office_hours.closing_time() == time(16, 0)
    create_user("admin", "Admin Kantor", "Sandi-Kuat-2026!", ["administrator"])
    for change in changes:
        change("admin")
    assert office_hours.closing_time() == time(15, 0) and holiday_overrides.list_overrides(2026) == []
