"""Step forms built at run time from an SOP step's `form` fields.

    form = StepForm(step, FormContext(case_number=..., user=session.user))
    form.submitted.connect(...)        # Enter (Ctrl+Enter in a multi-line field)
    clean = form.check()               # engine.validate_form; errors shown beside their fields

The SOP file decides the fields; kpu_desk.engine.validate_form decides the rules.
A form never checks a rule of its own beyond what its editors prevent while typing
(a NIK field takes no letters), so the screen and the command line agree.
"""

from kpu_desk.gui.forms.context import FileChooser, FormContext, dialog_file_chooser
from kpu_desk.gui.forms.step_form import StepForm

__all__ = ["FileChooser", "FormContext", "StepForm", "dialog_file_chooser"]
