"""A number, typed as Indonesians write it (36,5); the SOP's smallest and largest shown as a hint.

A line edit rather than a spin box: a spin box silently changes 250 into the
maximum, while the clerk must see that 250 is refused, and why.
"""

from __future__ import annotations

from kpu_desk.gui.forms.context import translate
from kpu_desk.gui.forms.text_editors import LineEditor

NUMBER_INPUT = r"[+-]?[0-9]{0,12}([.,][0-9]{0,6})?"


def plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number).replace(".", ",")


class NumberEditor(LineEditor):
    def setup(self) -> None:
        self.allow(NUMBER_INPUT)
        self.edit.setPlaceholderText(self.range_hint())
        self.fit_width(max(len(self.range_hint()) + 2, 12))

    def range_hint(self) -> str:
        low, high = self.field.minimum, self.field.maximum
        if low is not None and high is not None:
            return translate("angka {0} sampai {1}").format(plain(low), plain(high))
        if low is not None:
            return translate("angka, paling kecil {0}").format(plain(low))
        if high is not None:
            return translate("angka, paling besar {0}").format(plain(high))
        return translate("angka")

    def set_raw_value(self, value) -> None:
        text = plain(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
        super().set_raw_value(text)
