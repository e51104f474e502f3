"""Every window fits the offices' smallest laptop: a 1280x720 screen less a 40-pixel task bar.

The GUI tests run on such a screen (tests/gui/laptop_screen.json, set in conftest.py). Each
top-level window and dialog is opened as the application opens it and must lie whole on the
screen's free area, with the buttons a clerk needs inside it.
"""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from kpu_desk import engine
from kpu_desk.accounts import find_user
from kpu_desk.gui.session import Session
from kpu_desk.store import models

FREE_AREA = QSize(1280, 680)
LONG_REQUEST = ("Salinan lengkap berita acara rekapitulasi hasil penghitungan suara tingkat kecamatan "
                "untuk seluruh kecamatan di wilayah kabupaten beserta lampirannya")


@pytest.fixture(autouse=True)
def _laptop_screen(qapp):
    screen = QGuiApplication.primaryScreen().availableGeometry()
    if screen.size() != FREE_AREA:
        pytest.skip(f"the laptop screen is the offscreen platform's; this platform's is {screen.size()}")


def _free_area() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def _assert_whole_on_screen(qtbot, window: QWidget, *key_widgets: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    assert hint.width() <= FREE_AREA.width() and hint.height() <= FREE_AREA.height(), \
        f"{type(window).__name__} needs at least {hint.width()}x{hint.height()}"
    assert _free_area().contains(window.frameGeometry()), \
        f"{type(window).__name__} at {window.frameGeometry()} is not whole on {_free_area()}"
    for widget in key_widgets:
        assert widget.isVisible(), widget.objectName()
        corner = widget.mapTo(window, widget.rect().topLeft())
        assert window.rect().contains(QRect(corner, widget.size())), \
            f"{widget.objectName()} at {QRect(corner, widget.size())} is outside {window.rect()}"


def test_the_main_window_and_every_page_fit(qtbot, demo_database):
    from kpu_desk.gui.main_window import PAGES, MainWindow

    window = MainWindow(Session.of(find_user("admin")), poll_ms=60000)
    qtbot.addWidget(window)
    for page in PAGES:
        window.show_page(page.key)
        _assert_whole_on_screen(qtbot, window, window.statusBar(), window.notices)
    settings = window.show_page("settings")
    for index in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(index)
        _assert_whole_on_screen(qtbot, window, window.statusBar())
    window.close()


def test_a_size_saved_on_a_big_monitor_is_brought_onto_the_laptop(qtbot, demo_database):
    from kpu_desk.gui.main_window import MainWindow

    big = MainWindow(Session.of(find_user("admin")), poll_ms=60000)
    qtbot.addWidget(big)
    big.setGeometry(300, 200, 1800, 1000)  # as on the office's 1920x1080 monitor
    big.close()  # saves its geometry
    assert QSettings().value("geometry/main_window") is not None
    window = MainWindow(Session.of(find_user("admin")), poll_ms=60000)
    qtbot.addWidget(window)
    _assert_whole_on_screen(qtbot, window, window.statusBar())
    window.close()


def _long_case() -> str:
    fields = {"nama_pemohon": "Maria Goreti Lake Hendrikus Fanggidae", "rincian_informasi": LONG_REQUEST,
              "tujuan_penggunaan": "Penelitian skripsi tentang partisipasi pemilih"}
    return engine.start_case("kupang-pelayanan-publik", fields, find_user("helpdesk"), complete_first=True).number


def test_every_open_case_window_fits_with_its_complete_button(qtbot, demo_database):
    from kpu_desk.gui.case import CaseWindow

    session = Session.of(find_user("admin"))
    numbers = [case.number for case in models.Case.select().where(models.Case.state.in_(("open", "waiting")))]
    for number in numbers + [_long_case()]:
        window = CaseWindow(number, session)
        qtbot.addWidget(window)
        keys = [window.completeButton] if window.completeButton.isVisible() else []
        _assert_whole_on_screen(qtbot, window, *keys)
        window.close()


def test_the_sign_in_and_setup_windows_fit(qtbot, empty_database):
    from kpu_desk.gui.database_problem import DatabaseProblemDialog
    from kpu_desk.gui.setup_wizard import SetupWizard
    from kpu_desk.gui.signin import SignInDialog

    sign_in = SignInDialog()
    qtbot.addWidget(sign_in)
    _assert_whole_on_screen(qtbot, sign_in)
    first = SetupWizard()
    qtbot.addWidget(first)
    for page_id in first.pageIds():  # each page as the first, since a page only lets a filled one pass
        wizard = SetupWizard()
        qtbot.addWidget(wizard)
        wizard.setStartId(page_id)
        _assert_whole_on_screen(qtbot, wizard)
        wizard.close()
    problem = DatabaseProblemDialog(
        "basis data postgresql://kpu@192.168.10.20:5432/kpu_desk_kabupaten_karanganyar tidak dapat dibuka: "
        "server tidak dapat dihubungi; periksa jaringan", "postgresql://kpu@192.168.10.20:5432/kpu_desk")
    qtbot.addWidget(problem)
    _assert_whole_on_screen(qtbot, problem)


def test_the_front_desk_windows_fit(qtbot, demo_database):
    from kpu_desk.gui.visitors.building_panel import BuildingDialog
    from kpu_desk.gui.visitors.checkin_dialog import CheckInDialog
    from kpu_desk.gui.visitors.guestbook_dialog import GuestbookDialog

    desk = Session.of(find_user("resepsionis"))
    for dialog in (CheckInDialog(desk), GuestbookDialog(desk), BuildingDialog(desk, show_pdf=lambda path: None)):
        qtbot.addWidget(dialog)
        _assert_whole_on_screen(qtbot, dialog)
        dialog.close()


def test_the_letters_dialogs_fit(qtbot, demo_database):
    from kpu_desk.gui.letters import editor as editors
    from kpu_desk.gui.letters.handover_dialog import HandoverDialog
    from kpu_desk.gui.letters.register_dialog import RegisterLetterDialog
    from kpu_desk.gui.letters.sign_dialog import SignDialog
    from kpu_desk.gui.letters.specimen_dialog import SpecimenDialog
    from kpu_desk.gui.letters.view_dialog import DispositionDialog

    session = Session.of(find_user("sekretaris"))
    letter = models.Letter.select().where(models.Letter.direction == "masuk").first()
    agenda = f"{letter.agenda_number:04d}/{letter.agenda_year}"
    disposition = models.Disposition.select().where(models.Disposition.parent.is_null()).first()
    dialogs = (RegisterLetterDialog(session), HandoverDialog(session), SpecimenDialog(session),
               editors.DispositionEditor(editors.new_on_letter(agenda, letter.subject, session), session),
               DispositionDialog(disposition.id, session), SignDialog(disposition.id, session))
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        _assert_whole_on_screen(qtbot, dialog)
        dialog.close()


def test_the_settings_and_printing_dialogs_fit(qtbot, demo_database):
    from reportlab.pdfgen import canvas

    from kpu_desk.gui.case_summary import CaseSummaryDialog
    from kpu_desk.gui.pages.settings.user_dialog import UserDialog
    from kpu_desk.gui.printing.preview_dialog import PdfPreviewDialog

    pdf = io.BytesIO()
    page = canvas.Canvas(pdf)
    page.drawString(72, 770, "Pas tamu")
    page.save()
    preview = PdfPreviewDialog(pdf.getvalue(), "Pas tamu", "pas")
    dialogs = (UserDialog(Session.of(find_user("admin"))), CaseSummaryDialog(models.Case.select().first().number),
               preview)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        keys = (preview.printButton, preview.saveButton, preview.closeButton) if dialog is preview else ()
        _assert_whole_on_screen(qtbot, dialog, *keys)
        dialog.close()


def test_a_calendar_dropped_under_a_field_low_on_the_screen_stays_on_it(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from kpu_desk.gui.forms.calendar_popup import CalendarPopup

    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.move(_free_area().left() + 100, _free_area().bottom() - 60)  # the last field of a long form
    qtbot.waitExposed(field)
    popup = CalendarPopup(field)
    popup.drop_down(field, None)
    assert _free_area().contains(popup.frameGeometry()), f"{popup.frameGeometry()} hangs off {_free_area()}"
    popup.hide()


def test_a_form_narrowed_by_the_splitter_scrolls_sideways_instead_of_losing_its_right_edge(qtbot, demo_database):
    from kpu_desk.gui.case import CaseWindow

    window = CaseWindow(_long_case(), Session.of(find_user("admin")))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.splitter.setSizes([window.width(), 1])  # the chart dragged wide
    qtbot.wait(50)
    needed, shown = window.formHost.minimumSizeHint().width(), window.formScroll.viewport().width()
    assert needed > shown  # the form no longer fits beside the chart…
    assert window.formScroll.horizontalScrollBar().isVisible()  # …so it scrolls, nothing is cut off
    window.close()
