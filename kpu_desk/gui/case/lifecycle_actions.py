"""Perpanjang, Tunda, Lanjutkan, Batalkan, Buka kembali: each asks its reason, then asks the engine.

Every dialog is opened with open() and kept as `self.dialog`, so the window
never waits on it and a test can fill it in.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kpu_desk import engine
from kpu_desk.engine import EngineError
from kpu_desk.gui import messages
from kpu_desk.gui.widgets.reason_dialog import ReasonDialog
from kpu_desk.gui.session import Session
from kpu_desk.gui.widgets.field_errors import sentence


class CaseLifecycle(QObject):
    changed = Signal(str)  # what was done, for the status bar

    def __init__(self, window, session: Session):
        super().__init__(window)
        self.w = window
        self.session = session
        self.number = ""
        self.dialog: ReasonDialog | None = None

    def ask_extend(self) -> ReasonDialog:
        deadline = self.w.data.sop.case.legal_deadline
        return self._ask(
            self.tr("Perpanjang batas waktu"), self.tr("Perpanjang batas waktu kasus {0}").format(self.number),
            self.tr("SOP ini mengizinkan satu kali perpanjangan {0} hari kerja ({1}). Tuliskan alasannya; "
                    "pemohon diberi tahu alasan ini.").format(deadline.extension_working_days, deadline.basis),
            self.tr("&Perpanjang"), engine.extend_deadline, self.tr("Batas waktu kasus diperpanjang."))

    def ask_cancel(self) -> ReasonDialog:
        return self._ask(
            self.tr("Batalkan kasus"), self.tr("Batalkan kasus {0}?").format(self.number),
            self.tr("Langkah yang terbuka ikut dibatalkan. Kasus dapat dibuka kembali nanti."),
            self.tr("&Batalkan kasus"), engine.cancel_case, self.tr("Kasus dibatalkan."))

    def ask_reopen(self) -> ReasonDialog:
        return self._ask(
            self.tr("Buka kembali kasus"), self.tr("Buka kembali kasus {0}").format(self.number),
            self.tr("Kasus berlanjut pada langkah tempat ia berhenti, dengan batas waktu baru untuk langkah itu."),
            self.tr("Buka &kembali"), engine.reopen_case, self.tr("Kasus dibuka kembali."))

    def ask_wait(self) -> ReasonDialog:
        return self._ask(
            self.tr("Tunda kasus"), self.tr("Tunda kasus {0}").format(self.number),
            self.tr("Misalnya: menunggu kelengkapan dari pemohon. Langkah yang terbuka tetap terbuka."),
            self.tr("&Tunda"), engine.set_waiting, self.tr("Kasus ditunda."))

    def resume(self) -> bool:
        try:
            engine.resume_case(self.number, actor=self.session.user)
        except EngineError as exc:
            messages.show_error(self.w, self.tr("Kasus tidak dapat dilanjutkan"), sentence(exc.message))
            return False
        self.changed.emit(self.tr("Kasus dilanjutkan."))
        return True

    def _ask(self, title: str, heading: str, explanation: str, ok_text: str, call, done_text: str) -> ReasonDialog:
        number, user = self.number, self.session.user
        self.dialog = ReasonDialog(title, heading, explanation, ok_text,
                                   lambda reason: call(number, reason, actor=user), self.w)
        self.dialog.accepted.connect(lambda: self.changed.emit(done_text))
        self.dialog.open()
        return self.dialog
