"""This workstation's printers and paper, kept per computer in QSettings (not in the shared database).

The printing code asks:
    pass_printer()  -> str   the printer for guest passes; "" = save as PDF
    pass_size()     -> str   "cr80" (card 85.6 × 54 mm) or "label62" (62 mm label roll)
    sheet_printer() -> str   the printer for sheets (lembar disposisi, SOP documents); "" = save as PDF
    sheet_paper(document="disposisi") -> str
                             "disposisi": "a4" or "half_folio"; "sop": "a4" or "f4"

and, per kind of document ("pass", "disposisi", "sop", "sheet"), what the print dialog last chose:
    printer_for(kind) -> str            the pass printer for "pass", the sheet printer for the rest
    paper_for(kind)   -> str | None     the paper the document is made on (None for "sheet": any)
    paper_matching(kind, width_mm, height_mm) -> str | None
                                        the paper setting of that size, either way round
    remember(kind, printer, paper=None) after a print through the dialog
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

PASS_SIZES = ("cr80", "label62")
DISPOSISI_PAPERS = ("a4", "half_folio")
SOP_PAPERS = ("a4", "f4")
PDF = ""  # no printer: the document is saved as a PDF
KINDS = ("pass", "disposisi", "sop", "sheet")
# Each paper setting's size in millimetres (portrait). Half folio is an F4 sheet cut in two.
PAPER_MM = {"cr80": (54.0, 85.6), "label62": (62.0, 100.0), "a4": (210.0, 297.0),
            "half_folio": (165.0, 215.0), "f4": (215.0, 330.0)}
PAPER_TOLERANCE_MM = 1.5

_KEYS = {
    "pass_printer": "printers/pass_printer",
    "pass_size": "printers/pass_size",
    "sheet_printer": "printers/sheet_printer",
    "disposisi": "printers/disposisi_paper",
    "sop": "printers/sop_paper",
}
_CHOICES = {"pass_size": PASS_SIZES, "disposisi": DISPOSISI_PAPERS, "sop": SOP_PAPERS}


def _read(key: str) -> str:
    value = QSettings().value(_KEYS[key], "")
    value = str(value or "")
    choices = _CHOICES.get(key)
    if choices is not None and value not in choices:
        return choices[0]
    return value


def pass_printer() -> str:
    return _read("pass_printer")


def pass_size() -> str:
    return _read("pass_size")


def sheet_printer() -> str:
    return _read("sheet_printer")


def sheet_paper(document: str = "disposisi") -> str:
    if document not in ("disposisi", "sop"):
        raise ValueError(f"dokumen '{document}' tidak dikenal; pilih: disposisi, sop")
    return _read(document)


def save(*, pass_printer: str | None = None, pass_size: str | None = None, sheet_printer: str | None = None,
         disposisi_paper: str | None = None, sop_paper: str | None = None) -> None:
    """Store the given choices; an unknown size or paper is refused."""
    values = {"pass_printer": pass_printer, "pass_size": pass_size, "sheet_printer": sheet_printer,
              "disposisi": disposisi_paper, "sop": sop_paper}
    for key, value in values.items():
        if value is not None and key in _CHOICES and value not in _CHOICES[key]:
            raise ValueError(f"pilihan '{value}' tidak dikenal; pilih: {', '.join(_CHOICES[key])}")
    settings = QSettings()
    for key, value in values.items():
        if value is not None:
            settings.setValue(_KEYS[key], value)
    settings.sync()


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"jenis dokumen '{kind}' tidak dikenal; pilih: {', '.join(KINDS)}")


def printer_for(kind: str) -> str:
    """The printer this kind of document goes to; "" = save as PDF."""
    _check_kind(kind)
    return pass_printer() if kind == "pass" else sheet_printer()


def paper_for(kind: str) -> str | None:
    """The paper setting this kind of document is made on; None when it has none ("sheet")."""
    _check_kind(kind)
    if kind == "pass":
        return pass_size()
    return sheet_paper(kind) if kind in ("disposisi", "sop") else None


def _papers(kind: str) -> tuple[str, ...]:
    return {"pass": PASS_SIZES, "disposisi": DISPOSISI_PAPERS, "sop": SOP_PAPERS}.get(kind, ())


def paper_matching(kind: str, width_mm: float, height_mm: float) -> str | None:
    """The paper setting of this kind whose size this is (either way round), or None."""
    _check_kind(kind)
    size = sorted((width_mm, height_mm))
    for paper in _papers(kind):
        if all(abs(a - b) <= PAPER_TOLERANCE_MM for a, b in zip(size, sorted(PAPER_MM[paper]))):
            return paper
    return None


def remember(kind: str, printer: str, paper: str | None = None) -> None:
    """What the print dialog chose for this kind: its printer ("" = PDF) and, when known, its paper."""
    _check_kind(kind)
    choices: dict[str, str] = {"pass_printer" if kind == "pass" else "sheet_printer": printer}
    if paper is not None and paper in _papers(kind):
        choices[{"pass": "pass_size", "disposisi": "disposisi_paper", "sop": "sop_paper"}[kind]] = paper
    save(**choices)


def installed_printers() -> list[str]:
    """The printers this computer knows, default first."""
    from PySide6.QtPrintSupport import QPrinterInfo

    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names
