"""An office for the letter tests: the shipped SOPs, users who sign in, a signature specimen."""

from __future__ import annotations

import io
from datetime import date, datetime

from kpu_desk import engine
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
    engine.sync_definitions(load_shipped())
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
