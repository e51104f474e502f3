"""Pemberitahuan: a guest reported at the desk reaches the Ketua, and the Ketua's decision reaches the desk."""

from __future__ import annotations

from kpu_desk import engine
from kpu_desk.accounts import find_user
from kpu_desk.frontdesk import check_in

GUEST = {
    "nama_tamu": "Qorina Testadi", "asal_tamu": "Pribadi", "jumlah_tamu": 1, "cuci_tangan": True,
    "cek_kesehatan": "Lolos", "jenis_identitas": "SIM", "nomor_identitas": "1234-5678-000123",
    "keperluan": "Audiensi", "yang_dituju": "Ketua", "identitas_dititipkan": False,
}


def test_the_ketua_is_told_and_the_desk_sees_the_decision(qtbot, demo_database, open_main_window):
    from kpu_desk.store import models

    models.Notification.delete().execute()  # today's demo news aside: only this guest's
    ketua_window = open_main_window("ketua")
    assert ketua_window.notices.text() == "Pemberitahuan"
    number = check_in(GUEST, find_user("resepsionis"), report_to="ketua").case_number

    ketua_window.watcher.polled.emit()  # what the next poll of the shared database does
    assert ketua_window.notices.text() == "Pemberitahuan (1)"
    assert "Pemberitahuan baru: Tamu menunggu Anda: Qorina Testadi" in ketua_window.statusBar().currentMessage()
    opened = []
    ketua_window.notices.case_requested.connect(opened.append)
    ketua_window.notices.menu_.aboutToShow.emit()
    first = ketua_window.notices.menu_.actions()[0]
    assert first.text().startswith("● Tamu menunggu Anda: Qorina Testadi")
    first.trigger()
    assert opened == [number] and ketua_window.notices.text() == "Pemberitahuan"

    engine.complete_step(number, {"jamuan": ["Minuman"]}, find_user("staf1"))
    engine.complete_step(number, {}, find_user("ketua"), branch="Bersedia menemui")
    desk_window = open_main_window("resepsionis")
    assert desk_window.notices.text() == "Pemberitahuan (1)"
    desk_window.notices.menu_.aboutToShow.emit()
    assert "Keputusan pada" in desk_window.notices.menu_.actions()[0].text()
    assert "Bersedia menemui" in desk_window.notices.menu_.actions()[0].text()
    page = desk_window.show_page("visitors")
    page.scan(number)
    assert page.decisionLabel.text() == "Keputusan pimpinan: Bersedia menemui"
    assert page.checkOutButton.isEnabled()  # the guest is still inside: check-out stays one key away


def test_a_disposition_notice_opens_the_dispositions_tab(qtbot, demo_database, open_main_window):
    from kpu_desk.letters import DispositionDraft, dispose
    from kpu_desk.store import models

    models.Notification.delete().execute()
    letter = models.Letter.select().where(models.Letter.direction == "masuk").first()
    dispose(DispositionDraft(recipients=["kasubag.hukum"], instructions=[], note="Mohon ditindaklanjuti",
                             deadline_days=3), "ketua", letter=letter.id)  # the core tells the recipient
    window = open_main_window("kasubag.hukum")
    window.notices.menu_.aboutToShow.emit()
    action = window.notices.menu_.actions()[0]
    assert action.text().startswith("● Disposisi baru untuk Anda")
    action.trigger()
    page = window.current_page()
    assert page.key == "letters" and page.tabs.currentWidget() is page.inboxTab
    assert window.notices.text() == "Pemberitahuan"


def _notice_to_sign(window):
    window.notices.menu_.aboutToShow.emit()
    # read or not ("● " before it): signing reads it for everyone, and a read notice stays in the list
    return next(a for a in window.notices.menu_.actions() if "Disposisi menunggu tanda tangan" in a.text())


def _written_by_the_ketua():
    from kpu_desk.letters import DispositionDraft, dispose
    from kpu_desk.letters.views import signing_worklist
    from kpu_desk.store import models

    models.Notification.delete().execute()
    # A letter whose case has no other disposition waiting: the notice names the case, and on some
    # days the demo office leaves one unsigned on the newest letter (31 December at 23.58, say).
    waiting = {view.case_number for view in signing_worklist()}
    incoming = models.Letter.select().where(models.Letter.direction == "masuk").order_by(models.Letter.id.desc())
    letter = next(letter for letter in incoming if letter.case is None or letter.case.number not in waiting)
    return dispose(DispositionDraft(recipients=["kasubag.hukum"], instructions=[], note="Mohon ditindaklanjuti",
                                    deadline_days=3), "ketua", letter=letter.id)  # the core tells the Sekretaris


def test_a_notice_to_sign_shows_that_disposition_in_the_signing_list(qtbot, demo_database, open_main_window):
    written = _written_by_the_ketua()
    window = open_main_window("sekretaris")
    _notice_to_sign(window).trigger()
    page = window.current_page()
    assert page.key == "letters" and page.tabs.currentWidget() is page.signingTab
    chosen = page.signing_model.row_at(page.signingView.currentIndex())
    assert chosen is not None and chosen.view.id == written.id
    assert page.signingSummary.text() != "Tidak ada disposisi yang menunggu tanda tangan"


def test_a_notice_of_a_disposition_signed_since_opens_it_and_says_so(qtbot, demo_database, open_main_window):
    from kpu_desk.letters.signing import record_signature

    written = _written_by_the_ketua()
    record_signature(written.id, find_user("sekretaris"))  # signed from the list, or at another desk
    window = open_main_window("sekretaris")
    _notice_to_sign(window).trigger()
    page = window.current_page()
    assert page.disposition_dialog is not None and page.disposition_dialog.isVisible()
    assert page.disposition_dialog.disposition_id == written.id
    assert "sudah ditandatangani oleh Masykur" in window.statusBar().currentMessage()
