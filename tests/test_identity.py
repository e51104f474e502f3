"""NIK structure and masking, Indonesian phone numbers, e-mail, and the form field conversions."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kpu_desk.contact import ContactError, normalize_email, normalize_phone
from kpu_desk.engine import FormError, validate_form
from kpu_desk.nik import is_valid_nik, mask_nik, nik_birth_date, nik_problems
from kpu_desk.sop.model import FieldType, FormField, MutuBaku, Step, Symbol
from kpu_desk.sop.timestd import parse_time_standard


@pytest.mark.parametrize("nik", [
    "3313014508900001",  # Jawa Tengah, a woman born 5 August 1990
    "1101010101000001",  # Aceh, born 1 January 2000
    "9501012902000002",  # Papua Selatan (2022), born 29 February 2000
    "3313 0145 0890 0001",  # as people type it
])
def test_plausible_niks(nik):
    assert nik_problems(nik) == [] and is_valid_nik(nik)


def test_each_problem_of_a_nik_has_its_own_sentence():
    assert nik_problems("1013000000000000") == [
        "dua angka pertama NIK (10) bukan kode provinsi yang ada",
        "angka ke-5 dan ke-6 NIK (kode kecamatan) tidak boleh 00",
        "angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin (DDMMYY, perempuan: tanggal + 40)",
        "empat angka terakhir NIK (nomor urut) tidak boleh 0000",
    ]
    assert nik_problems("3300014508900001") == ["angka ke-3 dan ke-4 NIK (kode kabupaten/kota) tidak boleh 00"]
    assert nik_problems("3313012902010001") == [  # 2001 and 1901 have no 29 February
        "angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin (DDMMYY, perempuan: tanggal + 40)"]


def test_mask_keeps_the_region_and_hides_birth_date_and_serial():
    assert mask_nik("3313014508900001") == "331301**********"
    assert mask_nik("3313 0145 0890 0001") == "331301**********"
    assert mask_nik("") == "" and mask_nik(None) == ""


def test_birth_date_from_a_nik():
    assert nik_birth_date("3313014508900001") == date(1990, 8, 5)
    assert nik_birth_date("3313011203100001") == date(2010, 3, 12)


@pytest.mark.parametrize("typed, normal", [
    ("0812-3456-7890", "081234567890"),
    ("+62 812 3456 7890", "081234567890"),
    ("62812345678", "0812345678"),
    ("(021) 123-4567", "0211234567"),
    ("0274 512345", "0274512345"),
    ("0967 533000", "0967533000"),  # Jayapura
])
def test_phone_numbers_are_written_the_08_way(typed, normal):
    assert normalize_phone(typed) == normal


@pytest.mark.parametrize("typed", ["12345", "0812345678901234", "+1 202 555 0101", "0812-ABC-7890", "0112345678"])
def test_not_an_indonesian_phone_number(typed):
    with pytest.raises(ContactError, match="nomor telepon"):
        normalize_phone(typed)


def test_email():
    assert normalize_email("  Ani.Wati@KPU.go.id ") == "Ani.Wati@kpu.go.id"
    for bad in ("ani", "ani@kpu", "ani @kpu.go.id", "ani@@kpu.go.id"):
        with pytest.raises(ContactError, match="alamat e-mail tidak sah"):
            normalize_email(bad)


# --- field conversions (no database needed for these types) ---------------------------------

_STEP = Step(
    no=4, activity="Uji", lanes=("staf",), symbol=Symbol.PROCESS,
    mutu_baku=MutuBaku("", parse_time_standard("-"), ""), next=5,
    form=(
        FormField("tanggal", "Tanggal", FieldType.DATE),
        FormField("jam", "Jam", FieldType.TIME),
        FormField("waktu", "Waktu", FieldType.DATETIME),
        FormField("jumlah", "Jumlah", FieldType.NUMBER, minimum=1, maximum=10),
        FormField("hadir", "Hadir", FieldType.YESNO),
        FormField("catatan", "Catatan", FieldType.TEXT, min_length=3, max_length=10),
        FormField("pilihan", "Pilihan", FieldType.CHOICE, options=("Satu, dua", "Tiga"), multiple=True),
    ),
)


def test_dates_times_and_numbers_as_clerks_write_them():
    assert validate_form(_STEP, {
        "tanggal": "21/11/2026", "jam": "9.05", "waktu": "21-11-2026 10:42", "jumlah": "3",
        "hadir": "tidak", "catatan": "  baik  ", "pilihan": "Tiga, satu, DUA",
    }) == {"tanggal": "2026-11-21", "jam": "09:05", "waktu": "2026-11-21T10:42", "jumlah": 3,
           "hadir": False, "catatan": "baik", "pilihan": ["Tiga", "Satu, dua"]}
    assert validate_form(_STEP, {"tanggal": date(2026, 1, 2), "waktu": datetime(2026, 1, 2, 8, 0), "hadir": True,
                                 "pilihan": ["tiga"]}) == {
        "tanggal": "2026-01-02", "waktu": "2026-01-02T08:00", "hadir": True, "pilihan": ["Tiga"]}


def test_each_bad_conversion_has_a_message():
    with pytest.raises(FormError) as caught:
        validate_form(_STEP, {"tanggal": "31-02-2026", "jam": "25:00", "waktu": "besok pagi", "jumlah": "0",
                              "hadir": "entah", "catatan": "ab"})
    assert caught.value.errors == {
        "tanggal": "tanggal '31-02-2026' tidak ada di kalender",
        "jam": "jam '25:00' tidak ada; jam harus ditulis seperti 10:42",
        "waktu": "tanggal dan jam harus ditulis seperti 2026-11-21 10:42 atau 21-11-2026 10:42",
        "jumlah": "paling kecil 1",
        "hadir": "jawab ya atau tidak",
        "catatan": "paling sedikit 3 huruf",
    }
    with pytest.raises(FormError) as caught:
        validate_form(_STEP, {"tanggal": "Nov 21", "catatan": "sebelas huruf"})
    assert caught.value.errors == {"tanggal": "tanggal harus ditulis seperti 2026-11-21 atau 21-11-2026",
                                   "catatan": "paling banyak 10 huruf (tertulis 13)"}
