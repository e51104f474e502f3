"""The demo office's letters and dispositions, made from the cases the demo has already run.

Every Kupang request that came by letter (entry step 5) gets its letter in the buku
agenda; a request past step 6 gets the Ketua's disposition to the Sekretaris, signed
by her (so its QR code verifies), passed on to the Kasubag named at step 6, with the
recipients' states following the case; one at step 6 waits for her signature. A
walk-in request past step 3 gets its oral disposition. Reply letters handed over at
step 13 are in the buku ekspedisi. Everything goes through kpu_desk.letters, with the
clock set back like the rest of the demo.
"""

from __future__ import annotations

import io
import random
from datetime import date, datetime, timedelta

from kpu_desk.engine.fields import parse_datetime
from kpu_desk.letters import (
    DispositionDraft, Handover, IncomingLetter, dispose, finish, mark_read, pass_on, record_handover,
    register_incoming, set_signature_specimen, start_work,
)
from kpu_desk.letters.signing import record_signature
from kpu_desk.letters.vocab import INSTRUCTIONS
from kpu_desk.store import models
from kpu_desk.store.attachments import path_for

KUPANG = "kupang-pelayanan-publik"
NOTES = ("Mohon segera ditindaklanjuti sesuai ketentuan keterbukaan informasi",
         "Siapkan data yang dimohon dan laporkan hasilnya", "Koordinasikan dengan divisi terkait")


def fill_letters(rng: random.Random, now: datetime) -> int:
    """Letters and dispositions for the demo's Kupang cases; the number of letters registered."""
    sekretaris = models.User.get_or_none(models.User.username == "sekretaris")
    if sekretaris is None:
        return 0
    set_signature_specimen(sekretaris, _specimen_png())
    count = 0
    for case in models.Case.select().where(models.Case.sop_id == KUPANG).order_by(models.Case.id):
        runs = {run.step_no: run for run in case.step_runs}
        if 5 in runs and runs[5].state == "done":
            _letter_path(rng, case, runs, now)
            count += 1
        elif 3 in runs and runs[3].state == "done":
            _oral(case, runs[3])
    return count


def _letter_path(rng: random.Random, case: models.Case, runs: dict, now: datetime) -> None:
    data = runs[5].form_data
    received = parse_datetime(data["tanggal_diterima"]) if data.get("tanggal_diterima") else runs[5].started_at
    incoming = IncomingLetter(
        sender=str(data.get("nama_pemohon") or data.get("pengirim") or "Pemohon"),
        subject=str(data.get("perihal") or "Permohonan informasi publik"),
        received=min(received, runs[5].completed_at), letter_number=str(data.get("nomor_surat") or ""),
        letter_date=_letter_date(data, received.date()), urgency=rng.choice(("Biasa", "Biasa", "Segera")),
        classification_code="PR.01.02", scan=_scan(data), scan_filename="surat-masuk.pdf",
    )
    letter = register_incoming(incoming, runs[5].completed_by, case_number=case.number, now=runs[5].completed_at)
    if 6 not in runs or case.state == "cancelled":
        return
    written_at = runs[6].started_at
    draft = DispositionDraft(recipients=["sekretaris"], instructions=rng.sample(INSTRUCTIONS[:6], 2),
                             note=rng.choice(NOTES), deadline_days=rng.choice((2, 3, 5)))
    written = dispose(draft, "ketua", letter=letter.letter, now=written_at)
    if runs[6].state != "done":
        return  # waits for the Sekretaris's signature
    signed = record_signature(written, models.User.get(models.User.username == "sekretaris"),
                              now=min(written_at + timedelta(minutes=2), runs[6].completed_at))
    kasubag = runs[6].form_data.get("disposisi_kepada") or "kasubag.umum"
    child = pass_on(signed, DispositionDraft(recipients=[kasubag], instructions=["Proses lebih lanjut"],
                                             note=str(runs[6].form_data.get("isi_disposisi") or "Mohon diproses")),
                    "sekretaris", now=runs[6].completed_at)
    _follow(child, kasubag, runs, case)
    if case.state == "done":
        finish(signed, "sekretaris", now=case.closed_at)
    _handover(case, runs, kasubag)


def _follow(child, kasubag: str, runs: dict, case: models.Case) -> None:
    if 7 in runs:
        mark_read(child, kasubag, now=runs[7].started_at)
    if 8 in runs:
        start_work(child, kasubag, now=runs[8].started_at)
    if case.state == "done":
        finish(child, kasubag, note="Data sudah diserahkan kepada pemohon", now=case.closed_at)


def _handover(case: models.Case, runs: dict, kasubag: str) -> None:
    last = runs.get(13) or runs.get(11)
    if last is None or last.state != "done":
        return
    data = last.form_data
    name = str(data.get("balasan_diterima_oleh") or data.get("data_diterima_oleh") or "Pemohon")
    item = "Surat balasan dan lampiran data" if last.step_no == 13 else "Data baku sesuai permohonan"
    record_handover(Handover(item=item, recipient_name=name, case=case), kasubag, now=last.completed_at)


def _oral(case: models.Case, run: models.StepRun) -> None:
    to = run.form_data.get("disposisi_lisan_kepada")
    note = run.form_data.get("isi_disposisi_lisan")
    if to and note:
        dispose(DispositionDraft(recipients=[to], note=str(note)), "ketua", case=case, oral=True,
                now=run.completed_at)


def _letter_date(data: dict, received: date) -> date:
    try:
        written = date.fromisoformat(str(data.get("tanggal_surat")))
    except ValueError:
        return received
    return min(written, received)


def _scan(data: dict) -> bytes | None:
    attachment = models.Attachment.get_or_none(models.Attachment.id == data.get("surat_masuk"))
    path = path_for(attachment.sha256) if attachment else None
    return path.read_bytes() if path and path.is_file() else None


def _specimen_png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    pen = ImageDraw.Draw(image)
    pen.line([(15, 90), (60, 30), (95, 85), (140, 25), (175, 80), (230, 40), (300, 70), (345, 35)],
             fill=(20, 30, 110, 255), width=5)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
