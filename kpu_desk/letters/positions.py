"""The "Diteruskan kepada" checklist of the office: the positions a disposition can be addressed to."""

from __future__ import annotations

from typing import Sequence

from kpu_desk.accounts.permissions import require_administrator
from kpu_desk.engine.storage import audit, writing
from kpu_desk.letters.vocab import DEFAULT_POSITIONS, POSITIONS_KEY
from kpu_desk.store import models
from kpu_desk.validation import require_valid


def positions() -> list[str]:
    """The office's checklist (Setting "letters.positions"), or the usual KPU Kabupaten/Kota one."""
    row = models.Setting.get_or_none(models.Setting.key == POSITIONS_KEY)
    stored = row.value if row is not None and isinstance(row.value, list) else None
    return [str(p) for p in stored] if stored else list(DEFAULT_POSITIONS)


def set_positions(names: Sequence[str], actor: str = "") -> list[str]:
    require_administrator(actor, "mengubah daftar jabatan tujuan disposisi")
    cleaned = list(dict.fromkeys(" ".join(str(n).split()) for n in names if str(n).strip()))
    problems = {}
    if not cleaned:
        problems["positions"] = "daftar jabatan tujuan disposisi tidak boleh kosong"
    elif any(len(n) > models.DispositionRecipient.position.max_length for n in cleaned):
        problems["positions"] = "nama jabatan terlalu panjang (paling banyak 200 karakter)"
    require_valid(problems)
    with writing():
        models.Setting.insert(key=POSITIONS_KEY, value=cleaned).on_conflict(
            conflict_target=[models.Setting.key], update={models.Setting.value: cleaned}).execute()
        audit("letters.positions", actor, "setting", POSITIONS_KEY, count=len(cleaned))
    return cleaned
