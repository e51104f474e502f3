"""The case window's header: number, state, title, due time (overdue marked), SOP name and version."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpu_desk.gui.case.case_data import CaseData
from kpu_desk.gui.formatting import short_datetime, state_label, time_left


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseWindow", text)


def due_text(data: CaseData) -> str:
    summary = data.summary
    if summary.due is None:
        return ""
    text = _tr("Batas waktu {0} · {1}").format(short_datetime(summary.due), time_left(summary.due, data.loaded_at))
    if summary.case_due is not None and summary.case_due != summary.due:
        # A line of its own: the header stays narrow enough for a 1280-pixel screen.
        text += "\n" + _tr("batas permohonan {0}").format(short_datetime(summary.case_due))
    if data.extended_at is not None:
        text += _tr(" (diperpanjang)")
    return text


def state_text(data: CaseData) -> str:
    late = _tr(", terlambat") if data.summary.overdue else ""
    return state_label(data.state) + late


def sop_text(data: CaseData) -> str:
    header = data.sop.header
    name = " ".join(header.name.split())
    number = _tr("SOP Nomor {0} · ").format(header.number) if header.number else ""
    return _tr("{0}{1} · versi {2} · dimulai {3}").format(number, name, data.sop.version,
                                                         short_datetime(data.summary.started_at))
