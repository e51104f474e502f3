"""The printed SOP document, read back from the PDF with pypdfium2.

Texts in table cells are wrapped, so they are compared with whitespace
collapsed (or removed, where a cell may break a long word after a slash).
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from reportlab.lib.units import mm

from kpu_desk.cli import sop_cmd
from kpu_desk.printing.paper import PAPERS, PaperError, page_for
from kpu_desk.printing.sop_document import chart_layout, chart_title, render_sop_document
from kpu_desk.printing.sop_header import DATE_FIELDS, LABEL_DISAHKAN, LABEL_NAMA, LABEL_NOMOR
from kpu_desk.sop.library import load_shipped
from kpu_desk.sop.model import HEADER_LIST_FIELDS, HEADER_FIELD_LABELS

SHIPPED = {sop.id: sop for sop in load_shipped()}


def collapse(text: str) -> str:
    return " ".join(text.split())


def squash(text: str) -> str:
    return "".join(text.split())


def read_pdf(path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def page_sizes(path) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [document[i].get_size() for i in range(len(document))]
    finally:
        document.close()


def chart_pages_of(pages: list[str]) -> list[str]:
    """The bagan alur pages: those with the table's column heading."""
    return [text for text in pages if "Mutu Baku" in text and "Keterangan" in text]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every shipped SOP on the default paper (F4 landscape): (pages returned, texts of the pages)."""
    folder = tmp_path_factory.mktemp("sop-pdf")
    result = {}
    for sop_id, sop in SHIPPED.items():
        path = folder / f"{sop_id}.pdf"
        count = render_sop_document(sop, str(path))
        result[sop_id] = (path, count, read_pdf(path))
    return result


@pytest.fixture(params=sorted(SHIPPED))
def sop_id(request) -> str:
    return request.param


def test_page_count_and_footer_on_every_page(rendered, sop_id):
    _, count, pages = rendered[sop_id]
    assert count == len(pages) >= 2
    assert f"Halaman 1 dari {count}" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert f"Halaman {number} dari {count}" in text
        assert "SOP Nomor" in text


def test_number_name_and_office(rendered, sop_id):
    sop = SHIPPED[sop_id]
    _, _, pages = rendered[sop_id]
    header = collapse(pages[0])
    assert sop.header.number in header
    assert collapse(sop.header.name) in header
    assert collapse(sop.header.office) in header
    if sop.header.unit:
        assert collapse(sop.header.unit) in header


def test_every_header_field_label_and_content(rendered, sop_id):
    sop = SHIPPED[sop_id]
    _, _, pages = rendered[sop_id]
    text = squash("".join(pages))
    for label in (LABEL_NOMOR, LABEL_DISAHKAN, LABEL_NAMA):
        assert squash(label) in text
    for key in DATE_FIELDS:
        label, value = HEADER_FIELD_LABELS[key], getattr(sop.header, key)
        # An empty date prints as "-" right after its label.
        assert squash(label) + squash(value or "-") in text, key
    for key in HEADER_LIST_FIELDS:
        label = squash(HEADER_FIELD_LABELS[key] + ":")
        assert label in text, key
        items = [item for item in getattr(sop.header, key) if item.strip()]
        if not items:
            assert label + "-" in text, key
        for item in items:
            assert squash(item) in text, (key, item)
    signer = sop.header.disahkan_oleh
    assert squash(signer.jabatan) in text and squash(signer.nama) in text
    if signer.nip:
        assert squash(f"NIP. {signer.nip}") in text
    for rule in sop.header.ketentuan:
        assert squash(rule) in text


def test_empty_fields_print_a_dash():
    sop = SHIPPED["pulangpisau-pengaduan"]  # no Keterkaitan, no Peringatan, no Tanggal Efektif
    assert not sop.header.keterkaitan and not sop.header.peringatan and not sop.header.tanggal_efektif
    text = squash(read_pdf_of(sop)[0])
    assert "Keterkaitan:-" in text and "Peringatan:-" in text and "TanggalEfektif-" in text


def read_pdf_of(sop, **paper) -> list[str]:
    import io

    buffer = io.BytesIO()
    render_sop_document(sop, buffer, **paper)
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def test_every_step_and_the_chart_title(rendered, sop_id):
    sop = SHIPPED[sop_id]
    _, _, pages = rendered[sop_id]
    chart = "".join(chart_pages_of(pages))
    assert chart, "no bagan alur page"
    assert collapse(chart_title(sop)) in collapse(chart)
    squashed = squash(chart)
    for step in sop.steps:
        assert squash(step.activity) in squashed, step.no
        assert squash(step.mutu_baku.kelengkapan) in squashed, step.no
    for lane in sop.lanes:  # heading cells wrap, and their lines interleave when read back
        assert all(word in chart for word in lane.name.split()), lane.name
    # Wrapped at spaces: most activities read back whole with whitespace collapsed.
    whole = sum(collapse(step.activity) in collapse(chart) for step in sop.steps)
    assert whole >= len(sop.steps) // 2


def test_chart_titles():
    assert chart_title(SHIPPED["pulangpisau-pengaduan"]) == "BAGAN ALUR PENANGANAN PENGADUAN MASYARAKAT"
    kediri = chart_title(SHIPPED["kediri-pengaduan"])
    assert kediri.startswith("BAGAN ALUR PENYELESAIAN PENGADUAN") and not kediri.endswith(";")
    assert chart_title(SHIPPED["kupang-pelayanan-publik"]) == "SOP PELAYANAN PUBLIK"  # as the document heads it


def test_column_heading_repeats_on_every_chart_page(rendered):
    _, _, pages = rendered["kupang-pelayanan-publik"]
    chart_pages = chart_pages_of(pages)
    assert len(chart_pages) >= 2
    for text in chart_pages:
        for heading in ("No", "Kegiatan", "Pelaksana", "Mutu Baku", "Kelengkapan", "Waktu", "Output", "Keterangan"):
            assert heading in text


def test_steps_in_document_order(rendered, sop_id):
    sop = SHIPPED[sop_id]
    _, _, pages = rendered[sop_id]
    chart = squash("".join(chart_pages_of(pages)))
    positions = [chart.index(squash(step.activity)) for step in sop.steps]
    assert positions == sorted(positions)


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_papers_and_orientations(tmp_path, paper, orientation):
    sop = SHIPPED["karanganyar-pelayanan-umum"]
    path = tmp_path / "sop.pdf"
    count = render_sop_document(sop, path, paper=paper, orientation=orientation)
    short, long = PAPERS[paper]
    expected = (long, short) if orientation == "landscape" else (short, long)
    sizes = page_sizes(path)
    assert len(sizes) == count
    for width, height in sizes:
        assert width == pytest.approx(expected[0], abs=0.5) and height == pytest.approx(expected[1], abs=0.5)
    texts = read_pdf(path)
    assert f"Halaman 1 dari {count}" in texts[0] and f"Halaman {count} dari {count}" in texts[-1]
    chart = squash("".join(texts))
    for step in sop.steps:
        assert squash(step.activity) in chart


def test_f4_is_folio_of_215_by_330_mm():
    page = page_for("f4", "landscape")
    assert (page.width, page.height) == (pytest.approx(330 * mm), pytest.approx(215 * mm))
    with pytest.raises(PaperError):
        page_for("a5", "portrait")
    with pytest.raises(PaperError):
        page_for("a4", "miring")


def test_kediri_on_a4_portrait_needs_several_chart_pages_with_connectors(tmp_path):
    sop = SHIPPED["kediri-pengaduan"]
    assert len(sop.steps) == 17
    _, layout = chart_layout(sop, page_for("a4", "portrait"))
    assert len(layout.pages) > 1
    assert layout.connectors
    for page in layout.pages[:-1]:
        assert any(c.direction == "out" for c in page.connectors), page.number
    for page in layout.pages[1:]:
        assert any(c.direction == "in" for c in page.connectors), page.number
    path = tmp_path / "kediri.pdf"
    count = render_sop_document(sop, path, paper="a4", orientation="portrait")
    texts = read_pdf(path)
    chart_pages = chart_pages_of(texts)
    assert len(chart_pages) == len(layout.pages)
    assert count == len(texts)
    # The connector letters are printed inside the pentagons on both pages of a break.
    first = layout.connectors[0].letter
    assert all(re.search(rf"(^|\s){first}(\s|$)", t) for t in chart_pages[:2])


def test_rendering_is_repeatable(tmp_path):
    sop = SHIPPED["pulangpisau-pengaduan"]
    one, two = tmp_path / "1.pdf", tmp_path / "2.pdf"
    render_sop_document(sop, one)
    render_sop_document(sop, two)
    assert one.read_bytes() == two.read_bytes()


def test_cli_paper_choices_match_the_printing_package():
    assert set(sop_cmd.PAPER_CHOICES) == set(PAPERS)


# -- the command line ---------------------------------------------------------

def test_cli_sop_print_writes_a_pdf(run_cli, tmp_path):
    path = tmp_path / "pelayanan.pdf"
    code, out, err = run_cli("sop", "print", "karanganyar-pelayanan-umum", "-o", str(path))
    assert code == 0, err
    assert path.read_bytes().startswith(b"%PDF-")
    texts = read_pdf(path)
    assert f"{len(texts)} halaman" in out and "F4 mendatar" in out
    assert "430 /ORT.6/3313/2022" in texts[0]
    width, height = page_sizes(path)[0]
    assert width == pytest.approx(330 * mm, abs=0.5) and height == pytest.approx(215 * mm, abs=0.5)


def test_cli_sop_print_on_a4_portrait(run_cli, tmp_path):
    path = tmp_path / "kediri.pdf"
    code, out, _ = run_cli("sop", "print", "kediri-pengaduan", "-o", str(path), "--paper", "a4", "--orientation", "portrait")
    assert code == 0 and "A4 tegak" in out
    width, height = page_sizes(path)[0]
    assert width == pytest.approx(210 * mm, abs=0.5) and height == pytest.approx(297 * mm, abs=0.5)


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_cli_sop_print_fails_cleanly_on_a_bad_path(run_cli, tmp_path, where):
    target = tmp_path / "tidak-ada" / "sop.pdf" if where == "missing-folder" else tmp_path
    code, out, err = run_cli("sop", "print", "kediri-pengaduan", "-o", str(target))
    assert code == 1
    assert "tidak dapat ditulis" in err and str(target) in err
    assert "Traceback" not in err and "Error" not in err
    assert out == ""
    assert not (tmp_path / "tidak-ada").exists()


def test_cli_sop_print_unknown_sop_and_paper(run_cli, tmp_path):
    code, _, err = run_cli("sop", "print", "tidak-ada", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "SOP 'tidak-ada' tidak ditemukan" in err
    code, _, err = run_cli("sop", "print", "kediri-pengaduan", "-o", str(tmp_path / "x.pdf"), "--paper", "a5")
    assert code == 2 and "pilihan tidak sah" in err
    code, _, err = run_cli("sop", "print", "kediri-pengaduan")
    assert code == 2 and "wajib" in err
    assert not (tmp_path / "x.pdf").exists()
