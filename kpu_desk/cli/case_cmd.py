"""`kpu-desk case …`: list, show, start and advance cases from a terminal."""

from __future__ import annotations

import argparse
from typing import Any

from kpu_desk import engine
from kpu_desk.cli.argparse_id import whole_number
from kpu_desk.cli.context import database_from
from kpu_desk.cli.output import fail, print_json, print_table
from kpu_desk.cli.signin import SignInError, add_user_option, signed_in
from kpu_desk.indodate import CASE_STATE_WORDS
from kpu_desk.sop.library import load_sops, shipped_sop_paths

STATES = ("open", "waiting", "done", "cancelled")


def register(commands: argparse._SubParsersAction) -> None:
    case = commands.add_parser("case", help="kasus: daftar, rincian, mulai, selesaikan langkah")
    actions = case.add_subparsers(dest="case_command", metavar="PERINTAH", required=True)
    _register_list(actions)
    _register_show(actions)
    _register_start(actions)
    _register_step(actions)
    _register_reasoned(actions, "cancel", "batalkan kasus", "alasan pembatalan")
    _register_reasoned(actions, "reopen", "buka kembali kasus yang dibatalkan", "alasan pembukaan kembali")
    _register_reasoned(actions, "extend", "perpanjang batas waktu kasus (sekali)", "alasan perpanjangan")


def _register_list(actions) -> None:
    listing = actions.add_parser("list", help="daftar kasus, terbaru dahulu")
    listing.add_argument("--json", action="store_true", help="keluaran JSON")
    listing.add_argument("--overdue", action="store_true", help="hanya kasus yang melewati tenggat")
    listing.add_argument("--sop", metavar="ID", help="hanya kasus SOP ini")
    listing.add_argument("--state", choices=STATES, help="hanya kasus dengan status ini")
    listing.add_argument("--search", metavar="TEKS", help="cari pada nomor dan judul kasus")
    listing.add_argument("--limit", type=whole_number, default=100, metavar="N",
                         help="paling banyak N kasus (bawaan 100)")
    listing.set_defaults(handler=list_cases)


def _register_show(actions) -> None:
    show = actions.add_parser("show", help="rincian satu kasus dengan seluruh riwayatnya")
    show.add_argument("number", metavar="NOMOR")
    show.add_argument("--json", action="store_true", help="keluaran JSON")
    show.set_defaults(handler=show_case)


def _register_start(actions) -> None:
    start = actions.add_parser("start", help="mulai kasus baru; dengan --field langkah pertama langsung diselesaikan")
    start.add_argument("sop_id", metavar="SOP_ID")
    start.add_argument("--entry", metavar="JALUR", help="jalur masuk, bila SOP punya lebih dari satu")
    _add_step_options(start)
    start.set_defaults(handler=start_case)


def _register_step(actions) -> None:
    step = actions.add_parser("step", help="selesaikan langkah yang sedang terbuka")
    step.add_argument("number", metavar="NOMOR")
    step.add_argument("--step", type=whole_number, metavar="N",
                      help="langkah yang dimaksud; ditolak bila langkah yang terbuka sudah lain "
                           "(misalnya sudah diselesaikan dari komputer lain)")
    _add_step_options(step)
    step.set_defaults(handler=complete_step)


def _register_reasoned(actions, name: str, help_text: str, reason_help: str) -> None:
    command = actions.add_parser(name, help=help_text)
    command.add_argument("number", metavar="NOMOR")
    command.add_argument("--reason", required=True, metavar="ALASAN", help=reason_help)
    add_user_option(command)
    command.set_defaults(handler=change_case, change=name)


def _add_step_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--field", action="append", default=[], metavar="KUNCI=NILAI",
                        help="isian formulir; ulangi untuk tiap isian; pilihan ganda dipisah koma")
    parser.add_argument("--branch", metavar="CABANG", help="cabang yang diambil pada langkah keputusan")
    add_user_option(parser)
    parser.add_argument("--json", action="store_true", help="keluaran JSON")


# --- handlers ----------------------------------------------------------------------


def list_cases(args: argparse.Namespace) -> int:
    database_from(args, migrate=False, must_exist=True)
    rows = engine.list_cases(sop_id=args.sop, state=args.state, overdue=True if args.overdue else None,
                             search=args.search, limit=args.limit)
    if args.json:
        print_json([summary_json(row) for row in rows])
        return 0
    print_table(["Nomor", "SOP", "Judul", "Status", "Langkah", "Tenggat", "Terlambat"],
                [_summary_cells(row) for row in rows])
    return 0


def show_case(args: argparse.Namespace) -> int:
    database_from(args, migrate=False, must_exist=True)
    return _guarded(lambda: _show(engine.case_summary(args.number), engine.case_history(args.number), args.json))


def start_case(args: argparse.Namespace) -> int:
    fields = parse_fields(args.field)
    if isinstance(fields, str):
        return fail(fields)
    database_from(args)
    _sync_shipped()

    def run() -> int:
        case = engine.start_case(args.sop_id, fields or None, actor=signed_in(args), entry=args.entry,
                                 complete_first=bool(fields or args.branch), branch=args.branch)
        return _report(case.number, f"Kasus {case.number} dimulai.", args.json)

    return _guarded(run)


def complete_step(args: argparse.Namespace) -> int:
    fields = parse_fields(args.field)
    if isinstance(fields, str):
        return fail(fields)
    database_from(args)

    def run() -> int:
        case = engine.find_case(args.number)
        if args.step is not None and case.current_step != args.step:
            return fail(f"langkah {args.step} kasus {case.number} tidak sedang terbuka "
                        f"(langkah yang terbuka: {case.current_step or 'tidak ada'})")
        # The version read here makes the write refuse if another workstation moved the case since.
        outcome = engine.complete_step(case.number, fields, actor=signed_in(args), branch=args.branch,
                                       expected_version=case.row_version)
        done = f"Langkah {outcome.completed.step_no} kasus {outcome.case.number} selesai."
        return _report(outcome.case.number, done, args.json)

    return _guarded(run)


def change_case(args: argparse.Namespace) -> int:
    database_from(args)
    action, said = {
        "cancel": (engine.cancel_case, "dibatalkan"),
        "reopen": (engine.reopen_case, "dibuka kembali"),
        "extend": (engine.extend_deadline, "diperpanjang batas waktunya"),
    }[args.change]

    def run() -> int:
        case = action(args.number, args.reason, actor=signed_in(args))
        return _report(case.number, f"Kasus {case.number} {said}.", False)

    return _guarded(run)


# --- helpers ---------------------------------------------------------------------------


def parse_fields(pairs: list[str]) -> dict[str, str] | str:
    """`--field KUNCI=NILAI` options as a dict, or the message saying which one is malformed."""
    fields: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip()
        if not sep or not key:
            return f"isian '{pair}' harus ditulis KUNCI=NILAI, misalnya --field nama_tamu=Budi"
        if key in fields:
            return f"isian '{key}' diberikan lebih dari sekali; untuk pilihan ganda pisahkan dengan koma"
        fields[key] = value
    return fields


def _guarded(run) -> int:
    try:
        return run()
    except (engine.EngineError, SignInError) as exc:
        return fail(str(exc))


def _sync_shipped() -> None:
    # Files with errors stay out; `kpu-desk sop check` says what is wrong with them.
    sops, _problems = load_sops(shipped_sop_paths())
    engine.sync_definitions(sops)


def _report(number: str, said: str, as_json: bool) -> int:
    summary = engine.case_summary(number)
    if as_json:
        print_json(summary_json(summary))
        return 0
    print(said)
    print(_where_now(summary))
    return 0


def _where_now(summary) -> str:
    if summary.state == "done":
        return "Kasus selesai."
    if summary.state == "cancelled":
        return f"Kasus dibatalkan pada langkah {summary.current_step}."
    step = engine.sop_for_case(engine.find_case(summary.number)).step(summary.current_step)
    due = f" (tenggat {_when(summary.step_due)})" if summary.step_due else ""
    return f"Langkah berikutnya: {step.no}. {step.activity}{due}"


def summary_json(summary) -> dict[str, Any]:
    return {
        "number": summary.number,
        "sop_id": summary.sop_id,
        "title": summary.title,
        "state": summary.state,
        "current_step": summary.current_step,
        "due": summary.due.isoformat() if summary.due else None,
        "overdue": summary.overdue,
    }


def history_json(entry) -> dict[str, Any]:
    return {
        "step": entry.step_no,
        "activity": entry.activity,
        "state": entry.state,
        "started_at": _iso(entry.started_at),
        "due_at": _iso(entry.due_at),
        "completed_at": _iso(entry.completed_at),
        "completed_by": entry.completed_by,
        "completed_by_name": entry.completed_by_name,
        "form": entry.form,
        "branch": entry.branch,
        "overdue": entry.overdue,
    }


def _show(summary, history, as_json: bool) -> int:
    if as_json:
        print_json({**summary_json(summary), "history": [history_json(e) for e in history]})
        return 0
    print(f"{summary.number}  {summary.title}")
    print(f"SOP: {summary.sop_id} versi {summary.sop_version}   Status: {CASE_STATE_WORDS.get(summary.state, summary.state)}")
    print(f"Dimulai: {_when(summary.started_at)}   Batas waktu kasus: {_when(summary.case_due) or '-'}")
    if summary.overdue:
        print("TERLAMBAT: tenggat sudah lewat")
    print()
    for entry in history:
        _print_history_entry(entry)
    return 0


def _print_history_entry(entry) -> None:
    who = f" oleh {entry.completed_by_name}" if entry.completed_by_name else ""
    done = f"selesai {_when(entry.completed_at)}{who}" if entry.completed_at else CASE_STATE_WORDS.get(entry.state, entry.state)
    late = "  TERLAMBAT" if entry.overdue else ""
    print(f"{entry.step_no:>3}. {entry.activity}")
    print(f"     {done}; tenggat {_when(entry.due_at) or '-'}{late}")
    if entry.branch:
        print(f"     cabang: {entry.branch}")
    for key, value in entry.form.items():
        print(f"     {key}: {_value_text(value)}")


def _summary_cells(summary) -> list[str]:
    title = summary.title if len(summary.title) <= 40 else summary.title[:39] + "…"
    return [summary.number, summary.sop_id, title, CASE_STATE_WORDS.get(summary.state, summary.state),
            summary.current_step or "-", _when(summary.due) or "-", "ya" if summary.overdue else ""]


def _value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return " ".join(str(value).split())


def _when(moment) -> str:
    return f"{moment:%d-%m-%Y %H.%M}" if moment else ""


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None
