"""The SOP as plain data: what one signed SOP document says, step by step."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from kpu_desk.sop.timestd import Duration


class Symbol(enum.Enum):
    """Flowchart symbols of Permenpan-RB 35/2012."""

    START = "start"
    PROCESS = "process"
    DECISION = "decision"
    END = "end"


class FieldType(enum.Enum):
    TEXT = "text"
    MULTILINE = "multiline"
    NUMBER = "number"
    DATE = "date"
    TIME = "time"
    DATETIME = "datetime"
    CHOICE = "choice"
    PERSON = "person"
    NIK = "nik"
    PHONE = "phone"
    EMAIL = "email"
    YESNO = "yesno"
    ATTACHMENT = "attachment"
    SIGNATURE = "signature"


# Field types whose value is always about a person: anonymised with the guest (kpu_desk.retention).
PERSONAL_TYPES = frozenset({FieldType.NIK, FieldType.PHONE, FieldType.EMAIL, FieldType.PERSON})


@dataclass(frozen=True)
class FormField:
    """One thing a step records, read off the step's Kelengkapan and Output."""

    key: str
    label: str
    type: FieldType
    required: bool = False
    help: str = ""
    options: tuple[str, ...] = ()
    multiple: bool = False
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None
    pattern_message: str | None = None
    role: str | None = None
    accept: tuple[str, ...] = ()
    personal: bool = False  # `personal: true`: free text about a person (a name, an address)
    line: int = 0

    @property
    def is_personal(self) -> bool:
        """Personal data of the case's party: flagged so in the SOP, or of a personal type."""
        return self.personal or self.type in PERSONAL_TYPES


@dataclass(frozen=True)
class Branch:
    label: str
    next: int
    line: int = 0


@dataclass(frozen=True)
class MutuBaku:
    kelengkapan: str
    waktu: Duration
    output: str


@dataclass(frozen=True)
class Step:
    no: int
    activity: str
    lanes: tuple[str, ...]
    symbol: Symbol
    mutu_baku: MutuBaku
    keterangan: str = ""
    next: int | None = None
    branches: tuple[Branch, ...] = ()
    entry: str | None = None
    form: tuple[FormField, ...] = ()
    line: int = 0
    start: bool = False  # a case may begin here although the symbol is not a capsule

    @property
    def begins_case(self) -> bool:
        return self.start or self.symbol is Symbol.START

    @property
    def successors(self) -> tuple[int, ...]:
        if self.branches:
            return tuple(branch.next for branch in self.branches)
        return () if self.next is None else (self.next,)

    def branch(self, label: str) -> Branch | None:
        wanted = label.casefold().strip()
        return next((b for b in self.branches if b.label.casefold() == wanted), None)


@dataclass(frozen=True)
class Lane:
    id: str
    name: str
    line: int = 0


@dataclass(frozen=True)
class Signer:
    jabatan: str
    nama: str = ""
    nip: str = ""


@dataclass(frozen=True)
class Decree:
    """The keputusan that ratified the SOP, and the number on its annex (lampiran)."""

    number: str
    title: str = ""
    place: str = ""
    date: str = ""
    annex_number: str = ""
    line: int = 0


HEADER_LIST_FIELDS = (
    "dasar_hukum",
    "kualifikasi_pelaksana",
    "keterkaitan",
    "peralatan_perlengkapan",
    "peringatan",
    "pencatatan_pendataan",
)

HEADER_FIELD_LABELS = {
    "dasar_hukum": "Dasar Hukum",
    "kualifikasi_pelaksana": "Kualifikasi Pelaksana",
    "keterkaitan": "Keterkaitan",
    "peralatan_perlengkapan": "Peralatan/Perlengkapan",
    "peringatan": "Peringatan",
    "pencatatan_pendataan": "Pencatatan dan Pendataan",
    "tanggal_pembuatan": "Tanggal Pembuatan",
    "tanggal_pengesahan": "Tanggal Pengesahan",
    "tanggal_efektif": "Tanggal Efektif",
    "tanggal_reviu": "Tanggal Reviu",
}


@dataclass(frozen=True)
class Header:
    office: str
    number: str
    name: str
    disahkan_oleh: Signer
    unit: str = ""
    chart_title: str = ""
    tanggal_pembuatan: str = ""
    tanggal_pengesahan: str = ""
    tanggal_efektif: str = ""
    tanggal_reviu: str = ""
    dasar_hukum: tuple[str, ...] = ()
    kualifikasi_pelaksana: tuple[str, ...] = ()
    keterkaitan: tuple[str, ...] = ()
    peralatan_perlengkapan: tuple[str, ...] = ()
    peringatan: tuple[str, ...] = ()
    pencatatan_pendataan: tuple[str, ...] = ()
    ketentuan: tuple[str, ...] = ()
    decree: Decree | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.lines.get("header", 0))


@dataclass(frozen=True)
class LegalDeadline:
    """A deadline set by law for the whole case (e.g. UU 14/2008 art. 22)."""

    working_days: int
    extension_working_days: int = 0
    basis: str = ""


class CaseKind(enum.Enum):
    KUNJUNGAN = "kunjungan"
    PERMOHONAN_INFORMASI = "permohonan_informasi"
    PENGADUAN = "pengaduan"
    MAKLUMAT = "maklumat"
    LAINNYA = "lainnya"


@dataclass(frozen=True)
class CaseRules:
    kind: CaseKind
    prefix: str
    title: str = ""
    legal_deadline: LegalDeadline | None = None
    registers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sop:
    id: str
    version: int
    header: Header
    lanes: tuple[Lane, ...]
    steps: tuple[Step, ...]
    case: CaseRules
    source: str = ""
    fingerprint: str = ""

    def step(self, no: int) -> Step:
        for step in self.steps:
            if step.no == no:
                return step
        raise KeyError(no)

    def lane(self, lane_id: str) -> Lane:
        for lane in self.lanes:
            if lane.id == lane_id:
                return lane
        raise KeyError(lane_id)

    @property
    def start_steps(self) -> tuple[Step, ...]:
        return tuple(s for s in self.steps if s.begins_case)

    @property
    def decision_count(self) -> int:
        return sum(1 for s in self.steps if s.symbol is Symbol.DECISION)

    @property
    def personal_keys(self) -> frozenset[str]:
        """The keys of every form field holding personal data (FormField.is_personal)."""
        return frozenset(f.key for step in self.steps for f in step.form if f.is_personal)
