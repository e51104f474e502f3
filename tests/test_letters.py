"""Surat masuk: the agenda number, checks on what was typed, and the case a letter starts."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kpu_desk import engine
from kpu_desk.engine.deadlines import office_calendar
from kpu_desk.engine.errors import FormError
from kpu_desk.engine.sops import sop_for_case
from kpu_desk.letter_register import letters
from kpu_desk.letters import IncomingLetter, LetterError, find_letter, letter_fields, register_incoming
from kpu_desk.store import models
from letters_support import NOW, RECEIVED, make_office, scan_pdf

KUPANG = "kupang-pelayanan-publik"
APPLICANT = {"nama_pemohon": "Maria Goreti Lake", "rincian_informasi": "Rekapitulasi DPT Kelurahan Oebobo"}


@pytest.fixture
def office(database):
    return make_office()


def _letter(**changes) -> IncomingLetter:
    values = dict(sender="Maria Goreti Lake", subject="Permohonan salinan rekapitulasi DPT", received=RECEIVED,
                  letter_number="01/PI/XI/2026", letter_date=date(2026, 11, 18), urgency="Segera",
                  classification_code="PR.01.02", scan=scan_pdf(), scan_filename="surat-permohonan.pdf")
    values.update(changes)
    return IncomingLetter(**values)


def test_agenda_numbers_run_per_year_without_gaps(office):
    numbers = [register_incoming(_letter(), "helpdesk", now=NOW).agenda for _ in range(3)]
    assert numbers == ["0001/2026", "0002/2026", "0003/2026"]
    december = _letter(received=date(2025, 12, 30), letter_date=date(2025, 12, 29))
    assert register_incoming(december, "helpdesk", now=NOW).agenda == "0001/2025"
    # a registration that fails (the case's entry form is incomplete) takes no number
    with pytest.raises(FormError) as refused:
        register_incoming(_letter(), "helpdesk", sop_id=KUPANG, case_fields={"nama_pemohon": "Maria"}, now=NOW)
    assert "rincian_informasi" in refused.value.errors
    assert models.Letter.select().count() == 4
    assert register_incoming(_letter(), "helpdesk", now=NOW).agenda == "0004/2026"
    assert [r.agenda_number for r in letters(2026)] == ["0004/2026", "0003/2026", "0002/2026", "0001/2026"]


@pytest.mark.parametrize("changes, key, words", [
    ({"subject": "   "}, "subject", "perihal wajib diisi"),
    ({"sender": ""}, "sender", "pengirim wajib diisi"),
    ({"received": date(2026, 11, 17)}, "received", "sebelum tanggal surat"),
    ({"received": date(2026, 11, 24)}, "received", "masa depan"),
    ({"letter_date": date(2026, 11, 30), "received": date(2026, 11, 20)}, "letter_date", "masa depan"),
    ({"urgency": "Kilat"}, "urgency", "Amat Segera"),
    ({"security_class": "Umum"}, "security_class", "Sangat Rahasia"),
    ({"scan_filename": "surat.exe"}, "scan", ".pdf"),
])
def test_bad_letters_are_refused_in_indonesian(office, changes, key, words):
    with pytest.raises(FormError) as refused:
        register_incoming(_letter(**changes), "helpdesk", sop_id=KUPANG, case_fields=APPLICANT, now=NOW)
    assert words in refused.value.errors[key]
    assert not models.Letter.select().exists() and not models.Case.select().exists()


def test_a_letter_starts_the_kupang_letter_path_with_the_deadline_from_the_day_received(office):
    registered = register_incoming(_letter(), "helpdesk", sop_id=KUPANG, case_fields=APPLICANT, now=NOW)
    case, letter = registered.case, registered.letter
    assert case.number.startswith("PI-2026-") and case.current_step == 6  # step 5 recorded from the letter
    assert letter.case_id == case.id and letter.registered_by_id == office["helpdesk"].id
    assert letter.attachment.case_id == case.id and letter.attachment.filename == "surat-permohonan.pdf"
    calendar = office_calendar()
    assert case.due_at == calendar.end_of_day(calendar.add_working_days(RECEIVED, 10))
    assert case.due_at < calendar.end_of_day(calendar.add_working_days(NOW.date(), 10))
    recorded = models.StepRun.get((models.StepRun.case == case.id) & (models.StepRun.step_no == 5)).form_data
    assert recorded["nomor_surat"] == "01/PI/XI/2026" and recorded["nomor_agenda"] == registered.agenda
    assert recorded["tanggal_surat"] == "2026-11-18" and recorded["surat_masuk"] == letter.attachment_id
    assert recorded["tanggal_diterima"] == "2026-11-20T08:00"
    assert case.title.startswith("Maria Goreti Lake")


def test_without_case_fields_the_entry_step_stays_open_for_the_desk(office):
    registered = register_incoming(_letter(received=datetime(2026, 11, 23, 8, 55)), "helpdesk", sop_id=KUPANG,
                                   now=NOW)
    case = registered.case
    assert case.current_step == 5 and case.title == "Permohonan salinan rekapitulasi DPT"
    step = sop_for_case(case).step(5)
    prefill = letter_fields(registered.letter, step)
    assert prefill["pengirim"] == "Maria Goreti Lake" and prefill["tanggal_diterima"] == datetime(2026, 11, 23, 9, 30)
    outcome = engine.complete_step(case.number, {**prefill, **APPLICANT}, actor="helpdesk", now=NOW)
    assert outcome.case.current_step == 6


def test_a_complaint_letter_is_registered_at_the_register_step_of_kediri(office):
    complaint = {"nama_pengadu": "Yosef Bria", "isi_pengaduan": "Nama saya tidak ada di DPT"}
    registered = register_incoming(_letter(subject="Pengaduan DPT", scan_filename="pengaduan.pdf"), "helpdesk",
                                   sop_id="kediri-pengaduan", case_fields=complaint, branch="Jalur offline", now=NOW)
    case = registered.case
    assert case.number.startswith("DM-") and case.current_step == 2 and case.due_at is None
    prefill = letter_fields(registered.letter, sop_for_case(case).step(2))
    assert prefill == {"form_pengaduan": registered.letter.attachment_id, "nomor_surat_masuk": registered.agenda,
                       "tanggal_register": NOW.date()}
    assert engine.complete_step(case.number, prefill, actor="helpdesk", now=NOW).case.current_step == 4


def test_a_letter_can_join_a_case_that_is_already_running(office):
    case = engine.start_case("pulangpisau-pengaduan", actor="helpdesk", now=NOW)
    registered = register_incoming(_letter(), "helpdesk", case_number=case.number.lower(), now=NOW)
    assert registered.case.id == case.id and find_letter(registered.agenda).case_id == case.id
    with pytest.raises(LetterError, match="pilih salah satu"):
        register_incoming(_letter(), "helpdesk", sop_id=KUPANG, case_number=case.number, now=NOW)
    with pytest.raises(LetterError, match="tidak ditemukan"):
        find_letter("0099/2026")


def test_the_audit_log_keeps_no_personal_data_of_a_letter(office):
    register_incoming(_letter(), "helpdesk", sop_id=KUPANG, case_fields=APPLICANT, now=NOW)
    entries = list(models.AuditEntry.select().where(models.AuditEntry.action == "letter.register"))
    assert len(entries) == 1 and entries[0].entity_id == "0001/2026"
    text = str(entries[0].detail)
    for personal in ("Maria", "Goreti", "DPT", "01/PI/XI/2026"):
        assert personal not in text


def test_secret_subjects_stay_hidden_in_the_register(office):
    register_incoming(_letter(security_class="Rahasia", subject="Laporan dugaan pelanggaran"), "helpdesk",
                      sop_id=KUPANG, now=NOW)
    row = letters(2026)[0]
    assert row.subject == "(dirahasiakan)" and row.case_number.startswith("PI-")
    assert models.Case.get().title == ""  # a secret subject does not become the case's title either


def test_a_scan_file_on_disk_is_kept_by_its_hash(office, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan_pdf())
    registered = register_incoming(_letter(scan=path, scan_filename=None), "helpdesk", now=NOW)
    assert registered.letter.attachment.filename == "scan.pdf"
    with pytest.raises(FormError) as refused:
        register_incoming(_letter(scan=tmp_path / "missing.pdf", scan_filename=None), "helpdesk", now=NOW)
    assert "tidak ditemukan" in refused.value.errors["scan"]


def test_the_sekretaris_sees_letters_without_a_disposition_and_those_awaiting_a_signature(office):
    from kpu_desk.letter_register import awaiting_disposition
    from kpu_desk.letters import DispositionDraft, dispose

    first = register_incoming(_letter(), "helpdesk", now=NOW)
    second = register_incoming(_letter(received=date(2026, 11, 19)), "helpdesk", now=NOW)
    assert [r.agenda_number for r in awaiting_disposition()] == [second.agenda, first.agenda]
    dispose(DispositionDraft(recipients=["sekretaris"], note="Pelajari"), "ketua", letter=first.agenda, now=NOW)
    assert [r.agenda_number for r in awaiting_disposition()] == [second.agenda]
    row = next(r for r in letters(2026) if r.agenda_number == first.agenda)
    assert (row.id, row.dispositions, row.awaiting_signature) == (first.letter.id, 1, 1)


def test_the_demo_office_has_letters_and_signed_dispositions_that_verify(run_cli, sqlite_url):
    assert run_cli("--db", sqlite_url, "demo", "--days", "12")[0] == 0
    from kpu_desk.letters import GENUINE, verify_code
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    try:
        registered = list(models.Letter.select())
        assert registered and all(letter.case_id for letter in registered)
        agenda = sorted((letter.agenda_year, letter.agenda_number) for letter in registered)
        assert agenda == [(year, n) for year in sorted({y for y, _ in agenda})
                          for n in range(1, 1 + sum(1 for y, _ in agenda if y == year))]
        signed = list(models.Disposition.select().where(models.Disposition.signed_at.is_null(False)))
        assert signed and all(verify_code(d.signature_code).status == GENUINE for d in signed)
        assert models.Disposition.select().where(models.Disposition.parent.is_null(False)).exists()
    finally:
        close_database()


def test_two_workstations_registering_at_once_get_consecutive_numbers(office, database):
    import threading

    barrier = threading.Barrier(2)
    taken: list[str] = []
    failures: list[BaseException] = []

    def desk() -> None:
        try:
            barrier.wait(timeout=10)
            for _ in range(5):
                taken.append(register_incoming(_letter(scan=None), "helpdesk", now=NOW).agenda)
        except BaseException as exc:  # reported below, in the test's own thread
            failures.append(exc)
        finally:
            database.close()  # this thread's own connection

    threads = [threading.Thread(target=desk) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures, failures
    assert sorted(taken) == [f"{n:04d}/2026" for n in range(1, 11)]


def test_searching_the_register_finds_agenda_numbers_but_not_hidden_subjects(office):
    register_incoming(_letter(security_class="Sangat Rahasia", subject="Dugaan pelanggaran kode etik"), "helpdesk",
                      now=NOW)
    second = register_incoming(_letter(subject="Undangan rapat koordinasi"), "helpdesk", now=NOW)
    assert letters(2026, search="pelanggaran") == []
    assert [r.subject for r in letters(2026, search="pelanggaran", reveal_secret=True)] == [
        "Dugaan pelanggaran kode etik"]
    assert [r.agenda_number for r in letters(2026, search=second.agenda)] == [second.agenda]
    assert [r.agenda_number for r in letters(2026, search="0002")] == [second.agenda]


def test_an_extension_adds_its_working_days_to_the_deadline_counted_from_the_day_received(office):
    registered = register_incoming(_letter(received=date(2026, 11, 9), letter_date=date(2026, 11, 5)), "helpdesk",
                                   sop_id=KUPANG, case_fields=APPLICANT, now=datetime(2026, 11, 16, 9, 0))
    calendar = office_calendar()
    assert registered.case.due_at == calendar.end_of_day(date(2026, 11, 23))
    extended = engine.extend_deadline(registered.case.number, "Data tersebar di beberapa divisi",
                                      actor="sekretaris", now=datetime(2026, 11, 17, 9, 0))
    assert extended.due_at == calendar.end_of_day(date(2026, 12, 2))


def test_the_letters_package_says_each_thing_once():
    """No helper written twice in the letters modules, and one list of secret classes in the whole package."""
    import ast
    from collections import defaultdict
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "kpu_desk"
    modules = sorted((package / "letters").glob("*.py")) + [package / "letter_register.py"]
    bodies = defaultdict(list)
    for path in modules:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                bodies[ast.dump(node.args) + "".join(ast.dump(s) for s in node.body)].append(f"{path.name}:{node.name}")
    assert [names for names in bodies.values() if len(names) > 1] == []
    defining = [path.relative_to(package).as_posix() for path in package.rglob("*.py")
                if any(isinstance(n, ast.Assign) and any(getattr(t, "id", "") in ("SECRET_CLASSES", "HIDDEN_SUBJECT")
                                                         for t in n.targets)
                       for n in ast.parse(path.read_text(encoding="utf-8")).body)]
    assert defining == ["letters/vocab.py"]
