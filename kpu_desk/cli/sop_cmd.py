"""`kpu-desk sop …`: list, show, check and print SOP definitions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kpu_desk.cli.output import fail, fail_unwritable, print_json, print_table
from kpu_desk.sop.issues import Severity
from kpu_desk.sop.library import check_files, load_sops, shipped_sop_paths
from kpu_desk.sop.model import Sop
from kpu_desk.sop.serialize import sop_summary, sop_to_dict


def register(commands: argparse._SubParsersAction) -> None:
    sop = commands.add_parser("sop", help="definisi SOP: daftar, rincian, pemeriksaan, cetak")
    actions = sop.add_subparsers(dest="sop_command", metavar="PERINTAH", required=True)
    listing = actions.add_parser("list", help="daftar SOP yang tersedia")
    listing.add_argument("--json", action="store_true", help="keluaran JSON")
    listing.set_defaults(handler=list_sops)
    show = actions.add_parser("show", help="rincian satu SOP")
    show.add_argument("sop_id", metavar="ID")
    show.add_argument("--json", action="store_true", help="keluaran JSON")
    show.set_defaults(handler=show_sop)
    check = actions.add_parser("check", help="periksa berkas definisi SOP")
    check.add_argument("files", metavar="BERKAS", nargs="+")
    check.set_defaults(handler=check_sop_files)
    printing = actions.add_parser("print", help="cetak dokumen SOP (identitas dan bagan alur) ke PDF")
    printing.add_argument("sop_id", metavar="ID")
    printing.add_argument("-o", "--output", metavar="BERKAS.pdf", required=True, help="berkas PDF yang ditulis")
    printing.add_argument("--paper", choices=PAPER_CHOICES, default="f4", help="ukuran kertas (bawaan: f4)")
    printing.add_argument("--orientation", choices=ORIENTATION_CHOICES, default="landscape",
                          help="arah kertas (bawaan: landscape, seperti dokumen SOP yang ditandatangani)")
    printing.set_defaults(handler=print_sop)
    _register_render(actions)


def _register_render(actions: argparse._SubParsersAction) -> None:
    render = actions.add_parser("render", help="gambar bagan alur (dengan posisi sebuah kasus) ke PNG, SVG atau PDF")
    render.add_argument("sop_id", metavar="ID")
    render.add_argument("--case", metavar="NOMOR", help="tandai kasus ini: langkah terbuka, alur yang ditempuh")
    render.add_argument("-o", "--output", metavar="BERKAS", required=True,
                        help="berkas yang ditulis; jenisnya menurut akhiran: .png, .svg atau .pdf")
    render.add_argument("--dpi", type=int, default=150, help="resolusi PNG (bawaan: 150)")
    render.add_argument("--paper", choices=PAPER_CHOICES,
                        help="PDF: dipecah ke halaman kertas ini (bawaan: satu halaman seukuran bagan)")
    render.set_defaults(handler=render_sop_chart)


# Kept here (not imported from kpu_desk.printing) so that `kpu-desk sop list` does not load reportlab.
PAPER_CHOICES = ("a4", "f4")
ORIENTATION_CHOICES = ("portrait", "landscape")
_ORIENTATION_WORDS = {"portrait": "tegak", "landscape": "mendatar"}


def _available() -> list[Sop]:
    sops, problems = load_sops(shipped_sop_paths())
    for issue in problems:
        print(issue, file=sys.stderr)
    return sops


def list_sops(args: argparse.Namespace) -> int:
    rows = [sop_summary(sop) for sop in _available()]
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["ID", "Nomor", "Versi", "Langkah", "Pelaksana", "Keputusan", "Nama"],
        [[r["id"], r["number"], r["version"], r["steps"], r["lanes"], r["decisions"], r["name"]] for r in rows],
    )
    return 0


def _find(sop_id: str) -> Sop | None:
    return next((s for s in _available() if s.id == sop_id), None)


def _not_found(sop_id: str) -> int:
    return fail(f"SOP '{sop_id}' tidak ditemukan; lihat `kpu-desk sop list`")


def show_sop(args: argparse.Namespace) -> int:
    sop = _find(args.sop_id)
    if sop is None:
        return _not_found(args.sop_id)
    if args.json:
        print_json(sop_to_dict(sop))
    else:
        _print_sop(sop)
    return 0


def _print_sop(sop: Sop) -> None:
    header = sop.header
    print(f"{header.name}\n{header.office}\nNomor: {header.number}   Versi: {sop.version}")
    print(f"Disahkan oleh: {header.disahkan_oleh.jabatan} {header.disahkan_oleh.nama}".rstrip())
    print("\nPelaksana: " + "; ".join(lane.name for lane in sop.lanes) + "\n")
    for step in sop.steps:
        lanes = ", ".join(sop.lane(lane_id).name for lane_id in step.lanes)
        print(f"{step.no:>3}. [{lanes}] {step.activity}")
        print(f"     waktu: {step.mutu_baku.waktu.as_written or '-'}   {_where_next(step)}")


def _where_next(step) -> str:
    if step.branches:
        return "cabang: " + "; ".join(f"{b.label} → {b.next}" for b in step.branches)
    return f"lanjut ke {step.next}" if step.next else "selesai"


def check_sop_files(args: argparse.Namespace) -> int:
    issues = check_files(args.files)
    for issue in issues:
        print(issue)
    errors = sum(1 for i in issues if i.severity is Severity.ERROR)
    warnings = len(issues) - errors
    print(f"{len(args.files)} berkas diperiksa: {errors} galat, {warnings} peringatan", file=sys.stderr)
    return 1 if errors else 0


def print_sop(args: argparse.Namespace) -> int:
    sop = _find(args.sop_id)
    if sop is None:
        return _not_found(args.sop_id)
    from kpu_desk.output_files import write_output
    from kpu_desk.printing.sop_document import render_sop_document

    try:
        pages = write_output(args.output, lambda stream: render_sop_document(
            sop, stream, paper=args.paper, orientation=args.orientation))
    except OSError as exc:
        return fail_unwritable(args.output, exc)
    paper = f"{args.paper.upper()} {_ORIENTATION_WORDS[args.orientation]}"
    print(f"{args.output}: {pages} halaman, kertas {paper}")
    return 0


def render_sop_chart(args: argparse.Namespace) -> int:
    """`kpu-desk sop render`: the chart drawn by the Qt painter, headless; Qt is imported only here."""
    if Path(args.output).suffix.lower() not in RENDER_SUFFIXES:
        return fail(f"jenis berkas '{args.output}' tidak dikenal; pakai akhiran .png, .svg atau .pdf")
    if not 20 <= args.dpi <= 1200:
        return fail("--dpi harus antara 20 dan 1200")
    sop, marks = _find(args.sop_id), None
    if sop is None:
        return _not_found(args.sop_id)
    if args.case:
        found = _case_on_chart(args, sop)
        if isinstance(found, int):
            return found
        sop, marks = found
    from kpu_desk.gui.chart.export import ExportError, render_sop

    try:
        print(render_sop(sop, args.output, marks, dpi=args.dpi, paper=args.paper))
    except ExportError as exc:
        return fail(str(exc))
    return 0


RENDER_SUFFIXES = (".png", ".svg", ".pdf")


def _case_on_chart(args: argparse.Namespace, sop: Sop):
    """The case's own SOP version and its marks, or an exit code after saying what is wrong."""
    from kpu_desk import engine
    from kpu_desk.chart.case_marks import case_marks
    from kpu_desk.cli.context import database_from

    database_from(args, must_exist=True)
    try:
        case = engine.find_case(args.case)
    except engine.UnknownCase as exc:
        return fail(str(exc))
    if case.sop_id != sop.id:
        return fail(f"kasus {case.number} berjalan pada SOP '{case.sop_id}', bukan '{sop.id}'")
    return engine.sop_for_case(case), case_marks(case.number)


