"""First start on an empty database: set up the office, or fill it with demo data.

Each page is checked when Lanjut is pressed, with the core's own rules, so a
problem is shown next to its field on the page where it was typed; the last
page writes everything in one transaction (kpu_desk.office.first_start_setup).
"""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QListWidgetItem, QWidget, QWizard

from kpu_desk import office
from kpu_desk.accounts import User
from kpu_desk.accounts.users import new_account_problems
from kpu_desk.gui.operations import Operation
from kpu_desk.gui.uiload import load_ui
from kpu_desk.gui.widgets.field_errors import FieldErrors, sentence
from kpu_desk.gui.widgets.logo_file import ask_logo_file
from kpu_desk.gui.widgets.progress_panel import ProgressPanel
from kpu_desk.validation import FormError

DEMO_DAYS = 20
INTRO, OFFICE, ADMIN, SOPS = range(4)


class SetupWizard(QWizard):
    def __init__(self, parent: QWidget | None = None, demo_days: int = DEMO_DAYS):
        super().__init__(parent)
        load_ui("setup_wizard.ui", self)
        self.demo_days = demo_days
        self.admin: User | None = None  # set when the office was set up
        self.demo_loaded = False
        self.demo: Operation | None = None
        self.logo_file: str | None = None
        self._indonesian_buttons()
        self._errors()
        self.levelCombo.addItems(list(office.LEVELS))
        self._fill_sops()
        self.progress = ProgressPanel(self)
        self.progressLayout.addWidget(self.progress)
        self.demoMessage.hide()
        self.demoButton.clicked.connect(self.load_demo)
        self.chooseLogoButton.clicked.connect(self.choose_logo)

    # --- checking each page ------------------------------------------------------------------

    def validateCurrentPage(self) -> bool:  # noqa: N802
        checks = {OFFICE: self._office_ok, ADMIN: self._admin_ok, SOPS: self._set_up}
        check = checks.get(self.currentId())
        return check() if check else True

    def _office_ok(self) -> bool:
        problems = office.office_problems(self.profile())
        problems = {k: v for k, v in problems.items() if k in ("name", "level")}
        problems.update(office.logo_problems(self.logo_file))
        self.office_errors.show(problems)
        return not problems

    def _admin_ok(self) -> bool:
        admin = self.first_admin()
        problems = new_account_problems(admin.username, admin.full_name, admin.password, {"administrator"}, admin.nip)
        if self.passwordEdit.text() != self.repeatEdit.text():
            problems["password"] = self.tr("kedua kata sandi tidak sama; ketik ulang")
        self.admin_errors.show(problems)
        return not problems

    def _set_up(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.admin = office.first_start_setup(self.profile(), self.first_admin(), logo_file=self.logo_file)
        except FormError as exc:
            self.sops_errors.show(exc.errors)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        return True

    # --- what was typed ----------------------------------------------------------------------

    def profile(self) -> office.OfficeProfile:
        chosen = tuple(self.sopsList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sopsList.count())
                       if self.sopsList.item(i).checkState() == Qt.CheckState.Checked)
        return office.OfficeProfile(name=self.nameEdit.text(), level=self.levelCombo.currentText(),
                                    address=self.addressEdit.toPlainText(), sops_in_use=chosen)

    def first_admin(self) -> office.FirstAdmin:
        return office.FirstAdmin(username=self.usernameEdit.text(), full_name=self.fullNameEdit.text(),
                                 password=self.passwordEdit.text(), jabatan=self.jabatanEdit.text(),
                                 nip=self.nipEdit.text())

    def choose_logo(self) -> None:
        path = ask_logo_file(self)
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> None:
        self.logo_file = path
        self.logoPathLabel.setText(path)
        pixmap = QPixmap(path)
        if not pixmap.isNull():
            self.logoPreview.setPixmap(pixmap.scaled(52, 52, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))

    # --- demo data ---------------------------------------------------------------------------

    def load_demo(self) -> Operation:
        """Fill the database with the demo office off the UI thread; Batal leaves it empty."""
        days = self.demo_days
        self.demo = Operation(lambda progress: office.load_demo(days=days, progress=progress), self)
        self.demo.succeeded.connect(self._demo_done)
        self.demo.failed.connect(lambda text: self._demo_message(text, problem=True))
        self.demo.cancelled.connect(lambda: self._demo_message(
            self.tr("Pengisian data demo dibatalkan; basis data tetap kosong."), problem=False))
        self.demo.finished.connect(lambda: self._busy(False))
        self._busy(True)
        self.demoMessage.hide()
        self.progress.follow(self.demo, self.tr("Mengisi kasus contoh…"))
        self.demo.start()
        return self.demo

    def reject(self) -> None:
        if self.demo is not None and self.demo.running:
            self.demo.cancel()  # closing while filling means "stop": the fill rolls back
            return
        super().reject()

    def _demo_done(self, _report) -> None:
        self.demo_loaded = True
        self.accept()

    def _demo_message(self, text: str, problem: bool) -> None:
        self.demoMessage.setProperty("role", "error" if problem else "summary")
        self.demoMessage.style().unpolish(self.demoMessage)
        self.demoMessage.style().polish(self.demoMessage)
        self.demoMessage.setText(sentence(text))
        self.demoMessage.show()

    def _busy(self, busy: bool) -> None:
        self.demoButton.setEnabled(not busy)
        for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton):
            self.button(button).setEnabled(not busy)

    # --- building ----------------------------------------------------------------------------

    def _indonesian_buttons(self) -> None:
        texts = {QWizard.WizardButton.BackButton: self.tr("< &Kembali"),
                 QWizard.WizardButton.NextButton: self.tr("&Lanjut >"),
                 QWizard.WizardButton.FinishButton: self.tr("&Selesai"),
                 QWizard.WizardButton.CancelButton: self.tr("&Batal")}
        for button, text in texts.items():
            self.setButtonText(button, text)

    def _errors(self) -> None:
        self.office_errors = FieldErrors(
            {"name": self.nameError, "level": self.levelError, "logo": self.logoError},
            {"name": self.nameEdit, "level": self.levelCombo})
        self.admin_errors = FieldErrors(
            {"username": self.usernameError, "full_name": self.fullNameError, "nip": self.nipError,
             "password": self.passwordError},
            {"username": self.usernameEdit, "full_name": self.fullNameEdit, "nip": self.nipEdit,
             "password": self.passwordEdit})
        self.sops_errors = FieldErrors({"sops": self.sopsError}, {"sops": self.sopsList}, general=self.setupError)

    def _fill_sops(self) -> None:
        for sop in office.shipped_sops():
            item = QListWidgetItem(f"{' '.join(sop.header.name.split())}\n{sop.header.office} · {sop.header.number}")
            item.setData(Qt.ItemDataRole.UserRole, sop.id)
            item.setCheckState(Qt.CheckState.Checked)
            self.sopsList.addItem(item)
