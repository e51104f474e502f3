"""Validation against resources/sops/sop.schema.json, with messages in Bahasa Indonesia."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any, Iterator

from kpu_desk.paths import sops_dir

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

# The schema's pattern for a required text: at least one character that is not a space.
_NOT_BLANK = r"\S"

_TYPE_NAMES = {
    "string": "teks",
    "integer": "bilangan bulat",
    "number": "angka",
    "array": "daftar (baris-baris berawalan '- ')",
    "object": "kumpulan 'kunci: nilai'",
    "boolean": "true atau false",
    "null": "kosong",
}


@cache
def _validator() -> Draft202012Validator:
    # Imported here: a start-up that reads cached definitions never needs it (~90 ms).
    from jsonschema import Draft202012Validator

    schema = json.loads((sops_dir() / "sop.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def schema_errors(document: Any) -> Iterator[tuple[tuple, str]]:
    """Yield (path, Indonesian message) for each way the document breaks the schema."""
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    for err in errors:
        yield from _translate(err)


def _translate(err: ValidationError) -> Iterator[tuple[tuple, str]]:
    path = tuple(err.absolute_path)
    where = _where(path)
    kind = err.validator
    if kind == "required":
        for name in err.validator_value:
            if isinstance(err.instance, dict) and name not in err.instance:
                yield path, f"{where}: kolom wajib '{name}' belum diisi"
    elif kind == "additionalProperties":
        known = set(err.schema.get("properties", {}))
        for name in err.instance:
            if name not in known:
                yield path + (name,), f"{where}: kolom '{name}' tidak dikenal"
    else:
        yield path, f"{where}: {_describe(err)}"


def _describe(err: ValidationError) -> str:
    kind, value = err.validator, err.validator_value
    if kind == "type":
        names = value if isinstance(value, list) else [value]
        return "harus berupa " + " atau ".join(_TYPE_NAMES.get(str(n), str(n)) for n in names)
    if kind == "enum":
        return "harus salah satu dari: " + ", ".join(map(str, value))
    if kind == "const":
        return f"harus bernilai {value!r}"
    if kind == "minLength" or (kind == "pattern" and value == _NOT_BLANK):
        return "tidak boleh kosong"
    if kind == "maxLength":
        return f"terlalu panjang: paling banyak {value} huruf"
    if kind == "minItems":
        return f"harus berisi paling sedikit {value} butir"
    if kind == "maxItems":
        return f"terlalu banyak butir: paling banyak {value}"
    if kind == "uniqueItems":
        return "berisi butir yang sama lebih dari sekali"
    if kind == "pattern":
        return f"bentuknya tidak sah (pola {value})"
    if kind == "minimum":
        return f"paling kecil {value:,}".replace(",", ".")
    if kind == "maximum":
        return f"paling besar {value:,}".replace(",", ".")
    return f"tidak sah ({kind})"


def _where(path: tuple) -> str:
    if not path:
        return "berkas"
    parts = []
    for part in path:
        parts.append(f"[{part + 1}]" if isinstance(part, int) else f".{part}")
    return "".join(parts).lstrip(".")
