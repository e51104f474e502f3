"""The SOP linter: errors make a definition unusable, warnings point at the document's own mistakes."""

from __future__ import annotations

import datetime
import re
import string
from collections import Counter
from typing import Iterable, Iterator

from kpu_desk.indodate import parse_indonesian_date
from kpu_desk.roles import ROLES
from kpu_desk.sop import issues as msg
from kpu_desk.sop.issues import Issue
from kpu_desk.sop.model import HEADER_FIELD_LABELS, HEADER_LIST_FIELDS, FieldType, Sop, Step, Symbol
from kpu_desk.sop.patterns import PatternError, compile_pattern

REVIEW_INTERVAL = datetime.timedelta(days=365)


def lint(sop: Sop, today: datetime.date | None = None) -> list[Issue]:
    """Every error and warning about one loaded SOP, in line order."""
    today = today or datetime.date.today()
    found = [*structure_errors(sop), *form_errors(sop), *header_warnings(sop, today)]
    return sorted(found, key=lambda issue: (issue.line, issue.severity.value))


def structure_errors(sop: Sop) -> Iterator[Issue]:
    links = list(_link_errors(sop))
    yield from _duplicate_errors(sop)
    yield from _lane_errors(sop)
    yield from links
    yield from _start_end_errors(sop)
    if not any(issue.code == "link" for issue in links):
        yield from _reachability_errors(sop)


def _err(sop: Sop, line: int, code: str, text: str) -> Issue:
    return msg.error(sop.source, line, code, text)


def _warn(sop: Sop, line: int, code: str, text: str) -> Issue:
    return msg.warning(sop.source, line, code, text)


def _duplicate_errors(sop: Sop) -> Iterator[Issue]:
    for no, count in Counter(s.no for s in sop.steps).items():
        if count > 1:
            line = next(s.line for s in sop.steps if s.no == no)
            yield _err(sop, line, "duplicate", f"nomor langkah {no} dipakai {count} kali")
    for lane_id, count in Counter(lane.id for lane in sop.lanes).items():
        if count > 1:
            line = next(lane.line for lane in sop.lanes if lane.id == lane_id)
            yield _err(sop, line, "duplicate", f"id pelaksana '{lane_id}' dipakai {count} kali")


def _lane_errors(sop: Sop) -> Iterator[Issue]:
    known = {lane.id for lane in sop.lanes}
    for step in sop.steps:
        for lane_id in step.lanes:
            if lane_id not in known:
                yield _err(sop, step.line, "lane", f"langkah {step.no}: pelaksana '{lane_id}' tidak ada di daftar lanes")


def _link_errors(sop: Sop) -> Iterator[Issue]:
    numbers = {s.no for s in sop.steps}
    for step in sop.steps:
        yield from _shape_errors(sop, step)
        for branch in step.branches:
            if branch.next not in numbers:
                yield _err(sop, branch.line, "link", f"langkah {step.no}: cabang '{branch.label}' menuju langkah {branch.next} yang tidak ada")
        if step.next is not None and step.next not in numbers:
            yield _err(sop, step.line, "link", f"langkah {step.no}: langkah berikutnya {step.next} tidak ada")


def _shape_errors(sop: Sop, step: Step) -> Iterator[Issue]:
    where = f"langkah {step.no}"
    if step.symbol is Symbol.DECISION:
        if len(step.branches) < 2:
            yield _err(sop, step.line, "decision", f"{where}: keputusan harus punya paling sedikit dua cabang")
        if step.next is not None:
            yield _err(sop, step.line, "decision", f"{where}: keputusan memakai 'branches', bukan 'next'")
        labels = Counter(b.label.casefold() for b in step.branches)
        for label, count in labels.items():
            if count > 1:
                yield _err(sop, step.line, "decision", f"{where}: label cabang '{label}' dipakai {count} kali")
    elif step.branches:
        yield _err(sop, step.line, "branches", f"{where}: hanya langkah keputusan (decision) yang boleh bercabang")
    if step.symbol is Symbol.END and step.successors:
        yield _err(sop, step.line, "end", f"{where}: langkah akhir tidak boleh punya langkah berikutnya")
    if step.symbol in (Symbol.START, Symbol.PROCESS) and step.next is None:
        yield _err(sop, step.line, "dead-end", f"{where}: belum ada langkah berikutnya ('next') dan bukan langkah akhir")


def _start_end_errors(sop: Sop) -> Iterator[Issue]:
    starts = sop.start_steps
    if not starts:
        yield _err(sop, 1, "start", "tidak ada langkah awal (symbol: start)")
    if not any(s.symbol is Symbol.END for s in sop.steps):
        yield _err(sop, 1, "end", "tidak ada langkah akhir (symbol: end)")
    if len(starts) > 1:
        for step in starts:
            if not step.entry:
                yield _err(sop, step.line, "entry", f"langkah {step.no}: SOP punya beberapa langkah awal, beri nama jalur masuknya ('entry')")


def _reachability_errors(sop: Sop) -> Iterator[Issue]:
    forward = {s.no: set(s.successors) for s in sop.steps}
    reached = _closure((s.no for s in sop.start_steps), forward)
    backward: dict[int, set[int]] = {no: set() for no in forward}
    for no, targets in forward.items():
        for target in targets:
            backward.setdefault(target, set()).add(no)
    ending = _closure((s.no for s in sop.steps if s.symbol is Symbol.END), backward)
    for step in sop.steps:
        if step.no not in reached:
            yield _err(sop, step.line, "unreachable", f"langkah {step.no} tidak dapat dicapai dari langkah awal mana pun")
        elif step.no not in ending:
            yield _err(sop, step.line, "endless", f"dari langkah {step.no} tidak ada jalan menuju langkah akhir")


def _closure(seeds: Iterable[int], edges: dict[int, set[int]]) -> set[int]:
    seen: set[int] = set()
    todo = list(seeds)
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(edges.get(node, ()))
    return seen


def form_errors(sop: Sop) -> Iterator[Issue]:
    for step in sop.steps:
        keys = Counter(f.key for f in step.form)
        for key, count in keys.items():
            if count > 1:
                yield _err(sop, step.line, "form", f"langkah {step.no}: kolom isian '{key}' ditulis {count} kali")
        for field in step.form:
            yield from _field_errors(sop, step, field)
    yield from _title_errors(sop)


def _field_errors(sop: Sop, step: Step, field) -> Iterator[Issue]:
    where = f"langkah {step.no}, isian '{field.key}'"
    if field.type is FieldType.CHOICE and not field.options:
        yield _err(sop, field.line, "form", f"{where}: pilihan (choice) harus punya 'options'")
    if field.options and field.type is not FieldType.CHOICE:
        yield _err(sop, field.line, "form", f"{where}: 'options' hanya untuk jenis choice")
    if field.min_length is not None and field.max_length is not None and field.min_length > field.max_length:
        yield _err(sop, field.line, "form", f"{where}: min_length lebih besar dari max_length")
    if field.minimum is not None and field.maximum is not None and field.minimum > field.maximum:
        yield _err(sop, field.line, "form", f"{where}: min lebih besar dari max")
    if field.role is not None and field.role not in ROLES:
        yield _err(sop, field.line, "form", f"{where}: peran '{field.role}' tidak dikenal; pilih dari: {', '.join(ROLES)}")
    if field.pattern is not None:
        try:
            compile_pattern(field.pattern)
        except PatternError as exc:
            yield _err(sop, field.line, "form", f"{where}: pattern: {exc}")


def _title_errors(sop: Sop) -> Iterator[Issue]:
    known = {f.key for s in sop.steps for f in s.form}
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(sop.case.title) if name]
    except ValueError:
        yield _err(sop, 1, "title", f"case.title '{sop.case.title}' bukan templat yang sah")
        return
    for name in names:
        if name not in known:
            yield _err(sop, 1, "title", f"case.title menyebut isian '{name}' yang tidak ada di langkah mana pun")


def header_warnings(sop: Sop, today: datetime.date) -> Iterator[Issue]:
    yield from _missing_header_warnings(sop)
    yield from _date_warnings(sop, today)
    yield from _title_warnings(sop)
    yield from _decree_warnings(sop)


def _missing_header_warnings(sop: Sop) -> Iterator[Issue]:
    header = sop.header
    for key in (*HEADER_LIST_FIELDS, "tanggal_pengesahan"):
        if not getattr(header, key):
            yield _warn(sop, header.line_of("header"), "missing", f"kolom kepala SOP '{HEADER_FIELD_LABELS[key]}' kosong")
    if not header.disahkan_oleh.nama:
        yield _warn(sop, header.line_of("disahkan_oleh"), "missing", "nama penandatangan (Disahkan Oleh) kosong")


def _dates(sop: Sop, keys: tuple[str, ...]) -> tuple[dict[str, datetime.date], list[Issue]]:
    days: dict[str, datetime.date] = {}
    problems: list[Issue] = []
    for key in keys:
        text = getattr(sop.header, key)
        day = parse_indonesian_date(text) if text else None
        if day is not None:
            days[key] = day
        elif text:
            problems.append(_warn(sop, sop.header.line_of(key), "date",
                                  f"{HEADER_FIELD_LABELS.get(key, key)} '{text}' bukan tanggal yang dapat dibaca"))
    return days, problems


def _date_warnings(sop: Sop, today: datetime.date) -> Iterator[Issue]:
    days, problems = _dates(sop, ("tanggal_pembuatan", "tanggal_pengesahan", "tanggal_efektif", "tanggal_reviu"))
    yield from problems
    made, ratified = days.get("tanggal_pembuatan"), days.get("tanggal_pengesahan")
    if made and ratified and made > ratified:
        yield _warn(sop, sop.header.line_of("tanggal_pembuatan"), "dates",
                    f"Tanggal Pembuatan ({sop.header.tanggal_pembuatan}) sesudah Tanggal Pengesahan ({sop.header.tanggal_pengesahan})")
    reviewed = days.get("tanggal_reviu") or ratified or days.get("tanggal_efektif") or made
    if reviewed and today - reviewed > REVIEW_INTERVAL:
        yield _warn(sop, sop.header.line_of("header"), "review",
                    f"SOP belum direviu lebih dari setahun (terakhir {reviewed.isoformat()}); SOP direviu paling sedikit sekali setahun")


_TITLE_NOISE = re.compile(r"^(bagan alur|standar operasional prosedur|prosedur standar operasional|sop|pso)\s+")


def _normal_title(text: str) -> str:
    words = re.sub(r"[^\w ]", " ", text.casefold())
    normal = " ".join(words.split())
    while _TITLE_NOISE.match(normal):
        normal = _TITLE_NOISE.sub("", normal, count=1)
    return normal


def _title_warnings(sop: Sop) -> Iterator[Issue]:
    chart, name = _normal_title(sop.header.chart_title), _normal_title(sop.header.name)
    if chart and chart not in name and name not in chart:
        yield _warn(sop, sop.header.line_of("chart_title"), "chart-title",
                    f"judul bagan alur '{sop.header.chart_title}' berbeda dengan Nama SOP '{sop.header.name}'")


def _decree_warnings(sop: Sop) -> Iterator[Issue]:
    decree = sop.header.decree
    if decree is None or not decree.annex_number:
        return
    if _normal_number(decree.number) != _normal_number(decree.annex_number):
        yield _warn(sop, decree.line, "decree-number",
                    f"nomor keputusan '{decree.number}' berbeda dengan nomor pada lampirannya '{decree.annex_number}'")


def _normal_number(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()
