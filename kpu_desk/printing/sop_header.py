"""The identity page of an SOP document: the header table of Permenpan-RB 35/2012.

Left: the office and its unit. Right: Nomor SOP, the dates, Disahkan Oleh
(position, room to sign, name, NIP) and Nama SOP. Below, two columns: Dasar
Hukum | Kualifikasi Pelaksana, Keterkaitan | Peralatan/Perlengkapan,
Peringatan | Pencatatan dan Pendataan. An empty field prints as "-".
The SOP's Ketentuan (its own rules) close the document, after the chart.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from kpu_desk.printing.styles import stylesheet
from kpu_desk.sop.model import HEADER_FIELD_LABELS, Header

EMPTY = "-"
DATE_FIELDS = ("tanggal_pembuatan", "tanggal_reviu", "tanggal_pengesahan", "tanggal_efektif")
PAIRS = (
    ("dasar_hukum", "kualifikasi_pelaksana"),
    ("keterkaitan", "peralatan_perlengkapan"),
    ("peringatan", "pencatatan_pendataan"),
)
LABEL_NOMOR = "Nomor SOP"
LABEL_DISAHKAN = "Disahkan Oleh"
LABEL_NAMA = "Nama SOP"
LABEL_KETENTUAN = "Ketentuan"
SIGNATURE_ROOM = 34.0  # points left blank for the wet signature and stamp
_GRID = 0.6


def header_flowables(header: Header, width: float) -> list:
    return [identity_table(header, width), lists_table(header, width)]


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(escape(text or EMPTY), stylesheet()[style])


def identity_table(header: Header, width: float) -> Table:
    office = [_p(header.office, "Office")]
    if header.unit:
        office += [Spacer(1, 6), _p(header.unit, "Unit")]
    rows = [[_p(LABEL_NOMOR, "Label"), _p(header.number, "Body")]]
    rows += [[_p(HEADER_FIELD_LABELS[key], "Label"), _p(getattr(header, key), "Body")] for key in DATE_FIELDS]
    rows.append([_p(LABEL_DISAHKAN, "Label"), _signer(header)])
    rows.append([_p(LABEL_NAMA, "Label"), _p(header.name, "SopName")])
    data = [[office if i == 0 else "", *row] for i, row in enumerate(rows)]
    table = Table(data, colWidths=[width * 0.42, width * 0.18, width * 0.40])
    table.setStyle(
        TableStyle([
            ("SPAN", (0, 0), (0, len(rows) - 1)),
            ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
            ("VALIGN", (1, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), _GRID, "black"),
            ("INNERGRID", (0, 0), (-1, -1), _GRID, "black"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ])
    )
    return table


def _signer(header: Header) -> list:
    signer = header.disahkan_oleh
    parts = [_p(signer.jabatan, "Signer"), Spacer(1, SIGNATURE_ROOM), _p(signer.nama, "SignerName")]
    if signer.nip:
        parts.append(_p(f"NIP. {signer.nip}", "Signer"))
    return parts


def _field(header: Header, key: str) -> list:
    items = [item for item in getattr(header, key) if item.strip()]
    cell = [_p(f"{HEADER_FIELD_LABELS[key]}:", "Label")]
    if len(items) <= 1:
        cell.append(_p(items[0] if items else EMPTY, "Body"))
        return cell
    style = stylesheet()["Item"]
    cell += [Paragraph(escape(item), style, bulletText=f"{n}.") for n, item in enumerate(items, start=1)]
    return cell


def lists_table(header: Header, width: float) -> Table:
    data = [[_field(header, left), _field(header, right)] for left, right in PAIRS]
    table = Table(data, colWidths=[width / 2, width / 2], **_split_in_rows())
    table.setStyle(
        TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), _GRID, "black"),
            ("INNERGRID", (0, 0), (-1, -1), _GRID, "black"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ])
    )
    return table


def _split_in_rows() -> dict:
    """Let a very long Dasar Hukum run on to the next page (reportlab >= 3.6)."""
    import inspect

    return {"splitInRow": 1} if "splitInRow" in inspect.signature(Table.__init__).parameters else {}


def ketentuan(header: Header) -> list:
    """The SOP's own rules (revisions, validity), numbered, in one block.

    They close the document, after the bagan alur, as on the signed documents that
    print them (Kupang); kept together, they follow the table when the page has room.
    """
    if not header.ketentuan:
        return []
    style = stylesheet()["Item"]
    flowables = [_p(f"{LABEL_KETENTUAN}:", "Section")]
    flowables += [Paragraph(escape(item), style, bulletText=f"{n}.") for n, item in enumerate(header.ketentuan, start=1)]
    return [KeepTogether(flowables)]
