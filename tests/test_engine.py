"""The case engine: form rules, branches, states, deadlines, SOP revisions and loops.

Each test runs on SQLite and, when KPU_DESK_TEST_PG names a server, on PostgreSQL.
Hand-counted dates use the 2025 calendar (SKB 3 Menteri): Nyepi cuti bersama on
Friday 28 March, Idul Fitri 31 March-1 April, cuti bersama 2-4 and 7 April,
Wafat Yesus Kristus on Friday 18 April.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from engine_support import LOOP_SOP, T0, everyone_acts_in, make_attachment, make_users, sync_shipped, valid_form, write_sop
from kpu_desk import engine
from kpu_desk.engine.actors import name_of
from kpu_desk.engine.files import StoreError, attach_file, case_files, file_info, file_path
from kpu_desk.engine.queries import case_version
from kpu_desk.engine.sops import sop_of_version, sop_versions
from kpu_desk.store.attachments import store_file
from kpu_desk.sop.library import shipped_sop_paths
from kpu_desk.sop.loader import load_sop_file
from kpu_desk.store import models

TAMU = "karanganyar-pelayanan-umum"
PI = "kupang-pelayanan-publik"
DUMAS = "kediri-pengaduan"


@pytest.fixture
def office(database):
    users = make_users()
    sops = {sop.id: sop for sop in sync_shipped()}
    return users, sops


def _guest(users, now=T0, **extra) -> models.Case:
    fields = {"nama_tamu": "Siti Aminah", "asal_tamu": "Pribadi", "jumlah_tamu": "1", **extra}
    return engine.start_case(TAMU, fields, actor=users["resepsionis"], now=now, complete_first=True)


def _advance_to(case, sops, step_no, users, now=T0, branch_at=None):
    """Complete steps with valid forms until the case stands at step_no."""
    sop = sops[case.sop_id]
    while case.current_step != step_no:
        step = sop.step(case.current_step)
        label = (branch_at or {}).get(step.no) or (step.branches[0].label if step.branches else None)
        case = engine.complete_step(case.number, valid_form(step), actor=users["staf"], branch=label, now=now).case
    return case


def _audit_count() -> int:
    return models.AuditEntry.select().count()


# --- form rules -----------------------------------------------------------------------


def test_bad_fields_are_listed_one_message_each_and_nothing_is_written(office):
    users, sops = office
    case = engine.start_case(PI, entry="permohonan melalui surat", actor=users["resepsionis"], now=T0)
    before = (_audit_count(), models.StepRun.select().count(), case.row_version)
    typed = {
        "nomor_surat": "", "tanggal_surat": "21 Nov 2026", "pengirim": "Desa Oesapa",
        "perihal": "Permohonan data DPT", "tanggal_diterima": "2026-11-21 10:42",
        "surat_masuk": str(make_attachment("surat.pdf").id), "nama_pemohon": "Yohanes",
        "telepon": "12345", "email": "yohanes@", "rincian_informasi": "Data DPT", "warna": "merah",
    }
    with pytest.raises(engine.FormError) as caught:
        engine.complete_step(case.number, typed, actor=users["resepsionis"], now=T0)
    assert caught.value.errors == {
        "warna": "langkah 5 tidak memiliki isian 'warna'",
        "nomor_surat": "wajib diisi",
        "tanggal_surat": "tanggal harus ditulis seperti 2026-11-21 atau 21-11-2026",
        "telepon": "nomor telepon harus 9 sampai 13 angka; tulis seperti 0812-3456-7890 atau +62 812 3456 7890",
        "email": "alamat e-mail tidak sah; tulis seperti nama@contoh.go.id",
    }
    assert caught.value.data == typed  # the form can be shown again exactly as typed
    assert (_audit_count(), models.StepRun.select().count(), engine.find_case(case.number).row_version) == before
    assert engine.case_history(case.number)[0].form == {}


@pytest.mark.parametrize("nik, message", [
    ("33130145089", "NIK harus 16 angka (tertulis 11 angka)"),
    ("3313O14508900001", "NIK hanya boleh berisi angka"),
    ("9913014508900001", "dua angka pertama NIK (99) bukan kode provinsi yang ada"),
    ("3313013208900001", "angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin"),
    ("3313017308900001", "angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin"),
    ("3313014508900000", "empat angka terakhir NIK (nomor urut) tidak boleh 0000"),
])
def test_a_wrong_nik_fails_on_the_start_step_and_no_case_or_number_is_made(office, nik, message):
    users, _ = office
    fields = {"nama_pemohon": "Maria", "rincian_informasi": "Data", "tujuan_penggunaan": "Penelitian", "nik": nik}
    with pytest.raises(engine.FormError) as caught:
        engine.start_case(PI, fields, actor=users["resepsionis"], now=T0, complete_first=True)
    assert list(caught.value.errors) == ["nik"]
    assert caught.value.errors["nik"].startswith(message)
    assert models.Case.select().count() == 0 and models.CaseCounter.select().count() == 0
    assert models.AuditEntry.select().where(models.AuditEntry.entity == "case").count() == 0


@pytest.mark.parametrize("key, typed, message", [
    ("jumlah_tamu", "7" * 5000, "angka terlalu besar; paling banyak 15 angka sebelum koma"),
    ("jumlah_tamu", "9" * 400 + ",5", "angka terlalu besar; paling banyak 15 angka sebelum koma"),
    ("jumlah_tamu", "\u0663", "harus berupa angka, misalnya 12 atau 36,5"),  # an Arabic-Indic 3
    ("nama_tamu", "Bu\udcffdi", "berisi karakter yang tidak dapat disimpan (bukan teks UTF-8 atau karakter NUL)"),
    ("nama_tamu", "Bu\x00di", "berisi karakter yang tidak dapat disimpan (bukan teks UTF-8 atau karakter NUL)"),
])
def test_numbers_and_text_no_database_can_keep_are_refused_beside_the_field(office, key, typed, message):
    users, _ = office
    with pytest.raises(engine.FormError) as caught:
        _guest(users, **{key: typed})
    assert caught.value.errors == {key: message}
    assert models.Case.select().count() == 0


def test_foreign_digits_never_pass_for_a_nik_nor_an_attachment_id(office):
    users, _ = office
    fields = {"nama_pemohon": "Maria", "rincian_informasi": "Data", "tujuan_penggunaan": "Penelitian",
              "nik": "\u00b2" * 16}
    with pytest.raises(engine.FormError) as caught:
        engine.start_case(PI, fields, actor=users["resepsionis"], now=T0, complete_first=True)
    assert caught.value.errors == {"nik": "NIK hanya boleh berisi angka 0-9"}
    case = engine.start_case(PI, entry="permohonan melalui surat", actor=users["resepsionis"], now=T0)
    for typed in ("9" * 25, "\u00b2"):
        with pytest.raises(engine.FormError) as caught:
            engine.complete_step(case.number, {"surat_masuk": typed}, actor=users["resepsionis"], now=T0)
        assert caught.value.errors["surat_masuk"] == f"lampiran '{typed}' tidak ditemukan; unggah berkasnya dahulu"


def test_a_value_not_among_the_options_names_the_options(office):
    users, _ = office
    with pytest.raises(engine.FormError) as caught:
        _guest(users, asal_tamu="Partai")
    assert caught.value.errors == {"asal_tamu": "pilih salah satu dari: Lembaga, Instansi, Pribadi"}


def test_fields_are_stored_converted_and_the_party_is_recorded(office):
    users, sops = office
    fields = {
        "nama_pemohon": "Maria Goreti", "nik": "3371 0145 0890 0001", "telepon": "+62 812-3456-7890",
        "email": "Maria@Contoh.GO.ID", "alamat": "Jl. Timor Raya 1\r\nKupang", "pekerjaan_instansi": "Universitas",
        "rincian_informasi": "Data DPT 2024", "tujuan_penggunaan": "Penelitian",
        "cara_memperoleh": "mendapatkan salinan SOFTCOPY",
    }
    case = engine.start_case(PI, fields, actor=users["resepsionis"], now=T0, complete_first=True)
    stored = models.StepRun.get((models.StepRun.case == case.id) & (models.StepRun.step_no == 1)).form_data
    assert stored["nik"] == "3371014508900001"
    assert stored["telepon"] == "081234567890"
    assert stored["email"] == "Maria@contoh.go.id"
    assert stored["alamat"] == "Jl. Timor Raya 1\nKupang"
    assert stored["cara_memperoleh"] == "Mendapatkan salinan softcopy"
    party = models.Party.get_by_id(case.party_id)
    assert (party.kind, party.name, party.nik, party.phone, party.institution) == (
        "pemohon", "Maria Goreti", "3371014508900001", "081234567890", "Universitas")
    assert case.title == "Maria Goreti — Data DPT 2024"
    # The audit log names the fields, never what was typed in them.
    entries = models.AuditEntry.select().where(models.AuditEntry.entity == "case")
    logged = json.dumps([e.detail for e in entries], ensure_ascii=False)
    assert "nik" in logged and "Maria" not in logged and "3371" not in logged and "0812" not in logged
    # Screens show the NIK masked unless asked otherwise.
    assert engine.case_history(case.number)[0].form["nik"] == "337101**********"
    assert engine.case_history(case.number, reveal_nik=True)[0].form["nik"] == "3371014508900001"


def test_person_fields_need_an_active_user_with_the_role(office):
    users, sops = office
    case = engine.start_case(PI, entry="Permohonan melalui surat", now=T0)
    case = _advance_to(case, sops, 6, users)
    models.User.update(active=False).where(models.User.username == "sekretaris1").execute()
    for who, message in (
        ("staf1", "pengguna 'staf1' tidak memiliki peran kasubag"),
        ("sekretaris1", "pengguna 'sekretaris1' tidak dikenal atau tidak aktif"),
        ("siapa", "pengguna 'siapa' tidak dikenal atau tidak aktif"),
    ):
        with pytest.raises(engine.FormError) as caught:
            engine.complete_step(case.number, {"disposisi_kepada": who, "isi_disposisi": "Tindak lanjuti"})
        assert caught.value.errors == {"disposisi_kepada": message}
    done = engine.complete_step(case.number, {"disposisi_kepada": "KASUBAG1", "isi_disposisi": "Tindak lanjuti"})
    assert done.completed.form_data["disposisi_kepada"] == "kasubag1"


def test_attachments_must_exist_and_have_an_accepted_type(office):
    users, sops = office
    case = _advance_to(engine.start_case(PI, entry="Permohonan melalui surat", now=T0), sops, 6, users)
    photo = make_attachment("disposisi.gif")
    base = {"disposisi_kepada": "kasubag1", "isi_disposisi": "Tindak lanjuti"}
    for value, message in (
        (str(photo.id), "berkas harus berjenis .pdf, .jpg, .jpeg, .png"),
        ("999999", "lampiran '999999' tidak ditemukan; unggah berkasnya dahulu"),
        ("ab" * 32, f"lampiran '{'ab' * 32}' tidak ditemukan; unggah berkasnya dahulu"),
    ):
        with pytest.raises(engine.FormError) as caught:
            engine.complete_step(case.number, {**base, "lembar_disposisi": value})
        assert caught.value.errors == {"lembar_disposisi": message}
    scan = make_attachment("disposisi.PDF")
    done = engine.complete_step(case.number, {**base, "lembar_disposisi": scan.sha256})
    assert done.completed.form_data["lembar_disposisi"] == scan.id


def test_numbers_yes_no_times_and_several_choices(office):
    users, sops = office
    case = _guest(users)
    with pytest.raises(engine.FormError) as caught:
        engine.complete_step(case.number, {"cuci_tangan": "mungkin", "suhu_tubuh": "44", "cek_kesehatan": "Lolos"})
    assert caught.value.errors == {"cuci_tangan": "jawab ya atau tidak", "suhu_tubuh": "paling besar 43"}
    step2 = engine.complete_step(case.number, {"cuci_tangan": "Ya", "suhu_tubuh": "36,5", "cek_kesehatan": "lolos"})
    assert step2.completed.form_data == {"cek_kesehatan": "Lolos", "cuci_tangan": True, "suhu_tubuh": 36.5}
    case = _advance_to(step2.case, sops, 6, users)
    with pytest.raises(engine.FormError) as caught:
        engine.complete_step(case.number, {"jamuan": "Minuman, Kopi"})
    assert caught.value.errors == {"jamuan": "'Kopi' bukan pilihan; pilih dari: Minuman, Snack, Makanan, Lainnya"}
    step6 = engine.complete_step(case.number, {"jamuan": "snack, Minuman"})
    assert step6.completed.form_data == {"jamuan": ["Snack", "Minuman"]}


def test_patterns_say_their_own_message(office):
    users, _ = office
    with pytest.raises(engine.FormError) as caught:
        _guest(users, nomor_kendaraan="12345 ABCDE")
    assert caught.value.errors == {"nomor_kendaraan": "Tulis nomor polisi seperti AD 1234 XY"}


# --- unknown things and branches -----------------------------------------------------------


def test_unknown_sop_case_entry_and_user(office):
    users, _ = office
    with pytest.raises(engine.UnknownSop, match="SOP 'tidak-ada' tidak dikenal"):
        engine.start_case("tidak-ada")
    with pytest.raises(engine.UnknownCase, match="kasus 'TM-2026-09999' tidak ditemukan"):
        engine.complete_step("TM-2026-09999", {})
    with pytest.raises(engine.EngineError, match="'Permohonan langsung', 'Permohonan melalui surat'"):
        engine.start_case(PI, entry="lewat pos")
    with pytest.raises(engine.UnknownUser, match="pengguna 'hantu' tidak dikenal"):
        engine.start_case(TAMU, actor="hantu")
    assert models.Case.select().count() == 0


def test_a_decision_takes_one_of_its_labels_and_a_wrong_one_lists_them(office):
    users, sops = office
    case = _advance_to(_guest(users), sops, 7, users)
    audit_before = _audit_count()
    labels = "'Bersedia menemui', 'Tidak bersedia', 'Menunjuk pejabat/personil terkait'"
    with pytest.raises(engine.BranchError) as caught:
        engine.complete_step(case.number, {}, branch="Mungkin nanti")
    assert str(caught.value) == f"cabang 'Mungkin nanti' tidak ada pada langkah 7; pilih salah satu: {labels}"
    with pytest.raises(engine.BranchError, match="langkah 7 adalah keputusan; pilih cabang"):
        engine.complete_step(case.number, {})
    assert _audit_count() == audit_before
    outcome = engine.complete_step(case.number, {}, branch="  tidak BERSEDIA ")
    assert outcome.completed.branch == "Tidak bersedia" and outcome.next_run.step_no == 9
    with pytest.raises(engine.BranchError, match="langkah 9 bukan langkah keputusan"):
        engine.complete_step(case.number, {}, branch="Ya")


def test_fields_at_start_need_complete_first():
    with pytest.raises(ValueError):
        engine.start_case(TAMU, {"nama_tamu": "Budi"})


# --- states -----------------------------------------------------------------------------------


def test_cancel_and_reopen_need_a_reason_and_reopen_resumes_the_same_step(office):
    users, sops = office
    case = _advance_to(_guest(users), sops, 3, users)
    for action in (engine.cancel_case, engine.set_waiting):
        with pytest.raises(engine.EngineError, match="alasan .* wajib diisi"):
            action(case.number, "   ", actor=users["resepsionis"])
    cancelled = engine.cancel_case(case.number, "Tamu batal datang", actor=users["resepsionis"], now=T0)
    assert (cancelled.state, cancelled.state_reason, cancelled.current_step) == ("cancelled", "Tamu batal datang", 3)
    assert engine.list_cases(overdue=True, now=T0 + timedelta(days=30)) == []
    with pytest.raises(engine.CaseStateError, match="sedang dibatalkan"):
        engine.complete_step(case.number, valid_form(sops[TAMU].step(3)))
    with pytest.raises(engine.EngineError, match="alasan pembukaan kembali wajib diisi"):
        engine.reopen_case(case.number, "")
    later = T0 + timedelta(hours=1)
    reopened = engine.reopen_case(case.number, "Tamu datang lagi", actor=users["resepsionis"], now=later)
    assert (reopened.state, reopened.current_step) == ("open", 3)
    history = engine.case_history(case.number, now=later)
    assert [(h.step_no, h.state) for h in history][-2:] == [(3, "cancelled"), (3, "open")]
    assert history[-1].due_at == later + timedelta(minutes=5)
    with pytest.raises(engine.CaseStateError, match="tidak dapat dibuka kembali"):
        engine.reopen_case(case.number, "lagi")


def test_a_waiting_case_cannot_move_until_resumed(office):
    users, sops = office
    case = _guest(users)
    engine.set_waiting(case.number, "Menunggu tamu kembali dari toilet")
    with pytest.raises(engine.CaseStateError, match="sedang menunggu"):
        engine.complete_step(case.number, valid_form(sops[TAMU].step(2)))
    engine.resume_case(case.number)
    assert engine.complete_step(case.number, valid_form(sops[TAMU].step(2))).next_run.step_no == 3


# --- due times, deadlines and overdue ----------------------------------------------------------


def test_minute_steps_are_due_on_the_clock_and_overdue_is_computed_from_now(office):
    users, _ = office
    case = _guest(users, now=T0)
    run = engine.case_history(case.number)[-1]
    assert (run.step_no, run.due_at) == (2, T0 + timedelta(minutes=5))
    assert [c.overdue for c in engine.list_cases(now=T0 + timedelta(minutes=5))] == [False]
    late = T0 + timedelta(minutes=6)
    assert [c.number for c in engine.list_cases(overdue=True, now=late)] == [case.number]
    assert engine.list_cases(overdue=False, now=late) == []
    assert engine.case_summary(case.number, now=late).due == T0 + timedelta(minutes=5)
    assert engine.case_history(case.number, now=late)[-1].overdue is True
    # Finishing late ends the lateness of that step; the next step has its own time.
    outcome = engine.complete_step(case.number, valid_form(_step(TAMU, 2)), now=late)
    assert outcome.next_run.due_at == late + timedelta(minutes=5)
    assert engine.case_summary(case.number, now=late).overdue is False
    assert models.Case.get_by_id(case.id).due_at is None  # no legal deadline for a visit


def test_hari_ke_steps_count_working_days_from_the_case_start(office):
    users, _ = office
    started = datetime(2025, 3, 27, 9, 30)  # Thursday before Nyepi and Idul Fitri
    fields = {"tanggal_diterima": "27-03-2025 09:30", "nama_pengadu": "Agus", "isi_pengaduan": "Spanduk"}
    case = engine.start_case(DUMAS, actor=users["resepsionis"], now=started)
    assert engine.case_history(case.number)[0].due_at == datetime(2025, 3, 27, 16, 0)  # Hari Ke 1
    engine.complete_step(case.number, fields, branch="Jalur offline", now=started)
    form2 = {"form_pengaduan": str(make_attachment("form.pdf").id), "nomor_surat_masuk": "1/PP", "tanggal_register": "2025-03-27"}
    engine.complete_step(case.number, form2, now=started)
    disposisi = {"diteruskan_kepada_pimpinan": "pimpinan1"}
    step5 = engine.complete_step(case.number, disposisi, now=datetime(2025, 3, 27, 15, 0)).next_run
    # Hari Ke 2: the next hari kerja after 27 March is 8 April (28 March-7 April are all off).
    assert (step5.step_no, step5.due_at) == (5, datetime(2025, 4, 8, 16, 0))


def test_a_case_started_on_a_weekend_counts_hari_ke_1_from_monday(office):
    users, _ = office
    case = engine.start_case(DUMAS, now=datetime(2025, 3, 1, 10, 0))  # a Saturday
    assert engine.case_history(case.number)[0].due_at == datetime(2025, 3, 3, 16, 0)


def test_working_day_steps_and_office_closures(office):
    users, _ = office
    models.HolidayOverride.create(day=date(2025, 4, 8), working=False, name="Kantor tutup: banjir")
    case = engine.start_case("pulangpisau-pengaduan", now=datetime(2025, 3, 27, 10, 0))
    # "1 hari kerja" after Thursday 27 March: 8 April, but the office was closed, so 9 April.
    assert engine.case_history(case.number)[0].due_at == datetime(2025, 4, 9, 16, 0)


def test_the_legal_deadline_and_its_one_extension_counted_by_hand(office):
    users, sops = office
    started = datetime(2025, 3, 20, 11, 0)  # Thursday
    case = engine.start_case(PI, entry="Permohonan langsung", actor=users["ppid"], now=started)
    # 10 hari kerja: 21, 24, 25, 26, 27 March; (28 March-7 April off) 8, 9, 10, 11, 14 April.
    assert case.due_at == datetime(2025, 4, 14, 16, 0)
    with pytest.raises(engine.EngineError, match="alasan perpanjangan wajib diisi"):
        engine.extend_deadline(case.number, "", actor=users["ppid"])
    extended = engine.extend_deadline(case.number, "Data tersebar di beberapa divisi", actor=users["ppid"],
                                      now=datetime(2025, 4, 10, 9, 0))
    # + 7 hari kerja: 15, 16, 17, (18 April Wafat Yesus Kristus) 21, 22, 23, 24 April.
    assert extended.due_at == datetime(2025, 4, 24, 16, 0)
    assert extended.extension_reason == "Data tersebar di beberapa divisi"
    assert extended.extended_at == datetime(2025, 4, 10, 9, 0)
    with pytest.raises(engine.CaseStateError, match="perpanjangan hanya boleh sekali"):
        engine.extend_deadline(case.number, "Sekali lagi", actor=users["ppid"])
    assert engine.find_case(case.number).due_at == datetime(2025, 4, 24, 16, 0)
    assert [c.overdue for c in engine.list_cases(sop_id=PI, now=datetime(2025, 4, 20, 9, 0))] == [True]  # step 1


def test_the_legal_deadline_uses_the_office_overrides(office):
    models.HolidayOverride.create(day=date(2025, 4, 9), working=False, name="Hari jadi Kota Kupang")
    case = engine.start_case(PI, now=datetime(2025, 3, 20, 11, 0))
    assert case.due_at == datetime(2025, 4, 15, 16, 0)


def test_only_sops_with_a_legal_extension_can_be_extended(office):
    users, _ = office
    case = _guest(users)
    with pytest.raises(engine.CaseStateError, match=f"SOP {TAMU} tidak mengenal perpanjangan"):
        engine.extend_deadline(case.number, "Tamu minta waktu")


# --- SOP revisions and loops --------------------------------------------------------------------


def _step(sop_id, no):
    return next(load_sop_file(p) for p in shipped_sop_paths() if load_sop_file(p).id == sop_id).step(no)


def test_a_changed_definition_is_a_new_version_and_open_cases_stay_on_theirs(office, tmp_path):
    users, sops = office
    old_case = _advance_to(_guest(users), sops, 3, users)
    old_activity = sops[TAMU].step(4).activity
    source = next(p for p in shipped_sop_paths() if p.stem == TAMU).read_text(encoding="utf-8")
    assert source.count(old_activity) == 1
    revised = load_sop_file(write_sop(tmp_path, f"{TAMU}.yaml", source.replace(old_activity, "Mengantar tamu ke ruang tunggu")))
    stored = engine.sync_definitions([revised])
    assert [(row.sop_id, row.version) for row in stored] == [(TAMU, 2)]
    assert engine.sync_definitions([revised]) == []
    new_case = _guest(users)
    assert engine.sop_for_case(new_case).step(4).activity == "Mengantar tamu ke ruang tunggu"
    assert engine.sop_for_case(old_case).step(4).activity == old_activity
    assert engine.case_summary(old_case.number).sop_version == 1
    finished = _advance_to(old_case, sops, None, users, branch_at={7: "Bersedia menemui"})
    assert finished.state == "done"
    assert [h.activity for h in engine.case_history(old_case.number) if h.step_no == 4] == [old_activity]
    assert [(v.version, v.cases) for v in sop_versions(TAMU)] == [(2, 1), (1, 1)]
    assert sop_of_version(TAMU, 1).step(4).activity == old_activity
    assert sop_of_version(TAMU, 3) is None


def test_a_decision_may_send_the_case_back_and_round_the_loop_twice(office, tmp_path):
    users, _ = office
    sop = load_sop_file(write_sop(tmp_path, "uji-putaran.yaml", LOOP_SOP))
    engine.sync_definitions([sop])
    everyone_acts_in([sop])
    case = engine.start_case("uji-putaran", {"judul": "Konsep maklumat"}, actor=users["staf"], now=T0,
                             complete_first=True)
    for round_no in (1, 2):
        engine.complete_step(case.number, {"catatan_perbaikan": f"Putaran {round_no}"}, actor=users["staf"])
        engine.complete_step(case.number, {}, actor=users["kasubag"], branch="perlu perbaikan")
    engine.complete_step(case.number, {}, actor=users["staf"])
    engine.complete_step(case.number, {}, actor=users["kasubag"], branch="Setuju")
    done = engine.complete_step(case.number, {}, actor=users["staf"])
    assert done.done and done.case.state == "done" and done.case.title == "Konsep maklumat"
    history = engine.case_history(case.number)
    assert [h.step_no for h in history] == [1, 2, 3, 2, 3, 2, 3, 4]
    assert [h.branch for h in history if h.step_no == 3] == ["Perlu perbaikan", "Perlu perbaikan", "Setuju"]
    assert case.number == "UJ-2026-00001"


# --- who did it first, worklists ---------------------------------------------------------------------


def test_a_stale_form_is_refused_naming_who_finished_the_step_and_keeps_what_was_typed(office):
    users, sops = office
    case = _guest(users, now=T0)
    loaded = case.row_version
    engine.complete_step(case.number, valid_form(sops[TAMU].step(2)), actor=users["resepsionis"],
                         expected_version=loaded, now=datetime(2026, 3, 2, 10, 42))
    mine = {"cuci_tangan": "tidak", "cek_kesehatan": "Lolos", "suhu_tubuh": "37"}
    with pytest.raises(engine.StepAlreadyDone) as caught:
        engine.complete_step(case.number, mine, actor=users["staf"], expected_version=loaded,
                             now=datetime(2026, 3, 2, 10, 43))
    assert str(caught.value) == "Langkah 2 sudah diselesaikan oleh Petugas Resepsionis pukul 10.42"
    assert caught.value.data == mine
    history = engine.case_history(case.number)
    assert [h.step_no for h in history] == [1, 2, 3] and history[1].completed_by == "resepsionis1"
    engine.cancel_case(case.number, "Tamu pulang", actor=users["pimpinan"], now=datetime(2026, 3, 3, 8, 0))
    with pytest.raises(engine.ConcurrentChange, match="sudah dibatalkan oleh Petugas Pimpinan"):
        engine.complete_step(case.number, {}, expected_version=loaded + 1, now=datetime(2026, 3, 4, 8, 0))


def test_tasks_in_my_lanes_come_most_urgent_first(office):
    users, sops = office
    visit = _guest(users, now=T0 + timedelta(minutes=30))  # step 2, due 08:35
    request = engine.start_case(PI, now=T0)  # step 1, due 08:03
    waiting = _guest(users, now=T0)
    engine.set_waiting(waiting.number, "Tamu menunggu rombongan")
    tasks = engine.tasks_for_lanes({(TAMU, "jagat_saksana"), (PI, "help_desk"), (TAMU, "pimpinan")},
                                   now=T0 + timedelta(minutes=10))
    assert [(t.case_number, t.step_no, t.overdue) for t in tasks] == [
        (request.number, 1, True), (visit.number, 2, False)]
    assert tasks[0].activity == sops[PI].step(1).activity
    assert engine.tasks_for_lanes(set()) == []


def test_the_case_window_reads_versions_names_and_files_through_the_engine(office, tmp_path):
    users, _ = office
    case = _guest(users)
    assert case_version(case.id) == models.Case.get_by_id(case.id).row_version
    assert case_version(case.id + 1000) is None
    assert name_of("resepsionis1") == "Petugas Resepsionis" and name_of("orang.lain") == "orang.lain"
    scan = tmp_path / "surat.pdf"
    scan.write_bytes(b"surat")
    own = attach_file(scan, "berkas", users["resepsionis"], case_id=case.id, case_number=case.number)
    assert file_path(own.id).read_bytes() == b"surat"
    entry = models.AuditEntry.select().order_by(models.AuditEntry.id.desc()).first()
    assert (entry.action, entry.actor) == ("attachment.add", "resepsionis1")
    with pytest.raises(StoreError, match="tidak ada"):
        file_path(own.id + 1000)
    elsewhere = store_file(b"ktp", "ktp.jpg")
    store_file(b"lain", "lain.pdf")
    assert file_info(str(own.id)).filename == "surat.pdf" and file_info("x") is None and file_info(None) is None
    assert [f.filename for f in case_files(case.id, also={elsewhere.id})] == ["surat.pdf", "ktp.jpg"]
