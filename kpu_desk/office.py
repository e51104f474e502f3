"""The office itself: its name, level, address, logo and SOPs, and setting it up on first start.

Kept as models.Setting rows, so every workstation of the office reads the same.
Part of the core: no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable

from kpu_desk.accounts import create_user, suggest_lanes
from kpu_desk.accounts.permissions import require_administrator
from kpu_desk.accounts.users import new_account_problems
from kpu_desk.engine.sops import registered_sop_ids, sync_definitions
from kpu_desk.engine.storage import audit, writing
from kpu_desk.sop.library import load_shipped
from kpu_desk.sop.model import Sop
from kpu_desk.store import models
from kpu_desk.store.attachments import path_for, store_file
from kpu_desk.validation import require_valid

LEVELS = ("Kabupaten", "Kota")
DEFAULT_RETENTION_DAYS = 365
MAX_RETENTION_DAYS = 3650
LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_LOGO_BYTES = 2 * 1024 * 1024
DEMO_KEY = "office.demo"
_KEYS = {
    "name": "office.name", "level": "office.level", "address": "office.address",
    "logo_attachment": "office.logo", "sops_in_use": "office.sops",
    "visitor_retention_days": "visitors.retention_days",
}


@dataclass(frozen=True)
class OfficeProfile:
    name: str = ""
    level: str = "Kabupaten"
    address: str = ""
    logo_attachment: int | None = None
    sops_in_use: tuple[str, ...] = ()
    visitor_retention_days: int = DEFAULT_RETENTION_DAYS


@dataclass(frozen=True)
class FirstAdmin:
    username: str
    full_name: str
    password: str
    jabatan: str = ""
    nip: str = ""


def is_first_start() -> bool:
    """No account exists yet: the application must be set up (or filled with demo data) first."""
    return not models.User.select().exists()


def load_office() -> OfficeProfile:
    stored = {row.key: row.value for row in models.Setting.select().where(models.Setting.key.in_(list(_KEYS.values())))}
    values: dict[str, Any] = {field: stored[key] for field, key in _KEYS.items() if stored.get(key) is not None}
    values["sops_in_use"] = tuple(values.get("sops_in_use") or registered_sop_ids())
    return OfficeProfile(**values)


def save_office(profile: OfficeProfile, actor: str = "", logo_file: str | Path | None = None) -> OfficeProfile:
    """Store the office data (and a new logo when given), after checking every field."""
    require_administrator(actor, "mengubah data kantor")
    profile = _cleaned(profile)
    require_valid({**office_problems(profile), **logo_problems(logo_file)})
    with writing():
        if logo_file:
            profile = replace(profile, logo_attachment=store_file(Path(logo_file)).id)
        for field, key in _KEYS.items():
            _put(key, getattr(profile, field))
        audit("office.update", actor, "office", "", sops=list(profile.sops_in_use))
    return profile


def logo_path(profile: OfficeProfile) -> Path | None:
    row = models.Attachment.get_or_none(models.Attachment.id == profile.logo_attachment) if profile.logo_attachment else None
    path = path_for(row.sha256) if row else None
    return path if path and path.is_file() else None


def shipped_sops() -> list[Sop]:
    return load_shipped()


def first_start_setup(profile: OfficeProfile, admin: FirstAdmin, logo_file: str | Path | None = None) -> models.User:
    """Register the chosen shipped SOPs, store the office, create the first administrator, assign lanes.

    One transaction: a problem anywhere leaves the database as empty as it was.
    """
    profile = _cleaned(profile)
    chosen = [sop for sop in shipped_sops() if sop.id in profile.sops_in_use]
    account = new_account_problems(admin.username, admin.full_name, admin.password, {"administrator"}, admin.nip)
    require_valid({**office_problems(profile), **logo_problems(logo_file),
                   **{f"admin.{key}": text for key, text in account.items()}})
    with writing():
        return _set_up(profile, admin, chosen, logo_file)


def load_demo(days: int = 30, progress: Callable[[int, int], None] | None = None, seed: int = 2026):
    """Fill an empty database with a month of a believable office (kpu_desk.demo), all or nothing.

    progress(done, total) may raise to cancel: the whole fill is one transaction
    and nothing of it stays.
    """
    from kpu_desk.demo.generate import fill_demo

    with writing():
        report = fill_demo(days=days, seed=seed, progress=progress)
        demo = OfficeProfile(name="KPU Kabupaten Karanganyar", level="Kabupaten",
                             address="Alamat kantor contoh (data demo)", sops_in_use=tuple(registered_sop_ids()))
        for field, key in _KEYS.items():
            _put(key, getattr(demo, field))
        _put(DEMO_KEY, True)
    return report


def is_demo() -> bool:
    """The database holds the demo office (the sign-in form then names its users)."""
    row = models.Setting.get_or_none(models.Setting.key == DEMO_KEY)
    return bool(row and row.value)


# --- checks ------------------------------------------------------------------------------


def office_problems(profile: OfficeProfile) -> dict[str, str]:
    problems = {}
    if not profile.name:
        problems["name"] = "nama kantor wajib diisi, misalnya KPU Kabupaten Karanganyar"
    elif len(profile.name) > 200:
        problems["name"] = "nama kantor terlalu panjang (paling banyak 200 karakter)"
    if profile.level not in LEVELS:
        problems["level"] = "pilih tingkat kantor: Kabupaten atau Kota"
    if not profile.sops_in_use:
        problems["sops"] = "pilih paling sedikit satu SOP yang dipakai kantor"
    if not 30 <= int(profile.visitor_retention_days) <= MAX_RETENTION_DAYS:
        problems["retention"] = f"masa simpan data tamu antara 30 dan {MAX_RETENTION_DAYS} hari"
    return problems


def logo_problems(logo_file: str | Path | None) -> dict[str, str]:
    if not logo_file:
        return {}
    path = Path(logo_file)
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return {"logo": "logo harus berkas gambar PNG atau JPG"}
    if not path.is_file():
        return {"logo": f"berkas logo {path} tidak ditemukan"}
    if path.stat().st_size > MAX_LOGO_BYTES:
        return {"logo": "berkas logo terlalu besar (paling besar 2 MB)"}
    return {}


def _cleaned(profile: OfficeProfile) -> OfficeProfile:
    return replace(profile, name=" ".join(profile.name.split()), address=profile.address.strip(),
                   sops_in_use=tuple(dict.fromkeys(profile.sops_in_use)))


# --- writing -----------------------------------------------------------------------------


def _set_up(profile: OfficeProfile, admin: FirstAdmin, chosen: Iterable[Sop], logo_file) -> models.User:
    chosen = list(chosen)
    sync_definitions(chosen, actor=admin.username)
    user = create_user(admin.username, admin.full_name, admin.password, {"administrator"},
                       jabatan=admin.jabatan, nip=admin.nip, actor=admin.username)
    if logo_file:
        profile = replace(profile, logo_attachment=store_file(Path(logo_file)).id)
    for field, key in _KEYS.items():
        _put(key, getattr(profile, field))
    for sop in chosen:
        suggest_lanes(sop, actor=user.username)
    audit("office.setup", user.username, "office", "", sops=[sop.id for sop in chosen])
    return user


def _put(key: str, value: Any) -> None:
    models.Setting.insert(key=key, value=value).on_conflict(
        conflict_target=[models.Setting.key], update={models.Setting.value: value}
    ).execute()



def update_office_sops(actor: str = "") -> list[str]:
    """New versions of the shipped SOPs this office uses, when an update of KPU Desk changed their files.

    Cheap when nothing changed (the files' fingerprints are compared before anything is
    parsed), so it runs on every start. Running cases keep the version they started on;
    a file with errors stays out (`kpu-desk sop check` says why).
    """
    from kpu_desk.engine.sops import latest_version
    from kpu_desk.sop.library import load_sops, shipped_sop_paths
    from kpu_desk.sop.loader import fingerprint_of

    used = set(registered_sop_ids())
    known = {latest_version(sop_id).fingerprint for sop_id in used}
    changed = [path for path in shipped_sop_paths() if fingerprint_of(path.read_text(encoding="utf-8")) not in known]
    if not changed:
        return []
    sops, _problems = load_sops(changed)
    return [row.sop_id for row in sync_definitions([s for s in sops if s.id in used], actor=actor)]
