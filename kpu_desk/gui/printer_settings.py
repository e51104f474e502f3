"""This workstation's printers and paper, kept per computer in QSettings (not in the shared database).

The printing code asks:
    pass_printer()  -> str   the printer for guest passes; "" = save as PDF
    pass_size()     -> str   "cr80" (card 85.6 × 54 mm) or "label62" (62 mm label roll)
    sheet_printer() -> str   the printer for sheets (lembar disposisi, SOP documents); "" = save as PDF
    sheet_paper(document="disposisi") -> str
                             "disposisi": "a4" or "half_folio"; "sop": "a4" or "f4"
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

PASS_SIZES = ("cr80", "label62")
DISPOSISI_PAPERS = ("a4", "half_folio")
SOP_PAPERS = ("a4", "f4")
PDF = ""  # no printer: the document is saved as a PDF

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


def installed_printers() -> list[str]:
    """The printers this computer knows, default first."""
    from PySide6.QtPrintSupport import QPrinterInfo

    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names
