"""What the tanda bukti (receipt) of an information request or a complaint prints.

Given to the applicant or complainant when the case is registered: the registration number
(the case number) to quote, the date, what was asked, the legal deadline when the law sets
one (information requests: 10 hari kerja, UU 14/2008 art. 22), and how to follow up.
Only the person's name is printed; never a NIK, phone number or address.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kpu_desk.engine.cases import find_case
from kpu_desk.engine.sops import sop_for_case
from kpu_desk.indodate import DAY_NAMES, format_indonesian_date
from kpu_desk.letters.errors import LetterError
from kpu_desk.letters.sequence import format_number
from kpu_desk.office import load_office, logo_path
from kpu_desk.sop.model import CaseKind
from kpu_desk.store import models

KIND_TITLES = {
    CaseKind.PERMOHONAN_INFORMASI: "TANDA BUKTI PENERIMAAN PERMOHONAN INFORMASI PUBLIK",
    CaseKind.PENGADUAN: "TANDA BUKTI PENERIMAAN PENGADUAN MASYARAKAT",
}
PARTY_WORDS = {CaseKind.PERMOHONAN_INFORMASI: "Nama pemohon", CaseKind.PENGADUAN: "Nama pengadu"}
ASKED_WORDS = {CaseKind.PERMOHONAN_INFORMASI: "Informasi yang dimohon", CaseKind.PENGADUAN: "Isi pengaduan"}
# Form keys that say what was asked, most telling first.
ASKED_KEYS = ("rincian_informasi", "isi_pengaduan", "perihal_pengaduan", "perihal")
PURPOSE_KEYS = ("tujuan_penggunaan",)
NAME_KEYS = ("nama_pemohon", "nama_pengadu")


@dataclass(frozen=True)
class ReceiptInfo:
    office_name: str
    office_address: str
    logo: Path | None
    title: str
    case_number: str
    registered: str  # "Senin, 23 November 2026 pukul 09.30"
    party_label: str
    party_name: str
    asked_label: str
    asked: str
    purpose: str
    letter: str  # "Surat nomor … tanggal …, agenda 0001/2026" when it came by letter
    deadline: str
    deadline_basis: str
    follow_up: str
    received_by: str


def receipt_info(number: str) -> ReceiptInfo:
    case = find_case(number)
    sop = sop_for_case(case)
    kind = sop.case.kind
    if kind not in KIND_TITLES:
        raise LetterError(f"tanda bukti hanya untuk permohonan informasi dan pengaduan; "
                          f"kasus {case.number} bukan keduanya")
    office = load_office()
    data = _recorded(case)
    deadline = sop.case.legal_deadline
    by = case.created_by if case.created_by_id else None
    return ReceiptInfo(
        office_name=office.name or "KOMISI PEMILIHAN UMUM", office_address=office.address, logo=logo_path(office),
        title=KIND_TITLES[kind], case_number=case.number, registered=_moment(case.started_at),
        party_label=PARTY_WORDS[kind], party_name=_first(data, NAME_KEYS) or "-",
        asked_label=ASKED_WORDS[kind], asked=_first(data, ASKED_KEYS) or case.title or "-",
        purpose=_first(data, PURPOSE_KEYS),
        letter=_letter_line(case), deadline=_deadline(case, deadline), deadline_basis=_basis(deadline),
        follow_up=_follow_up(case.number, office.name, office.address),
        received_by=(f"{by.full_name}" + (f", {by.jabatan}" if by.jabatan else "")) if by else "",
    )


def _recorded(case: models.Case) -> dict:
    data: dict = {}
    runs = models.StepRun.select(models.StepRun.form_data).where(
        (models.StepRun.case == case.id) & (models.StepRun.state == "done")).order_by(models.StepRun.id)
    for run in runs:
        data.update(run.form_data or {})
    return data


def _first(data: dict, keys: tuple[str, ...]) -> str:
    return next((" ".join(str(data[k]).split()) for k in keys if data.get(k)), "")


def _moment(at) -> str:
    return f"{DAY_NAMES[at.weekday()]}, {format_indonesian_date(at.date())} pukul {at:%H.%M}"


def _letter_line(case: models.Case) -> str:
    letter = models.Letter.select().where(models.Letter.case == case.id).order_by(models.Letter.id).first()
    if letter is None:
        return ""
    parts = [f"Surat nomor {letter.letter_number}" if letter.letter_number else "Surat"]
    if letter.letter_date:
        parts.append(f"tanggal {format_indonesian_date(letter.letter_date)}")
    if letter.received_date:
        parts.append(f"diterima {format_indonesian_date(letter.received_date)}")
    return " ".join(parts) + f", nomor agenda {format_number(letter.agenda_number, letter.agenda_year)}"


def _deadline(case: models.Case, deadline) -> str:
    if case.due_at is None or deadline is None:
        return "ditangani sesuai waktu pada SOP; tidak ada batas waktu yang ditetapkan undang-undang"
    days = deadline.working_days + (deadline.extension_working_days if case.extended_at else 0)
    due = case.due_at
    text = f"{days} hari kerja, paling lambat {DAY_NAMES[due.weekday()]}, {format_indonesian_date(due.date())}"
    if deadline.extension_working_days and not case.extended_at:
        text += f" (dapat diperpanjang paling lama {deadline.extension_working_days} hari kerja dengan pemberitahuan)"
    return text


def _basis(deadline) -> str:
    return " ".join((deadline.basis or "").split()) if deadline else ""


def _follow_up(number: str, office: str, address: str) -> str:
    where = office or "kantor KPU"
    if address:
        where += f", {address}"
    return (f"Untuk menanyakan perkembangan, sebutkan nomor pendaftaran {number} kepada petugas layanan "
            f"{where}. Simpan tanda bukti ini sampai permohonan/pengaduan Anda selesai.")
