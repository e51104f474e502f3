"""Suggesting which office role acts in an SOP lane, from the lane's own words.

Lanes are the SOP's words ("Jagat Saksana", "Help Desk", "Desk/ FO"); roles are
the office's. The first-start setup and the demo start from these suggestions;
the administrator corrects them in Pengaturan.
"""

from __future__ import annotations

from kpu_desk.sop.model import Sop

# Checked in order: the first phrase found in the lowercased lane name wins.
_PHRASES = (
    ("atasan ppid", "sekretaris"),
    ("e ppid", "staf"),
    ("e-ppid", "staf"),
    ("ppid", "ppid"),
    ("jagat saksana", "resepsionis"),
    ("help desk", "resepsionis"),
    ("desk", "resepsionis"),
    ("front office", "resepsionis"),
    ("pramusaji", "staf"),
    ("kasubbag", "kasubag"),  # before "ketua": "Kasubbag Hukum/Ketua Tim Teknis" is a Kasubag
    ("kasubag", "kasubag"),
    ("pimpinan", "pimpinan"),  # before "sekretaris": "Pimpinan (Ketua/Anggota/Sekretaris)"
    ("ketua", "pimpinan"),
    ("komisioner", "pimpinan"),
    ("sekretaris", "sekretaris"),
    ("pejabat", "kasubag"),
    ("dumas", "unit_dumas"),
    ("staf", "staf"),
    ("pelaksana", "staf"),
    ("sub bagian", "staf"),
)


def suggest_role(lane_name: str) -> str | None:
    """The role that usually acts in a lane, or None when the words say nothing known."""
    name = " ".join(lane_name.lower().replace("/", " ").split())
    if "tamu" in name or "visitor" in name or "pemohon" in name:
        # The visitor does not use KPU Desk: reception records what the visitor does.
        return "resepsionis"
    return next((role for phrase, role in _PHRASES if phrase in name), None)


def suggested_lane_roles(sop: Sop) -> dict[str, str | None]:
    return {lane.id: suggest_role(lane.name) for lane in sop.lanes}
