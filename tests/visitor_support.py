"""Visits for the visitor-desk tests: a real case of the Pelayanan Umum SOP (steps 1-3 recorded
through the engine, so form data, party and title are what the desk writes) and its Visit row."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from kpu_desk import engine
from kpu_desk.security.pass_token import new_pass_token
from kpu_desk.store import models

SOP_ID = "karanganyar-pelayanan-umum"
NIK = "3313014508900001"
PHONE = "081234567890"


def make_visit(name: str, at: datetime, *, out: datetime | None = None, institution: str = "Bawaslu Karanganyar",
               group: int = 1, origin: str = "Instansi", nik: str | None = NIK, phone: str = PHONE,
               host: str = "Sekretaris", purpose: str = "Koordinasi tahapan", tray: str | None = "A3",
               plate: str = "AD 1234 XY") -> models.Visit:
    step1 = {"nama_tamu": name, "asal_tamu": origin, "instansi": institution, "jumlah_tamu": str(group),
             "telepon": phone, "nomor_kendaraan": plate}
    case = engine.start_case(SOP_ID, step1, now=at, complete_first=True)
    engine.complete_step(case.number, {"cuci_tangan": "ya", "suhu_tubuh": "36", "cek_kesehatan": "Lolos"},
                         now=at + timedelta(minutes=1))
    step3 = {"jenis_identitas": "KTP", "keperluan": purpose, "yang_dituju": host,
             "identitas_dititipkan": "ya" if tray else "tidak"}
    if nik:
        step3["nik"] = nik
    if tray:
        step3["nomor_baki"] = tray
    engine.complete_step(case.number, step3, now=at + timedelta(minutes=2))
    case = models.Case.get_by_id(case.id)
    return models.Visit.create(
        case=case, party=case.party_id, pass_number=case.number, pass_token=new_pass_token(), host=host,
        purpose=purpose, checked_in_at=at, valid_until=datetime.combine(at.date(), time(23, 59)),
        checked_out_at=out, ktp_held=bool(tray), ktp_tray=tray, identity_type="KTP", origin=origin,
        group_size=group)
