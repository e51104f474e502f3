"""`kpu-desk sop render ID [--case NOMOR] -o FILE.png|.svg|.pdf`: the Qt painter, headless.

The files are read back with other tools than the one that wrote them (Pillow,
an XML parser, pdfium). With a case on it, the open step is found in the PNG by
its colour at the place the layout puts the step.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pypdfium2
import pytest
from PIL import Image

from conftest import REPO
from engine_support import T0, make_users, sync_shipped, valid_form
from kpu_desk.sop.library import load_shipped

SOPS = {sop.id: sop for sop in load_shipped()}
TAMU = "karanganyar-pelayanan-umum"
OPEN_BLUE = (0x00, 0x72, 0xB2)
DPI = 100


def _words(text: str, count: int = 3) -> str:
    return " ".join(text.split()[:count])


def _svg_texts(tree: ET.ElementTree) -> str:
    found = (" ".join(e.itertext()) for e in tree.iter() if e.tag.rsplit("}", 1)[-1] == "text")
    return " ".join(" ".join(found).split())


@pytest.fixture
def guest_case(sqlite_url):
    """A guest visit on a SQLite file: the start step and step 2 done, step 3 open."""
    from kpu_desk import engine
    from kpu_desk.store import close_database, open_database

    open_database(sqlite_url)
    try:
        users = make_users()
        sop = {s.id: s for s in sync_shipped()}[TAMU]
        case = engine.start_case(TAMU, valid_form(sop.step(1)), actor=users["resepsionis"], now=T0,
                                 complete_first=True)
        engine.complete_step(case.number, valid_form(sop.step(2)), actor=users["resepsionis"], now=T0)
        return sqlite_url, case.number
    finally:
        close_database()


@pytest.mark.parametrize("sop_id", sorted(SOPS))
def test_each_sop_renders_to_png_svg_and_pdf(run_cli, tmp_path, sop_id):
    sop = SOPS[sop_id]
    for suffix in ("png", "svg", "pdf"):
        code, out, err = run_cli("sop", "render", sop_id, "-o", str(tmp_path / f"bagan.{suffix}"))
        assert code == 0, err
        assert out.startswith(str(tmp_path / f"bagan.{suffix}"))
    with Image.open(tmp_path / "bagan.png") as image:
        assert image.width > 1500 and image.height > 400  # 1000 points wide at 150 dpi, and a margin
        rgb = image.convert("RGB")
        assert len(rgb.getcolors(1 << 20)) > 2  # a drawing, not a blank page
        edge = [(x, y) for x in range(rgb.width) for y in (0, rgb.height - 1)]
        edge += [(x, y) for y in range(rgb.height) for x in (0, rgb.width - 1)]
        assert {rgb.getpixel(p) for p in edge} == {(255, 255, 255)}  # a white margin all round, every pixel painted
    texts = _svg_texts(ET.parse(tmp_path / "bagan.svg"))
    for step in sop.steps:
        assert _words(step.activity) in texts, step.no
    document = pypdfium2.PdfDocument(str(tmp_path / "bagan.pdf"))
    assert len(document) == 1
    pdf_text = " ".join(document[0].get_textpage().get_text_range().split())
    assert all(_words(step.activity, 2) in pdf_text for step in sop.steps)
    document.close()


def test_a_pdf_for_paper_is_broken_into_pages(run_cli, tmp_path):
    target = tmp_path / "bagan.pdf"
    code, out, err = run_cli("sop", "render", "kediri-pengaduan", "--paper", "a4", "-o", str(target))
    assert code == 0, err
    document = pypdfium2.PdfDocument(str(target))
    assert len(document) >= 2
    width, height = document[0].get_size()
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    pages = len(document)
    for number in range(pages):
        text = document[number].get_textpage().get_text_range()
        assert f"Halaman {number + 1} dari {pages}" in text and "SOP Nomor 20/HK.03.2-Kpt" in text
        assert "No" in text and "Kegiatan" in text  # the column heading on every page
    document.close()


def _highlight(pixel) -> bool:
    return all(abs(a - b) <= 8 for a, b in zip(pixel[:3], OPEN_BLUE))


def _highlighted_share(image: Image.Image, box) -> float:
    left, top, right, bottom = (round(v) for v in box)
    pixels = [image.getpixel((x, y)) for x in range(left, right) for y in range(top, bottom)]
    return sum(map(_highlight, pixels)) / len(pixels)


def _pixel_box(sop_id: str, marks, step_no: int):
    """Where the step's symbol is in the PNG: the layout's box, moved by the export's margin and
    title and scaled to DPI; the symbol's outline is left out."""
    from kpu_desk.chart import layout_chart
    from kpu_desk.gui.chart.export import build_scene, ensure_application, export_rect
    from kpu_desk.gui.chart.text import qt_measure

    ensure_application()
    box = layout_chart(SOPS[sop_id], width=1000, measure=qt_measure()).shape(step_no).box
    origin = export_rect(build_scene(SOPS[sop_id], marks))
    scale = DPI / 72
    inset = 3
    return ((box.x - origin.x() + inset) * scale, (box.y - origin.y() + inset) * scale,
            (box.right - origin.x() - inset) * scale, (box.bottom - origin.y() - inset) * scale), origin


def test_with_a_case_the_open_step_is_highlighted_where_the_layout_puts_it(run_cli, tmp_path, guest_case):
    from kpu_desk.chart.case_marks import case_marks
    from kpu_desk.store import close_database, open_database

    url, number = guest_case
    plain, marked = tmp_path / "polos.png", tmp_path / "kasus.png"
    assert run_cli("sop", "render", TAMU, "--dpi", str(DPI), "-o", str(plain))[0] == 0
    code, out, err = run_cli("--db", url, "sop", "render", TAMU, "--case", number, "--dpi", str(DPI), "-o", str(marked))
    assert code == 0, err
    open_database(url)
    try:
        marks = case_marks(number)
    finally:
        close_database()
    assert marks.open_step == 3
    open_box, origin = _pixel_box(TAMU, marks, 3)
    done_box, _ = _pixel_box(TAMU, marks, 1)
    with Image.open(plain) as a, Image.open(marked) as b:
        a, b = a.convert("RGB"), b.convert("RGB")
        assert a.tobytes() != b.tobytes()
        assert b.size == (math.ceil(origin.width() * DPI / 72), math.ceil(origin.height() * DPI / 72))
        assert _highlighted_share(b, open_box) > 0.5  # the fill, around the white ▶
        assert _highlighted_share(b, done_box) == 0
        assert not any(_highlight(p) for _, p in a.getcolors(1 << 24))  # without a case nothing is blue


def test_a_case_puts_its_number_and_its_marks_in_the_svg(run_cli, tmp_path, guest_case):
    url, number = guest_case
    target = tmp_path / "kasus.svg"
    assert run_cli("--db", url, "sop", "render", TAMU, "--case", number, "-o", str(target))[0] == 0
    tree = ET.parse(target)
    texts = _svg_texts(tree)
    assert number in texts and "langkah terbuka" in texts
    fills = {element.get("fill", "").lower() for element in tree.iter()}
    assert "#0072b2" in fills


def test_mistakes_are_told_in_indonesian_with_exit_code_1(run_cli, tmp_path, guest_case):
    url, number = guest_case
    code, _, err = run_cli("sop", "render", "tidak-ada", "-o", str(tmp_path / "a.png"))
    assert code == 1 and "SOP 'tidak-ada' tidak ditemukan" in err
    code, _, err = run_cli("--db", url, "sop", "render", TAMU, "--case", "TM-2026-09999", "-o", str(tmp_path / "a.png"))
    assert code == 1 and "kasus 'TM-2026-09999' tidak ditemukan" in err
    code, _, err = run_cli("--db", url, "sop", "render", "kediri-pengaduan", "--case", number, "-o", str(tmp_path / "a.png"))
    assert code == 1 and f"kasus {number} berjalan pada SOP '{TAMU}'" in err
    code, _, err = run_cli("sop", "render", TAMU, "-o", str(tmp_path / "tidak" / "ada" / "a.png"))
    assert code == 1 and "foldernya tidak ada" in err
    code, _, err = run_cli("sop", "render", TAMU, "-o", str(tmp_path / "a.jpg"))
    assert code == 1 and "pakai akhiran .png, .svg atau .pdf" in err
    assert not any(tmp_path.glob("a.*"))


def test_it_renders_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["KPU_DESK_DATA"] = str(tmp_path / "data")
    target = tmp_path / "bagan.png"
    done = subprocess.run([sys.executable, "-m", "kpu_desk", "sop", "render", TAMU, "-o", str(target)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"\x89PNG")
