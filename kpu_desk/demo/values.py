"""Believable values for any step form field, so demo cases look like real office work."""

from __future__ import annotations

import datetime as dt
import random
import re
from typing import Any

from kpu_desk.demo import people
from kpu_desk.sop.model import FieldType, FormField
from kpu_desk.sop.patterns import full_match


class DemoValues:
    """One visitor or applicant's worth of values, consistent across the steps of one case."""

    def __init__(self, rng: random.Random, when: dt.datetime, users_by_role: dict[str, list[str]],
                 attachment_id: int):
        self.rng = rng
        self.when = when
        self.users_by_role = users_by_role
        self.attachment_id = attachment_id
        self.name = f"{rng.choice(people.FIRST_NAMES)} {rng.choice(people.LAST_NAMES)}"
        self.institution = rng.choice(people.INSTITUTIONS)

    def form(self, fields: tuple[FormField, ...]) -> dict[str, Any]:
        values = {}
        for field in fields:
            value = self.value(field)
            if value is not None:
                values[field.key] = value
        return values

    def value(self, field: FormField) -> Any:
        if not field.required and self.rng.random() < 0.25:
            return None
        return _MAKERS[field.type](self, field)

    # --- one maker per field type -------------------------------------------------

    def text(self, field: FormField) -> str | None:
        key = field.key
        if field.pattern:
            return _fitting(field.pattern, ["AD 1234 XY", "https://ppid.kpu.go.id/maklumat", "DH 4521 KL"])
        return _clip(field, self._text_for_key(key))

    def _text_for_key(self, key: str) -> str:
        if "baki" in key:
            return f"B-{self.rng.randint(1, 40)}"
        if "nama" in key or key.endswith("_oleh") or key in ("penerima", "diterima_oleh"):
            return self.name
        if "instansi" in key or "lembaga" in key or "pekerjaan" in key:
            return self.institution
        if "nomor" in key or key.startswith("no_"):
            return f"{self.rng.randint(1, 999):03d}/PP.01-SD/3313/{self.when.year}"
        if "alamat" in key:
            return f"Jl. Lawu No. {self.rng.randint(1, 200)}, Karanganyar"
        if "ruang" in key:
            return "Ruang Tamu Utama"
        if key == "yang_dituju":
            return self.rng.choice(people.HOSTS)
        return self.rng.choice(people.VISIT_PURPOSES)

    def multiline(self, field: FormField) -> str:
        key = field.key
        if "pengaduan" in key or "aduan" in key:
            return _clip(field, self.rng.choice(people.COMPLAINTS))
        if "informasi" in key or "rincian" in key:
            return _clip(field, self.rng.choice(people.INFORMATION_REQUESTS))
        return _clip(field, self.rng.choice(people.VISIT_PURPOSES))

    def number(self, field: FormField) -> float | int:
        low = field.minimum if field.minimum is not None else 1
        high = field.maximum if field.maximum is not None else max(low + 5, 10)
        if "suhu" in field.key:
            return round(self.rng.uniform(36.0, 37.2), 1)
        return self.rng.randint(int(low), int(min(high, low + 4)))

    def date(self, field: FormField) -> str:
        return (self.when - dt.timedelta(days=self.rng.randint(0, 5))).date().isoformat()

    def time(self, field: FormField) -> str:
        return self.when.strftime("%H:%M")

    def datetime(self, field: FormField) -> str:
        return self.when.strftime("%Y-%m-%d %H:%M")

    def choice(self, field: FormField) -> str | list[str]:
        if field.multiple:
            return self.rng.sample(list(field.options), k=min(2, len(field.options)))
        return self.rng.choice(field.options)

    def person(self, field: FormField) -> str:
        pool = self.users_by_role.get(field.role or "", []) or [u for us in self.users_by_role.values() for u in us]
        return self.rng.choice(pool)

    def nik(self, field: FormField) -> str:
        day = self.rng.randint(1, 28) + (40 if self.rng.random() < 0.5 else 0)
        birth = f"{day:02d}{self.rng.randint(1, 12):02d}{self.rng.randint(60, 99):02d}"
        return f"3313{self.rng.randint(1, 17):02d}{birth}{self.rng.randint(1, 9999):04d}"

    def phone(self, field: FormField) -> str:
        return "08" + self.rng.choice(("12", "13", "21", "52", "57", "77")) + f"{self.rng.randint(0, 99999999):08d}"

    def email(self, field: FormField) -> str:
        return re.sub(r"[^a-z.]", "", self.name.lower().replace(" ", ".")) + "@contoh.id"

    def yesno(self, field: FormField) -> bool:
        return True

    def attachment(self, field: FormField) -> int:
        return self.attachment_id


def _clip(field: FormField, text: str) -> str:
    return text[: field.max_length] if field.max_length else text


def _fitting(pattern: str, candidates: list[str]) -> str | None:
    for text in candidates:
        if full_match(pattern, text):
            return text
    return None


_MAKERS = {
    FieldType.TEXT: DemoValues.text,
    FieldType.MULTILINE: DemoValues.multiline,
    FieldType.NUMBER: DemoValues.number,
    FieldType.DATE: DemoValues.date,
    FieldType.TIME: DemoValues.time,
    FieldType.DATETIME: DemoValues.datetime,
    FieldType.CHOICE: DemoValues.choice,
    FieldType.PERSON: DemoValues.person,
    FieldType.NIK: DemoValues.nik,
    FieldType.PHONE: DemoValues.phone,
    FieldType.EMAIL: DemoValues.email,
    FieldType.YESNO: DemoValues.yesno,
    FieldType.ATTACHMENT: DemoValues.attachment,
    FieldType.SIGNATURE: DemoValues.attachment,
}
