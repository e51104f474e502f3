"""How fast the swimlane view lays out and paints a bagan alur.

    .venv/bin/python benchmarks/bench_chart.py [--rounds 30] [--dpi 96]

For each of the five shipped SOPs and a generated 300-step, 8-lane SOP (with
decisions, forward skips and loops back): the layout (layout_chart with the Qt
measure, fresh each round as the view makes it), building the scene with a case
on it, and painting the whole chart into a QImage at screen resolution. Medians
in milliseconds (and the best total: on a busy machine the median wanders). Targets: each shipped SOP under 20 ms laid out and painted, the
300-step one under 500 ms. Not run by CI: a measurement, not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from kpu_desk.chart import layout_chart  # noqa: E402
from kpu_desk.chart.case_marks import RunView, marks_from_runs  # noqa: E402
from kpu_desk.gui.chart.export import chart_image  # noqa: E402
from kpu_desk.gui.chart.marks import apply_marks  # noqa: E402
from kpu_desk.gui.chart.scene import ChartScene  # noqa: E402
from kpu_desk.gui.chart.text import qt_measure  # noqa: E402
from kpu_desk.sop.library import load_shipped  # noqa: E402
from kpu_desk.sop.model import (  # noqa: E402
    Branch, CaseKind, CaseRules, Header, Lane, MutuBaku, Signer, Sop, Step, Symbol,
)
from kpu_desk.sop.timestd import parse_time_standard  # noqa: E402

SHIPPED_TARGET_MS = 20.0
LARGE_TARGET_MS = 500.0
WORDS = ("petugas menerima memeriksa berkas surat permohonan informasi disposisi sekretaris ketua anggota "
         "kasubag tamu pengaduan menyampaikan mencatat buku agenda lembar ruang pimpinan data laporan "
         "tindak lanjut sesuai ketentuan dokumen identitas").split()


def main() -> None:
    options = _options()
    app = QApplication.instance() or QApplication([])
    sops = load_shipped() + [generated_sop(300, 8)]
    print(f"{'SOP':34} {'steps':>5} {'layout':>8} {'scene':>8} {'paint':>8} {'total':>8} {'best':>8}  target")
    for sop in sops:
        times = measure(sop, options.rounds, options.dpi)
        target = LARGE_TARGET_MS if len(sop.steps) > 100 else SHIPPED_TARGET_MS
        verdict = "ok" if times["total"] < target else "OVER"
        print(f"{sop.id:34} {len(sop.steps):5} {times['layout']:8.1f} {times['scene']:8.1f} "
              f"{times['paint']:8.1f} {times['total']:8.1f} {times['best']:8.1f}  < {target:.0f} ms {verdict}")
    del app


def _options() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--dpi", type=float, default=96.0, help="resolution of the painted image (screen: 96)")
    return parser.parse_args()


def measure(sop: Sop, rounds: int, dpi: float) -> dict[str, float]:
    marks = halfway_case(sop)
    found: dict[str, list[float]] = {"layout": [], "scene": [], "paint": [], "total": []}
    for round_no in range(rounds + 2):
        t0 = time.perf_counter()
        layout = layout_chart(sop, width=1000, measure=qt_measure())
        t1 = time.perf_counter()
        scene = ChartScene(layout, sop, indexed=False)  # as an export builds it
        apply_marks(scene, marks)
        t2 = time.perf_counter()
        chart_image(scene, dpi)
        t3 = time.perf_counter()
        scene.deleteLater()
        if round_no >= 2:  # the first rounds warm Qt's font and glyph caches
            for key, value in zip(found, (t1 - t0, t2 - t1, t3 - t2, t3 - t0)):
                found[key].append(value * 1000)
    medians = {key: statistics.median(values) for key, values in found.items()}
    return medians | {"best": min(found["total"])}


def halfway_case(sop: Sop):
    """A case that has walked the first branch of every decision through half of the SOP."""
    runs, step, when = [], sop.steps[0], datetime(2026, 3, 2, 8, 0)
    seen = set()
    while len(runs) < len(sop.steps) // 2 and step.successors and step.no not in seen:
        seen.add(step.no)
        branch = step.branches[0] if step.branches else None
        runs.append(RunView(step.no, "done", "Petugas Staf", when, branch.label if branch else None))
        step, when = sop.step(branch.next if branch else step.next), when + timedelta(minutes=5)
    runs.append(RunView(step.no, "open", due_at=when + timedelta(hours=1), overdue=True))
    return marks_from_runs(sop, "UJ-2026-00001", "open", runs)


def generated_sop(steps: int, lanes: int, seed: int = 35) -> Sop:
    """An SOP of `steps` steps in `lanes` lanes: a decision every seventh step, whose "Tidak" skips
    ahead or loops back, a step in two lanes now and then, and texts as long as the real ones."""
    rng = random.Random(seed)
    lane_list = tuple(Lane(f"lane{i}", f"Pelaksana {i + 1}") for i in range(lanes))
    made = [_generated_step(no, steps, lane_list, rng) for no in range(1, steps + 1)]
    header = Header(office="KPU KABUPATEN UJI", number="999", name="SOP UJI BESAR", disahkan_oleh=Signer("SEKRETARIS"))
    return Sop("uji-besar-300", 1, header, lane_list, tuple(made), CaseRules(CaseKind.LAINNYA, "UB"))


def _generated_step(no: int, total: int, lanes: tuple[Lane, ...], rng: random.Random) -> Step:
    first = rng.randrange(len(lanes))
    span = (lanes[first].id,) if rng.random() > 0.08 or first == len(lanes) - 1 else (lanes[first].id, lanes[first + 1].id)
    mutu = MutuBaku(_text(rng, 3, 9), parse_time_standard(rng.choice(("5 menit", "1 jam", "1 hari kerja", "-"))),
                    _text(rng, 2, 8))
    common = dict(no=no, activity=_text(rng, 6, 28), lanes=span, mutu_baku=mutu, keterangan=_text(rng, 0, 12))
    if no == 1:
        return Step(symbol=Symbol.START, next=2, **common)
    if no == total:
        return Step(symbol=Symbol.END, **common)
    if no % 7 == 0 and no + 5 < total:
        other = no - rng.randint(2, 5) if no % 14 == 0 else no + rng.randint(2, 5)
        return Step(symbol=Symbol.DECISION, branches=(Branch("Ya", no + 1), Branch("Tidak", other)), **common)
    return Step(symbol=Symbol.PROCESS, next=no + 1, **common)


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


if __name__ == "__main__":
    main()
