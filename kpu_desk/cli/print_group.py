"""The `kpu-desk print …` group, shared by the command modules that print a document to PDF.

Each module adds its documents to the same group, whichever registers first:
`print badge` (pass_cmd), `print disposisi` and `print receipt` (letters_cmd).
"""

from __future__ import annotations

import argparse

_DOCUMENTS = "_kpu_print_documents"


def print_documents(commands: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The subcommands of `print`, made on first use."""
    printing = commands.choices.get("print")
    if printing is None:
        printing = commands.add_parser("print", help="cetak dokumen ke PDF: pass tamu, lembar disposisi, tanda bukti")
        documents = printing.add_subparsers(dest="print_command", metavar="DOKUMEN", required=True)
        setattr(printing, _DOCUMENTS, documents)
    return getattr(printing, _DOCUMENTS)
