"""The roles of an office's users. Lanes are the SOP's own words; roles are the office's."""

ROLE_LABELS = {
    "administrator": "Administrator",
    "resepsionis": "Resepsionis (Jagat Saksana/Front Office/Help Desk)",
    "sekretaris": "Sekretaris",
    "pimpinan": "Ketua/Anggota",
    "kasubag": "Kasubag",
    "ppid": "PPID",
    "unit_dumas": "Unit Dumas",
    "staf": "Staf",
}
ROLES = tuple(ROLE_LABELS)
