"""An office for the letter tests: the shipped SOPs, users who sign in, a signature specimen."""

from __future__ import annotations

import io
from datetime import date, datetime

from kpu_desk import engine
from kpu_desk.accounts import suggest_lanes
from kpu_desk.security.passwords import hash_password
from kpu_desk.sop.library import load_shipped
from kpu_desk.store import models

PASSWORD = "rahasia2026"
NOW = datetime(2026, 11, 23, 9, 30)  # a Monday, a working day
RECEIVED = date(2026, 11, 20)  # the Friday before
# username, full name, jabatan, NIP, role
PEOPLE = (
    ("ketua", "Bambang Setiawan", "Ketua KPU Kota Kupang", "", "pimpinan"),
    ("sekretaris", "Masykur Abdullah", "Sekretaris KPU Kota Kupang", "197205141998031004", "sekretaris"),
    ("kasubag.hukum", "Smaragung Wibowo", "Kasubag Hukum dan SDM", "198006172006041003", "kasubag"),
    ("staf1", "Fitri Handayani", "Pengelola Data", "", "staf"),
    ("helpdesk", "Yohanes Ndun", "Petugas Help Desk", "", "resepsionis"),
)


def make_office() -> dict[str, models.User]:
    """The shipped SOPs, each lane acted in by the role its words suggest (as the first start sets it up)."""
    sops = load_shipped()
    engine.sync_definitions(sops)
    for sop in sops:
        suggest_lanes(sop)
    stored = hash_password(PASSWORD)
    users = {}
    for username, name, jabatan, nip, role in PEOPLE:
        user = models.User.create(username=username, full_name=name, jabatan=jabatan, nip=nip, password_hash=stored)
        models.UserRole.create(user=user, role=role)
        users[username] = user
    return users


def signature_png(width: int = 240, height: int = 80) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    pen.line([(10, 60), (60, 15), (100, 65), (150, 20), (220, 55)], fill=(10, 20, 120, 255), width=4)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def scan_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 770, "Surat permohonan informasi (pindaian uji)")
    page.save()
    return buffer.getvalue()


def signed_letter_path(now: datetime = NOW):
    """A Kupang letter disposed by the Ketua, signed by the Sekretaris, passed on twice: (letter, signed, levels)."""
    from datetime import timedelta

    from kpu_desk.letters import DispositionDraft, IncomingLetter, dispose, pass_on, register_incoming, sign
    from kpu_desk.letters import set_signature_specimen

    set_signature_specimen("sekretaris", signature_png())
    incoming = IncomingLetter(
        sender="Maria Goreti Lake", subject="Permohonan salinan rekapitulasi DPT Kelurahan Oebobo",
        received=RECEIVED, letter_number="01/PI/XI/2026", letter_date=date(2026, 11, 18), urgency="Amat Segera",
        security_class="Terbatas", classification_code="PR.01.02", scan=scan_pdf(), scan_filename="surat.pdf")
    letter = register_incoming(incoming, "helpdesk", sop_id="kupang-pelayanan-publik",
                               case_fields={"nama_pemohon": "Maria Goreti Lake",
                                            "rincian_informasi": "Rekapitulasi DPT Kelurahan Oebobo"}, now=now)
    draft = DispositionDraft(recipients=["sekretaris"], positions=["Kasubag Hukum dan SDM"],
                             instructions=["Tindak lanjuti", "Laporkan hasilnya"], other="Koordinasi dengan PPID",
                             note="Mohon disiapkan data sesuai permohonan", deadline_days=3)
    written = dispose(draft, "ketua", letter=letter.agenda, now=now)
    signed = sign(written, "sekretaris", PASSWORD, now=now + timedelta(minutes=5))
    child = pass_on(signed, DispositionDraft(recipients=["kasubag.hukum"], instructions=["Proses lebih lanjut"],
                                             note="Siapkan data baku hari ini"), "sekretaris",
                    now=now + timedelta(minutes=10))
    grandchild = pass_on(child, DispositionDraft(recipients=["staf1"], note="Ketik rekap per TPS", deadline_days=1),
                         "kasubag.hukum", now=now + timedelta(minutes=15))
    return letter, signed, (child, grandchild)
