"""NIK (Nomor Induk Kependudukan): checking its structure and masking it for display.

A NIK has 16 digits: PP KK CC DDMMYY SSSS — province, regency/city, district,
birth date (40 is added to the day for women) and a serial number
(UU 24/2013 tentang Administrasi Kependudukan). Only the structure can be
checked offline; whether the number belongs to a living person is for Dukcapil.

NIK is personal data (UU 27/2022): the messages below never repeat the whole
number, and `mask_nik` is what screens and printouts show by default.
"""

from __future__ import annotations

import re
from datetime import date

from kpu_desk.validation import is_digits

NIK_LENGTH = 16

# Kode provinsi of Kemendagri, including the provinces of Papua created in 2022.
PROVINCE_CODES = frozenset(
    [11, 12, 13, 14, 15, 16, 17, 18, 19, 21]
    + list(range(31, 37))
    + [51, 52, 53]
    + list(range(61, 66))
    + list(range(71, 77))
    + [81, 82]
    + list(range(91, 98))
)

_SEPARATORS = re.compile(r"[\s.\-]")

# How many leading digits `mask_nik` keeps. Six digits name the province,
# regency and district (where the KTP was issued), which helps a clerk tell two
# visitors apart; the birth date and serial after them identify the person and
# are hidden. KPU's own published voter lists (PKPU 11/2018) hide only the last
# four digits, so what we show is a strict subset of what KPU already publishes:
# putting our screen next to a public DPT reveals nothing more.
MASK_KEEP = 6
MASK_CHAR = "*"


def normalize_nik(text: str) -> str:
    """The NIK with the spaces, dots and dashes people type removed."""
    return _SEPARATORS.sub("", str(text))


def nik_problems(text: str) -> list[str]:
    """What is wrong with a NIK, one Indonesian sentence per problem; empty when plausible."""
    nik = normalize_nik(text)
    if not is_digits(nik):
        return ["NIK hanya boleh berisi angka 0-9"]
    if len(nik) != NIK_LENGTH:
        return [f"NIK harus 16 angka (tertulis {len(nik)} angka)"]
    return [p for p in (_province_problem(nik), _region_problem(nik), _birth_problem(nik), _serial_problem(nik)) if p]


def is_valid_nik(text: str) -> bool:
    return not nik_problems(text)


def mask_nik(text: str | None) -> str:
    """The NIK as screens and printouts show it: "331301**********"."""
    if not text:
        return ""
    nik = normalize_nik(text)
    return nik[:MASK_KEEP] + MASK_CHAR * max(len(nik) - MASK_KEEP, 0)


def nik_birth_date(text: str) -> date | None:
    """The birth date a NIK encodes (century guessed as the most recent past one), or None."""
    nik = normalize_nik(text)
    if len(nik) != NIK_LENGTH or not is_digits(nik):
        return None
    day, month, year = _birth_parts(nik)
    for century in (2000, 1900):
        try:
            born = date(century + year, month, day)
        except ValueError:
            continue
        if born <= date.today():
            return born
    return None


def _province_problem(nik: str) -> str | None:
    if int(nik[:2]) not in PROVINCE_CODES:
        return f"dua angka pertama NIK ({nik[:2]}) bukan kode provinsi yang ada"
    return None


def _region_problem(nik: str) -> str | None:
    if nik[2:4] == "00":
        return "angka ke-3 dan ke-4 NIK (kode kabupaten/kota) tidak boleh 00"
    if nik[4:6] == "00":
        return "angka ke-5 dan ke-6 NIK (kode kecamatan) tidak boleh 00"
    return None


def _birth_problem(nik: str) -> str | None:
    day, month, year = _birth_parts(nik)
    # The two-digit year leaves the century open; 29 February is possible if it
    # is possible in either century.
    if not any(_is_date(century + year, month, day) for century in (1900, 2000)):
        return "angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin (DDMMYY, perempuan: tanggal + 40)"
    return None


def _serial_problem(nik: str) -> str | None:
    if nik[12:] == "0000":
        return "empat angka terakhir NIK (nomor urut) tidak boleh 0000"
    return None


def _birth_parts(nik: str) -> tuple[int, int, int]:
    day = int(nik[6:8])
    if day > 40:  # women: the day plus 40
        day -= 40
    return day, int(nik[8:10]), int(nik[10:12])


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
