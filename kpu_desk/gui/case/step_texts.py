"""The sentences above the open step's form: which step, its time standard and due time, who acts."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from kpu_desk.gui.case.case_data import CaseData
from kpu_desk.accounts.permissions import Permissions
from kpu_desk.gui.formatting import short_datetime, time_left
from kpu_desk.sop.model import Step, Symbol


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseWindow", text)


def one_line(text: str) -> str:
    return " ".join(text.split())


def step_heading(data: CaseData, step: Step) -> str:
    kind = _tr("Keputusan") if step.symbol is Symbol.DECISION else _tr("Langkah")
    return _tr("{0} {1} dari {2}: {3}").format(kind, step.no, len(data.sop.steps), one_line(step.activity))


def step_meta(data: CaseData, step: Step) -> str:
    lanes = ", ".join(one_line(data.sop.lane(lane).name) for lane in step.lanes)
    lines = [_tr("Pelaksana: {0} · Waktu: {1}").format(lanes, step.mutu_baku.waktu.describe())]
    due = data.summary.step_due
    if due is not None:
        lines[0] += _tr(" · Batas: {0} ({1})").format(short_datetime(due), time_left(due, data.loaded_at))
    if one_line(step.mutu_baku.kelengkapan) not in ("", "-"):
        lines.append(_tr("Kelengkapan: {0}").format(one_line(step.mutu_baku.kelengkapan)))
    if one_line(step.mutu_baku.output) not in ("", "-"):
        lines.append(_tr("Output: {0}").format(one_line(step.mutu_baku.output)))
    return "\n".join(lines)


def act_note(data: CaseData, permissions: Permissions) -> str:
    if data.state == "waiting":
        reason = data.state_reason or _tr("tanpa keterangan")
        return _tr("Kasus sedang ditunda ({0}). Lanjutkan kasus untuk menyelesaikan langkah ini.").format(reason)
    if permissions.complete:
        return ""
    lanes = ", ".join(one_line(name) for name in permissions.acting_lanes)
    if not permissions.acting_people:
        return _tr("Belum ada pengguna yang dipetakan ke pelaksana {0}. Administrator memetakannya di "
                   "Pengaturan → Pelaksana SOP.").format(lanes)
    return _tr("Langkah ini dikerjakan oleh pelaksana {0}: {1}. Anda dapat melihat isiannya, tetapi tidak dapat "
               "menyelesaikannya.").format(lanes, ", ".join(permissions.acting_people))


def closed_text(data: CaseData) -> str:
    if data.state == "done":
        closed = _last_completion(data)
        return _tr("Kasus selesai pada {0}. Semua langkah dan isiannya ada pada tab Riwayat.").format(
            short_datetime(closed))
    if data.state == "cancelled":
        return _tr("Kasus dibatalkan: {0}. Buka kembali kasus untuk melanjutkannya pada langkah {1}.").format(
            data.state_reason or _tr("tanpa keterangan"), data.summary.current_step or "—")
    return _tr("Kasus ini tidak memiliki langkah yang terbuka.")


def _last_completion(data: CaseData) -> datetime | None:
    times = [entry.completed_at for entry in data.history if entry.completed_at is not None]
    return max(times) if times else None
